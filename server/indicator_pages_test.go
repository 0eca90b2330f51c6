package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The indicator pages: the list with status badges, an indicator's page
// with its chart and table; a result typed wrong comes back with the
// message beside its field and nothing recorded; observers get no form.
func TestIndicatorPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Indicators()
	base := "/p/" + e.Partnership.ID + "/indicators"
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "list", res, 200)
	prepBody(t, "list", res, f.Reached.Name, f.Share.Name, "indicator-on_track", "Not rated yet")
	page := base + "/" + f.Reached.ID
	res = e.do(t, "observer", "GET", page, nil)
	prepStatus(t, "indicator", res, 200)
	prepBody(t, "indicator", res, "<svg", `class="indicator-chart"`, "The chart as a table", "January", "Sign-in sheets", "Women: 5")
	if strings.Contains(res.Body, `action="`+page+`/measurements"`) {
		t.Fatal("observers are offered the form")
	}
	res = e.do(t, "member", "POST", page+"/measurements", url.Values{"date": {"2026-03-01"}, "value": {"many"}, "breakdown.0.value": {"x"}})
	prepStatus(t, "bad value", res, 422)
	prepBody(t, "bad value", res, "field-error", `id="value-error"`, `id="breakdown.0.value-error"`, `value="many"`)
	res = e.do(t, "member", "POST", page+"/measurements", url.Values{"date": {"2026-03-01"}, "value": {"2,5"}, "breakdown.1.value": {"1"}})
	prepStatus(t, "record", res, 303)
	prepBody(t, "recorded", e.do(t, "observer", "GET", page, nil), "Men: 1", "11.5")
	prepStatus(t, "observer records", e.do(t, "observer", "POST", page+"/measurements", url.Values{"date": {"2026-03-01"}, "value": {"1"}}), 403)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", page, nil), 404)
	prepStatus(t, "another partnership", e.do(t, "coordinator", "GET", "/p/"+e.Other.ID+"/indicators/"+f.Reached.ID, nil), 404)
}

// A coordinator defines an indicator from the form; a target line that
// cannot be read comes back naming the line; the member, who convenes one
// plan only, may not define a goal's.
func TestIndicatorForm(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	plans := e.Plans()
	base := "/p/" + e.Partnership.ID + "/indicators"
	prepBody(t, "form", e.do(t, "coordinator", "GET", base+"/new", nil), `value="goal:`+plans.Goal.ID+`"`, `value="plan:`+plans.Plan.ID+`"`)
	form := url.Values{"owner": {"goal:" + plans.Goal.ID}, "name": {"Council sessions attended"}, "kind": {"number"}, "direction": {"increase"},
		"frequency": {"monthly"}, "targets": {"2026-06-30 10 Midline\n2026-13-01 20"}}
	res := e.do(t, "coordinator", "POST", base, form)
	prepStatus(t, "bad target", res, 422)
	prepBody(t, "bad target", res, "Line 2:", "Council sessions attended")
	form.Set("targets", "2026-06-30 10 Midline\n2026-12-31 20 End line")
	res = e.do(t, "coordinator", "POST", base, form)
	prepStatus(t, "define", res, 303)
	prepBody(t, "defined", e.do(t, "observer", "GET", res.Header.Get("Location"), nil), "Council sessions attended", "End line")
	prepStatus(t, "member for a goal", e.do(t, "member", "POST", base, form), 403)
	form.Set("owner", "plan:"+plans.Plan.ID)
	prepStatus(t, "member for their plan", e.do(t, "member", "POST", base, form), 303)
	// A yes/no indicator: the answer is chosen, and shown, in words.
	yn := url.Values{"owner": {"goal:" + plans.Goal.ID}, "name": {"The council adopted a participation rule"}, "kind": {"yes_no"},
		"direction": {"increase"}, "frequency": {"annual"}, "life_target": {"1"}, "targets": {"2026-02-28 1 Council vote"}}
	res = e.do(t, "coordinator", "POST", base, yn)
	prepStatus(t, "yes/no", res, 303)
	page, _, _ := strings.Cut(res.Header.Get("Location"), "?")
	prepStatus(t, "answer", e.do(t, "member", "POST", page+"/measurements", url.Values{"date": {"2026-02-27"}, "value": {"yes"}}), 303)
	res = e.do(t, "observer", "GET", page, nil)
	prepStatus(t, "yes/no page", res, 200)
	prepBody(t, "yes/no page", res, "<td>Yes", "On track", "100 %")
	// A qualitative one: no chart, the note is the result.
	q := url.Values{"owner": {"plan:" + plans.Plan.ID}, "name": {"What the council members say"}, "kind": {"qualitative"},
		"direction": {"increase"}, "frequency": {"quarterly"}}
	res = e.do(t, "member", "POST", base, q)
	prepStatus(t, "qualitative", res, 303)
	page, _, _ = strings.Cut(res.Header.Get("Location"), "?")
	prepStatus(t, "no note", e.do(t, "member", "POST", page+"/measurements", url.Values{"date": {"2026-02-27"}}), 422)
	prepStatus(t, "note", e.do(t, "member", "POST", page+"/measurements", url.Values{"date": {"2026-02-27"}, "note": {"They want us back in May."}}), 303)
	res = e.do(t, "observer", "GET", page, nil)
	prepBody(t, "qualitative page", res, "They want us back in May.", "Not rated yet")
	if strings.Contains(res.Body, "indicator-chart") {
		t.Error("a chart for a qualitative indicator")
	}
}

// The report: the page and its JSON twin read the same sections (plans
// running in the period, meetings held in it, not those still to come);
// a period that cannot be read is refused naming the field.
func TestReport(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f, plans := e.Indicators(), e.Plans()
	page := "/p/" + e.Partnership.ID + "/report"
	res := e.do(t, "observer", "GET", page+"?from=2026-01-01&to=2026-03-31", nil)
	prepStatus(t, "report", res, 200)
	prepBody(t, "report", res, plans.Goal.Title, f.Reached.Name, plans.Plan.Title, "Meetings and attendance", `class="report print-sheet"`,
		"Evaluations", e.Evaluations().Evaluation.Title)
	res = e.do(t, "observer", "GET", page+"?from=2026-04-01&to=2026-03-31", nil)
	prepStatus(t, "backwards", res, 422)
	prepBody(t, "backwards", res, `id="to-error"`)
	api := "/api/v1/partnerships/" + e.Partnership.ID + "/report"
	res = e.do(t, "observer", "GET", api+"?from=2026-01-01&to=2026-03-31", nil)
	prepStatus(t, "json", res, 200)
	var r struct {
		From       string `json:"from"`
		Indicators struct {
			AsOf  string `json:"as_of"`
			Items []struct {
				Status     string   `json:"status"`
				PercentMet *float64 `json:"percent_met"`
			} `json:"items"`
			MeasuredInPeriod int `json:"measured_in_period"`
		} `json:"indicators"`
		Meetings struct {
			Items []struct {
				Title string `json:"title"`
			} `json:"items"`
			Rate *int `json:"attendance_rate"`
		} `json:"meetings"`
		Plans struct {
			Items []struct {
				MilestonesDue int `json:"milestones_due"`
			} `json:"items"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(res.Body), &r); err != nil || r.From != "2026-01-01" || r.Indicators.AsOf != "2026-03-02" ||
		len(r.Indicators.Items) != 2 || r.Indicators.MeasuredInPeriod != 2 || len(r.Plans.Items) != 1 || len(r.Meetings.Items) != 1 || r.Meetings.Rate == nil || *r.Meetings.Rate != 0 {
		t.Fatalf("report: %v %s", err, res.Body)
	}
	// Contributions are for members: the observer's report leaves the
	// section out, the member's has it.
	if !strings.Contains(res.Body, `"budget":null`) {
		t.Errorf("the observer's report shows the budget")
	}
	res = e.do(t, "member", "GET", api+"?from=2026-01-01&to=2026-03-31", nil)
	var m struct {
		Budget *struct {
			Budget struct {
				Settings struct{ Currency string } `json:"settings"`
			} `json:"budget"`
		} `json:"budget"`
	}
	if err := json.Unmarshal([]byte(res.Body), &m); err != nil || m.Budget == nil || m.Budget.Budget.Settings.Currency == "" {
		t.Errorf("the member's report: %v %.300s", err, res.Body)
	}
	prepBody(t, "member's page", e.do(t, "member", "GET", page, nil), "Contributions and budget", "Largest funder")
	res = e.do(t, "observer", "GET", api+"?from=2020-01-01&to=2026-03-31", nil)
	prepStatus(t, "too long", res, 422)
	prepBody(t, "too long", res, `"field":"to"`)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", api+"?from=x", nil), 404)
}
