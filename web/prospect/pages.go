// Package prospect serves the pipeline of prospective partners: the board,
// each prospect with its history, and inviting one.
package prospect

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
	Prospects pk.ProspectService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerProspects(rt)
	h.AddNav(web.NavEntry{Order: 90, Name: "prospects", Key: "outreach.nav.prospects", Suffix: "/prospects", Action: pk.ActionViewProspects})
}
