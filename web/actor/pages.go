// Package actor serves the stakeholder register: the list of actors, an
// actor's page, the forms, import and export, and the relationships between
// actors.
package actor

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
	Actors  pk.ActorService
	Members pk.MemberService
	// Maps lists the maps an actor can be placed on from its page.
	Maps pk.MapService
}

// Register adds the module's pages and navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	h.registerActors(rt)
	h.AddNav(web.NavEntry{Order: 40, Name: "actors", Key: "actors.nav", Suffix: "/actors", Action: pk.ActionViewActors})
}
