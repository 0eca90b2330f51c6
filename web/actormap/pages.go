// Package actormap serves the maps of actors: each map's overview, the power
// map, the Spectrum of Allies, one actor on a map, and the tactics planned
// to move actors.
package actormap

import (
	"embed"
	"time"

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
	Maps    pk.MapService
	Members pk.MemberService
	// Now is the clock (the spectrum chart ends today); tests set it.
	Now func() time.Time
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerMaps(rt)
	h.AddNav(web.NavEntry{Order: 60, Name: "maps", Key: "maps.nav", Suffix: "/maps", Action: pk.ActionViewMaps})
}
