// Package health serves the pages of the partnership's health: the health
// check's rounds with their aggregates and trend, the form where a member
// rates, the partner relationship survey (an organisation's own sheet and
// the summary everyone sees), and the signals read from what members do.
// Every page shows aggregates only; a rater sees their own ratings on the
// form, and nobody else's anywhere.
package health

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

// Pages are the module's handlers; the service decides who may see what.
type Pages struct {
	*web.Web
	Health pk.HealthService
}

// Register adds the health pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, rate, manage := httpx.RoleFor(pk.ActionViewHealth), httpx.RoleFor(pk.ActionRateHealth), httpx.RoleFor(pk.ActionManageHealth)
	h.Handle(rt, "GET", "/p/{pid}/health", view, h.overviewPage)
	h.Handle(rt, "POST", "/p/{pid}/health/rounds", manage, h.roundOpen)
	h.Handle(rt, "GET", "/p/{pid}/health/rounds/{hrid}", view, h.roundPage)
	h.Handle(rt, "POST", "/p/{pid}/health/rounds/{hrid}/close", manage, h.roundClose)
	h.Handle(rt, "GET", "/p/{pid}/health/rounds/{hrid}/rate", rate, h.ratePage)
	h.Handle(rt, "POST", "/p/{pid}/health/rounds/{hrid}/rate", rate, h.rateSave)
	h.Handle(rt, "GET", "/p/{pid}/health/signals", view, h.signalsPage)
	h.Handle(rt, "GET", "/p/{pid}/trust", rate, h.trustPage)
	h.Handle(rt, "POST", "/p/{pid}/trust", rate, h.trustSave)
	h.Handle(rt, "GET", "/p/{pid}/trust/summary", view, h.trustSummaryPage)
	h.AddNav(web.NavEntry{Order: 75, Name: "health", Key: "health.nav", Suffix: "/health", Action: pk.ActionViewHealth})
}
