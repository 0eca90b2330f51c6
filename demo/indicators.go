package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(80, "indicators", loadIndicators) }

// demoResult is one measurement of the demonstration: days from today,
// the value, whether it has evidence, who recorded it.
type demoResult struct {
	day      int
	value    float64
	evidence bool
	who      string
	women    float64 // the value for the category "Women", when > 0
}

// loadIndicators gives the goals and plans a year of results: indicators
// set up a year ago, with baselines and targets. The count of young
// newcomers at the youth committee is on track, the homework clubs'
// waiting time fell faster than planned (over), the hearings' demands
// answered in writing lag (under), the placements within a week stopped
// being reported five months ago (not reporting), and the training's
// qualitative indicator is read, not rated.
func loadIndicators(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina := w.People["Amina"].Ctx
	goals, _, err := db.Goals.Goals(amina, pid)
	if err != nil {
		return err
	}
	plans, _, err := db.Plans.Plans(amina, pid, "")
	if err != nil {
		return err
	}
	goal := map[string]string{}
	for _, g := range goals {
		goal[g.Title] = g.ID
	}
	plan := map[string]string{}
	for _, p := range plans {
		plan[p.Title] = p.ID
	}
	real := db.Now
	now := real()
	day := func(days int) string { return now.AddDate(0, 0, days).Format("2006-01-02") }
	num := func(x float64) *float64 { return &x }
	for _, x := range []struct {
		in      pk.IndicatorInput
		results []demoResult
		note    string
	}{
		{pk.IndicatorInput{GoalID: goal["Two young newcomers sit on the city's youth council"],
			Name: "Young newcomers taking part in the youth committee's sessions", Unit: "people", Kind: "number", Direction: "increase",
			Baseline: num(0), BaselineDate: day(-365), LifeTarget: num(60), Frequency: "monthly",
			Source: "The committee's attendance lists", ResponsibleID: w.People["Jonas"].User.ID,
			Categories: []string{"Women", "Men", "Aged 16–17", "Aged 18–25"},
			Targets: []pk.IndicatorTarget{{Due: day(-275), Value: 12, Label: "Q1"}, {Due: day(-185), Value: 24, Label: "Q2 (midline)"},
				{Due: day(-95), Value: 36, Label: "Q3"}, {Due: day(-5), Value: 48, Label: "Q4"}, {Due: day(85), Value: 60, Label: "End line"}}},
			[]demoResult{{-335, 3, true, "Jonas", 1}, {-305, 4, true, "Jonas", 2}, {-278, 4, false, "Jonas", 2}, {-245, 5, true, "Jonas", 3},
				{-215, 3, true, "Jonas", 1}, {-188, 4, false, "Jonas", 2}, {-155, 5, true, "Jonas", 3}, {-125, 4, true, "Jonas", 2},
				{-98, 3, true, "Jonas", 2}, {-65, 5, true, "Jonas", 3}, {-35, 4, false, "Jonas", 2}, {-8, 5, true, "Jonas", 3}}, ""},
		{pk.IndicatorInput{PlanID: plan["Homework clubs in three neighbourhoods"],
			Name: "Days a young newcomer waits for a homework club place", Unit: "days", Kind: "number", Direction: "decrease",
			Baseline: num(21), BaselineDate: day(-360), LifeTarget: num(7), Frequency: "monthly",
			Source: "The clubs' waiting list", ResponsibleID: w.People["Leila"].User.ID,
			Targets: []pk.IndicatorTarget{{Due: day(-180), Value: 16, Label: "Midline"}, {Due: day(-30), Value: 12, Label: "Year 1"},
				{Due: day(150), Value: 7, Label: "End line"}}},
			[]demoResult{{-330, 20, false, "Leila", 0}, {-300, 19, true, "Leila", 0}, {-270, 19, true, "Leila", 0}, {-240, 18, true, "Leila", 0},
				{-210, 17, false, "Leila", 0}, {-182, 15, true, "Leila", 0}, {-150, 14, true, "Leila", 0}, {-120, 13, true, "Leila", 0},
				{-90, 12, true, "Leila", 0}, {-60, 11, false, "Leila", 0}, {-31, 10, true, "Leila", 0}, {-3, 9, true, "Leila", 0}}, ""},
		{pk.IndicatorInput{PlanID: plan["Spring hearings at the city council"],
			Name: "Demands answered in writing by the youth committee", Unit: "%", Kind: "percentage", Direction: "increase",
			Baseline: num(0), BaselineDate: day(-200), LifeTarget: num(100), Frequency: "quarterly",
			Source: "The committee's letters", ResponsibleID: w.People["Leila"].User.ID,
			Targets: []pk.IndicatorTarget{{Due: day(-10), Value: 50, Label: "After the workshops"}, {Due: day(60), Value: 100, Label: "After the hearings"}}},
			[]demoResult{{-100, 10, true, "Leila", 0}, {-40, 20, true, "Amina", 0}, {-12, 25, false, "Leila", 0}}, ""},
		{pk.IndicatorInput{GoalID: goal["Every young newcomer in the east finds homework help within a week"],
			Name: "Young newcomers placed in a club within 7 days of asking", Unit: "%", Kind: "percentage", Direction: "increase",
			Baseline: num(20), BaselineDate: day(-350), LifeTarget: num(80), Frequency: "monthly",
			Source: "The clubs' waiting list", ResponsibleID: w.People["Yusuf"].User.ID,
			Targets: []pk.IndicatorTarget{{Due: day(-180), Value: 40, Label: "Midline"}, {Due: day(0), Value: 60, Label: "Year 1"},
				{Due: day(365), Value: 80, Label: "End line"}}},
			[]demoResult{{-320, 22, true, "Yusuf", 0}, {-290, 25, false, "Yusuf", 0}, {-260, 30, true, "Yusuf", 0}, {-230, 33, false, "Yusuf", 0},
				{-200, 38, true, "Yusuf", 0}, {-150, 41, false, "Yusuf", 0}}, ""},
		{pk.IndicatorInput{PlanID: plan["Youth voice training"],
			Name: "What participants say they can now do", Kind: "qualitative", Direction: "increase", Frequency: "quarterly",
			Source: "A round of feedback at the end of each evening", ResponsibleID: w.People["Chloe"].User.ID},
			nil, "Eight of the eleven participants say they would now ask a question at a council meeting; three want to chair a hearing."},
	} {
		// The indicators were set up a year ago, when the plans began.
		db.Now = func() time.Time { return real().AddDate(-1, 0, 0) }
		ind, err := db.Indicators.CreateIndicator(amina, pid, x.in)
		db.Now = real
		if err != nil {
			return fmt.Errorf("indicator %q: %w", x.in.Name, err)
		}
		for _, r := range x.results {
			in := pk.MeasurementInput{Date: day(r.day), Value: num(r.value)}
			if r.evidence {
				in.Evidence = "https://files.demo.partnerkit.example/results/" + day(r.day) + ".pdf"
			}
			if r.women > 0 {
				in.Breakdown = []pk.CategoryValue{{Category: "Women", Value: r.women}}
			}
			if _, err := db.Indicators.RecordMeasurement(w.People[r.who].Ctx, pid, ind.ID, in); err != nil {
				return fmt.Errorf("result of %q on %s: %w", x.in.Name, in.Date, err)
			}
		}
		if x.note != "" {
			if _, err := db.Indicators.RecordMeasurement(w.People["Chloe"].Ctx, pid, ind.ID, pk.MeasurementInput{Date: day(-20), Note: x.note}); err != nil {
				return err
			}
		}
	}
	return nil
}
