package network

import (
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Kinds of actor, as in the power map (after the Networking & Alliance
// Building Toolkit): a person, an informal group, an organisation, or a
// public or statutory institution.
const (
	Individual   = "individual"
	Group        = "group"
	Organisation = "organisation"
	Institution  = "institution"
)

// Kinds lists the actor kinds in display order.
var Kinds = []string{Individual, Group, Organisation, Institution}

// Relationship types.
const (
	CooperatesWith = "cooperates_with"
	InConflictWith = "in_conflict_with"
	MemberOf       = "member_of"
	WorksAt        = "works_at"
	Funds          = "funds"
	Family         = "family"
	Political      = "political"
	Religious      = "religious"
	Neighbourhood  = "neighbourhood"
	Other          = "other"
)

// Types lists the relationship types in display order.
var Types = []string{
	CooperatesWith, InConflictWith, MemberOf, WorksAt, Funds,
	Family, Political, Religious, Neighbourhood, Other,
}

// ValidKind reports whether k is one of Kinds.
func ValidKind(k string) bool { return slices.Contains(Kinds, k) }

// ValidType reports whether t is one of Types.
func ValidType(t string) bool { return slices.Contains(Types, t) }

// KindMessage is the message ID of an actor kind's name.
func KindMessage(kind string) string { return "network.kind." + kind }

// TypeMessage is the message ID of a relationship type's name.
func TypeMessage(typ string) string { return "network.type." + typ }

// Node is an actor in the network. Kind is one of Kinds (other values are
// kept and exported, but the actor then counts as neither a person nor a
// collective for boundary crossing). Attrs carries further attributes for the
// exports (sector, spectrum segment, engagement strategy, …).
type Node struct {
	ID    string
	Label string
	Kind  string
	Attrs map[string]string
}

// Edge is a relationship between two actors. Type is one of Types. Directed
// relationships (funds, works_at, …) point From → To; the metrics ignore
// direction. Strength is a weight given by the people mapping (0 when not
// given); the exports carry it, the metrics do not use it.
type Edge struct {
	From, To string
	Type     string
	Directed bool
	Strength int
}

// simpleGraph is the undirected simple graph the metrics run on: nodes by
// index in input order (duplicates and empty IDs dropped), neighbours in
// compressed rows, each list sorted and without repeats.
type simpleGraph struct {
	nodes []Node
	index map[string]int
	off   []int32 // neighbours of u are nbr[off[u]:off[u+1]]
	nbr   []int32
	m     int
}

// keptNodes drops nodes with an empty or repeated ID (the first one wins).
func keptNodes(nodes []Node) ([]Node, map[string]int) {
	index := make(map[string]int, len(nodes))
	kept := make([]Node, 0, len(nodes))
	for _, n := range nodes {
		if n.ID == "" {
			continue
		}
		if _, dup := index[n.ID]; dup {
			continue
		}
		index[n.ID] = len(kept)
		kept = append(kept, n)
	}
	return kept, index
}

// typeFilter returns whether an edge type is chosen: all types when types
// is empty.
func typeFilter(types []string) func(string) bool {
	if len(types) == 0 {
		return func(string) bool { return true }
	}
	set := make(map[string]bool, len(types))
	for _, t := range types {
		set[t] = true
	}
	return func(t string) bool { return set[t] }
}

// build makes the simple undirected graph: one edge between two actors
// joined by any relationship of the chosen types; self-loops and edges to
// unknown actors are ignored.
func build(nodes []Node, edges []Edge, types []string) *simpleGraph {
	kept, index := keptNodes(nodes)
	n := len(kept)
	chosen := typeFilter(types)
	deg := make([]int32, n+1)
	pairs := make([][2]int32, 0, len(edges))
	for _, e := range edges {
		if !chosen(e.Type) {
			continue
		}
		u, ok1 := index[e.From]
		v, ok2 := index[e.To]
		if !ok1 || !ok2 || u == v {
			continue
		}
		pairs = append(pairs, [2]int32{int32(u), int32(v)})
		deg[u]++
		deg[v]++
	}
	off := make([]int32, n+1)
	for i := 0; i < n; i++ {
		off[i+1] = off[i] + deg[i]
	}
	fill := slices.Clone(off[:n])
	nbr := make([]int32, off[n])
	for _, p := range pairs {
		nbr[fill[p[0]]] = p[1]
		fill[p[0]]++
		nbr[fill[p[1]]] = p[0]
		fill[p[1]]++
	}
	// Sort and de-duplicate each row, compacting in place.
	w := int32(0)
	start := int32(0)
	for u := 0; u < n; u++ {
		row := nbr[start:off[u+1]]
		slices.Sort(row)
		row = slices.Compact(row)
		start = off[u+1]
		off[u] = w
		w += int32(copy(nbr[w:], row))
	}
	if n > 0 {
		off[n] = w
	}
	nbr = nbr[:w]
	return &simpleGraph{nodes: kept, index: index, off: off, nbr: nbr, m: int(w) / 2}
}

func (g *simpleGraph) n() int { return len(g.nodes) }

func (g *simpleGraph) neighbours(u int) []int32 { return g.nbr[g.off[u]:g.off[u+1]] }

func (g *simpleGraph) degree(u int) int { return int(g.off[u+1] - g.off[u]) }

func (g *simpleGraph) hasEdge(u, v int) bool {
	_, ok := slices.BinarySearch(g.neighbours(u), int32(v))
	return ok
}

// components returns the connected components as lists of node indices in
// input order, largest first (ties: the one whose first actor comes first),
// and each node's component number.
func (g *simpleGraph) components() ([][]int, []int) {
	n := g.n()
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	var comps [][]int
	queue := make([]int32, 0, n)
	for s := 0; s < n; s++ {
		if comp[s] >= 0 {
			continue
		}
		c := len(comps)
		comp[s] = c
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			for _, v := range g.neighbours(int(queue[i])) {
				if comp[v] < 0 {
					comp[v] = c
					queue = append(queue, v)
				}
			}
		}
		members := make([]int, len(queue))
		for i, v := range queue {
			members[i] = int(v)
		}
		slices.Sort(members)
		comps = append(comps, members)
	}
	// Stable sort keeps discovery order (= order of first actor) for ties.
	slices.SortStableFunc(comps, func(a, b []int) int { return len(b) - len(a) })
	for c, members := range comps {
		for _, u := range members {
			comp[u] = c
		}
	}
	return comps, comp
}

// gonumGraph presents a simpleGraph to gonum as a graph.Undirected whose
// node IDs are the indices. Nodes and neighbours come in ascending order, so
// gonum's algorithms see the same sequence on every run (simple.Undirected
// keeps its nodes in maps, whose order varies).
type gonumGraph struct{ g *simpleGraph }

var _ graph.Undirected = gonumGraph{}

func (x gonumGraph) Node(id int64) graph.Node {
	if id < 0 || id >= int64(x.g.n()) {
		return nil
	}
	return simple.Node(id)
}

func (x gonumGraph) Nodes() graph.Nodes {
	nodes := make([]graph.Node, x.g.n())
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (x gonumGraph) From(id int64) graph.Nodes {
	if x.Node(id) == nil {
		return graph.Empty
	}
	row := x.g.neighbours(int(id))
	nodes := make([]graph.Node, len(row))
	for i, v := range row {
		nodes[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (x gonumGraph) HasEdgeBetween(xid, yid int64) bool {
	return x.Node(xid) != nil && x.Node(yid) != nil && x.g.hasEdge(int(xid), int(yid))
}

func (x gonumGraph) Edge(uid, vid int64) graph.Edge {
	if !x.HasEdgeBetween(uid, vid) {
		return nil
	}
	return simple.Edge{F: simple.Node(uid), T: simple.Node(vid)}
}

func (x gonumGraph) EdgeBetween(xid, yid int64) graph.Edge { return x.Edge(xid, yid) }
