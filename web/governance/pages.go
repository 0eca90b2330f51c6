// Package governance serves the pages of the partnership's bodies: the
// list with the organisation chart, each body with who sits and sat in it
// and its form, each seat's form, the charter with its versions, and the
// form that writes a new version.
package governance

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

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Bodies  pk.BodyService
	Charter pk.CharterService
	// Members offers the people and organisations a seat may go to.
	Members pk.MemberService
}

// Register adds the governance pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewGovernance), httpx.RoleFor(pk.ActionEditGovernance)
	h.Handle(rt, "GET", "/p/{pid}/governance", view, h.bodiesPage)
	h.Handle(rt, "POST", "/p/{pid}/governance/bodies", edit, h.bodyCreate)
	h.Handle(rt, "GET", "/p/{pid}/governance/bodies/{boid}", view, h.bodyPage)
	h.Handle(rt, "POST", "/p/{pid}/governance/bodies/{boid}", edit, h.bodyUpdate)
	h.Handle(rt, "GET", "/p/{pid}/governance/bodies/{boid}/edit", edit, h.bodyEdit)
	h.Handle(rt, "POST", "/p/{pid}/governance/bodies/{boid}/seats", edit, h.seatCreate)
	h.Handle(rt, "GET", "/p/{pid}/governance/bodies/{boid}/seats/{seid}/edit", edit, h.seatEdit)
	h.Handle(rt, "POST", "/p/{pid}/governance/bodies/{boid}/seats/{seid}", edit, h.seatUpdate)
	h.Handle(rt, "GET", "/p/{pid}/governance/charter", view, h.charterPage)
	h.Handle(rt, "GET", "/p/{pid}/governance/charter/edit", edit, h.charterEdit)
	h.Handle(rt, "POST", "/p/{pid}/governance/charter", edit, h.charterSave)
	h.AddNav(web.NavEntry{Order: 45, Name: "governance", Key: "governance.nav", Suffix: "/governance", Action: pk.ActionViewGovernance})
}
