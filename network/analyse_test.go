package network

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
)

// nodesOf makes actors of the given kind, labelled by their IDs.
func nodesOf(kind string, ids ...string) []Node {
	out := make([]Node, len(ids))
	for i, id := range ids {
		out[i] = Node{ID: id, Label: id, Kind: kind}
	}
	return out
}

// ties makes undirected cooperation edges from pairs "a-b".
func ties(pairs ...string) []Edge {
	out := make([]Edge, len(pairs))
	for i, p := range pairs {
		out[i] = Edge{From: p[:1], To: p[2:], Type: CooperatesWith}
	}
	return out
}

type want struct {
	degree                               map[string]int
	betweenness, closeness, eigen, reach map[string]float64
	density, avgDegree, centralisation   float64
	edges                                int
	components                           [][]string
}

const tol = 1e-9

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

// phi is the golden ratio, (1+√5)/2.
var phi = (1 + math.Sqrt(5)) / 2

// lambdaTP is the leading eigenvalue of the triangle with a pendant, the
// root in (2,3) of λ³ - λ² - 3λ + 1 = 0 (derivation in TestAnalyseHand).
const lambdaTP = 2.1700864866260337

func TestAnalyseHand(t *testing.T) {
	cases := []struct {
		name  string
		nodes []Node
		edges []Edge
		want  want
	}{
		{
			// Path a-b-c-d, n=4, m=3.
			// Betweenness: b lies on a–c and a–d, c on b–d and a–d: 2 pairs
			// each, divided by (n-1)(n-2)/2 = 3 → 2/3; ends 0.
			// Closeness: a reaches 3 at 1+2+3=6 → (3/3)(3/6) = 1/2;
			// b at 1+1+2=4 → 3/4.
			// Eigenvector: A's top eigenvalue is 2cos(π/5) = φ with vector
			// sin(kπ/5), k=1..4; scaled, the ends get sin(π/5)/sin(2π/5) = 1/φ.
			// Reach: a has b, c within two steps → 2/3; b has all three → 1.
			// Density 2·3/(4·3) = 1/2; average degree 6/4; centralisation
			// ((2-1)+0+0+(2-1)) / (3·2) = 1/3.
			name:  "path of 4",
			nodes: nodesOf(Organisation, "a", "b", "c", "d"),
			edges: ties("a-b", "b-c", "c-d"),
			want: want{
				degree:         map[string]int{"a": 1, "b": 2, "c": 2, "d": 1},
				betweenness:    map[string]float64{"a": 0, "b": 2.0 / 3, "c": 2.0 / 3, "d": 0},
				closeness:      map[string]float64{"a": 0.5, "b": 0.75, "c": 0.75, "d": 0.5},
				eigen:          map[string]float64{"a": 1 / phi, "b": 1, "c": 1, "d": 1 / phi},
				reach:          map[string]float64{"a": 2.0 / 3, "b": 1, "c": 1, "d": 2.0 / 3},
				density:        0.5,
				avgDegree:      1.5,
				centralisation: 1.0 / 3,
				edges:          3,
				components:     [][]string{{"a", "b", "c", "d"}},
			},
		},
		{
			// Star: hub h and leaves 1..4, n=5, m=4.
			// Betweenness: h is on all C(4,2) = 6 leaf pairs, divided by
			// (4·3)/2 = 6 → 1. Closeness: h 4/4 = 1; a leaf reaches 4 at
			// 1+2+2+2 = 7 → 4/7. Eigenvector: λ = √4 = 2, hub 2, leaves 1 →
			// scaled 1 and 1/2. Reach: everyone within two steps → 1.
			// Density 8/20; average degree 8/5; centralisation
			// 4·(4-1)/(4·3) = 1.
			name:  "star of 5",
			nodes: nodesOf(Group, "h", "1", "2", "3", "4"),
			edges: ties("h-1", "h-2", "h-3", "h-4"),
			want: want{
				degree:         map[string]int{"h": 4, "1": 1, "2": 1, "3": 1, "4": 1},
				betweenness:    map[string]float64{"h": 1, "1": 0, "2": 0, "3": 0, "4": 0},
				closeness:      map[string]float64{"h": 1, "1": 4.0 / 7, "2": 4.0 / 7, "3": 4.0 / 7, "4": 4.0 / 7},
				eigen:          map[string]float64{"h": 1, "1": 0.5, "2": 0.5, "3": 0.5, "4": 0.5},
				reach:          map[string]float64{"h": 1, "1": 1, "2": 1, "3": 1, "4": 1},
				density:        0.4,
				avgDegree:      1.6,
				centralisation: 1,
				edges:          4,
				components:     [][]string{{"h", "1", "2", "3", "4"}},
			},
		},
		{
			// Triangle a, b, c with d hanging from c, n=4, m=4.
			// Betweenness: c is on a–d and b–d: 2/3 = 2/3. Closeness: a
			// 1+1+2 = 4 → 3/4; c 3 → 1; d 1+2+2 = 5 → 3/5.
			// Eigenvector: with x_a = x_b = x, x_c = y, x_d = z:
			// λx = x + y, λy = 2x + z, λz = y, so y = (λ-1)x, z = y/λ and
			// λ³ - λ² - 3λ + 1 = 0, λ ≈ 2.17009; scaled by y: a = b = 1/(λ-1),
			// d = 1/λ. Reach 1 for all. Density 8/12; centralisation
			// (1+1+0+2)/(3·2) = 2/3.
			name:  "triangle with a pendant",
			nodes: nodesOf(Individual, "a", "b", "c", "d"),
			edges: ties("a-b", "b-c", "c-a", "c-d"),
			want: want{
				degree:         map[string]int{"a": 2, "b": 2, "c": 3, "d": 1},
				betweenness:    map[string]float64{"a": 0, "b": 0, "c": 2.0 / 3, "d": 0},
				closeness:      map[string]float64{"a": 0.75, "b": 0.75, "c": 1, "d": 0.6},
				eigen:          map[string]float64{"a": 1 / (lambdaTP - 1), "b": 1 / (lambdaTP - 1), "c": 1, "d": 1 / lambdaTP},
				reach:          map[string]float64{"a": 1, "b": 1, "c": 1, "d": 1},
				density:        8.0 / 12,
				avgDegree:      2,
				centralisation: 2.0 / 3,
				edges:          4,
				components:     [][]string{{"a", "b", "c", "d"}},
			},
		},
		{
			// Two components: path a-b-c and pair d-e, n=5, m=3.
			// Betweenness: b on a–c: 1/((4·3)/2) = 1/6.
			// Closeness (wf_improved): a reaches r=2 at s=3 → (2/4)(2/3) = 1/3;
			// b r=2, s=2 → (2/4)(2/2) = 1/2; d r=1, s=1 → (1/4)(1/1) = 1/4.
			// Eigenvector: the path has λ = √2 > 1 = the pair's, so only the
			// path keeps scores: (1, √2, 1) scaled → 1/√2, 1, 1/√2; d, e 0.
			// Reach: a 2/4, b 2/4, d 1/4. Density 6/20; centralisation
			// (1+0+1+1+1)/(4·3) = 1/3.
			name:  "two components",
			nodes: nodesOf(Individual, "a", "b", "c", "d", "e"),
			edges: ties("d-e", "a-b", "b-c"),
			want: want{
				degree:         map[string]int{"a": 1, "b": 2, "c": 1, "d": 1, "e": 1},
				betweenness:    map[string]float64{"a": 0, "b": 1.0 / 6, "c": 0, "d": 0, "e": 0},
				closeness:      map[string]float64{"a": 1.0 / 3, "b": 0.5, "c": 1.0 / 3, "d": 0.25, "e": 0.25},
				eigen:          map[string]float64{"a": 1 / math.Sqrt2, "b": 1, "c": 1 / math.Sqrt2, "d": 0, "e": 0},
				reach:          map[string]float64{"a": 0.5, "b": 0.5, "c": 0.5, "d": 0.25, "e": 0.25},
				density:        0.3,
				avgDegree:      1.2,
				centralisation: 1.0 / 3,
				edges:          3,
				components:     [][]string{{"a", "b", "c"}, {"d", "e"}},
			},
		},
		{
			// A pair and an isolated actor, n=3, m=1.
			// Betweenness 0 (no pair goes through anyone). Closeness: a
			// reaches 1 at 1 → (1/2)(1/1) = 1/2; c reaches none → 0.
			// Eigenvector: the pair has λ = 1, both 1; c 0. Reach a 1/2, c 0.
			// Density 2/6; centralisation (0+0+1)/(2·1) = 1/2.
			name:  "isolated actor",
			nodes: nodesOf(Individual, "a", "b", "c"),
			edges: ties("a-b"),
			want: want{
				degree:         map[string]int{"a": 1, "b": 1, "c": 0},
				betweenness:    map[string]float64{"a": 0, "b": 0, "c": 0},
				closeness:      map[string]float64{"a": 0.5, "b": 0.5, "c": 0},
				eigen:          map[string]float64{"a": 1, "b": 1, "c": 0},
				reach:          map[string]float64{"a": 0.5, "b": 0.5, "c": 0},
				density:        1.0 / 3,
				avgDegree:      2.0 / 3,
				centralisation: 0.5,
				edges:          1,
				components:     [][]string{{"a", "b"}, {"c"}},
			},
		},
		{
			// Three actors, no ties: everything 0, three components.
			name:  "no ties",
			nodes: nodesOf(Individual, "a", "b", "c"),
			want: want{
				degree:      map[string]int{"a": 0, "b": 0, "c": 0},
				betweenness: map[string]float64{"a": 0, "b": 0, "c": 0},
				closeness:   map[string]float64{"a": 0, "b": 0, "c": 0},
				eigen:       map[string]float64{"a": 0, "b": 0, "c": 0},
				reach:       map[string]float64{"a": 0, "b": 0, "c": 0},
				components:  [][]string{{"a"}, {"b"}, {"c"}},
			},
		},
		{
			name:  "single actor",
			nodes: nodesOf(Organisation, "a"),
			edges: []Edge{{From: "a", To: "a", Type: Other}}, // a self-loop, ignored
			want: want{
				degree:      map[string]int{"a": 0},
				betweenness: map[string]float64{"a": 0},
				closeness:   map[string]float64{"a": 0},
				eigen:       map[string]float64{"a": 0},
				reach:       map[string]float64{"a": 0},
				components:  [][]string{{"a"}},
			},
		},
		{
			name: "empty",
			want: want{components: [][]string{}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Analyse(c.nodes, c.edges, nil)
			w := c.want
			if res.Nodes != len(c.nodes) || res.Edges != w.edges {
				t.Errorf("counts = %d nodes, %d edges; want %d, %d", res.Nodes, res.Edges, len(c.nodes), w.edges)
			}
			checkFloat(t, "density", res.Density, w.density)
			checkFloat(t, "average degree", res.AverageDegree, w.avgDegree)
			checkFloat(t, "centralisation", res.Centralisation, w.centralisation)
			if !reflect.DeepEqual(res.Components, w.components) {
				t.Errorf("components = %v, want %v", res.Components, w.components)
			}
			if len(res.Metrics) != len(c.nodes) {
				t.Errorf("%d metrics for %d actors", len(res.Metrics), len(c.nodes))
			}
			for id, m := range res.Metrics {
				if m.Degree != w.degree[id] {
					t.Errorf("degree[%s] = %d, want %d", id, m.Degree, w.degree[id])
				}
				checkFloat(t, "betweenness["+id+"]", m.Betweenness, w.betweenness[id])
				checkFloat(t, "closeness["+id+"]", m.Closeness, w.closeness[id])
				checkFloat(t, "eigenvector["+id+"]", m.Eigenvector, w.eigen[id])
				checkFloat(t, "reach["+id+"]", m.Reach, w.reach[id])
				if !reflect.DeepEqual(res.Components[m.Component], componentOf(res.Components, id)) {
					t.Errorf("%s: component number %d does not hold it", id, m.Component)
				}
				if !slices.Contains(res.Communities[m.Community], id) {
					t.Errorf("%s: community number %d does not hold it", id, m.Community)
				}
			}
			noNaN(t, res)
		})
	}
}

func componentOf(comps [][]string, id string) []string {
	for _, c := range comps {
		if slices.Contains(c, id) {
			return c
		}
	}
	return nil
}

func checkFloat(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

func noNaN(t *testing.T, res *Result) {
	t.Helper()
	for _, x := range []float64{res.Density, res.AverageDegree, res.Centralisation} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Errorf("network measure is %v", x)
		}
	}
	for id, m := range res.Metrics {
		for _, x := range []float64{m.Betweenness, m.Closeness, m.Eigenvector, m.Reach} {
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || x > 1+1e-12 {
				t.Errorf("%s: measure %v outside 0–1", id, x)
			}
		}
	}
	if res.Components == nil || res.Communities == nil || res.BoundaryCrossers == nil || res.Brokers == nil {
		t.Error("nil list in result; want empty")
	}
}

// Relationship types choose the ties; parallel relationships, whatever
// their type or direction, make one tie.
func TestAnalyseTypes(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b", "c", "d")
	edges := []Edge{
		{From: "a", To: "b", Type: CooperatesWith},
		{From: "b", To: "a", Type: CooperatesWith, Directed: true},
		{From: "a", To: "b", Type: Funds, Directed: true, Strength: 3},
		{From: "b", To: "c", Type: InConflictWith},
		{From: "c", To: "d", Type: Family},
		{From: "c", To: "x", Type: Family}, // unknown actor
		{From: "d", To: "d", Type: Family}, // self-loop
	}
	for _, c := range []struct {
		types []string
		edges int
		deg   map[string]int
	}{
		{nil, 3, map[string]int{"a": 1, "b": 2, "c": 2, "d": 1}},
		{[]string{}, 3, map[string]int{"a": 1, "b": 2, "c": 2, "d": 1}},
		{[]string{CooperatesWith}, 1, map[string]int{"a": 1, "b": 1}},
		{[]string{Funds, InConflictWith}, 2, map[string]int{"a": 1, "b": 2, "c": 1}},
		{[]string{Family}, 1, map[string]int{"c": 1, "d": 1}},
		{[]string{"no such type"}, 0, map[string]int{}},
	} {
		res := Analyse(nodes, edges, c.types)
		if res.Edges != c.edges {
			t.Errorf("types %v: %d edges, want %d", c.types, res.Edges, c.edges)
		}
		for _, n := range nodes {
			if got := res.Metrics[n.ID].Degree; got != c.deg[n.ID] {
				t.Errorf("types %v: degree[%s] = %d, want %d", c.types, n.ID, got, c.deg[n.ID])
			}
		}
	}
}

// Repeated and empty IDs: the first actor with an ID wins, empty IDs are
// dropped.
func TestAnalyseDuplicates(t *testing.T) {
	nodes := []Node{{ID: "a", Label: "first"}, {ID: ""}, {ID: "a", Label: "second"}, {ID: "b"}}
	res := Analyse(nodes, ties("a-b"), nil)
	if res.Nodes != 2 || res.Edges != 1 || len(res.Metrics) != 2 {
		t.Fatalf("got %d nodes, %d edges, %d metrics; want 2, 1, 2", res.Nodes, res.Edges, len(res.Metrics))
	}
}

func TestBoundaryCrossers(t *testing.T) {
	nodes := []Node{
		{ID: "p1", Label: "Zora", Kind: Individual},  // tied to two organisations
		{ID: "p2", Label: "Amal", Kind: Individual},  // tied to a group, an institution and an organisation
		{ID: "p3", Label: "Bruno", Kind: Individual}, // one organisation and a person: not a crosser
		{ID: "p4", Label: "Chen", Kind: Individual},  // two organisations, but only by a filtered type
		{ID: "p5", Label: "Amal", Kind: Individual},  // an organisation and an institution
		{ID: "o1", Label: "Org 1", Kind: Organisation},
		{ID: "o2", Label: "Org 2", Kind: Organisation},
		{ID: "g1", Label: "Group", Kind: Group},
		{ID: "i1", Label: "Ministry", Kind: Institution},
		{ID: "x1", Label: "Unknown", Kind: "network"}, // not a collective
	}
	edges := []Edge{
		{From: "p1", To: "o1", Type: WorksAt, Directed: true},
		{From: "o2", To: "p1", Type: Funds, Directed: true},
		{From: "p1", To: "o2", Type: MemberOf},
		{From: "p2", To: "g1", Type: MemberOf},
		{From: "p2", To: "i1", Type: Political},
		{From: "p2", To: "o2", Type: CooperatesWith},
		{From: "p3", To: "o1", Type: WorksAt},
		{From: "p3", To: "p1", Type: Family},
		{From: "p3", To: "x1", Type: Other},
		{From: "p4", To: "o1", Type: Religious},
		{From: "p4", To: "o2", Type: Family},
		{From: "p5", To: "o1", Type: Neighbourhood},
		{From: "p5", To: "i1", Type: Neighbourhood},
	}
	got := Analyse(nodes, edges, []string{WorksAt, Funds, MemberOf, Political, CooperatesWith, Family, Other, Neighbourhood}).BoundaryCrossers
	// Most ties first, then by label ("Amal" before "Zora"); ties in input order.
	want := []Crosser{
		{ID: "p2", Ties: []string{"o2", "g1", "i1"}},
		{ID: "p5", Ties: []string{"o1", "i1"}},
		{ID: "p1", Ties: []string{"o1", "o2"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("boundary crossers = %v, want %v", got, want)
	}
	// With every type, p4 crosses too (ties through religion and family).
	got = Analyse(nodes, edges, nil).BoundaryCrossers
	if len(got) != 4 || got[2].ID != "p4" {
		t.Errorf("all types: boundary crossers = %v, want p2, p5, p4, p1", got)
	}
}

func TestBrokers(t *testing.T) {
	// A chain a-b-c-d-e-f-g-h: betweenness rises towards the middle, d and e
	// are equal and tie-break by label ("D" before "E" even though e comes
	// first in input), then c and f, then b (g ties with b, "B" < "G").
	nodes := []Node{
		{ID: "a", Label: "A"}, {ID: "b", Label: "B"}, {ID: "c", Label: "C"}, {ID: "e", Label: "E"},
		{ID: "d", Label: "D"}, {ID: "f", Label: "F"}, {ID: "g", Label: "G"}, {ID: "h", Label: "H"},
	}
	res := Analyse(nodes, ties("a-b", "b-c", "c-d", "d-e", "e-f", "f-g", "g-h"), nil)
	want := []string{"d", "e", "c", "f", "b"}
	if !slices.Equal(res.Brokers, want) {
		t.Errorf("brokers = %v, want %v", res.Brokers, want)
	}
	// Nobody lies between others in a triangle: no brokers.
	if b := Analyse(nodes, ties("a-b", "b-c", "c-a"), nil).Brokers; len(b) != 0 {
		t.Errorf("triangle brokers = %v, want none", b)
	}
}

// Communities: two cliques joined by one tie split into two communities;
// the same input always gives the same numbering.
func TestCommunities(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b", "c", "d", "e", "f", "g", "h", "z")
	edges := ties("a-b", "a-c", "a-d", "b-c", "b-d", "c-d", // clique 1
		"e-f", "e-g", "e-h", "f-g", "f-h", "g-h", // clique 2
		"d-e")
	res := Analyse(nodes, edges, nil)
	want := [][]string{{"a", "b", "c", "d"}, {"e", "f", "g", "h"}, {"z"}}
	if !reflect.DeepEqual(res.Communities, want) {
		t.Errorf("communities = %v, want %v", res.Communities, want)
	}
	if m := res.Metrics["z"]; m.Community != 2 {
		t.Errorf("z in community %d, want 2", m.Community)
	}
}

func TestDeterministic(t *testing.T) {
	nodes, edges := randomNetwork(300, 900, 3)
	a := Analyse(nodes, edges, nil)
	for i := 0; i < 3; i++ {
		b := Analyse(nodes, edges, nil)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two analyses of the same network differ")
		}
	}
	if len(a.Communities) < 2 {
		t.Errorf("%d communities in a random network of 300; want several", len(a.Communities))
	}
}

// Compared with NetworkX 3.6 on random and special graphs
// (testdata/golden.py wrote testdata/networkx_golden.json).
func TestAgainstNetworkX(t *testing.T) {
	data, err := os.ReadFile("testdata/networkx_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name                                       string
		Nodes                                      []string
		Edges                                      [][2]string
		Degree                                     map[string]int
		Betweenness, Closeness, Eigenvector, Reach map[string]float64
		Density                                    float64
		Components                                 int
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 8 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var edges []Edge
			for _, e := range c.Edges {
				edges = append(edges, Edge{From: e[0], To: e[1], Type: Other})
			}
			res := Analyse(nodesOf(Individual, c.Nodes...), edges, nil)
			checkFloat(t, "density", res.Density, c.Density)
			if len(res.Components) != c.Components {
				t.Errorf("%d components, want %d", len(res.Components), c.Components)
			}
			for _, id := range c.Nodes {
				m := res.Metrics[id]
				if m.Degree != c.Degree[id] {
					t.Errorf("degree[%s] = %d, want %d", id, m.Degree, c.Degree[id])
				}
				checkFloat(t, "betweenness["+id+"]", m.Betweenness, c.Betweenness[id])
				checkFloat(t, "closeness["+id+"]", m.Closeness, c.Closeness[id])
				checkFloat(t, "reach["+id+"]", m.Reach, c.Reach[id])
				if !near(m.Eigenvector, c.Eigenvector[id], 1e-7) {
					t.Errorf("eigenvector[%s] = %.10g, want %.10g", id, m.Eigenvector, c.Eigenvector[id])
				}
			}
		})
	}
}

// Cross-check with gonum's own Brandes betweenness and closeness on a
// connected random network: NetworkX's normalised betweenness is gonum's
// divided by (n-1)(n-2); its closeness is (n-1) times gonum's.
func TestAgainstGonum(t *testing.T) {
	nodes, edges := randomNetwork(120, 600, 11)
	g := build(nodes, edges, nil)
	comps, _ := g.components()
	if len(comps) != 1 {
		t.Skipf("random network has %d components", len(comps))
	}
	n := float64(g.n())
	res := Analyse(nodes, edges, nil)
	gb := network.Betweenness(gonumGraph{g})
	gc := network.Closeness(gonumGraph{g}, path.DijkstraAllPaths(gonumGraph{g}))
	for u, nd := range g.nodes {
		m := res.Metrics[nd.ID]
		checkFloat(t, "betweenness "+nd.ID, m.Betweenness, gb[int64(u)]/((n-1)*(n-2)))
		checkFloat(t, "closeness "+nd.ID, m.Closeness, gc[int64(u)]*(n-1))
	}
}

// randomNetwork is a seeded random network of n actors of mixed kinds and
// m relationships of mixed types.
func randomNetwork(n, m int, seed uint64) ([]Node, []Edge) {
	rng := rand.New(rand.NewPCG(seed, seed))
	nodes := make([]Node, n)
	for i := range nodes {
		id := "n" + strconv.Itoa(i)
		nodes[i] = Node{
			ID: id, Label: "Actor " + strconv.Itoa(i), Kind: Kinds[rng.IntN(len(Kinds))],
			Attrs: map[string]string{"sector": []string{"public", "private", "civil"}[rng.IntN(3)]},
		}
	}
	edges := make([]Edge, m)
	for i := range edges {
		typ := Types[rng.IntN(len(Types))]
		edges[i] = Edge{
			From: nodes[rng.IntN(n)].ID, To: nodes[rng.IntN(n)].ID, Type: typ,
			Directed: typ == Funds || typ == WorksAt || typ == MemberOf, Strength: rng.IntN(4),
		}
	}
	return nodes, edges
}

// Analyse never panics nor yields NaN, whatever the input.
func FuzzAnalyse(f *testing.F) {
	f.Add([]byte{0, 1, 1, 2, 2, 3}, uint8(4))
	f.Add([]byte{}, uint8(0))
	f.Add([]byte{0, 0, 5, 5}, uint8(1))
	f.Fuzz(func(t *testing.T, pairs []byte, n uint8) {
		nodes := make([]Node, int(n)%40)
		for i := range nodes {
			nodes[i] = Node{ID: strconv.Itoa(i), Kind: Kinds[i%len(Kinds)]}
		}
		var edges []Edge
		for i := 0; i+1 < len(pairs); i += 2 {
			edges = append(edges, Edge{From: strconv.Itoa(int(pairs[i]) % 45), To: strconv.Itoa(int(pairs[i+1]) % 45), Type: Types[i%len(Types)]})
		}
		res := Analyse(nodes, edges, nil)
		noNaN(t, res)
		total := 0
		for _, c := range res.Communities {
			total += len(c)
		}
		if total != res.Nodes {
			t.Errorf("communities hold %d actors of %d", total, res.Nodes)
		}
	})
}
