// Package organisation serves organisations' pages: their profiles and their
// people.
package organisation

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
}

// Register adds the module's pages.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerOrganisations(rt)

}
