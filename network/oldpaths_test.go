package network

import (
	"sync"
	"testing"
)

// paths runs one breadth-first search per actor (Brandes' algorithm, 2001)
// and derives betweenness, closeness and reach from it. Written out rather
// than taken from gonum because closeness follows NetworkX's convention for
// disconnected graphs, and flat arrays keep 2,000 actors well under a second.
// The sources are split into a fixed number of chunks searched in parallel
// and summed in chunk order, so the result does not depend on the machine.
func oldPaths(g *simpleGraph) (bc, cc, reach []float64) {
	n := g.n()
	cc = make([]float64, n)
	reach = make([]float64, n)
	chunks := 1
	if n >= 200 {
		chunks = 4
	}
	partial := make([][]float64, chunks)
	var wg sync.WaitGroup
	for k := range chunks {
		wg.Go(func() {
			partial[k] = oldBrandes(g, k*n/chunks, (k+1)*n/chunks, cc, reach)
		})
	}
	wg.Wait()
	bc = partial[0]
	for _, p := range partial[1:] {
		for i, x := range p {
			bc[i] += x
		}
	}
	// Each pair was counted from both ends: dividing by (n-1)(n-2) is the
	// same as dividing pair betweenness by (n-1)(n-2)/2.
	if n <= 2 {
		clear(bc)
	} else {
		scale := 1 / (float64(n-1) * float64(n-2))
		for i := range bc {
			bc[i] *= scale
		}
	}
	return bc, cc, reach
}

// brandes searches from the sources from ≤ s < to, writes their closeness
// and reach, and returns their (unscaled) betweenness contributions.
func oldBrandes(g *simpleGraph, from, to int, cc, reach []float64) []float64 {
	n := g.n()
	bc := make([]float64, n)
	dist := make([]int32, n)
	sigma := make([]float64, n) // number of shortest paths from s
	coef := make([]float64, n)  // (1 + dependency) / sigma, once known
	order := make([]int32, 0, n)
	// children lists, for each node in visit order, the neighbours one step
	// farther from s: node order[i] has children[first[i]:first[i+1]].
	children := make([]int32, 0, len(g.nbr))
	first := make([]int32, 0, n+1)
	for i := range dist {
		dist[i] = -1
	}
	for s := from; s < to; s++ {
		order = append(order[:0], int32(s))
		children = children[:0]
		first = first[:0]
		dist[s] = 0
		sigma[s] = 1
		sum, within2 := 0, 0
		for i := 0; i < len(order); i++ {
			v := order[i]
			dv := dist[v]
			if dv > 0 {
				sum += int(dv)
				if dv <= 2 {
					within2++
				}
			}
			first = append(first, int32(len(children)))
			// Written without a branch on "is w a child": which neighbours
			// are children is unpredictable, and mispredictions cost more
			// than the extra stores.
			nc := len(children)
			children = children[:cap(children)]
			sv := sigma[v]
			for _, w := range g.neighbours(int(v)) {
				dw := dist[w]
				if dw < 0 {
					dw = dv + 1
					dist[w] = dw
					order = append(order, w)
				}
				child := 0
				if dw == dv+1 {
					child = 1
				}
				children[nc] = w
				nc += child
				sigma[w] += sv * float64(child)
			}
			children = children[:nc]
		}
		first = append(first, int32(len(children)))
		// Dependencies, farthest first: a node's children are all settled
		// before it. delta(v) = sigma(v) · Σ_children (1 + delta(w)) / sigma(w).
		for i := len(order) - 1; i >= 0; i-- {
			v := order[i]
			sumW := 0.0
			for _, w := range children[first[i]:first[i+1]] {
				sumW += coef[w]
			}
			delta := sigma[v] * sumW
			coef[v] = (1 + delta) / sigma[v]
			if i > 0 {
				bc[v] += delta
			}
		}
		if r := len(order) - 1; r > 0 {
			cc[s] = (float64(r) / float64(n-1)) * (float64(r) / float64(sum))
			reach[s] = float64(within2) / float64(n-1)
		}
		for _, v := range order {
			dist[v] = -1
			sigma[v] = 0
		}
	}
	return bc
}

func TestPathsMatchOld(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		n := 5 + int(seed*37%600)
		m := n * int(1+seed%6)
		if seed%5 == 0 {
			m = n / 2 // many components
		}
		nodes, edges := randomNetwork(n, m, seed)
		g := build(nodes, edges, nil)
		bc, cc, reach := paths(g)
		obc, occ, oreach := oldPaths(g)
		for i := range bc {
			if round12(bc[i]) != round12(obc[i]) || cc[i] != occ[i] || reach[i] != oreach[i] {
				t.Fatalf("seed %d node %d: new (%v %v %v) old (%v %v %v)", seed, i, bc[i], cc[i], reach[i], obc[i], occ[i], oreach[i])
			}
		}
	}
}

func BenchmarkPathsOldNew(b *testing.B) {
	g := build(largeNodes, largeEdges, nil)
	b.Run("old", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			oldPaths(g)
		}
	})
	b.Run("new", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			paths(g)
		}
	})
}

func TestPathsMatchOldLarge(t *testing.T) {
	exact := 0
	total := 0
	for seed := uint64(100); seed < 106; seed++ {
		nodes, edges := randomNetwork(2500+int(seed%3)*500, 8000+int(seed%4)*3000, seed)
		g := build(nodes, edges, nil)
		bc, cc, reach := paths(g)
		obc, occ, oreach := oldPaths(g)
		for i := range bc {
			total++
			if bc[i] == obc[i] {
				exact++
			}
			if round12(bc[i]) != round12(obc[i]) || cc[i] != occ[i] || reach[i] != oreach[i] {
				t.Fatalf("seed %d node %d differs", seed, i)
			}
		}
	}
	t.Logf("%d of %d betweenness bit-identical before rounding", exact, total)
}
