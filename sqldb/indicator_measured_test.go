package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Which indicators were measured in a period, marked on the indicator list
// for the partnership report, agrees with each indicator's own
// measurements, for every role that may read them.
func TestIndicatorsMeasuredInMatchTheirMeasurements(t *testing.T) {
	eachSeededWorld(t, 20, 4, "measured.example", func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		marked, unmarked := 0, 0
		for _, period := range []pk.ReportPeriod{
			{From: "2020-01-01", To: "2023-12-31"},
			{From: "2025-01-01", To: "2025-06-30"},
			{From: "2026-01-01", To: "2026-03-31"},
			{From: "2024-01-01", To: "2028-12-31"},
		} {
			for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member, w.Observer} {
				list, cut, err := db.Indicators.Indicators(who.Ctx, pid, pk.IndicatorFilter{AsOf: period.To, MeasuredIn: &period})
				if err != nil || cut {
					t.Fatalf("list cut %v: %v", cut, err)
				}
				for _, ind := range list {
					ms, _, err := db.Indicators.Measurements(who.Ctx, pid, ind.ID)
					if err != nil {
						t.Fatal(err)
					}
					want := false
					for _, m := range ms {
						want = want || period.Contains(m.Date)
					}
					if ind.MeasuredInPeriod != want {
						t.Errorf("%v as %s: %s marked %v, its measurements say %v", period, who.Email, ind.Name, ind.MeasuredInPeriod, want)
					}
					if want {
						marked++
					} else {
						unmarked++
					}
				}
			}
		}
		if marked == 0 || unmarked == 0 {
			t.Fatalf("%d marked, %d not: the periods test nothing", marked, unmarked)
		}
	})
}
