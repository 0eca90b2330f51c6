package network

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// NodeMetrics are one actor's measures in the analysed network.
type NodeMetrics struct {
	// Degree is the number of other actors this one has a tie with.
	Degree int
	// Betweenness is the share of shortest paths between other pairs of
	// actors that pass through this one, normalised to 0–1 as NetworkX's
	// betweenness_centrality does for undirected graphs: pair betweenness
	// divided by (n-1)(n-2)/2, and 0 when n <= 2. A pair joined by several
	// shortest paths shares its count equally among them.
	Betweenness float64
	// Closeness is NetworkX's closeness_centrality with wf_improved: for an
	// actor reaching r others at distances adding up to s, (r/(n-1))·(r/s),
	// 0 when r = 0. Actors in small components score low even when close to
	// everyone they can reach.
	Closeness float64
	// Eigenvector is eigenvector centrality, scaled so that the largest is 1;
	// see Analyse for networks of several components.
	Eigenvector float64
	// Reach is the share of the other actors within two steps.
	Reach float64
	// Community is the number of the actor's community in Result.Communities.
	Community int
	// Component is the number of the actor's component in Result.Components.
	Component int
}

// Crosser is a boundary crosser: a person tied to several collectives.
type Crosser struct {
	ID string
	// Ties are the IDs of the groups, organisations and institutions the
	// person is tied to, in input order.
	Ties []string
}

// Result is the analysis of one network.
type Result struct {
	// Nodes and Edges count the actors and the ties of the simple graph (two
	// actors joined by several relationships make one tie).
	Nodes, Edges int
	// Density is the share of possible ties that exist: 2m / n(n-1).
	Density float64
	// AverageDegree is 2m / n.
	AverageDegree float64
	// Centralisation is Freeman's degree centralisation: the sum over actors
	// of (largest degree - degree), divided by (n-1)(n-2), its value for a
	// star. 1 for a star, 0 when everyone has as many ties; 0 when n <= 2.
	Centralisation float64
	// Metrics holds each actor's measures by ID (absent IDs read as zero).
	Metrics map[string]NodeMetrics
	// Components are the groups of actors joined by paths, as lists of IDs
	// in input order, largest first.
	Components [][]string
	// Communities are the densely tied groups found by the Louvain method,
	// as lists of IDs in input order, largest first. Every actor is in
	// exactly one; an actor without ties is a community of its own.
	Communities [][]string
	// BoundaryCrossers are the individuals tied to two or more groups,
	// organisations or institutions, the most ties first (ties: by label).
	BoundaryCrossers []Crosser
	// Brokers are the IDs of up to five actors with the highest betweenness
	// above 0, highest first (ties: by label, then ID).
	Brokers []string

	// shape keeps the costly measures for Update.
	shape *shapeMeasures
}

// maxBrokers is how many brokers Result lists.
const maxBrokers = 5

// Analyse measures the network made by the relationships of the chosen
// types (all types when types is empty) as a simple undirected graph: one
// tie between two actors whatever the number, type or direction of the
// relationships that join them. Self-loops, edges to unknown actors and
// actors with an empty or repeated ID are ignored. It never returns nil and
// never produces NaN.
//
// Eigenvector centrality is the limit of power iteration on A+I (adding I
// changes no eigenvector but makes the iteration converge on bipartite
// networks such as a star or a path) started from equal scores, as NetworkX's
// eigenvector_centrality, then scaled so that the largest score is 1. It is
// computed per component for accuracy and combined exactly as that iteration
// would combine them: only the components with the largest leading
// eigenvalue keep non-zero scores (when several tie, each keeps its scores,
// weighted as the iteration weighs them); actors in smaller or looser
// components, and actors without ties, get 0. A network without ties gives
// 0 everywhere. For very long chains the iteration stops after a fixed
// budget and the scores are close to, not at, the limit.
func Analyse(nodes []Node, edges []Edge, types []string) *Result {
	return Update(nil, nodes, edges, types)
}

// Update analyses the network as Analyse does, reusing from prev, an
// earlier analysis (nil: none), the measures that depend only on the shape
// of the graph — betweenness, closeness, reach, eigenvector centrality and
// communities, the costly ones — when the shape is unchanged: the same kept
// actors in the same order, joined by the same ties. That is the case after
// most writes to a network: an actor's sector, notes or kind edited, a
// relationship's strength or dates changed, a second relationship between
// two actors already tied, a relationship of a type not chosen. Everything
// else (degree and the network's figures, components, boundary crossers,
// brokers) is computed again, which takes milliseconds. The result is the
// one Analyse gives, whatever prev.
func Update(prev *Result, nodes []Node, edges []Edge, types []string) *Result {
	g := build(nodes, edges, types)
	n := g.n()
	res := &Result{
		Nodes:       n,
		Edges:       g.m,
		Metrics:     make(map[string]NodeMetrics, n),
		Components:  [][]string{},
		Communities: [][]string{},
	}
	if n == 0 {
		res.BoundaryCrossers = []Crosser{}
		res.Brokers = []string{}
		return res
	}
	if n > 1 {
		res.Density = 2 * float64(g.m) / (float64(n) * float64(n-1))
	}
	res.AverageDegree = 2 * float64(g.m) / float64(n)
	res.Centralisation = centralisation(g)

	comps, compOf := g.components()
	for _, c := range comps {
		res.Components = append(res.Components, g.ids(c))
	}
	sh := prev.reusable(g)
	if sh == nil {
		sh = measureShape(g, comps)
	}
	res.shape = sh
	for _, c := range sh.comms {
		res.Communities = append(res.Communities, g.ids(c))
	}
	for u, nd := range g.nodes {
		res.Metrics[nd.ID] = NodeMetrics{
			Degree:      g.degree(u),
			Betweenness: sh.bc[u],
			Closeness:   sh.cc[u],
			Eigenvector: sh.ev[u],
			Reach:       sh.reach[u],
			Community:   sh.commOf[u],
			Component:   compOf[u],
		}
	}
	res.BoundaryCrossers = boundaryCrossers(g)
	res.Brokers = brokers(g, sh.bc)
	return res
}

// shapeMeasures holds the measures that depend only on the graph's shape, by node
// index, with the shape they were measured on.
type shapeMeasures struct {
	ids               []string
	off, nbr          []int32
	bc, cc, reach, ev []float64
	comms             [][]int
	commOf            []int
}

// measureShape computes the costly measures.
func measureShape(g *simpleGraph, comps [][]int) *shapeMeasures {
	sh := &shapeMeasures{ids: make([]string, 0, g.n()), off: g.off, nbr: g.nbr}
	for _, nd := range g.nodes {
		sh.ids = append(sh.ids, nd.ID)
	}
	// Communities and eigenvector centrality take a small part of the path
	// measures' time: run them beside.
	var wg sync.WaitGroup
	wg.Go(func() {
		sh.comms, sh.commOf = communities(g)
		sh.ev = eigenvector(g, comps)
	})
	sh.bc, sh.cc, sh.reach = paths(g)
	wg.Wait()
	// Rounded so that actors in the same position get equal scores, which
	// summation order could otherwise tell apart in the last bits.
	for i := range sh.bc {
		sh.bc[i] = round12(sh.bc[i])
		sh.ev[i] = round12(sh.ev[i])
	}
	return sh
}

// reusable returns r's shape measures when g has the same shape, else nil.
func (r *Result) reusable(g *simpleGraph) *shapeMeasures {
	if r == nil || r.shape == nil {
		return nil
	}
	sh := r.shape
	if len(sh.ids) != g.n() || !slices.Equal(sh.off, g.off) || !slices.Equal(sh.nbr, g.nbr) {
		return nil
	}
	for u, nd := range g.nodes {
		if sh.ids[u] != nd.ID {
			return nil
		}
	}
	return sh
}

// ids turns node indices into IDs.
func (g *simpleGraph) ids(idx []int) []string {
	out := make([]string, len(idx))
	for i, u := range idx {
		out[i] = g.nodes[u].ID
	}
	return out
}

// centralisation is Freeman's degree centralisation.
func centralisation(g *simpleGraph) float64 {
	n := g.n()
	if n <= 2 {
		return 0
	}
	maxDeg := 0
	for u := 0; u < n; u++ {
		maxDeg = max(maxDeg, g.degree(u))
	}
	sum := 0
	for u := 0; u < n; u++ {
		sum += maxDeg - g.degree(u)
	}
	return float64(sum) / (float64(n-1) * float64(n-2))
}

// paths runs one breadth-first search per actor (Brandes' algorithm, 2001)
// and derives betweenness, closeness and reach from the same search.
// Written out rather than taken from gonum because closeness follows
// NetworkX's convention for disconnected graphs, and because the search is
// the whole cost of a large network: about n·2m neighbour visits, 10^9 for
// 10,000 actors and 50,000 ties.
//
// The sources are cut into a number of chunks that depends only on n;
// GOMAXPROCS workers take chunks in turn, each with search buffers of its
// own allocated once, and each chunk sums its betweenness apart. The chunks
// are then added in order, so the result does not depend on the machine or
// on which worker took which chunk.
func paths(g *simpleGraph) (bc, cc, reach []float64) {
	// Up to 65,536 actors, node numbers fit in 16 bits: the neighbour
	// lists and the search's buffers take half the room, and a network of
	// 10,000 actors and 50,000 ties stays in the processor's second-level
	// cache, which decides the speed of the search.
	if g.n() <= 1<<16 {
		nbr := make([]uint16, len(g.nbr))
		for i, v := range g.nbr {
			nbr[i] = uint16(v)
		}
		return searchAll(g.n(), g.off, nbr)
	}
	return searchAll(g.n(), g.off, g.nbr)
}

// vertex is the type of node numbers in a search.
type vertex interface{ ~uint16 | ~int32 }

// searchAll runs the searches from every source over the compressed rows
// off, nbr of a graph of n nodes.
func searchAll[V vertex](n int, off []int32, nbr []V) (bc, cc, reach []float64) {
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
			s := newSearch(n, off, nbr)
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
type search[V vertex] struct {
	off []int32
	nbr []V
	// level marks each node with its distance from the source modulo 3,
	// plus 1 (0: not reached yet). A neighbour of a node at distance d is at
	// d-1, d or d+1, which the residues tell apart, and a byte per node keeps
	// the array small.
	level []uint8
	sigma []float64 // number of shortest paths from the source
	coef  []float64 // (1 + dependency) / sigma, once known
	order []V       // nodes in visit order
	// children lists, for each node in visit order, the neighbours one step
	// farther from the source: node order[i] has children[first[i]:first[i+1]].
	children []V
	first    []int32
}

func newSearch[V vertex](n int, off []int32, nbr []V) *search[V] {
	return &search[V]{
		off:      off,
		nbr:      nbr,
		level:    make([]uint8, n),
		sigma:    make([]float64, n),
		coef:     make([]float64, n),
		order:    make([]V, n),
		children: make([]V, len(nbr)+1),
		first:    make([]int32, 0, n+1),
	}
}

// nextLevel is the mark of the level after the one marked l.
func nextLevel(l uint8) uint8 { return l%3 + 1 }

// run searches from the sources from ≤ src < to, writes their closeness
// and reach, and adds their (unscaled) betweenness contributions to bc.
func (s *search[V]) run(from, to int, bc, cc, reach []float64) {
	n := len(s.level)
	level, sigma, coef, children := s.level, s.sigma, s.coef, s.children
	off, nbr := s.off, s.nbr
	// order holds the nodes in visit order; tail is its length so far.
	// Written by index rather than appended to, so that the inner loop
	// calls nothing and keeps its counters in registers.
	order := s.order
	for src := from; src < to; src++ {
		order[0] = V(src)
		tail := 1
		first := s.first[:0]
		level[src], sigma[src] = 1, 1
		// d is the distance of order[i]; the nodes at distance d end just
		// before order[levelEnd].
		d, levelEnd := 0, 1
		next := nextLevel(1)
		sum, within2, nc := 0, 0, 0
		for i := 0; i < tail; i++ {
			if i == levelEnd {
				d, levelEnd = d+1, tail
				next = nextLevel(next)
				if d <= 2 {
					within2 = tail - 1
				}
			}
			sum += d
			v := order[i]
			first = append(first, int32(nc))
			// Every neighbour is written to children, and the count moves
			// on only for those one step farther: which they are is
			// unpredictable, and a branch around the store would be
			// mispredicted often.
			start := nc
			for _, w := range nbr[off[v]:off[v+1]] {
				lw := level[w]
				if lw == 0 {
					lw = next
					level[w] = next
					order[tail] = w
					tail++
				}
				child := 0
				if lw == next {
					child = 1
				}
				children[nc] = w
				nc += child
			}
			// Only the children gain the paths through v.
			sv := sigma[v]
			for _, w := range children[start:nc] {
				sigma[w] += sv
			}
		}
		first = append(first, int32(nc))
		// Dependencies, farthest first: a node's children are all settled
		// before it. delta(v) = sigma(v) · Σ_children (1 + delta(w)) / sigma(w).
		for i := tail - 1; i >= 0; i-- {
			v := order[i]
			sumW := 0.0
			for _, w := range children[first[i]:first[i+1]] {
				sumW += coef[w]
			}
			sv := sigma[v]
			delta := sv * sumW
			coef[v] = (1 + delta) / sv
			if i > 0 {
				bc[v] += delta
			}
		}
		if r := tail - 1; r > 0 {
			cc[src] = (float64(r) / float64(n-1)) * (float64(r) / float64(sum))
			reach[src] = float64(within2) / float64(n-1)
		}
		for _, v := range order[:tail] {
			level[v], sigma[v] = 0, 0
		}
		s.first = first
	}
}

// eigenvector computes eigenvector centrality as Analyse documents.
func eigenvector(g *simpleGraph, comps [][]int) []float64 {
	n := g.n()
	out := make([]float64, n)
	type part struct {
		members []int
		lambda  float64   // leading eigenvalue of A restricted to the component
		vec     []float64 // unit-norm leading eigenvector, by position in members
	}
	var parts []part
	pos := make([]int, n)
	for _, c := range comps {
		if len(c) < 2 {
			continue // no ties: eigenvalue 0, score 0
		}
		for i, u := range c {
			pos[u] = i
		}
		vec, lambda := powerIteration(g, c, pos)
		parts = append(parts, part{c, lambda, vec})
	}
	if len(parts) == 0 {
		return out
	}
	top := 0.0
	for _, p := range parts {
		top = max(top, p.lambda)
	}
	// Started from equal scores, the iteration's limit is the sum over the
	// components with the top eigenvalue of (v·1)·v for unit v.
	for _, p := range parts {
		if p.lambda < top*(1-1e-9) {
			continue
		}
		dot := 0.0
		for _, x := range p.vec {
			dot += x
		}
		for i, u := range p.members {
			out[u] = dot * p.vec[i]
		}
	}
	best := 0.0
	for _, x := range out {
		best = max(best, x)
	}
	for i := range out {
		out[i] /= best
	}
	return out
}

// powerIteration finds the leading eigenvector of A+I on one connected
// component (of two or more actors), returned with unit norm, and the leading
// eigenvalue of A.
func powerIteration(g *simpleGraph, members []int, pos []int) ([]float64, float64) {
	k := len(members)
	x := make([]float64, k)
	y := make([]float64, k)
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(k))
	}
	arcs := 0
	for _, u := range members {
		arcs += g.degree(u)
	}
	// A budget of about 2·10^7 steps: thousands of rounds for small
	// components, enough for any well-knit one.
	budget := min(100000, max(1000, 20000000/(k+arcs)))
	for it := 0; it < budget; it++ {
		for i, u := range members {
			s := x[i]
			for _, v := range g.neighbours(u) {
				s += x[pos[v]]
			}
			y[i] = s
		}
		norm := 0.0
		for _, v := range y {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		diff := 0.0
		for i := range y {
			y[i] /= norm
			diff = max(diff, math.Abs(y[i]-x[i]))
		}
		x, y = y, x
		if diff < 1e-13 {
			break
		}
	}
	// Rayleigh quotient xᵀAx for unit x.
	lambda := 0.0
	for i, u := range members {
		s := 0.0
		for _, v := range g.neighbours(u) {
			s += x[pos[v]]
		}
		lambda += x[i] * s
	}
	return x, lambda
}

// boundaryCrossers lists the individuals tied to two or more collectives.
func boundaryCrossers(g *simpleGraph) []Crosser {
	out := []Crosser{}
	for u, nd := range g.nodes {
		if nd.Kind != Individual {
			continue
		}
		var ties []int
		for _, v := range g.neighbours(u) {
			switch g.nodes[v].Kind {
			case Group, Organisation, Institution:
				ties = append(ties, int(v))
			}
		}
		if len(ties) >= 2 {
			out = append(out, Crosser{ID: nd.ID, Ties: g.ids(ties)})
		}
	}
	slices.SortStableFunc(out, func(a, b Crosser) int {
		if c := cmp.Compare(len(b.Ties), len(a.Ties)); c != 0 {
			return c
		}
		return cmp.Compare(g.label(a.ID), g.label(b.ID))
	})
	return out
}

// brokers lists up to maxBrokers actors with the highest betweenness > 0.
func brokers(g *simpleGraph, bc []float64) []string {
	var idx []int
	for u := range g.nodes {
		if bc[u] > 0 {
			idx = append(idx, u)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(bc[b], bc[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(g.nodes[a].Label, g.nodes[b].Label); c != 0 {
			return c
		}
		return cmp.Compare(g.nodes[a].ID, g.nodes[b].ID)
	})
	if len(idx) > maxBrokers {
		idx = idx[:maxBrokers]
	}
	return g.ids(idx)
}

func round12(x float64) float64 { return math.Round(x*1e12) / 1e12 }

func (g *simpleGraph) label(id string) string { return g.nodes[g.index[id]].Label }
