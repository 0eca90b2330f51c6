package theoryofchange

import (
	"slices"
	"sort"
	"strings"
)

// Problem kinds. Kinds beyond the first seven keep Check total over any
// input: a statement with a level we do not know, or an ID used twice.
const (
	Incomplete   = "incomplete"    // if, then or because is empty (a vision needs only then)
	NoVision     = "no_vision"     // no statement is a vision
	DeadEnd      = "dead_end"      // following the links from here never reaches a vision
	Cycle        = "cycle"         // statements lead back to themselves; Path is the circle
	Orphan       = "orphan"        // not linked to or from anything, among several statements
	LevelOrder   = "level_order"   // a link goes down the levels; Path is [from, to]
	UnknownLink  = "unknown_link"  // a link to an ID that does not exist; Path is [from, to]
	UnknownLevel = "unknown_level" // the level is not one of Levels
	DuplicateID  = "duplicate_id"  // the ID was already used by an earlier statement
)

// Kinds lists every problem kind, in the order Check reports them for one statement.
var Kinds = []string{NoVision, DuplicateID, UnknownLevel, Incomplete, Orphan, UnknownLink, LevelOrder, Cycle, DeadEnd}

// Problem is one thing to fix. StatementID is empty for NoVision.
type Problem struct {
	Kind        string
	StatementID string
	Path        []string
}

// Message is the message ID describing the problem.
func (p Problem) Message() string { return "theoryofchange.problem." + p.Kind }

// Hint is the message ID of a suggestion for fixing the problem.
func (p Problem) Hint() string { return "theoryofchange.problem." + p.Kind + ".hint" }

// graph is the statements with their links resolved to indexes; the first
// statement with an ID wins, later duplicates keep their own outgoing links.
type graph struct {
	stmts []Statement
	index map[string]int
	out   [][]int // de-duplicated links to existing statements, in Leads order
	in    []int   // number of links into each statement
}

func newGraph(stmts []Statement) *graph {
	g := &graph{stmts: stmts, index: make(map[string]int, len(stmts)), out: make([][]int, len(stmts)), in: make([]int, len(stmts))}
	for i, s := range stmts {
		if _, dup := g.index[s.ID]; !dup {
			g.index[s.ID] = i
		}
	}
	for i, s := range stmts {
		for _, id := range s.Leads {
			j, ok := g.index[id]
			if !ok || slices.Contains(g.out[i], j) {
				continue
			}
			g.out[i] = append(g.out[i], j)
			g.in[j]++
		}
	}
	return g
}

// Check lists the problems of a theory of change, nil when there is nothing
// to fix. The order is fixed:
// NoVision first, then by statement in input order, then by kind in the
// order of Kinds, then by link in Leads order.
//
// A DeadEnd is reported only when some vision exists (otherwise NoVision
// says it all) and not for an Orphan (which is a dead end by definition).
// Each group of statements that lead to each other in a circle is reported
// once, as a Cycle on its first statement, with Path running from that
// statement around the shortest circle back to it.
func Check(stmts []Statement) []Problem {
	g := newGraph(stmts)
	type keyed struct {
		stmt, kind, seq int
		p               Problem
	}
	var ps []keyed
	kindRank := map[string]int{}
	for i, k := range Kinds {
		kindRank[k] = i
	}
	add := func(stmt, seq int, p Problem) {
		ps = append(ps, keyed{stmt, kindRank[p.Kind], seq, p})
	}

	hasVision := false
	for _, s := range stmts {
		if s.Level == Vision {
			hasVision = true
			break
		}
	}
	if !hasVision {
		add(-1, 0, Problem{Kind: NoVision})
	}
	reaches := g.reachesVision()

	for i, s := range stmts {
		if g.index[s.ID] != i {
			add(i, 0, Problem{Kind: DuplicateID, StatementID: s.ID})
		}
		rank := s.Level.Rank()
		if rank < 0 {
			add(i, 0, Problem{Kind: UnknownLevel, StatementID: s.ID})
		}
		if blank(s.Then) || (s.Level != Vision && (blank(s.If) || blank(s.Because))) {
			add(i, 0, Problem{Kind: Incomplete, StatementID: s.ID})
		}
		orphan := len(stmts) > 1 && len(g.out[i]) == 0 && g.in[i] == 0
		if orphan {
			add(i, 0, Problem{Kind: Orphan, StatementID: s.ID})
		}
		for seq, id := range s.Leads {
			j, ok := g.index[id]
			if !ok {
				add(i, seq, Problem{Kind: UnknownLink, StatementID: s.ID, Path: []string{s.ID, id}})
				continue
			}
			// A link is checked once even if Leads repeats it.
			if slices.Index(s.Leads, id) != seq {
				continue
			}
			if to := stmts[j].Level.Rank(); rank >= 0 && to >= 0 && to < rank {
				add(i, seq, Problem{Kind: LevelOrder, StatementID: s.ID, Path: []string{s.ID, id}})
			}
		}
		if hasVision && !orphan && s.Level != Vision && !reaches[i] {
			add(i, 0, Problem{Kind: DeadEnd, StatementID: s.ID})
		}
	}
	for _, c := range g.cycles() {
		add(c[0], 0, Problem{Kind: Cycle, StatementID: stmts[c[0]].ID, Path: g.ids(c)})
	}

	sort.SliceStable(ps, func(a, b int) bool {
		x, y := ps[a], ps[b]
		if x.stmt != y.stmt {
			return x.stmt < y.stmt
		}
		if x.kind != y.kind {
			return x.kind < y.kind
		}
		return x.seq < y.seq
	})
	var out []Problem // nil when there is nothing to fix
	for _, k := range ps {
		out = append(out, k.p)
	}
	return out
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (g *graph) ids(path []int) []string {
	out := make([]string, len(path))
	for i, n := range path {
		out[i] = g.stmts[n].ID
	}
	return out
}

// reachesVision marks the statements from which some chain of links reaches
// a vision statement: a search backwards from every vision, O(V+E).
func (g *graph) reachesVision() []bool {
	back := make([][]int, len(g.stmts))
	for i, outs := range g.out {
		for _, j := range outs {
			back[j] = append(back[j], i)
		}
	}
	seen := make([]bool, len(g.stmts))
	var queue []int
	for i, s := range g.stmts {
		if s.Level == Vision {
			seen[i] = true
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range back[n] {
			if !seen[m] {
				seen[m] = true
				queue = append(queue, m)
			}
		}
	}
	return seen
}

// cycles finds the strongly connected components that contain a circle
// (Tarjan, iterative so that long chains cannot exhaust the stack) and
// returns, per component, the shortest circle through its first statement,
// closed (the first index is repeated at the end). Components come in the
// order of their first statement.
func (g *graph) cycles() [][]int {
	n := len(g.stmts)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp := make([]int, n)
	for i := range index {
		index[i] = -1
		comp[i] = -1
	}
	var stack []int
	next, ncomp := 0, 0
	type frame struct{ node, edge int }
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.node
			if f.edge < len(g.out[v]) {
				w := g.out[v][f.edge]
				f.edge++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].node
				low[u] = min(low[u], low[v])
			}
		}
	}

	size := make([]int, ncomp)
	for _, c := range comp {
		size[c]++
	}
	var out [][]int
	done := make([]bool, ncomp)
	for v := range n {
		c := comp[v]
		if done[c] {
			continue
		}
		done[c] = true
		if size[c] == 1 && !slices.Contains(g.out[v], v) {
			continue // a single statement without a link to itself is no circle
		}
		out = append(out, g.shortestCircle(v, comp))
	}
	return out
}

// shortestCircle searches breadth-first inside v's component for the
// shortest way from v back to v.
func (g *graph) shortestCircle(v int, comp []int) []int {
	if slices.Contains(g.out[v], v) {
		return []int{v, v}
	}
	prev := map[int]int{v: -1}
	queue := []int{v}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range g.out[n] {
			if comp[m] != comp[v] {
				continue
			}
			if m == v {
				path := []int{v}
				for x := n; x != -1; x = prev[x] {
					path = append(path, x)
				}
				slices.Reverse(path)
				return path // v … n v
			}
			if _, seen := prev[m]; !seen {
				prev[m] = n
				queue = append(queue, m)
			}
		}
	}
	return []int{v, v} // unreachable: v is in a circle
}
