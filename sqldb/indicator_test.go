package sqldb_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func fp(x float64) *float64 { return &x }

func TestIndicatorsStatusFromStoredMeasurements(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Indicators()
		// The clock stands on 2 March 2026, the day the indicator was set
		// up: January's target of 10 is the one due; 9 is within 15 % of it.
		ind, err := db.Indicators.Indicator(w.Observer.Ctx, pid, f.Reached.ID)
		if err != nil || ind.Status != "on_track" || ind.NextDue != "2026-04-02" || ind.DueTarget == nil || ind.DueTarget.Label != "January" ||
			*ind.DueActual != 9 || *ind.PercentMet != 22.5 || *ind.EvidenceShare != 100 || ind.ResponsibleName != w.Member.Name ||
			ind.GoalTitle == "" || len(ind.Targets) != 3 || len(ind.Categories) != 2 {
			t.Fatalf("indicator: %v %+v", err, ind)
		}
		// A month and a day later, the monthly result is overdue; as it
		// stood a day earlier, it was on track.
		w.Clock.Set(time.Date(2026, 4, 3, 9, 0, 0, 0, time.UTC))
		ind, _ = db.Indicators.Indicator(w.Observer.Ctx, pid, f.Reached.ID)
		list, cut, err := db.Indicators.Indicators(w.Observer.Ctx, pid, pk.IndicatorFilter{GoalID: f.Reached.GoalID, AsOf: "2026-04-02"})
		if ind.Status != "not_reporting" || err != nil || cut || len(list) != 1 || list[0].Status != "on_track" {
			t.Fatalf("overdue %s; as of: %v %v %+v", ind.Status, err, cut, list)
		}
		// The plan's percentage: no target due yet.
		list, _, err = db.Indicators.Indicators(w.Observer.Ctx, pid, pk.IndicatorFilter{PlanID: f.Share.PlanID})
		if err != nil || len(list) != 1 || list[0].Status != "not_rated" || *list[0].PercentMet != 20 || *list[0].EvidenceShare != 0 {
			t.Fatalf("plan: %v %+v", err, list)
		}
		// A result puts the count back on track.
		if _, err := db.Indicators.RecordMeasurement(w.Member.Ctx, pid, f.Reached.ID, pk.MeasurementInput{Date: "2026-04-02", Value: fp(3)}); err != nil {
			t.Fatal(err)
		}
		ind, _ = db.Indicators.Indicator(w.Observer.Ctx, pid, f.Reached.ID)
		if ind.Status != "on_track" || *ind.Actual != 12 || *ind.EvidenceShare != 50 || ind.Measurements != 2 {
			t.Fatalf("after a result: %+v", ind)
		}
		ms, cut, err := db.Indicators.Measurements(w.Observer.Ctx, pid, f.Reached.ID)
		if err != nil || cut || len(ms) != 2 || ms[0].Date != "2026-04-02" || ms[1].Breakdown[0].Category != "Women" || ms[1].RecordedByName != w.Coordinator.Name {
			t.Fatalf("measurements: %v %+v", err, ms)
		}
		// Outsiders see nothing.
		_, err = db.Indicators.Indicator(w.Outsider.Ctx, pid, f.Reached.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, _, err = db.Indicators.Measurements(w.Outsider.Ctx, pid, f.Reached.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestIndicatorsDefinedByCoordinatorsAndConveners(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		plans, f := w.Plans(), w.Indicators()
		in := pk.IndicatorInput{PlanID: plans.Unconvened.ID, Name: "Members trained", Kind: "number", Direction: "increase", Frequency: "quarterly"}
		// The member convenes the plan's action group of f.Share only.
		_, err := db.Indicators.CreateIndicator(w.Member.Ctx, pid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		in.PlanID, in.GoalID = "", plans.Goal.ID
		_, err = db.Indicators.CreateIndicator(w.Member.Ctx, pid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Indicators.CreateIndicator(w.Observer.Ctx, pid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Indicators.CreateIndicator(w.Outsider.Ctx, pid, in)
		wantCode(t, err, pk.ENOTFOUND)
		// Unknown goal, a responsible person outside, by field.
		in.GoalID, in.ResponsibleID = "nope", w.Outsider.ID
		_, err = db.Indicators.CreateIndicator(w.Coordinator.Ctx, pid, in)
		wantField(t, err, "goal_id")
		in.GoalID = plans.Goal.ID
		_, err = db.Indicators.CreateIndicator(w.Coordinator.Ctx, pid, in)
		wantField(t, err, "responsible_id")
		// The convener changes their plan's indicator; a stale version is a
		// conflict; it cannot move to another plan.
		sh := f.Share
		up := pk.IndicatorInput{Name: "Council groups met in person", Unit: "%", Kind: sh.Kind, Direction: sh.Direction,
			LifeTarget: sh.LifeTarget, Targets: sh.Targets, Frequency: "monthly", Version: sh.Version + 1}
		_, err = db.Indicators.UpdateIndicator(w.Member.Ctx, pid, sh.ID, up)
		wantCode(t, err, pk.ECONFLICT)
		up.Version = sh.Version
		up.PlanID = plans.Unconvened.ID
		_, err = db.Indicators.UpdateIndicator(w.Coordinator.Ctx, pid, sh.ID, up)
		wantField(t, err, "goal_id")
		up.PlanID = ""
		got, err := db.Indicators.UpdateIndicator(w.Member.Ctx, pid, sh.ID, up)
		if err != nil || got.Name != up.Name || got.PlanID != sh.PlanID || got.Frequency != "monthly" || got.Version != sh.Version+1 {
			t.Fatalf("update: %v %+v", err, got)
		}
		// An indicator with results is kept; without them it goes.
		wantCode(t, db.Indicators.DeleteIndicator(w.Coordinator.Ctx, pid, sh.ID, got.Version), pk.ECONFLICT)
		wantCode(t, db.Indicators.DeleteMeasurement(w.Observer.Ctx, pid, sh.ID, f.Measurement.ID, 1), pk.EFORBIDDEN)
		if err := db.Indicators.DeleteMeasurement(w.Member.Ctx, pid, sh.ID, f.Measurement.ID, 1); err != nil {
			t.Fatal(err)
		}
		if err := db.Indicators.DeleteIndicator(w.Member.Ctx, pid, sh.ID, got.Version); err != nil {
			t.Fatal(err)
		}
		_, err = db.Indicators.Indicator(w.Observer.Ctx, pid, sh.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestMeasurementsRefusedByField(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Indicators()
		id := f.Reached.ID
		_, err := db.Indicators.RecordMeasurement(w.Member.Ctx, pid, id, pk.MeasurementInput{Date: "2026-03-03", Value: fp(1)})
		wantField(t, err, "date")
		_, err = db.Indicators.RecordMeasurement(w.Member.Ctx, pid, id, pk.MeasurementInput{Date: "2026-03-01", Value: fp(1),
			Breakdown: []pk.CategoryValue{{Category: "Elders", Value: 1}}})
		wantField(t, err, "breakdown.0.category")
		_, err = db.Indicators.RecordMeasurement(w.Observer.Ctx, pid, id, pk.MeasurementInput{Date: "2026-03-01", Value: fp(1)})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Indicators.RecordMeasurement(w.Member.Ctx, pid, "nope", pk.MeasurementInput{Date: "2026-03-01", Value: fp(1)})
		wantCode(t, err, pk.ENOTFOUND)
		// Another partnership's indicator is not found from this one.
		_, err = db.Indicators.RecordMeasurement(w.Member.Ctx, w.Other.ID, id, pk.MeasurementInput{Date: "2026-03-01", Value: fp(1)})
		wantCode(t, err, pk.ENOTFOUND)
		// Nothing was written.
		if ms, _, _ := db.Indicators.Measurements(w.Coordinator.Ctx, pid, id); len(ms) != 1 {
			t.Fatalf("%d measurements after refusals", len(ms))
		}
		// A day later the measurement of 3 March is fine.
		w.Clock.Advance(24 * time.Hour)
		if _, err := db.Indicators.RecordMeasurement(w.Member.Ctx, pid, id, pk.MeasurementInput{Date: "2026-03-03", Value: fp(1)}); err != nil {
			t.Fatal(err)
		}
	})
}

// A measurement recorded answers what is then stored, read back: its value
// and breakdown exactly, its recorder's name, its version and time; and
// the audit entry keeps the same.
func TestRecordMeasurementAnswersTheStoredResult(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Indicators()
		w.Clock.Advance(1234 * time.Nanosecond)
		tenth := 0.1 // a variable: 0.1 + 0.2 in constants is exactly 0.3
		got, err := db.Indicators.RecordMeasurement(w.Member.Ctx, pid, f.Reached.ID, pk.MeasurementInput{Date: "2026-03-02", Value: fp(tenth + 0.2),
			Evidence: "https://example.org/sheets/2-march", Note: "  rain kept some away ", Breakdown: []pk.CategoryValue{{Category: "Women", Value: 1.0 / 3}}})
		if err != nil {
			t.Fatal(err)
		}
		ms, _, err := db.Indicators.Measurements(w.Observer.Ctx, pid, f.Reached.ID)
		if err != nil {
			t.Fatal(err)
		}
		var stored *pk.Measurement
		for _, m := range ms {
			if m.ID == got.ID {
				stored = m
			}
		}
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(stored)
		if stored == nil || string(a) != string(b) {
			t.Fatalf("answered\n%s\nstored\n%s", a, b)
		}
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var after string
		for _, e := range entries {
			if e.Action == "indicator.measure" && strings.Contains(e.After, got.ID) {
				after = e.After
			}
		}
		if !strings.Contains(after, `"value":0.30000000000000004`) || !strings.Contains(after, `"note":"`+got.Note+`"`) {
			t.Fatalf("audit entry %q for %+v", after, got)
		}
	})
}
