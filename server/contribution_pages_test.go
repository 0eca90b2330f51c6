package server_test

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The contribution pages: a pledge typed with a decimal comma and grouped
// thousands is stored exactly and listed; an amount that is not one comes
// back naming its field; a delete asks first; a new currency is asked for
// twice and then shown on the budget page.
func TestContributionPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	base := "/p/" + pid + "/contributions"
	res := e.do(t, "member", "GET", base, nil)
	prepStatus(t, "list", res, 200)
	prepBody(t, "list", res, "Travel for council meetings", "Diaspora Voices", `action="`+base+`"`, "export.xlsx?table=contributions")
	pledge := url.Values{"organisation_id": {e.MemberOrg.ID}, "kind": {"money"}, "description": {"Room hire"},
		"amount": {"1 250,50"}, "pledged_on": {"2026-03-02"}}
	prepStatus(t, "pledge", e.do(t, "member", "POST", base, pledge), 303)
	prepBody(t, "pledged", e.do(t, "member", "GET", base, nil), "Room hire", "1\u202f250.50\u00a0EUR")
	pledge.Set("amount", "12,5,5")
	res = e.do(t, "member", "POST", base, pledge)
	prepStatus(t, "bad amount", res, 422)
	prepBody(t, "bad amount", res, `id="amount-error"`, "Enter an amount in EUR", `value="12,5,5"`)

	// Deleting asks first, then needs the version.
	co := e.Contributions().Money
	del := base + "/" + co.ID + "/delete"
	res = e.do(t, "member", "POST", del, url.Values{"version": {"1"}})
	prepStatus(t, "ask", res, 200)
	prepBody(t, "ask", res, "Delete this contribution?", `name="confirm" value="yes"`)
	prepStatus(t, "delete", e.do(t, "member", "POST", del, url.Values{"version": {"1"}, "confirm": {"yes"}}), 303)
	prepStatus(t, "deleted", e.do(t, "member", "GET", base+"/"+co.ID+"/edit", nil), 404)

	// The currency: the coordinator's, asked twice.
	settings := "/p/" + pid + "/budget/settings"
	prepStatus(t, "settings as member", e.do(t, "member", "GET", settings, nil), 403)
	res = e.do(t, "coordinator", "GET", settings, nil)
	prepBody(t, "settings", res, `name="version" value="2"`, `<option value="JOD">`)
	change := url.Values{"currency": {"JOD"}, "time_zone": {"Asia/Amman"}, "version": {"2"}}
	res = e.do(t, "coordinator", "POST", settings, change)
	prepStatus(t, "ask currency", res, 200)
	prepBody(t, "ask currency", res, "Change the partnership", "EUR → JOD")
	change.Set("confirm", "yes")
	prepStatus(t, "currency", e.do(t, "coordinator", "POST", settings, change), 303)
	prepBody(t, "budget", e.do(t, "member", "GET", "/p/"+pid+"/budget", nil), "Amounts in JOD", "Asia/Amman", "Funding sources")
	prepStatus(t, "stale", e.do(t, "coordinator", "POST", settings, change), 409)
}

// A convener writes a due month's report from the reports page: the form
// shows the figures it will carry, the report keeps them, and the roll-up
// page is printable, right to left in Arabic, its totals beside its
// reports.
func TestReportPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	res := e.do(t, "member", "GET", "/p/"+pid+"/reports", nil)
	prepStatus(t, "reports", res, 200)
	prepBody(t, "reports", res, "Due and overdue", "Youth council campaign")
	link := regexp.MustCompile(`href="(/p/[^"]+/reports/new\?plan_id=[^"]+)"`).FindStringSubmatch(res.Body)
	if link == nil {
		t.Fatalf("no month to write offered:\n%.2000s", res.Body)
	}
	res = e.do(t, "member", "GET", html.UnescapeString(link[1]), nil)
	prepStatus(t, "new", res, 200)
	prepBody(t, "new", res, "Figures", "Tasks open", `name="progress"`)
	q, _ := url.ParseQuery(strings.SplitN(html.UnescapeString(link[1]), "?", 2)[1])
	form := url.Values{"plan_id": {q.Get("plan_id")}, "period": {q.Get("period")}, "progress": {"All groups met."}}
	res = e.do(t, "member", "POST", "/p/"+pid+"/reports", form)
	prepStatus(t, "write", res, 303)
	page, _, _ := strings.Cut(res.Header.Get("Location"), "?")
	prepBody(t, "report", e.do(t, "observer", "GET", page, nil), "All groups met.", "Filled in when the report was written")
	prepStatus(t, "again", e.do(t, "member", "POST", "/p/"+pid+"/reports", form), 422)
	prepStatus(t, "observer writes", e.do(t, "observer", "GET", "/p/"+pid+"/reports/new", nil), 403)

	e.DB.Accounts.SetLanguage(e.Observer.Ctx, "ar")
	res = e.do(t, "observer", "GET", "/p/"+pid+"/rollups/"+e.Contributions().Rollup.ID, nil)
	prepStatus(t, "roll-up", res, 200)
	prepBody(t, "roll-up", res, `<html lang="ar" dir="rtl">`, `class="rollup-print"`, "<tfoot>", "Youth council campaign")
	if strings.Contains(res.Body, "<nav") {
		t.Error("the printable roll-up carries the navigation")
	}
}
