package network

import (
	"strconv"

	"github.com/partnerkit/partnerkit/keep"
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
	v, _ := cache.Get(key.Scope+"\x00"+what, strconv.FormatInt(key.Version, 10), func(prev any) (any, error) {
		return compute(prev), nil // nil: failed, nothing kept
	})
	return v
}

// Lookup returns the value kept for (key, what), if there is one.
func Lookup(key Key, what string) (any, bool) {
	return cache.Lookup(key.Scope+"\x00"+what, strconv.FormatInt(key.Version, 10))
}

// cache keeps 16 values, of any versions (two instances may read two
// versions of one network at once).
var cache = keep.New(16, 0)
