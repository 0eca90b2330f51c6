package network

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// paths runs one breadth-first search per actor (Brandes' algorithm, 2001)
// and derives betweenness, closeness and reach from the same search.
// Written out rather than taken from gonum because closeness follows
// NetworkX's convention for disconnected graphs, and because the search is
// the whole cost of a large network: for 10,000 actors and 50,000 ties,
// 10,000 searches over 100,000 neighbour entries each.
//
// The sources are cut into a number of chunks that depends only on n;
// GOMAXPROCS workers take chunks in turn, each with search buffers of its
// own allocated once, and each chunk sums its betweenness apart. The chunks
// are then added in order, so the result does not depend on the machine or
// on which worker took which chunk.
func paths(g *simpleGraph) (bc, cc, reach []float64) {
	return pathsIn(g, g.n() > 1<<16)
}

// pathsIn is paths with 32-bit node numbers in the search when wide, else
// 16-bit ones. Up to 65,536 actors, node numbers fit in 16 bits: the
// neighbour lists and the search's buffers take half the room, and a
// network of 10,000 actors and 50,000 ties stays in the processor's
// second-level cache, which decides the speed of the search.
func pathsIn(g *simpleGraph, wide bool) (bc, cc, reach []float64) {
	r := renumber(g)
	if wide {
		bc, cc, reach = searchAll(r.off, r.nbr, r.bounds)
	} else {
		nbr := make([]uint16, len(r.nbr))
		for i, v := range r.nbr {
			nbr[i] = uint16(v)
		}
		bc, cc, reach = searchAll(r.off, nbr, r.bounds)
	}
	return r.back(bc), r.back(cc), r.back(reach)
}

// renumbered is a graph with its nodes numbered again, component after
// component, each in breadth-first order. A component's nodes are then
// consecutive, so a search knows the nodes it can still reach without a
// list, and nodes close in the network are mostly close in memory.
type renumbered struct {
	old      []int32 // old[u] is the number of node u in the graph
	off, nbr []int32 // rows as in simpleGraph, in the new numbers, sorted
	// bounds are where the components start, then n: component c holds
	// nodes bounds[c] to bounds[c+1]-1.
	bounds []int32
}

func renumber(g *simpleGraph) *renumbered {
	n := g.n()
	r := &renumbered{old: make([]int32, 0, n), off: make([]int32, n+1), nbr: make([]int32, len(g.nbr)), bounds: []int32{0}}
	pos := make([]int32, n)
	for i := range pos {
		pos[i] = -1
	}
	for s := range n {
		if pos[s] >= 0 {
			continue
		}
		pos[s] = int32(len(r.old))
		r.old = append(r.old, int32(s))
		for i := int(r.bounds[len(r.bounds)-1]); i < len(r.old); i++ {
			for _, v := range g.neighbours(int(r.old[i])) {
				if pos[v] < 0 {
					pos[v] = int32(len(r.old))
					r.old = append(r.old, v)
				}
			}
		}
		r.bounds = append(r.bounds, int32(len(r.old)))
	}
	for u, o := range r.old {
		row := r.nbr[r.off[u] : int(r.off[u])+g.degree(int(o))]
		for i, v := range g.neighbours(int(o)) {
			row[i] = pos[v]
		}
		slices.Sort(row)
		r.off[u+1] = r.off[u] + int32(len(row))
	}
	return r
}

// back returns the values by node in the graph's numbering.
func (r *renumbered) back(x []float64) []float64 {
	out := make([]float64, len(x))
	for u, o := range r.old {
		out[o] = x[u]
	}
	return out
}

// vertex is the type of node numbers in a search.
type vertex interface{ ~uint16 | ~int32 }

// searchAll runs the searches from every source over the compressed rows
// off, nbr of a graph whose components are the ranges between bounds.
func searchAll[V vertex](off []int32, nbr []V, bounds []int32) (bc, cc, reach []float64) {
	n := len(off) - 1
	cc = make([]float64, n)
	reach = make([]float64, n)
	chunks := pathChunks(n)
	if chunks == 0 {
		return []float64{}, cc, reach
	}
	partial := make([][]float64, chunks)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), chunks)) {
		wg.Go(func() {
			s := newSearch(off, nbr, bounds)
			for {
				k := int(next.Add(1)) - 1
				if k >= chunks {
					return
				}
				partial[k] = make([]float64, n)
				s.run(k*n/chunks, (k+1)*n/chunks, partial[k], cc, reach)
			}
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

// pathChunks is how many chunks the sources are cut into: one for small
// networks, and enough for large ones that a worker finishing early finds
// more to do.
func pathChunks(n int) int {
	switch {
	case n == 0:
		return 0
	case n < 200:
		return 1
	case n < 2000:
		return 4
	default:
		return 16
	}
}

// search is one worker's breadth-first search state, reused from source to
// source: nothing is allocated per source or per visit.
//
// Each step of a search finds the next level, the nodes one step farther
// than the last, in one of two ways (Beamer, Asanović and Patterson,
// "Direction-optimizing breadth-first search", 2012). Top-down, it reads
// the neighbours of every node of the last level; bottom-up, those of
// every node not reached yet, keeping the ones that have a neighbour in
// the last level. Either way it reads every tie between the last level and
// the next, so it finds every shortest path, and a step takes the way with
// fewer neighbours to read. In a random network of 10,000 actors and 50,000
// ties a search reaches everyone in six steps, the last two bottom-up, and
// reads some 45,000 of the 100,000 neighbour entries that a top-down
// search reads.
type search[V vertex] struct {
	off    []int32
	nbr    []V
	bounds []int32
	// level marks each node with its distance from the source modulo 3,
	// plus 1 (0: not reached yet). A neighbour of a node at distance d is at
	// d-1, d or d+1, which the residues tell apart, and a byte per node keeps
	// the array small.
	level []uint8
	sigma []float64 // number of shortest paths from the source
	// coef is (1 + dependency) / sigma once known; before, for a node whose
	// children were found bottom-up, the sum of its children's coef, and
	// during the bottom-up step that reaches a node, its sigma.
	coef  []float64
	order []V // nodes in visit order
	// levels are where each level starts in order, then where the last
	// ends; up tells which steps went bottom-up.
	levels []int32
	up     []bool
	unseen []V // nodes not reached yet, once a step went bottom-up
	// dag holds the ties of the shortest paths. A top-down step from node
	// order[i] writes its children at dag[cfirst[i]:cfirst[i+1]]; a
	// bottom-up step to node order[j] its parents at dag[pfirst[j]:pfirst[j+1]].
	dag            []V
	cfirst, pfirst []int32
}

func newSearch[V vertex](off []int32, nbr []V, bounds []int32) *search[V] {
	n := len(off) - 1
	return &search[V]{
		off:    off,
		nbr:    nbr,
		bounds: bounds,
		level:  make([]uint8, n),
		sigma:  make([]float64, n),
		coef:   make([]float64, n),
		order:  make([]V, n+1), // one more for the top-down step's last store
		levels: make([]int32, 0, n+2),
		up:     make([]bool, 0, n+1),
		unseen: make([]V, 0, n),
		dag:    make([]V, len(nbr)+1),
		cfirst: make([]int32, n+1),
		pfirst: make([]int32, n+1),
	}
}

// nextLevel is the mark of the level after the one marked l.
func nextLevel(l uint8) uint8 { return l%3 + 1 }

// run searches from the sources from ≤ src < to, writes their closeness
// and reach, and adds their (unscaled) betweenness contributions to bc.
func (s *search[V]) run(from, to int, bc, cc, reach []float64) {
	n := len(s.level)
	off, nbr, bounds := s.off, s.nbr, s.bounds
	level, sigma, coef, order, dag := s.level, s.sigma, s.coef, s.order, s.dag
	cfirst, pfirst := s.cfirst, s.pfirst
	c := 0
	for src := from; src < to; src++ {
		for int(bounds[c+1]) <= src {
			c++
		}
		lo, hi := int(bounds[c]), int(bounds[c+1])
		order[0] = V(src)
		level[src], sigma[src] = 1, 1
		// tail is the number of nodes reached, ne of ties in dag. Both are
		// written by index rather than appended to, so that the inner loops
		// call nothing and keep their counters in registers.
		tail, ne := 1, 0
		levels := append(s.levels[:0], 0, 1)
		up := s.up[:0]
		cur := uint8(1)
		// The neighbours a step would read top-down, and bottom-up.
		frontierArcs := int(off[src+1] - off[src])
		unseenArcs := int(off[hi]-off[lo]) - frontierArcs
		unseen := s.unseen[:0]
		listed := false
		for {
			start, end := int(levels[len(levels)-2]), tail
			next := nextLevel(cur)
			if unseenArcs < frontierArcs {
				if !listed {
					unseen = unseen[:hi-lo]
					k := 0
					for v := lo; v < hi; v++ {
						no := 0
						if level[v] == 0 {
							no = 1
						}
						unseen[k] = V(v)
						k += no
					}
					unseen = unseen[:k]
					listed = true
				}
				k, newArcs := 0, 0
				for _, w := range unseen {
					if level[w] != 0 {
						continue // reached by a top-down step since listed
					}
					first := ne
					// Every neighbour is written to dag, and the count moves
					// on only for those in the last level: which they are is
					// unpredictable, and a branch around the store would be
					// mispredicted often. Every neighbour's sigma is added:
					// it is 0 but in the last level (see below).
					sw := 0.0
					row := nbr[off[w]:off[w+1]]
					for _, x := range row {
						parent := 0
						if level[x] == cur {
							parent = 1
						}
						dag[ne] = x
						ne += parent
						sw += sigma[x]
					}
					if ne == first {
						unseen[k] = w
						k++
						continue
					}
					// Kept in coef until the step ends, so that the sigma
					// of the nodes the step reaches stays 0 meanwhile.
					coef[w] = sw
					level[w] = next
					newArcs += len(row)
					pfirst[tail] = int32(first)
					order[tail] = w
					tail++
				}
				unseen = unseen[:k]
				pfirst[tail] = int32(ne)
				for _, w := range order[end:tail] {
					sigma[w], coef[w] = coef[w], 0
				}
				up = append(up, true)
				frontierArcs = newArcs
			} else {
				for i := start; i < end; i++ {
					v := order[i]
					cfirst[i] = int32(ne)
					sv := sigma[v]
					for _, w := range nbr[off[v]:off[v+1]] {
						// Without branches, as in the bottom-up step: a node
						// reached for the first time is marked and listed,
						// and only the children gain the paths through v.
						lw := level[w]
						found := 0
						if lw == 0 {
							found = 1
						}
						lw |= next & -uint8(found)
						level[w] = lw
						order[tail] = w
						tail += found
						child := 0
						if lw == next {
							child = 1
						}
						dag[ne] = w
						ne += child
						sigma[w] += sv * float64(child)
					}
				}
				cfirst[end] = int32(ne)
				up = append(up, false)
			}
			if tail == end {
				break
			}
			levels = append(levels, int32(tail))
			if !up[len(up)-1] {
				frontierArcs = 0
				for _, v := range order[end:tail] {
					frontierArcs += int(off[v+1] - off[v])
				}
			}
			unseenArcs -= frontierArcs
			cur = next
		}
		// Dependencies, farthest first: a node's children are all settled
		// before it. Level d holds order[levels[d]:levels[d+1]]. With
		// coef(w) = (1 + delta(w)) / sigma(w) for each child w of v,
		// delta(v) = sigma(v) · Σ coef(w) and coef(v) = 1/sigma(v) + Σ coef(w).
		// Children found top-down are read from v's list; children found
		// bottom-up, once settled, have added their coef to their parents'.
		// The source's own dependency is not needed.
		deepest := len(levels) - 2
		for d := deepest; d >= 1; d-- {
			gather, scatter := !up[d], up[d-1]
			for i := int(levels[d]); i < int(levels[d+1]); i++ {
				v := order[i]
				sumW := coef[v]
				if gather {
					for _, w := range dag[cfirst[i]:cfirst[i+1]] {
						sumW += coef[w]
					}
				}
				sv := sigma[v]
				cv := 1/sv + sumW
				coef[v] = cv
				bc[v] += sv * sumW
				if scatter {
					for _, x := range dag[pfirst[i]:pfirst[i+1]] {
						coef[x] += cv
					}
				}
			}
		}
		if r := tail - 1; r > 0 {
			sum := 0
			for d := 1; d <= deepest; d++ {
				sum += d * int(levels[d+1]-levels[d])
			}
			within2 := int(levels[min(3, deepest+1)]) - 1
			cc[src] = (float64(r) / float64(n-1)) * (float64(r) / float64(sum))
			reach[src] = float64(within2) / float64(n-1)
		}
		// The search reached the whole component and nothing else.
		clear(level[lo:hi])
		clear(sigma[lo:hi])
		clear(coef[lo:hi])
		s.levels, s.up, s.unseen = levels, up, unseen
	}
}
