package indicator

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/reportview/reportviewtest"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/web"
)

var bundle = i18n.MustLoad()

// checkSections says whether the report's sections drawn for ctx's person
// in lang from what is kept (twice: drawn, then found) are byte for byte
// those drawn from the report worked out afresh, and returns them.
func checkSections(t *testing.T, db *sqldb.DB, ctx context.Context, pid, lang string) string {
	t.Helper()
	w, err := web.New(web.Config{Partnerships: db.Partnerships, Bundle: bundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	draw := func(kept bool) string {
		h := &Pages{Web: w, Report: reportviewtest.Sources(db, kept)}
		now := db.Now()
		s, err := reportview.Show(ctx, h.Report, pid, reportview.DefaultPeriod(now), now)
		if err != nil {
			t.Fatal(err)
		}
		d, err := h.reportSections(s, pid, lang)
		if err != nil {
			t.Fatal(err)
		}
		return string(d.before.HTML() + d.decisions.HTML() + d.after.HTML())
	}
	want := draw(false)
	for i := range 2 {
		if got := draw(true); got != want {
			t.Fatalf("%s, %d: the kept sections differ from those drawn afresh:\n got %.3000s\nwant %.3000s", lang, i, got, want)
		}
	}
	return want
}

// The sections drawn once and kept are those drawn afresh, in every
// language and for every role; a role's hidden sections stay hidden.
func TestReportSectionsKept(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := reportviewtest.World(t, db)
		drawn := map[string]string{}
		for _, role := range []string{"observer", "member", "coordinator"} {
			for _, lang := range i18n.Languages {
				drawn[role+lang] = checkSections(t, db, w.As(role).Ctx, w.Partnership.ID, lang)
			}
		}
		if drawn["coordinatoren"] == drawn["coordinatorar"] || drawn["coordinatoren"] == drawn["coordinatorfr"] {
			t.Error("the sections are not translated")
		}
		if !strings.Contains(drawn["observeren"], `id="r-dec"`) || strings.Contains(drawn["observeren"], "Largest funder") ||
			!strings.Contains(drawn["memberen"], "Largest funder") {
			t.Error("the budget is shown to the observer, or not to the member")
		}
	})
}

// A write shows in the next page's sections; each person's decisions are
// drawn for them (the supported state is not shown on the page, so the
// drawings of two people are alike, yet each is checked against their own).
func TestReportSectionsFollowWrites(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := reportviewtest.World(t, db)
		pid := w.Partnership.ID
		checkSections(t, db, w.Member.Ctx, pid, "fr")
		reportviewtest.SupportReopening(t, db, w)
		for _, role := range []string{"member", "coordinator", "member"} {
			checkSections(t, db, w.As(role).Ctx, pid, "fr")
		}
		before := checkSections(t, db, w.Member.Ctx, pid, "fr")
		reportviewtest.RecordMeasurement(t, db, w)
		if after := checkSections(t, db, w.Member.Ctx, pid, "fr"); after == before {
			t.Error("the new measurement does not show")
		}
	})
}

// A section cut short says so and links to the module's page with the
// whole list, in every language.
func TestReportCutSectionsLink(t *testing.T) {
	w, err := web.New(web.Config{Bundle: bundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	h := &Pages{Web: w}
	r := &pk.PartnershipReport{
		Goals:       &pk.ReportGoals{Items: []*pk.Goal{{Title: "G"}}, Cut: true},
		Indicators:  &pk.ReportIndicators{Items: []*pk.Indicator{{}}, Cut: true, ByStatus: map[string]int{}},
		Plans:       &pk.ReportPlans{Items: []*pk.ReportPlan{{Title: "P"}}, Cut: true},
		Meetings:    &pk.ReportMeetings{Items: []*pk.ReportMeeting{{}}, Cut: true},
		Evaluations: &pk.ReportEvaluations{Items: []*pk.Evaluation{{}}, Cut: true},
	}
	decisions := &pk.ReportDecisions{Items: []*pk.Decision{{}}, Cut: true, ByOutcome: map[string]int{}}
	for _, lang := range i18n.Languages {
		html := ""
		for _, part := range []string{"report-before", "report-after", "report-decisions"} {
			s, err := h.Part(templates, "report", part, lang, partData{PID: "p1", Report: r, Decisions: decisions})
			if err != nil {
				t.Fatal(lang, part, err)
			}
			html += string(s)
		}
		loc := bundle.Localizer(lang)
		for _, link := range []string{"goals", "indicators", "plans", "meetings", "evaluations"} {
			want := `<p class="warning">` + loc.T("report.cut") + ` <a href="/p/p1/` + link + `">` + loc.T("report.cut.all") + `</a></p>`
			if !strings.Contains(html, want) {
				t.Errorf("%s: no link to the whole list of %s (%s)", lang, link, want)
			}
		}
		if !strings.Contains(html, `<a href="/p/p1/decisions/log">`+loc.T("report.cut.decision_log")+`</a>`) {
			t.Errorf("%s: the cut decisions do not link to the decision log", lang)
		}
	}
}
