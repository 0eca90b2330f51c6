package keep

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func value(v any) func(any) (any, error) { return func(any) (any, error) { return v, nil } }

// A kept value is handed out again for its scope and version, and only
// for them; a new version is computed, given the scope's newest value.
func TestGetKeepsByScopeAndVersion(t *testing.T) {
	c := New(8, 0)
	calls := 0
	get := func(scope, version string) (any, any) {
		var seen any
		v, err := c.Get(scope, version, func(prev any) (any, error) {
			calls++
			seen = prev
			return scope + "@" + version, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return v, seen
	}
	if v, prev := get("a", "1"); v != "a@1" || prev != nil {
		t.Fatalf("first: %v, prev %v", v, prev)
	}
	if v, _ := get("a", "1"); v != "a@1" || calls != 1 {
		t.Fatalf("second read computed again (%d calls)", calls)
	}
	if v, prev := get("a", "2"); v != "a@2" || prev != "a@1" {
		t.Fatalf("new version: %v, prev %v", v, prev)
	}
	if v, prev := get("b", "2"); v != "b@2" || prev != nil {
		t.Fatalf("another scope: %v, offered %v", v, prev)
	}
	// Reading version 1 again makes it the most recently used, not the
	// newest: version 3 is still given version 2.
	get("a", "1")
	if _, prev := get("a", "3"); prev != "a@2" {
		t.Fatalf("offered %v, want the newest", prev)
	}
}

// A failed computation keeps nothing, and its error is returned.
func TestGetFailedKeepsNothing(t *testing.T) {
	c := New(8, 0)
	boom := errors.New("boom")
	if _, err := c.Get("a", "1", func(any) (any, error) { return nil, boom }); err != boom {
		t.Fatalf("err %v", err)
	}
	if v, err := c.Get("a", "1", func(any) (any, error) { return nil, nil }); v != nil || err != nil {
		t.Fatalf("nil value: %v, %v", v, err)
	}
	if c.Len() != 0 {
		t.Fatalf("%d kept after failures", c.Len())
	}
	var prev any = "unset"
	c.Get("a", "2", func(p any) (any, error) { prev = p; return "ok", nil })
	if prev != nil {
		t.Fatalf("a failure was offered as previous: %v", prev)
	}
}

// The least recently used values fall out beyond the bound, and a cache
// of one version per scope keeps only the newest.
func TestGetBounded(t *testing.T) {
	c := New(2, 0)
	c.Get("a", "1", value("a"))
	c.Get("b", "1", value("b"))
	c.Get("a", "1", value("a again")) // a is now the most recently used
	c.Get("c", "1", value("c"))       // b falls out
	if c.Len() != 2 {
		t.Fatalf("%d kept, want 2", c.Len())
	}
	if v, _ := c.Get("a", "1", value("recomputed")); v != "a" {
		t.Errorf("a: %v", v)
	}
	if v, _ := c.Get("b", "1", value("recomputed")); v != "recomputed" {
		t.Errorf("b: %v", v)
	}

	one := New(8, 1)
	one.Get("a", "1", value("a1"))
	one.Get("a", "2", value("a2"))
	one.Get("b", "1", value("b1"))
	if one.Len() != 2 {
		t.Fatalf("%d kept with one version per scope, want 2", one.Len())
	}
	if v, _ := one.Get("a", "1", value("recomputed")); v != "recomputed" {
		t.Errorf("old version still kept: %v", v)
	}

	two := New(8, 2)
	for _, v := range []string{"1", "2", "3"} {
		two.Get("a", v, value("a"+v))
	}
	if two.Len() != 2 {
		t.Fatalf("%d kept with two versions per scope", two.Len())
	}
}

// Requests for a value being computed wait for it rather than compute it
// again; when that computation fails, a waiter computes its own.
func TestGetSharesARunningComputation(t *testing.T) {
	c := New(8, 0)
	var calls atomic.Int32
	release, started := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	results := make([]any, 8)
	wg.Go(func() {
		results[0], _ = c.Get("a", "1", func(any) (any, error) {
			calls.Add(1)
			close(started)
			<-release
			return "value", nil
		})
	})
	<-started
	for i := 1; i < len(results); i++ {
		wg.Go(func() {
			results[i], _ = c.Get("a", "1", func(any) (any, error) { calls.Add(1); return "other", nil })
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

	started2, release2 := make(chan struct{}), make(chan struct{})
	var failed, own any
	var ferr error
	wg.Go(func() {
		failed, ferr = c.Get("f", "1", func(any) (any, error) { close(started2); <-release2; return nil, errors.New("cancelled") })
	})
	<-started2
	wg.Go(func() { own, _ = c.Get("f", "1", value("computed again")) })
	time.Sleep(50 * time.Millisecond)
	close(release2)
	wg.Wait()
	if failed != nil || ferr == nil || own != "computed again" {
		t.Errorf("after a failed computation: %v %v, %v", failed, ferr, own)
	}
}

// A computation that panics lets those waiting for it compute their own.
func TestGetPanicReleasesWaiters(t *testing.T) {
	c := New(8, 0)
	started, release := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer func() { recover() }()
		c.Get("p", "1", func(any) (any, error) { close(started); <-release; panic("boom") })
	})
	<-started
	var own any
	wg.Go(func() { own, _ = c.Get("p", "1", value("own")) })
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if own != "own" {
		t.Errorf("waiter got %v", own)
	}
}

// Lookup finds a kept value by its scope and version only, computes
// nothing, and counts as a use: the value looked up outlives others.
func TestLookup(t *testing.T) {
	c := New(2, 0)
	if _, ok := c.Lookup("a", "1"); ok {
		t.Fatal("found in an empty cache")
	}
	c.Get("a", "1", value("a@1"))
	c.Get("b", "1", value("b@1"))
	if v, ok := c.Lookup("a", "1"); !ok || v != "a@1" {
		t.Fatalf("a@1: %v %v", v, ok)
	}
	for _, k := range [][2]string{{"a", "2"}, {"c", "1"}} {
		if v, ok := c.Lookup(k[0], k[1]); ok {
			t.Errorf("%s@%s found: %v", k[0], k[1], v)
		}
	}
	c.Get("c", "1", value("c@1")) // b, least recently used, falls out
	if _, ok := c.Lookup("a", "1"); !ok {
		t.Error("the value looked up fell out")
	}
	if _, ok := c.Lookup("b", "1"); ok {
		t.Error("the least recently used stayed")
	}
	if c.Len() != 2 {
		t.Errorf("%d kept, want 2", c.Len())
	}
}
