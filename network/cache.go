package network

import (
	"crypto/sha256"
	"strconv"
	"sync"
)

// Key is a digest of everything an analysis or a layout reads: the chosen
// relationship types, the nodes (ID, label, kind) and the edges. Two
// requests that see the same network share the results; a member's network
// without sensitive rows and a coordinator's with them differ, so neither can
// ever be served the other's.
func Key(types []string, nodes []Node, edges []Edge) [sha256.Size]byte {
	h := sha256.New()
	w := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	w("types")
	w(types...)
	w("nodes", strconv.Itoa(len(nodes)))
	for _, nd := range nodes {
		w(nd.ID, nd.Label, nd.Kind)
	}
	w("edges", strconv.Itoa(len(edges)))
	for _, e := range edges {
		w(e.From, e.To, e.Type, strconv.FormatBool(e.Directed), strconv.Itoa(e.Strength))
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// Cached returns the value kept for (key, what), computing and keeping it
// when there is none. Working out the measures or the layout of thousands of
// actors takes far longer than reading them, and a network rarely changes
// between two page views. Entries are found by content (Key), so nothing
// needs invalidating; the oldest fall out.
func Cached(key [sha256.Size]byte, what string, compute func() any) any {
	return cache.get(key, what, compute)
}

var cache = &memo{max: 16}

type memo struct {
	mu      sync.Mutex
	max     int
	entries []memoEntry // oldest first
}

type memoEntry struct {
	key  [sha256.Size]byte
	what string
	val  any
}

func (c *memo) get(key [sha256.Size]byte, what string, compute func() any) any {
	c.mu.Lock()
	for i, e := range c.entries {
		if e.key == key && e.what == what {
			// Move to the newest end.
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			return e.val
		}
	}
	c.mu.Unlock()
	v := compute()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, memoEntry{key, what, v})
	if len(c.entries) > c.max {
		c.entries = c.entries[len(c.entries)-c.max:]
	}
	return v
}
