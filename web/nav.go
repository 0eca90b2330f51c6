package web

import (
	"cmp"
	"net/http"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// NavEntry is one module's entry in a partnership's navigation. Modules
// add theirs when they register; an entry shows only to people whose role
// allows its action.
type NavEntry struct {
	// Order places the entry; entries are shown by increasing order.
	Order  int
	Name   string    // stable name, matched by View.Active
	Key    string    // message ID
	Suffix string    // path below /p/{pid}
	Action pk.Action // least permission to see it
}

// AddNav adds a navigation entry (a module does it in its Register).
func (h *Web) AddNav(e NavEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	// A new slice each time: pages being served read the old one unlocked.
	nav := append(slices.Clone(h.nav), e)
	slices.SortStableFunc(nav, func(a, b NavEntry) int { return cmp.Compare(a.Order, b.Order) })
	h.nav = nav
}

// PartnershipView loads the partnership of the path's {pid} for a page that
// needs action, and fills the navigation. The service decides: outsiders
// get ENOTFOUND, a role without the action EFORBIDDEN, and an archived
// partnership refuses changes.
func (h *Web) PartnershipView(r *http.Request, action pk.Action, title, active string) (*View, error) {
	p, err := h.Partnerships.PartnershipFor(r.Context(), r.PathValue("pid"), action)
	if err != nil {
		return nil, err
	}
	v := h.View(r, title)
	v.P = p
	v.Active = active
	h.mu.Lock()
	nav := h.nav
	h.mu.Unlock()
	for _, e := range nav {
		if pk.Can(p.MyRole, e.Action) {
			v.Nav = append(v.Nav, NavLink{Key: e.Key, Href: "/p/" + p.ID + e.Suffix, Name: e.Name, Active: e.Name == active})
		}
	}
	return v, nil
}
