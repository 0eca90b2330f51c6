// Package admission serves the pages of the admission of new members: the
// pipeline by stage, proposing a candidate (from an outreach prospect too),
// and each admission with its criteria checklist, the decision, the
// agreement signed, activation, withdrawal and the dated history.
package admission

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
	Admissions pk.AdmissionService
	// Prospects fills a proposal from an outreach prospect.
	Prospects pk.ProspectService
	// Organisations finds the organisation on the platform a candidate is.
	Organisations pk.OrganisationService
}

// Register adds the admission pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view := httpx.RoleFor(pk.ActionViewAdmissions)
	propose, manage := httpx.RoleFor(pk.ActionProposeAdmissions), httpx.RoleFor(pk.ActionManageAdmissions)
	h.Handle(rt, "GET", "/p/{pid}/admissions", view, h.pipelinePage)
	h.Handle(rt, "GET", "/p/{pid}/admissions/new", propose, h.newPage)
	h.Handle(rt, "POST", "/p/{pid}/admissions", propose, h.create)
	h.Handle(rt, "GET", "/p/{pid}/admissions/{adid}", view, h.showPage)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}", manage, h.update)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}/checks", manage, h.check)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}/decision", manage, h.decide)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}/sign", manage, h.sign)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}/activate", manage, h.activate)
	h.Handle(rt, "POST", "/p/{pid}/admissions/{adid}/withdraw", manage, h.withdraw)
	h.AddNav(web.NavEntry{Order: 46, Name: "admissions", Key: "admission.nav", Suffix: "/admissions", Action: pk.ActionViewAdmissions})
}
