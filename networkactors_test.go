package partnerkit

import (
	"slices"
	"strconv"
	"testing"

	"github.com/partnerkit/partnerkit/network"
)

func TestNetworkActorPage(t *testing.T) {
	n := &Network{}
	for i := range 7 {
		n.Actors = append(n.Actors, &NetworkActor{ID: strconv.Itoa(i), Name: "Actor " + strconv.Itoa(6-i),
			NodeMetrics: network.NodeMetrics{Degree: i % 3, Betweenness: float64(i) / 10}})
	}
	ids := func(p *NetworkActorPage) []string {
		var out []string
		for _, a := range p.Actors {
			out = append(out, a.ID)
		}
		return out
	}
	// No key: betweenness, highest first.
	p, err := n.ActorPage(NetworkActorQuery{Page: PageRequest{Limit: 3}})
	if err != nil || !slices.Equal(ids(p), []string{"6", "5", "4"}) || p.Next != "3" || p.Total != 7 || p.From != 0 {
		t.Fatalf("first page %v next %q: %v", ids(p), p.Next, err)
	}
	p, _ = n.ActorPage(NetworkActorQuery{Page: PageRequest{Limit: 3, Cursor: "6"}})
	if !slices.Equal(ids(p), []string{"0"}) || p.Next != "" || p.From != 6 {
		t.Errorf("last page %v next %q", ids(p), p.Next)
	}
	// Degree, fewest first; equal degrees by name.
	p, _ = n.ActorPage(NetworkActorQuery{Sort: "degree"})
	if !slices.Equal(ids(p), []string{"6", "3", "0", "4", "1", "5", "2"}) {
		t.Errorf("by degree ascending: %v", ids(p))
	}
	p, _ = n.ActorPage(NetworkActorQuery{Sort: "name", Descending: true, Page: PageRequest{Limit: 500}})
	if !slices.Equal(ids(p), []string{"0", "1", "2", "3", "4", "5", "6"}) {
		t.Errorf("by name descending: %v", ids(p))
	}
	for _, q := range []NetworkActorQuery{{Sort: "fame"}, {Page: PageRequest{Cursor: "-1"}}, {Page: PageRequest{Cursor: "x"}}} {
		if _, err := n.ActorPage(q); ErrorCode(err) != EINVALID {
			t.Errorf("%+v: %v", q, err)
		}
	}
	if p, _ := n.ActorPage(NetworkActorQuery{Page: PageRequest{Cursor: "99"}}); len(p.Actors) != 0 || p.Next != "" {
		t.Errorf("past the end: %v", ids(p))
	}
}

func TestNetworkCrosserPage(t *testing.T) {
	n := &Network{Result: &network.Result{}}
	for i := range MaxNetworkCrossers*2 + 7 {
		n.Result.BoundaryCrossers = append(n.Result.BoundaryCrossers, network.Crosser{ID: strconv.Itoa(i)})
	}
	var seen []string
	cursor, pages := "", 0
	for {
		p, err := n.CrosserPage(cursor)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(p.Crossers) > MaxNetworkCrossers || p.Total != MaxNetworkCrossers*2+7 || p.From != len(seen) {
			t.Fatalf("page %d: %d crossers from %d of %d", pages, len(p.Crossers), p.From, p.Total)
		}
		for _, c := range p.Crossers {
			seen = append(seen, c.ID)
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if pages != 3 || len(seen) != MaxNetworkCrossers*2+7 || seen[len(seen)-1] != strconv.Itoa(MaxNetworkCrossers*2+6) {
		t.Errorf("%d pages, %d crossers", pages, len(seen))
	}
	for _, bad := range []string{"x", "-1"} {
		if _, err := n.CrosserPage(bad); ErrorCode(err) != EINVALID {
			t.Errorf("cursor %q: %v", bad, err)
		}
	}
	// A cursor past the end is an empty last page.
	if p, err := n.CrosserPage("999"); err != nil || len(p.Crossers) != 0 || p.Next != "" {
		t.Errorf("past the end: %+v %v", p, err)
	}
}

func TestMostConnected(t *testing.T) {
	n := &Network{}
	for i, deg := range []int{1, 5, 5, 0, 3} {
		n.Actors = append(n.Actors, &NetworkActor{ID: strconv.Itoa(i), Name: "Actor " + strconv.Itoa(i),
			NodeMetrics: network.NodeMetrics{Degree: deg, Betweenness: float64(i)}})
	}
	got := n.MostConnected(3)
	// Degree 5 twice (the higher betweenness first), then degree 3.
	if len(got) != 3 || !got["1"] || !got["2"] || !got["4"] {
		t.Errorf("most connected: %v", got)
	}
	if all := n.MostConnected(10); len(all) != 5 {
		t.Errorf("a limit above the count keeps all: %v", all)
	}
}

// A network larger than the picture lays out its most connected actors
// only, using the whole frame; a smaller one is laid out whole.
func TestPicture(t *testing.T) {
	n := &Network{Key: network.Key{Scope: t.Name(), Version: 1}}
	// A star of 0 with 1..5, a tie 1–2, and five actors with a single tie
	// each to 0 or none.
	for i := range 11 {
		id := strconv.Itoa(i)
		n.Nodes = append(n.Nodes, network.Node{ID: id, Label: "Actor " + id})
		n.Actors = append(n.Actors, &NetworkActor{ID: id, Name: "Actor " + id})
	}
	tie := func(a, b int) {
		n.Edges = append(n.Edges, network.Edge{From: strconv.Itoa(a), To: strconv.Itoa(b), Type: "collaboration"})
	}
	for i := 1; i <= 5; i++ {
		tie(0, i)
	}
	tie(1, 2)
	n.Result = network.Analyse(n.Nodes, n.Edges, nil)
	for _, a := range n.Actors {
		a.NodeMetrics = n.Result.Metrics[a.ID]
	}
	pic := n.Picture(3, 400, 300)
	pos := pic.Points
	if len(pos) != 3 || len(pic.Nodes) != 3 || len(pic.Edges) != 3 {
		t.Fatalf("%d actors placed, want the 3 most connected: %v", len(pos), pos)
	}
	for _, id := range []string{"0", "1", "2"} {
		p, ok := pos[id]
		if !ok || p.X < 0 || p.X > 400 || p.Y < 0 || p.Y > 300 {
			t.Errorf("actor %s: %v, %v", id, p, ok)
		}
	}
	if all := n.Picture(20, 400, 300); len(all.Points) != 11 || len(all.Edges) != 6 {
		t.Errorf("a network within the limit: %d of 11 placed, %d ties", len(all.Points), len(all.Edges))
	}
}

// Picking the first k with a heap gives what sorting everything gives, for
// every key, order and k.
func TestFirstInOrder(t *testing.T) {
	var all []*NetworkActor
	for i := range 200 {
		all = append(all, &NetworkActor{ID: strconv.Itoa(i), Name: "Actor " + strconv.Itoa(i%37), Kind: []string{"person", "group"}[i%2],
			NodeMetrics: network.NodeMetrics{Degree: i % 7, Betweenness: float64(i%13) / 13, Closeness: float64(i%5) / 5}})
	}
	for _, key := range NetworkSorts {
		for _, desc := range []bool{false, true} {
			order := networkOrder(key, desc)
			want := slices.Clone(all)
			slices.SortFunc(want, order)
			for _, k := range []int{0, 1, 10, 49, 50, 51, 200} {
				if got := firstInOrder(all, k, order); !slices.Equal(got, want[:k]) {
					t.Fatalf("%s desc=%v k=%d: not the first in order", key, desc, k)
				}
			}
		}
	}
}
