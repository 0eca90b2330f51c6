// Package playbook serves a partnership's playbook: its stages and steps,
// guiding questions, and what to do next.
package playbook

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
	Playbooks pk.PlaybookService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerOutreach(rt)
	h.AddNav(web.NavEntry{Order: 80, Name: "playbook", Key: "outreach.nav.playbook", Suffix: "/playbook", Action: pk.ActionViewPreparation})
}
