package partnerkit

import (
	"math"
	"strings"
	"testing"
	"time"
)

func fv(x float64) *float64 { return &x }

func validIndicator() IndicatorInput {
	return IndicatorInput{
		GoalID: "g1", Name: "Young people reached", Unit: "people", Kind: "number", Direction: "increase",
		Frequency: "quarterly", Baseline: fv(0), BaselineDate: "2026-01-01", LifeTarget: fv(200),
		Targets:    []IndicatorTarget{{Due: "2026-06-30", Value: 100, Label: "Midline"}, {Due: "2026-12-31", Value: 200}},
		Categories: []string{"Women", "Men", "Refugee background"},
	}
}

func TestIndicatorInputValidate(t *testing.T) {
	for _, c := range []struct {
		name       string
		change     func(*IndicatorInput)
		field, key string // "" when valid
	}{
		{"valid", func(*IndicatorInput) {}, "", ""},
		{"neither goal nor plan", func(in *IndicatorInput) { in.GoalID = "" }, "goal_id", "indicator.validation.goal_or_plan"},
		{"both goal and plan", func(in *IndicatorInput) { in.PlanID = "p1" }, "plan_id", "indicator.validation.goal_or_plan"},
		{"no name", func(in *IndicatorInput) { in.Name = " " }, "name", "validation.required"},
		{"unknown kind", func(in *IndicatorInput) { in.Kind = "score" }, "kind", "validation.one_of"},
		{"unknown direction", func(in *IndicatorInput) { in.Direction = "up" }, "direction", "validation.one_of"},
		{"no frequency", func(in *IndicatorInput) { in.Frequency = "" }, "frequency", "validation.required"},
		{"bad baseline date", func(in *IndicatorInput) { in.BaselineDate = "2026-02-30" }, "baseline_date", "validation.date"},
		{"infinite target", func(in *IndicatorInput) { in.LifeTarget = fv(math.Inf(1)) }, "life_target", "indicator.validation.number"},
		{"huge baseline", func(in *IndicatorInput) { in.Baseline = fv(2e12) }, "baseline", "indicator.validation.number"},
		{"percentage over 100", func(in *IndicatorInput) { in.Kind = "percentage" }, "life_target", "indicator.validation.percentage"},
		{"percentage at 100", func(in *IndicatorInput) {
			in.Kind, in.LifeTarget, in.Targets = "percentage", fv(100), nil
		}, "", ""},
		{"yes/no of 2", func(in *IndicatorInput) {
			in.Kind, in.Baseline, in.LifeTarget, in.Targets = "yes_no", nil, fv(2), nil
		}, "life_target", "indicator.validation.yes_no"},
		{"qualitative with a target", func(in *IndicatorInput) { in.Kind = "qualitative" }, "targets", "indicator.validation.qualitative_number"},
		{"decreasing without baseline", func(in *IndicatorInput) {
			in.Direction, in.Baseline = "decrease", nil
		}, "baseline", "indicator.validation.decrease_baseline"},
		{"decreasing towards more", func(in *IndicatorInput) {
			in.Direction, in.Baseline = "decrease", fv(200)
		}, "life_target", "indicator.validation.decrease_target"},
		{"decreasing", func(in *IndicatorInput) {
			in.Direction, in.Baseline, in.LifeTarget = "decrease", fv(300), fv(200)
		}, "", ""},
		{"target without date", func(in *IndicatorInput) { in.Targets[1].Due = "" }, "targets.1.due", "validation.required"},
		{"two targets on a day", func(in *IndicatorInput) { in.Targets[1].Due = in.Targets[0].Due }, "targets.1.due", "indicator.validation.target_twice"},
		{"target label too long", func(in *IndicatorInput) { in.Targets[0].Label = strings.Repeat("x", 61) }, "targets.0.label", "validation.too_long"},
		{"too many targets", func(in *IndicatorInput) {
			in.Targets = make([]IndicatorTarget, MaxIndicatorTargets+1)
		}, "targets", "indicator.validation.too_many"},
		{"category twice", func(in *IndicatorInput) { in.Categories = append(in.Categories, " women") }, "categories", "indicator.validation.category_twice"},
		{"empty category", func(in *IndicatorInput) { in.Categories[1] = "" }, "categories", "validation.required"},
	} {
		in := validIndicator()
		c.change(&in)
		got := fieldKeys(in.Validate())
		if c.field == "" {
			if len(got) != 0 {
				t.Errorf("%s: refused: %v", c.name, got)
			}
			continue
		}
		if got[c.field] != c.key {
			t.Errorf("%s: %s = %q, want %q (all: %v)", c.name, c.field, got[c.field], c.key, got)
		}
	}
}

func TestMeasurementValidateFor(t *testing.T) {
	today := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	num := &Indicator{Kind: "number", Categories: []string{"Women", "Men"}}
	qual := &Indicator{Kind: "qualitative"}
	for _, c := range []struct {
		name       string
		ind        *Indicator
		in         MeasurementInput
		field, key string
	}{
		{"valid", num, MeasurementInput{Date: "2026-05-01", Value: fv(12), Evidence: "https://example.org/list.pdf",
			Breakdown: []CategoryValue{{"Women", 7}, {"Men", 5}}}, "", ""},
		{"tomorrow", num, MeasurementInput{Date: "2026-05-02", Value: fv(1)}, "date", "indicator.validation.future"},
		{"no date", num, MeasurementInput{Value: fv(1)}, "date", "validation.required"},
		{"no value", num, MeasurementInput{Date: "2026-04-01"}, "value", "validation.required"},
		{"evidence not a link", num, MeasurementInput{Date: "2026-04-01", Value: fv(1), Evidence: "javascript:alert(1)"}, "evidence", "validation.url"},
		{"unknown category", num, MeasurementInput{Date: "2026-04-01", Value: fv(1), Breakdown: []CategoryValue{{"Elders", 1}}}, "breakdown.0.category", "indicator.validation.unknown_category"},
		{"category twice", num, MeasurementInput{Date: "2026-04-01", Value: fv(1), Breakdown: []CategoryValue{{"Men", 1}, {"Men", 2}}}, "breakdown.1.category", "indicator.validation.category_twice"},
		{"qualitative without a note", qual, MeasurementInput{Date: "2026-04-01"}, "note", "validation.required"},
		{"qualitative with a number", qual, MeasurementInput{Date: "2026-04-01", Value: fv(3), Note: "x"}, "value", "indicator.validation.qualitative_number"},
		{"qualitative", qual, MeasurementInput{Date: "2026-04-01", Note: "The youth council met the mayor."}, "", ""},
	} {
		got := fieldKeys(c.in.ValidateFor(c.ind, today))
		if c.field == "" {
			if len(got) != 0 {
				t.Errorf("%s: refused: %v", c.name, got)
			}
			continue
		}
		if got[c.field] != c.key {
			t.Errorf("%s: %s = %q, want %q (all: %v)", c.name, c.field, got[c.field], c.key, got)
		}
	}
}

func TestReportPeriodValidate(t *testing.T) {
	for _, c := range []struct {
		from, to   string
		field, key string
	}{
		{"2026-01-01", "2026-12-31", "", ""},
		{"2026-01-01", "2026-01-01", "", ""},
		{"2026-01-01", "2031-01-01", "", ""},
		{"2026-01-01", "2031-01-02", "to", "report.validation.too_long"},
		{"2026-02-01", "2026-01-31", "to", "report.validation.to_before_from"},
		{"", "2026-01-31", "from", "validation.required"},
		{"2026-13-01", "2026-01-31", "from", "validation.date"},
		{"1999-12-01", "2000-01-31", "from", "validation.date"},
	} {
		p := ReportPeriod{From: c.from, To: c.to}
		got := fieldKeys(p.Validate())
		if c.field == "" && len(got) != 0 || c.field != "" && got[c.field] != c.key {
			t.Errorf("%s – %s: %v, want %s=%s", c.from, c.to, got, c.field, c.key)
		}
	}
}
