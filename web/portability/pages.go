// Package portability serves the pages that move a whole partnership in
// and out of the instance: the coordinators' "Export and import" page with
// the archive download, and the import form beside "new partnership".
package portability

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

// Pages are the module's handlers; the service decides who may export.
type Pages struct {
	*web.Web
	Portability pk.PortabilityService
}

// Register adds the pages and the navigation entry, which only
// coordinators see.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerExport(rt)
	h.registerImport(rt)
	h.AddNav(web.NavEntry{Order: 106, Name: "export", Key: "portability.nav", Suffix: "/export", Action: pk.ActionExportPartnership})
}
