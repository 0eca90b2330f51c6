package network

import (
	"cmp"
	"math"
	"slices"
	"sync"
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
