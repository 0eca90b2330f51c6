package network

import (
	"slices"
	"sync"
)

// Key names one analysed network. Scope says whose network and which view
// of it (the partnership, whether sensitive rows are in, the chosen
// relationship types); Version is the network's version as stored in the
// database, which every write to the actors or relationships raises in the
// writing transaction. Two requests that read the same version of the same
// view read the same network, on whichever instance they arrive; a write on
// another instance raises the version, so no instance can serve an
// analysis older than what it reads. A member's view without sensitive rows
// and a coordinator's with them have different scopes, so neither can ever
// be served the other's.
type Key struct {
	Scope   string
	Version int64
}

// Cached returns the value kept for (key, what), computing and keeping it
// when there is none. Working out the measures or the layout of thousands of
// actors takes far longer than reading them, and a network rarely changes
// between two page views. compute is given the newest value kept for the
// same scope and what at another version (nil when there is none), from
// which it may reuse what the change did not touch (see Update). The
// oldest entries fall out. A compute that returns nil (it failed) keeps
// nothing.
//
// Requests that arrive while the same (key, what) is being computed wait
// for that computation instead of starting their own: on a national network
// eight people opening the network page at once would otherwise make eight
// analyses of seconds each, on two cores, and all wait for the last. When
// the computation fails, each waiter computes for itself.
func Cached(key Key, what string, compute func(prev any) any) any {
	return cache.get(key, what, compute)
}

var cache = &memo{max: 16}

type memo struct {
	mu      sync.Mutex
	max     int
	entries []memoEntry // oldest first
	// running are the computations under way, by key and what.
	running map[memoKey]*flight
}

type memoKey struct {
	key  Key
	what string
}

type memoEntry struct {
	memoKey
	val any
}

// flight is one computation under way; done closes when val is set.
type flight struct {
	done chan struct{}
	val  any
}

func (c *memo) get(key Key, what string, compute func(prev any) any) any {
	k := memoKey{key, what}
	c.mu.Lock()
	if f, ok := c.running[k]; ok {
		c.mu.Unlock()
		<-f.done
		if f.val != nil {
			return f.val
		}
		c.mu.Lock()
	}
	var prev any
	prevVersion := int64(-1)
	for i, e := range c.entries {
		if e.key.Scope != key.Scope || e.what != what {
			continue
		}
		if e.key.Version == key.Version {
			// Move to the newest end.
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			return e.val
		}
		if e.key.Version > prevVersion {
			prev, prevVersion = e.val, e.key.Version
		}
	}
	f := &flight{done: make(chan struct{})}
	leader := c.running[k] == nil
	if leader {
		if c.running == nil {
			c.running = map[memoKey]*flight{}
		}
		c.running[k] = f
	}
	c.mu.Unlock()
	v := compute(prev)
	c.mu.Lock()
	defer c.mu.Unlock()
	if leader {
		f.val = v
		delete(c.running, k)
		close(f.done)
	}
	if v == nil {
		return nil // compute failed: nothing is kept
	}
	// Another request may have computed the same meanwhile: keep one.
	c.entries = slices.DeleteFunc(c.entries, func(e memoEntry) bool { return e.memoKey == k })
	c.entries = append(c.entries, memoEntry{k, v})
	if len(c.entries) > c.max {
		c.entries = c.entries[len(c.entries)-c.max:]
	}
	return v
}
