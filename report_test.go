package partnerkit

import (
	"testing"
)

// A roll-up's totals are the sum of its reports: every month's flows, and
// each plan's latest counts.
func TestSumReports(t *testing.T) {
	t.Parallel()
	reports := []*Report{
		{PlanID: "a", Period: "2026-01", Figures: ReportFigures{TasksDone: 3, TasksOpen: 9, TasksOverdue: 2, Delivered: 1000, Spent: 250}},
		{PlanID: "a", Period: "2026-03", Figures: ReportFigures{TasksDone: 1, TasksOpen: 5, TasksOverdue: 1, Delivered: 1, Spent: 1}},
		{PlanID: "a", Period: "2026-02", Figures: ReportFigures{TasksDone: 4, TasksOpen: 7, TasksOverdue: 4, Spent: 10}},
		{PlanID: "b", Period: "2026-02", Figures: ReportFigures{TasksDone: 2, TasksOpen: 2, Delivered: 500}},
	}
	got, err := SumReports(reports)
	if err != nil {
		t.Fatal(err)
	}
	want := RollupTotals{Reports: 4, Plans: 2, TasksDone: 10, Delivered: 1501, Spent: 261, TasksOpen: 7, TasksOverdue: 1}
	if got != want {
		t.Errorf("%+v, want %+v", got, want)
	}
	if empty, _ := SumReports(nil); empty != (RollupTotals{}) {
		t.Errorf("empty: %+v", empty)
	}
}

func TestReportInputValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		period, progress string
		ok               bool
	}{
		{"2026-03", "Two workshops held.", true},
		{"2026-Q1", "Quarter", false}, // reports are monthly
		{"2026-13", "x", false},
		{"", "x", false},
		{"2026-03", "  ", false},
	} {
		in := ReportInput{PlanID: "p", Period: c.period, Progress: c.progress}
		if err := in.Validate(); (err == nil) != c.ok {
			t.Errorf("%q %q: %v", c.period, c.progress, err)
		}
	}
	if k, ok := RollupKindFor(BodyStrategicCommittee); !ok || k != "quarter" {
		t.Error("strategic committee: quarterly")
	}
	if _, ok := RollupKindFor(BodyActionGroup); ok {
		t.Error("action groups get no roll-up")
	}
}
