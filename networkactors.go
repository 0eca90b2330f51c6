package partnerkit

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/partnerkit/partnerkit/network"
)

// NetworkSorts are the keys the per-actor table of a network sorts by.
var NetworkSorts = []string{"name", "kind", "degree", "betweenness", "closeness", "eigenvector", "reach", "community"}

// NetworkSortDefault is the key the table sorts by when none is asked for.
const NetworkSortDefault = "betweenness"

// NetworkSortDescending tells a key's natural order: measures highest
// first, names, kinds and communities in reading order.
func NetworkSortDescending(key string) bool {
	switch key {
	case "name", "kind", "community":
		return false
	}
	return true
}

// NetworkActorQuery asks for one page of a network's per-actor table:
// sorted by Sort (one of NetworkSorts), Descending or not, at most
// Page.Limit rows (DefaultPageSize when 0, MaxPageSize at most) after
// Page.Cursor.
type NetworkActorQuery struct {
	Sort       string
	Descending bool
	Page       PageRequest
}

// NetworkActorPage is one page of the per-actor table.
type NetworkActorPage struct {
	Actors []*NetworkActor
	// From is the position of the first row in the whole table (0-based),
	// Total the number of rows; Next the cursor of the next page, empty on
	// the last.
	From, Total int
	Next        string
}

// ActorPage sorts the network's actors as q asks (ties: by name, then ID;
// no key: NetworkSortDefault in its natural order) and returns the page it
// asks for. The cursor is the position the page
// starts at; a request for an unknown key or with a cursor that is not one
// is refused (EINVALID on sort or cursor).
func (n *Network) ActorPage(q NetworkActorQuery) (*NetworkActorPage, error) {
	if q.Sort == "" {
		q.Sort, q.Descending = NetworkSortDefault, NetworkSortDescending(NetworkSortDefault)
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	from, _ := strconv.Atoi(q.Page.Cursor)
	limit := q.Page.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	limit = min(limit, MaxPageSize)
	total := len(n.Actors)
	out := &NetworkActorPage{From: min(from, total), Total: total}
	end := min(total, out.From+limit)
	out.Actors = firstInOrder(n.Actors, end, networkOrder(q.Sort, q.Descending))[out.From:end]
	if end < total {
		out.Next = strconv.Itoa(end)
	}
	return out, nil
}

// firstInOrder returns the first k of all in the order cmp gives, which must
// be total (no two actors equal). The first pages of a network of
// thousands need a few dozen of its actors: these are picked with a heap of
// k, in n·log k steps, and only they are sorted.
func firstInOrder(all []*NetworkActor, k int, cmp func(a, b *NetworkActor) int) []*NetworkActor {
	if k*4 >= len(all) {
		out := slices.Clone(all)
		slices.SortFunc(out, cmp)
		return out[:k]
	}
	// h is a heap whose top, h[0], is the last in order of those kept.
	h := make([]*NetworkActor, 0, k)
	down := func(i int) {
		for {
			worst, l, r := i, 2*i+1, 2*i+2
			if l < len(h) && cmp(h[l], h[worst]) > 0 {
				worst = l
			}
			if r < len(h) && cmp(h[r], h[worst]) > 0 {
				worst = r
			}
			if worst == i {
				return
			}
			h[i], h[worst] = h[worst], h[i]
			i = worst
		}
	}
	for _, a := range all {
		switch {
		case len(h) < k:
			h = append(h, a)
			for i := len(h) - 1; i > 0 && cmp(h[i], h[(i-1)/2]) > 0; i = (i - 1) / 2 {
				h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			}
		case k > 0 && cmp(a, h[0]) < 0:
			h[0] = a
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}

// networkOrder compares actors by a sort key in the order asked; ties fall
// back to the name, then the ID, always in reading order.
func networkOrder(key string, descending bool) func(a, b *NetworkActor) int {
	return func(a, b *NetworkActor) int {
		var c int
		switch key {
		case "name":
			c = cmp.Compare(a.Name, b.Name)
		case "kind":
			c = cmp.Compare(a.Kind, b.Kind)
		case "degree":
			c = cmp.Compare(a.Degree, b.Degree)
		case "betweenness":
			c = cmp.Compare(a.Betweenness, b.Betweenness)
		case "closeness":
			c = cmp.Compare(a.Closeness, b.Closeness)
		case "eigenvector":
			c = cmp.Compare(a.Eigenvector, b.Eigenvector)
		case "reach":
			c = cmp.Compare(a.Reach, b.Reach)
		case "community":
			c = cmp.Compare(a.Community, b.Community)
		}
		if descending {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	}
}

// MaxNetworkCrossers is how many boundary crossers a page or an answer
// lists at once (those with the most ties first); a national network has
// thousands.
const MaxNetworkCrossers = 50

// NetworkCrosserPage is one page of the boundary crossers: From and Total
// as for the actors, Next the cursor of the next page (empty on the last).
type NetworkCrosserPage struct {
	Crossers    []network.Crosser
	From, Total int
	Next        string
}

// Validate checks the query whatever the network: a known sort key (or
// none) and a cursor that is a position. A face checks it before it reads
// the network for an export, which the audit log records.
func (q NetworkActorQuery) Validate() error {
	var v Validator
	v.OneOf("sort", q.Sort, false, NetworkSorts)
	if q.Page.Cursor != "" {
		if c, err := strconv.Atoi(q.Page.Cursor); err != nil || c < 0 {
			v.Add("cursor", "validation.cursor", nil)
		}
	}
	return v.Err()
}

// CheckCrosserCursor checks a cursor of the boundary crossers (empty: the
// first page) whatever the network.
func CheckCrosserCursor(cursor string) error {
	if cursor == "" {
		return nil
	}
	if c, err := strconv.Atoi(cursor); err != nil || c < 0 {
		return FieldInvalid("crossers", "validation.cursor", nil)
	}
	return nil
}

// CrosserPage returns the boundary crossers from the position cursor
// names (empty: the first), at most MaxNetworkCrossers; a cursor that is
// not one is refused (EINVALID on crossers).
func (n *Network) CrosserPage(cursor string) (*NetworkCrosserPage, error) {
	if err := CheckCrosserCursor(cursor); err != nil {
		return nil, err
	}
	all := n.Result.BoundaryCrossers
	from, _ := strconv.Atoi(cursor)
	from = min(from, len(all))
	end := min(len(all), from+MaxNetworkCrossers)
	out := &NetworkCrosserPage{Crossers: all[from:end], From: from, Total: len(all)}
	if end < len(all) {
		out.Next = strconv.Itoa(end)
	}
	return out, nil
}

// MaxNetworkDrawn bounds the actors the network page draws: a phone can
// neither show nor quickly fetch a picture of thousands. The downloads
// (SVG, GEXF, GraphML) hold every actor.
const MaxNetworkDrawn = 300

// MostConnected returns the IDs of at most limit actors with the most ties
// (then the highest betweenness, then by name): the core a cut picture
// keeps.
func (n *Network) MostConnected(limit int) map[string]bool {
	actors := slices.Clone(n.Actors)
	slices.SortStableFunc(actors, func(a, b *NetworkActor) int {
		if c := cmp.Compare(b.Degree, a.Degree); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Betweenness, a.Betweenness); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	out := make(map[string]bool, min(limit, len(actors)))
	for _, a := range actors[:min(limit, len(actors))] {
		out[a.ID] = true
	}
	return out
}
