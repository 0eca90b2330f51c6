package web

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// navEntry is one module in a partnership's navigation. Modules add theirs
// here; an entry shows only to people whose role allows its action.
type navEntry struct {
	Name   string    // stable name, matched by View.Active
	Key    string    // message ID
	Suffix string    // path below /p/{pid}
	Action pk.Action // least permission to see it
}

var navEntries = []navEntry{
	{"dashboard", "nav.dashboard", "", pk.ActionViewPartnership},
	{"members", "nav.members", "/members", pk.ActionViewMembers},
	{"invitations", "nav.invitations", "/invitations", pk.ActionInvite},
	{"actors", "actors.nav", "/actors", pk.ActionViewActors},
	{"prepare", "preparation.nav", "/prepare", pk.ActionViewPreparation},
	{"maps", "maps.nav", "/maps", pk.ActionViewMaps},
	{"network", "networkpage.nav", "/network", pk.ActionViewNetwork},
	{"playbook", "outreach.nav.playbook", "/playbook", pk.ActionViewPreparation},
	{"prospects", "outreach.nav.prospects", "/prospects", pk.ActionViewProspects},
	{"profile", "outreach.nav.profile", "/profile", pk.ActionViewPreparation},
	{"audit", "nav.audit", "/audit", pk.ActionViewAudit},
	{"settings", "nav.settings", "/settings", pk.ActionEditPartnership},
}

// partnershipView loads the partnership of the path's {pid} for a page that
// needs action, and fills the navigation. Outsiders get ENOTFOUND.
func (h *Web) partnershipView(r *http.Request, action pk.Action, title, active string) (*View, error) {
	p, err := h.DB.Authorize(r.Context(), r.PathValue("pid"), action)
	if err != nil {
		return nil, err
	}
	v := h.view(r, title)
	v.P = p
	v.Active = active
	for _, e := range navEntries {
		if pk.Can(p.MyRole, e.Action) {
			v.Nav = append(v.Nav, NavLink{Key: e.Key, Href: "/p/" + p.ID + e.Suffix, Name: e.Name, Active: e.Name == active})
		}
	}
	return v, nil
}
