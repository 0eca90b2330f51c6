package notifymail

import (
	"sort"
	"time"
)

// MaxDigestItems bounds a digest; the rest is counted ("and N more") and
// the mail links to the inbox, which holds them all.
const MaxDigestItems = 30

// Item is one notification as a digest arranges it; Ref lets the caller
// find its own record again.
type Item struct {
	Ref             int
	PartnershipID   string
	PartnershipName string
	Kind            string
	CreatedAt       time.Time
}

// Digest is a digest's content: the partnerships, each with its kinds,
// each with its items, and how many were left out.
type Digest struct {
	Groups []Group
	Shown  int
	More   int
}

// Group is one partnership's part of a digest.
type Group struct {
	PartnershipID   string
	PartnershipName string
	Kinds           []KindGroup
}

// KindGroup is the items of one kind in a partnership.
type KindGroup struct {
	Kind  string
	Items []Item
}

// Arrange keeps the max newest items (ties broken by Ref, so the result
// does not depend on the input's order) and groups them by partnership,
// then by kind. Items are newest first; a partnership, and a kind within
// it, comes in the order of its newest item.
func Arrange(items []Item, max int) Digest {
	sorted := append([]Item(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].CreatedAt.Equal(sorted[j].CreatedAt) {
			return sorted[i].CreatedAt.After(sorted[j].CreatedAt)
		}
		return sorted[i].Ref < sorted[j].Ref
	})
	d := Digest{}
	if len(sorted) > max {
		d.More = len(sorted) - max
		sorted = sorted[:max]
	}
	d.Shown = len(sorted)
	groupAt := map[string]int{}
	for _, it := range sorted {
		gi, ok := groupAt[it.PartnershipID]
		if !ok {
			gi = len(d.Groups)
			groupAt[it.PartnershipID] = gi
			d.Groups = append(d.Groups, Group{PartnershipID: it.PartnershipID, PartnershipName: it.PartnershipName})
		}
		g := &d.Groups[gi]
		ki := -1
		for k := range g.Kinds {
			if g.Kinds[k].Kind == it.Kind {
				ki = k
				break
			}
		}
		if ki < 0 {
			ki = len(g.Kinds)
			g.Kinds = append(g.Kinds, KindGroup{Kind: it.Kind})
		}
		g.Kinds[ki].Items = append(g.Kinds[ki].Items, it)
	}
	return d
}
