// Package keep keeps computed values under a scope and a version: a
// value is what was worked out from the data of one scope (a partnership's
// network, one view of its maps, one section of its report) as they stood
// at one version, which every write to those data raises. Two requests
// that read the same version of the same scope are given the same value,
// on whichever instance they arrive; a write raises the version, so no
// value older than what is read is ever handed out.
//
// One Cache does three things: requests for a value being computed wait
// for that computation instead of starting their own; a computation is
// given the value last kept for the same scope at another version, from
// which it may reuse what the change did not touch; and the least recently
// used values fall out beyond a bound.
package keep

import (
	"errors"
	"sync"
)

// Cache holds values by scope and version. The zero value is not usable:
// make one with New.
type Cache struct {
	mu       sync.Mutex
	max      int // values at most
	perScope int // versions of one scope at most (0: no bound but max)
	seq      uint64
	entries  []entry // least recently used first
	running  map[key]*flight
}

// New makes a cache of at most max values, and at most perScope versions
// of one scope (0 for no bound but max): a cache whose computations never
// use the previous value keeps one version per scope, as an older one is of
// no more use.
func New(max, perScope int) *Cache {
	if max < 1 {
		max = 1
	}
	return &Cache{max: max, perScope: perScope, running: map[key]*flight{}}
}

type key struct{ scope, version string }

type entry struct {
	key
	val    any
	stored uint64 // when kept: the highest of a scope is its newest value
}

// flight is one computation under way; done closes when val and err are
// set.
type flight struct {
	done chan struct{}
	val  any
	err  error
}

// Get returns the value kept for (scope, version), computing and keeping it
// when there is none. compute is given the value last kept for the same
// scope at another version (nil when there is none). A compute that fails
// (an error, or a nil value) keeps nothing, and its error is returned.
//
// Requests that arrive while the same (scope, version) is being computed
// wait for that computation; when it fails, each waiter computes for
// itself (its failure may have been the first request's own, such as a
// cancelled context).
func (c *Cache) Get(scope, version string, compute func(prev any) (any, error)) (any, error) {
	k := key{scope, version}
	c.mu.Lock()
	if f, ok := c.running[k]; ok {
		c.mu.Unlock()
		<-f.done
		if f.err == nil && f.val != nil {
			return f.val, nil
		}
		c.mu.Lock()
	}
	var prev any
	var prevStored uint64
	for i, e := range c.entries {
		if e.scope != scope {
			continue
		}
		if e.version == version {
			// Move to the most recently used end.
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			return e.val, nil
		}
		if e.stored >= prevStored {
			prev, prevStored = e.val, e.stored
		}
	}
	f := &flight{done: make(chan struct{})}
	leader := c.running[k] == nil
	if leader {
		c.running[k] = f
	}
	c.mu.Unlock()
	v, err := c.compute(f, k, leader, compute, prev)
	if err != nil || v == nil {
		return nil, err // nothing is kept
	}
	if !leader {
		c.mu.Lock()
		c.keep(k, v)
		c.mu.Unlock()
	}
	return v, nil
}

// Lookup returns the value kept for (scope, version), if there is one,
// without computing it.
func (c *Cache) Lookup(scope, version string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.scope == scope && e.version == version {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			return e.val, true
		}
	}
	return nil, false
}

// compute runs compute and, for the request that leads, hands the result
// to those waiting; a panic leaves them to compute for themselves, and goes
// on up.
func (c *Cache) compute(f *flight, k key, leader bool, compute func(prev any) (any, error), prev any) (v any, err error) {
	if leader {
		finished := false
		defer func() {
			c.mu.Lock()
			if finished {
				// Kept before the waiters go, so that no request comes
				// between to compute it again.
				f.val, f.err = v, err
				if err == nil && v != nil {
					c.keep(k, v)
				}
			} else {
				f.err = errPanicked
			}
			delete(c.running, k)
			close(f.done)
			c.mu.Unlock()
		}()
		v, err = compute(prev)
		finished = true
		return v, err
	}
	return compute(prev)
}

var errPanicked = errors.New("keep: the computation panicked")

// keep stores v under k, c.mu held.
func (c *Cache) keep(k key, v any) {
	c.seq++
	// Another request may have computed the same meanwhile: keep one; and
	// at most perScope versions of the scope, the newest.
	n := 0
	for i := len(c.entries) - 1; i >= 0; i-- {
		e := c.entries[i]
		if e.scope != k.scope {
			continue
		}
		n++
		if e.version == k.version || (c.perScope > 0 && n >= c.perScope) {
			c.entries = append(c.entries[:i], c.entries[i+1:]...)
			n--
		}
	}
	c.entries = append(c.entries, entry{k, v, c.seq})
	if len(c.entries) > c.max {
		c.entries = c.entries[len(c.entries)-c.max:]
	}
}

// Len is the number of values kept.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
