// Package bin serves the partnership's bin: what deletes of actors,
// relationships and maps destroyed, kept 30 days for coordinators to
// restore or delete for good.
package bin

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
// service interface only; the service decides who may see the bin.
type Pages struct {
	*web.Web
	Bin pk.BinService
}

// Register adds the bin's pages and its navigation entry, which only
// coordinators see (the entry's action is theirs alone).
func (h *Pages) Register(rt *httpx.Router) {
	h.registerBin(rt)
	h.AddNav(web.NavEntry{Order: 105, Name: "bin", Key: "bin.nav", Suffix: "/bin", Action: pk.ActionViewBin})
}
