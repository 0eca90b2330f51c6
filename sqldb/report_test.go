package sqldb_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestReportFiguresAndRollup(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Contributions()
		r := f.Report
		// February's figures: the delivery of 20 February and the expense
		// of 10 February, frozen in the report.
		if r.Figures.Delivered != 50000 || r.Figures.Spent != 12000 || r.Figures.SpentToDate != 12000 || r.Figures.Currency != "EUR" {
			t.Errorf("figures %+v", r.Figures)
		}
		if _, err := db.Reports.WriteReport(w.Member.Ctx, pid, pk.ReportInput{PlanID: r.PlanID, Period: "2026-02", Progress: "again"}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("second report for February: %v", err)
		}
		if _, err := db.Reports.WriteReport(w.Member.Ctx, pid, pk.ReportInput{PlanID: r.PlanID, Period: "2026-05", Progress: "future"}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("future month: %v", err)
		}
		if _, err := db.Reports.WriteReport(w.Member.Ctx, pid, pk.ReportInput{PlanID: w.Plans().Unconvened.ID, Period: "2026-02", Progress: "x"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("not the convener: %v", err)
		}
		if _, err := db.Reports.Report(w.Observer.Ctx, pid, r.ID); err != nil {
			t.Errorf("observer reads: %v", err)
		}
		if _, err := db.Reports.Report(w.Outsider.Ctx, pid, r.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
		// The month of March, written early, and the quarter's roll-up for
		// the strategic committee: its totals are the sum of its reports.
		exec, err := db.Bodies.CreateBody(w.Coordinator.Ctx, pid, pk.BodyInput{Name: "Executive committee", Kind: pk.BodyExecutiveCommittee})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Reports.GenerateRollup(w.Member.Ctx, pid, pk.RollupInput{BodyID: exec.ID, Period: "2026-02"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member makes a roll-up: %v", err)
		}
		feb, err := db.Reports.GenerateRollup(w.Coordinator.Ctx, pid, pk.RollupInput{BodyID: exec.ID, Period: "2026-02"})
		if want, _ := pk.SumReports([]*pk.Report{r}); err != nil || feb.Totals != want {
			t.Errorf("February for the executive committee: %+v %v", feb, err)
		}
		march, err := db.Reports.WriteReport(w.Member.Ctx, pid, pk.ReportInput{PlanID: r.PlanID, Period: "2026-03", Progress: "Began."})
		if err != nil {
			t.Fatal(err)
		}
		q, err := db.Reports.GenerateRollup(w.Coordinator.Ctx, pid, pk.RollupInput{BodyID: w.Governance().Committee.ID, Period: "2026-Q1"})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := pk.SumReports([]*pk.Report{r, march})
		if q.Totals != want || len(q.Reports) != 2 {
			t.Errorf("quarter totals %+v, want %+v (%d reports)", q.Totals, want, len(q.Reports))
		}
		if _, err := db.Reports.GenerateRollup(w.Coordinator.Ctx, pid, pk.RollupInput{BodyID: w.Governance().Committee.ID, Period: "2026-03"}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("a month for the strategic committee: %v", err)
		}
		// Made again, the roll-up keeps its ID and takes the new report in.
		again, err := db.Reports.GenerateRollup(w.Coordinator.Ctx, pid, pk.RollupInput{BodyID: w.Governance().Committee.ID, Period: "2026-Q1"})
		if err != nil || again.ID != q.ID || again.Version != q.Version+1 || q.ID != f.Rollup.ID {
			t.Errorf("again: %+v %v", again, err)
		}
		due, _, err := db.Reports.DueReports(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range due {
			if d.PlanID == r.PlanID && (d.Period == "2026-02" || d.Period == "2026-03") {
				t.Errorf("written month listed as due: %+v", d)
			}
		}
	})
}

// The report's jobs: the reminder mails the convener when a month has
// ended without a report, and the roll-up job makes the committee's.
func TestReportJobs(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Contributions()
		payload, _ := json.Marshal(sqldb.ReportJob{PartnershipID: pid, Period: "2026-03"})
		w.Clock.Set(time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
		if err := db.Reports.RemindConveners(context.Background(), payload); err != nil {
			t.Fatal(err)
		}
		payload, _ = json.Marshal(sqldb.ReportJob{PartnershipID: pid, Period: "2026-Q1", BodyKind: pk.BodyStrategicCommittee})
		if err := db.Reports.MakeRollup(context.Background(), payload); err != nil {
			t.Fatal(err)
		}
		list, _, err := db.Reports.Rollups(w.Observer.Ctx, pid)
		if err != nil || len(list) != 1 || list[0].ID != f.Rollup.ID || list[0].Totals.Reports != 1 {
			t.Errorf("rollups %v %v", list, err)
		}
	})
}
