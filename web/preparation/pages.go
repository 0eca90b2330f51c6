// Package preparation serves the pages that prepare a partnership: the hub,
// the self-analysis (of a partnership or an organisation), the start-up
// checklist, the theory of change, choosing the form, and the printable
// profile.
package preparation

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
	Organisations pk.OrganisationService
	Preparation   pk.PreparationService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerPreparation(rt)
	h.registerProfile(rt)
	h.AddNav(web.NavEntry{Order: 50, Name: "prepare", Key: "preparation.nav", Suffix: "/prepare", Action: pk.ActionViewPreparation})
	h.AddNav(web.NavEntry{Order: 100, Name: "profile", Key: "outreach.nav.profile", Suffix: "/profile", Action: pk.ActionViewPreparation})
}
