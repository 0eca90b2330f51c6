// Package contribution serves the pages of contributions and the budget
// (what member organisations pledge and deliver, the barriers that
// restrain them, the plans' spending, the partnership's currency and time
// zone) and of the reporting cadence (the conveners' monthly reports, what
// is due, and the committees' printable roll-ups).
package contribution

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

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Contributions pk.ContributionService
	Reports       pk.ReportService
	// Plans offers the action plans a contribution, expense or report is for.
	Plans pk.PlanService
	// Bodies offers the committees a roll-up is made for.
	Bodies pk.BodyService
	// Members offers the member organisations the list is narrowed to.
	Members pk.MemberService
}

// Register adds the pages and the navigation entries.
func (h *Pages) Register(rt *httpx.Router) {
	view, record := httpx.RoleFor(pk.ActionViewContributions), httpx.RoleFor(pk.ActionRecordContributions)
	spend, settings := httpx.RoleFor(pk.ActionRecordExpenses), httpx.RoleFor(pk.ActionEditBudgetSettings)
	reports, write := httpx.RoleFor(pk.ActionViewReports), httpx.RoleFor(pk.ActionWriteReports)
	const one = "/p/{pid}/contributions/{coid}"
	h.Handle(rt, "GET", "/p/{pid}/contributions", view, h.list)
	h.Handle(rt, "POST", "/p/{pid}/contributions", record, h.create)
	h.Handle(rt, "GET", one+"/edit", record, h.edit)
	h.Handle(rt, "POST", one, record, h.update)
	h.Handle(rt, "POST", one+"/delete", record, h.delete)
	h.Handle(rt, "GET", "/p/{pid}/barriers", view, h.barriers)
	h.Handle(rt, "POST", "/p/{pid}/barriers", record, h.barrierCreate)
	h.Handle(rt, "GET", "/p/{pid}/barriers/{barid}/edit", record, h.barrierEdit)
	h.Handle(rt, "POST", "/p/{pid}/barriers/{barid}", record, h.barrierUpdate)
	h.Handle(rt, "POST", "/p/{pid}/barriers/{barid}/delete", record, h.barrierDelete)
	h.Handle(rt, "GET", "/p/{pid}/budget", view, h.budget)
	h.Handle(rt, "GET", "/p/{pid}/budget/settings", settings, h.settings)
	h.Handle(rt, "POST", "/p/{pid}/budget/settings", settings, h.settingsSave)
	h.Handle(rt, "GET", "/p/{pid}/expenses", view, h.expenses)
	h.Handle(rt, "POST", "/p/{pid}/expenses", spend, h.expenseCreate)
	h.Handle(rt, "GET", "/p/{pid}/expenses/{exid}/edit", spend, h.expenseEdit)
	h.Handle(rt, "POST", "/p/{pid}/expenses/{exid}", spend, h.expenseUpdate)
	h.Handle(rt, "POST", "/p/{pid}/expenses/{exid}/delete", spend, h.expenseDelete)
	h.Handle(rt, "GET", "/p/{pid}/reports", reports, h.reports)
	h.Handle(rt, "GET", "/p/{pid}/reports/new", write, h.reportNew)
	h.Handle(rt, "POST", "/p/{pid}/reports", write, h.reportCreate)
	h.Handle(rt, "GET", "/p/{pid}/reports/{repid}", reports, h.report)
	h.Handle(rt, "GET", "/p/{pid}/reports/{repid}/edit", write, h.reportEdit)
	h.Handle(rt, "POST", "/p/{pid}/reports/{repid}", write, h.reportUpdate)
	h.Handle(rt, "GET", "/p/{pid}/rollups", reports, h.rollups)
	h.Handle(rt, "POST", "/p/{pid}/rollups", httpx.RoleFor(pk.ActionGenerateRollups), h.rollupGenerate)
	h.Handle(rt, "GET", "/p/{pid}/rollups/{rollid}", reports, h.rollup)
	h.AddNav(web.NavEntry{Order: 96, Name: "contributions", Key: "contributions.nav", Suffix: "/contributions", Action: pk.ActionViewContributions})
	h.AddNav(web.NavEntry{Order: 97, Name: "budget", Key: "budget.nav", Suffix: "/budget", Action: pk.ActionViewContributions})
	h.AddNav(web.NavEntry{Order: 98, Name: "reports", Key: "reports.nav", Suffix: "/reports", Action: pk.ActionViewReports})
}
