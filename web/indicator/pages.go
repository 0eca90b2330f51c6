// Package indicator serves the pages of indicators against targets: the
// list with each indicator's status, the indicator's page with its chart
// and table, the form that defines it and the one that records a result;
// and the partnership's report for a period.
package indicator

import (
	"embed"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Indicators pk.IndicatorService
	// Goals and Plans offer what an indicator may measure.
	Goals pk.GoalService
	Plans pk.PlanService
	// Members offers the person responsible for reporting.
	Members pk.MemberService
	// Report fills the partnership report, a section per service.
	Report reportview.Sources
	// Now is the clock (the chart ends today); tests set it.
	Now func() time.Time
}

func (h *Pages) now() time.Time {
	if h.Now != nil {
		return h.Now().UTC()
	}
	return time.Now().UTC()
}

// Register adds the pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, define := httpx.RoleFor(pk.ActionViewIndicators), httpx.RoleFor(pk.ActionDefineIndicators)
	measure := httpx.RoleFor(pk.ActionRecordMeasurements)
	h.Handle(rt, "GET", "/p/{pid}/indicators", view, h.listPage)
	h.Handle(rt, "GET", "/p/{pid}/indicators/new", define, h.newPage)
	h.Handle(rt, "POST", "/p/{pid}/indicators", define, h.create)
	h.Handle(rt, "GET", "/p/{pid}/indicators/{inid}", view, h.showPage)
	h.Handle(rt, "GET", "/p/{pid}/indicators/{inid}/edit", define, h.editPage)
	h.Handle(rt, "POST", "/p/{pid}/indicators/{inid}", define, h.update)
	h.Handle(rt, "POST", "/p/{pid}/indicators/{inid}/delete", define, h.delete)
	h.Handle(rt, "POST", "/p/{pid}/indicators/{inid}/measurements", measure, h.record)
	h.Handle(rt, "POST", "/p/{pid}/indicators/{inid}/measurements/{meid}/delete", measure, h.deleteMeasurement)
	h.Handle(rt, "GET", "/p/{pid}/report", httpx.RoleFor(pk.ActionViewPartnershipReport), h.reportPage)
	h.AddNav(web.NavEntry{Order: 49, Name: "indicators", Key: "indicator.nav", Suffix: "/indicators", Action: pk.ActionViewIndicators})
	h.AddNav(web.NavEntry{Order: 96, Name: "report", Key: "report.title", Suffix: "/report", Action: pk.ActionViewPartnershipReport})
}
