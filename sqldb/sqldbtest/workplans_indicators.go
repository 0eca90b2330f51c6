package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// IndicatorsFixture is what the indicator fixtures made in a world (after
// the plans'): a count of young people reached for the goal, with
// quarterly targets and a baseline, and a percentage for the member's
// plan ({inid}), with a measurement the member recorded ({meid}).
type IndicatorsFixture struct {
	Reached     *pk.Indicator
	Share       *pk.Indicator
	Measurement *pk.Measurement
}

// Indicators returns the indicator fixtures of a world.
func (w *World) Indicators() *IndicatorsFixture {
	f, _ := w.fixture("indicators").(*IndicatorsFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		plans := w.Plans()
		f := &IndicatorsFixture{}
		var err error
		zero, life := 0.0, 40.0
		f.Reached, err = db.Indicators.CreateIndicator(c, pid, pk.IndicatorInput{GoalID: plans.Goal.ID, Name: "Young newcomers reached",
			Unit: "people", Kind: "number", Direction: "increase", Baseline: &zero, BaselineDate: "2026-01-01", LifeTarget: &life,
			Targets: []pk.IndicatorTarget{{Due: "2026-01-31", Value: 10, Label: "January"}, {Due: "2026-06-30", Value: 20, Label: "Midline"},
				{Due: "2026-12-31", Value: 40, Label: "End line"}},
			Frequency: "monthly", Source: "Sign-in sheets", ResponsibleID: w.Member.ID, Categories: []string{"Women", "Men"}})
		must(t, err)
		_, err = db.Indicators.RecordMeasurement(c, pid, f.Reached.ID, pk.MeasurementInput{Date: "2026-01-20", Value: ptr(9),
			Evidence: "https://example.org/sign-in-january.pdf", Breakdown: []pk.CategoryValue{{Category: "Women", Value: 5}}})
		must(t, err)
		f.Share, err = db.Indicators.CreateIndicator(w.Member.Ctx, pid, pk.IndicatorInput{PlanID: plans.Plan.ID,
			Name: "Council groups met", Unit: "%", Kind: "percentage", Direction: "increase", LifeTarget: ptr(100),
			Targets: []pk.IndicatorTarget{{Due: "2026-04-30", Value: 50}}, Frequency: "quarterly"})
		must(t, err)
		f.Measurement, err = db.Indicators.RecordMeasurement(w.Member.Ctx, pid, f.Share.ID, pk.MeasurementInput{Date: "2026-02-27", Value: ptr(20), Note: "Four of twenty groups."})
		must(t, err)
		w.setFixture("indicators", f)
		w.Params["inid"] = f.Share.ID
		w.Params["meid"] = f.Measurement.ID
	})
}

func ptr(x float64) *float64 { return &x }
