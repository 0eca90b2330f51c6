// Package partnership serves a partnership's own pages: creating one, its
// overview, settings and archive, its members and invitations, and its audit
// log.
package partnership

import (
	"embed"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers. They depend on the root package's
// service interfaces only; the services decide, the pages decode and draw.
type Pages struct {
	*web.Web
	Members       pk.MemberService
	Organisations pk.OrganisationService
	Partnerships  pk.PartnershipService
	Playbooks     pk.PlaybookService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerPartnerships(rt)
	h.registerMembers(rt)
	h.AddNav(web.NavEntry{Order: 10, Name: "dashboard", Key: "nav.dashboard", Suffix: "", Action: pk.ActionViewPartnership})
	h.AddNav(web.NavEntry{Order: 20, Name: "members", Key: "nav.members", Suffix: "/members", Action: pk.ActionViewMembers})
	h.AddNav(web.NavEntry{Order: 30, Name: "invitations", Key: "nav.invitations", Suffix: "/invitations", Action: pk.ActionInvite})
	h.AddNav(web.NavEntry{Order: 110, Name: "audit", Key: "nav.audit", Suffix: "/audit", Action: pk.ActionViewAudit})
	h.AddNav(web.NavEntry{Order: 120, Name: "settings", Key: "nav.settings", Suffix: "/settings", Action: pk.ActionEditPartnership})
}
