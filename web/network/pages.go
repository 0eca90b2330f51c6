// Package network serves the network analysis page: who is central, who
// crosses boundaries, drawn and tabled.
package network

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
	Maps     pk.MapService
	Networks pk.NetworkService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerNetwork(rt)
	h.AddNav(web.NavEntry{Order: 70, Name: "network", Key: "networkpage.nav", Suffix: "/network", Action: pk.ActionViewNetwork})
}
