package network

import (
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Update gives what Analyse gives after every kind of change, and reuses
// the costly measures exactly when the shape of the graph is unchanged.
func TestUpdate(t *testing.T) {
	nodes, edges := randomNetwork(120, 360, 7)
	base := Analyse(nodes, edges, nil)
	relabel := slices.Clone(nodes)
	relabel[3].Label = "Actor 3 (renamed)" // order is input order: unchanged
	rekind := slices.Clone(nodes)
	rekind[5].Kind, rekind[6].Kind = Individual, Organisation
	parallel := append(slices.Clone(edges), Edge{From: edges[0].From, To: edges[0].To, Type: Other, Strength: 3})
	var a, b string
	for _, e := range edges { // two actors not yet tied
		a, b = e.From, nodes[len(nodes)-1].ID
		if a != b && !base.tied(a, b) {
			break
		}
	}
	newTie := append(slices.Clone(edges), Edge{From: a, To: b, Type: CooperatesWith})
	moreNodes := append(slices.Clone(nodes), Node{ID: "new", Label: "New", Kind: Group})
	reordered := append([]Node{nodes[1], nodes[0]}, nodes[2:]...)
	cases := []struct {
		name   string
		nodes  []Node
		edges  []Edge
		types  []string
		reused bool
	}{
		{"same", nodes, edges, nil, true},
		{"label", relabel, edges, nil, true},
		{"kind", rekind, edges, nil, true},
		{"second relationship between tied actors", nodes, parallel, nil, true},
		{"new tie", nodes, newTie, nil, false},
		{"new actor", moreNodes, edges, nil, false},
		{"actor order", reordered, edges, nil, false},
		{"types chosen", nodes, edges, []string{CooperatesWith}, false},
	}
	p0 := Place(nil, nodes, edges, nil, 800, 600)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Update(base, c.nodes, c.edges, c.types)
			want := Analyse(c.nodes, c.edges, c.types)
			if !reflect.DeepEqual(got, want) {
				t.Error("Update differs from Analyse")
			}
			if reused := got.shape == base.shape; reused != c.reused {
				t.Errorf("measures reused: %v, want %v", reused, c.reused)
			}
			p1 := Place(p0, c.nodes, c.edges, c.types, 800, 600)
			if !reflect.DeepEqual(p1.Points, Layout(c.nodes, c.edges, c.types, 800, 600)) {
				t.Error("Place differs from Layout")
			}
			if reused := p1 == p0; reused != c.reused {
				t.Errorf("placement reused: %v, want %v", reused, c.reused)
			}
		})
	}
	if Place(p0, nodes, edges, nil, 400, 300).width != 400 {
		t.Error("a placement for another frame was reused")
	}
}

// tied reports whether two actors share a tie in the analysed graph.
func (r *Result) tied(a, b string) bool {
	sh := r.shape
	ia, ib := slices.Index(sh.ids, a), slices.Index(sh.ids, b)
	_, ok := slices.BinarySearch(sh.nbr[sh.off[ia]:sh.off[ia+1]], int32(ib))
	return ok
}

// The cache hands a computation the newest value of the same scope, and
// never another scope's or a kept value for a different version.
func TestCached(t *testing.T) {
	k := func(scope string, v int64) Key { return Key{Scope: scope, Version: v} }
	calls := 0
	get := func(key Key) (any, any) {
		var seen any
		v := Cached(key, "test", func(prev any) any {
			calls++
			seen = prev
			return key
		})
		return v, seen
	}
	if v, prev := get(k("p1 all", 1)); v != k("p1 all", 1) || prev != nil {
		t.Fatalf("first: %v, prev %v", v, prev)
	}
	if v, _ := get(k("p1 all", 1)); v != k("p1 all", 1) || calls != 1 {
		t.Fatalf("second read computed again (%d calls)", calls)
	}
	if v, prev := get(k("p1 all", 2)); v != k("p1 all", 2) || prev != k("p1 all", 1) {
		t.Fatalf("new version: %v, prev %v", v, prev)
	}
	if _, prev := get(k("p1 public", 2)); prev != nil {
		t.Fatalf("another scope was offered %v", prev)
	}
	if _, prev := get(k("p1 all", 3)); prev != k("p1 all", 2) {
		t.Fatalf("offered %v, want the newest", prev)
	}
}

// Requests for a value being computed wait for it rather than compute it
// again; when that computation fails, a waiter computes its own.
func TestCachedSharesARunningComputation(t *testing.T) {
	key := Key{Scope: "shared " + t.Name(), Version: 1}
	var calls atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]any, 8)
	wg.Go(func() {
		results[0] = Cached(key, "test", func(any) any {
			calls.Add(1)
			close(started)
			<-release
			return "value"
		})
	})
	<-started
	for i := 1; i < len(results); i++ {
		wg.Go(func() {
			results[i] = Cached(key, "test", func(any) any { calls.Add(1); return "other" })
		})
	}
	// Let the waiters reach the cache before the first computation ends.
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d computations for one value", n)
	}
	for i, r := range results {
		if r != "value" {
			t.Errorf("request %d got %v", i, r)
		}
	}

	failing := Key{Scope: "failing " + t.Name(), Version: 1}
	started2, release2 := make(chan struct{}), make(chan struct{})
	var failed, own any
	wg.Go(func() {
		failed = Cached(failing, "test", func(any) any { close(started2); <-release2; return nil })
	})
	<-started2
	wg.Go(func() { own = Cached(failing, "test", func(any) any { return "computed again" }) })
	time.Sleep(50 * time.Millisecond)
	close(release2)
	wg.Wait()
	if failed != nil || own != "computed again" {
		t.Errorf("after a failed computation: %v, %v", failed, own)
	}
}
