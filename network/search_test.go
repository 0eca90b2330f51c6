package network

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// referenceMeasures is Brandes' algorithm as the paper writes it (a queue,
// predecessor lists, a stack, distances as integers), with closeness and
// reach counted from the same distances: the plain version the optimised
// search must agree with.
func referenceMeasures(g *simpleGraph) (bc, cc, reach []float64) {
	n := g.n()
	bc = make([]float64, n)
	cc = make([]float64, n)
	reach = make([]float64, n)
	for s := 0; s < n; s++ {
		dist := make([]int, n)
		for i := range dist {
			dist[i] = -1
		}
		sigma := make([]float64, n)
		delta := make([]float64, n)
		preds := make([][]int, n)
		var stack []int
		dist[s], sigma[s] = 0, 1
		queue := []int{s}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			stack = append(stack, v)
			for _, w32 := range g.neighbours(v) {
				w := int(w32)
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
					preds[w] = append(preds[w], v)
				}
			}
		}
		for i := len(stack) - 1; i >= 0; i-- {
			w := stack[i]
			for _, v := range preds[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			if w != s {
				bc[w] += delta[w]
			}
		}
		reached, sum, near := 0, 0, 0
		for v, d := range dist {
			if v == s || d < 0 {
				continue
			}
			reached++
			sum += d
			if d <= 2 {
				near++
			}
		}
		if reached > 0 {
			cc[s] = float64(reached) / float64(n-1) * float64(reached) / float64(sum)
			reach[s] = float64(near) / float64(n-1)
		}
	}
	for i := range bc {
		if n > 2 {
			bc[i] /= float64(n-1) * float64(n-2)
		} else {
			bc[i] = 0
		}
	}
	return bc, cc, reach
}

// graphOf builds the simple graph of n actors joined by the given pairs.
func graphOf(n int, pairs [][2]int) *simpleGraph {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{ID: "v" + strconv.Itoa(i), Kind: Individual}
	}
	edges := make([]Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = Edge{From: nodes[p[0]].ID, To: nodes[p[1]].ID, Type: Other}
	}
	return build(nodes, edges, nil)
}

// searchCases are graphs of the shapes that take the search's different
// ways: small and large (one chunk, several), dense and sparse (one
// component, many, actors without ties), leaves, twins, long chains (many
// levels, where the search switches direction back and forth), stars.
func searchCases() map[string]*simpleGraph {
	rng := rand.New(rand.NewPCG(7, 7))
	random := func(n, m int) [][2]int {
		pairs := make([][2]int, m)
		for i := range pairs {
			pairs[i] = [2]int{rng.IntN(n), rng.IntN(n)}
		}
		return pairs
	}
	cases := map[string]*simpleGraph{
		"empty":    graphOf(0, nil),
		"one":      graphOf(1, nil),
		"two":      graphOf(2, [][2]int{{0, 1}}),
		"isolated": graphOf(5, nil),
	}
	for i, size := range [][2]int{{10, 15}, {40, 30}, {60, 300}, {150, 140}, {199, 2000}, {300, 1500}, {800, 900}, {1000, 5000}, {2500, 12000}, {2500, 2600}} {
		cases["random "+strconv.Itoa(i)] = graphOf(size[0], random(size[0], size[1]))
	}
	// A tree with a dense core: many leaves and chains hanging off it.
	var tree [][2]int
	for v := 1; v < 400; v++ {
		tree = append(tree, [2]int{v, rng.IntN(v)})
	}
	cases["tree"] = graphOf(400, tree)
	cases["tree with core"] = graphOf(400, append(tree, random(40, 200)...))
	// Twins: K(3,40) and copies of neighbourhoods.
	var twins [][2]int
	for a := 0; a < 3; a++ {
		for b := 3; b < 43; b++ {
			twins = append(twins, [2]int{a, b})
		}
	}
	cases["twins"] = graphOf(43, twins)
	// A long chain with a clique at one end and a ring in the middle.
	var chain [][2]int
	for v := 1; v < 600; v++ {
		chain = append(chain, [2]int{v - 1, v})
	}
	for a := 0; a < 30; a++ {
		for b := a + 1; b < 30; b++ {
			chain = append(chain, [2]int{a, b})
		}
	}
	chain = append(chain, [2]int{300, 350}, [2]int{599, 580})
	cases["chain"] = graphOf(600, chain)
	var star [][2]int
	for v := 1; v < 300; v++ {
		star = append(star, [2]int{0, v})
	}
	cases["star"] = graphOf(300, star)
	// Several components of different sizes and a few lone actors.
	var comps [][2]int
	for _, c := range [][2]int{{0, 500}, {500, 900}, {900, 905}, {905, 2100}} {
		for range 4 * (c[1] - c[0]) {
			comps = append(comps, [2]int{c[0] + rng.IntN(c[1]-c[0]), c[0] + rng.IntN(c[1]-c[0])})
		}
	}
	cases["components"] = graphOf(2110, comps)
	return cases
}

func closeEnough(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b)) }

func TestPathsAgainstReference(t *testing.T) {
	for name, g := range searchCases() {
		t.Run(name, func(t *testing.T) {
			wantBC, wantCC, wantReach := referenceMeasures(g)
			check := func(how string, bc, cc, reach []float64) {
				t.Helper()
				if len(bc) != g.n() || len(cc) != g.n() || len(reach) != g.n() {
					t.Fatalf("%s: %d, %d, %d values for %d actors", how, len(bc), len(cc), len(reach), g.n())
				}
				bad := 0
				for v := range g.n() {
					if !closeEnough(bc[v], wantBC[v]) || !closeEnough(cc[v], wantCC[v]) || !closeEnough(reach[v], wantReach[v]) {
						if bad++; bad <= 3 {
							t.Errorf("%s: actor %d: betweenness %.15g, closeness %.15g, reach %.15g; want %.15g, %.15g, %.15g",
								how, v, bc[v], cc[v], reach[v], wantBC[v], wantCC[v], wantReach[v])
						}
					}
				}
			}
			bc, cc, reach := paths(g)
			check("paths", bc, cc, reach)
			// The 32-bit search, which networks of more than 65,536 actors
			// take, on the same graph.
			bc, cc, reach = pathsIn(g, true)
			check("32-bit", bc, cc, reach)
		})
	}
}
