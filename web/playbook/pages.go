// Package playbook serves a partnership's playbook: its stages and steps,
// guiding questions, and what to do next.
package playbook

import (
	"embed"
	"net/http"

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

// render draws one of this module's pages.
func (h *Pages) render(w http.ResponseWriter, r *http.Request, status int, page string, v *web.View) {
	h.Render(w, r, status, templates, page, v)
}

// formOr draws page again with a form error's messages, or returns any
// other error for the error page.
func (h *Pages) formOr(w http.ResponseWriter, r *http.Request, err error, page string, v *web.View) error {
	return h.FormOr(w, r, err, templates, page, v)
}
