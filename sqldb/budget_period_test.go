package sqldb_test

import (
	"reflect"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The budget of a period, read at once for the partnership report, is the
// budget today with the figures its contributions and expenses give when
// listed one by one, for every role that may read them; the others are
// refused as they are by the lists.
func TestBudgetInPeriodMatchesTheLists(t *testing.T) {
	eachSeededWorld(t, 20, 6, "budget.example", func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		counted := 0
		for _, period := range []pk.ReportPeriod{
			{From: "2020-01-01", To: "2023-12-31"},
			{From: "2025-01-01", To: "2025-12-31"},
			{From: "2026-01-01", To: "2026-03-31"},
			{From: "2024-01-01", To: "2028-12-31"},
		} {
			for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member} {
				b, err := db.Contributions.Budget(who.Ctx, pid)
				if err != nil {
					t.Fatal(err)
				}
				cs, csCut, err := db.Contributions.Contributions(who.Ctx, pid, pk.ContributionFilter{})
				if err != nil {
					t.Fatal(err)
				}
				es, esCut, err := db.Contributions.Expenses(who.Ctx, pid, "")
				if err != nil {
					t.Fatal(err)
				}
				want := &pk.ReportBudget{Budget: b, ContributionsCut: csCut, ExpensesCut: esCut}
				for _, c := range cs {
					if !c.Withdrawn && c.PledgedOn >= period.From && c.PledgedOn[:10] <= period.To {
						want.PledgedInPeriod++
						want.PledgedValue += c.Amount
						want.PledgedDelivered += c.AmountDelivered
					}
				}
				for _, e := range es {
					if e.SpentOn >= period.From && e.SpentOn[:10] <= period.To {
						want.ExpensesInPeriod++
						want.SpentInPeriod += e.Amount
					}
				}
				got, err := db.Contributions.BudgetInPeriod(who.Ctx, pid, period)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%v as %s:\n%+v\nwant\n%+v", period, who.Email, got, want)
				}
				counted += want.PledgedInPeriod + want.ExpensesInPeriod
			}
		}
		if counted == 0 {
			t.Fatal("no pledge or expense in any period: the test tests nothing")
		}
		for _, who := range []*sqldbtest.Person{w.Observer, w.Outsider} {
			_, _, listErr := db.Contributions.Contributions(who.Ctx, pid, pk.ContributionFilter{})
			_, err := db.Contributions.BudgetInPeriod(who.Ctx, pid, pk.ReportPeriod{From: "2026-01-01", To: "2026-12-31"})
			if listErr == nil || pk.ErrorCode(err) != pk.ErrorCode(listErr) {
				t.Errorf("%s: %v, the list says %v", who.Email, err, listErr)
			}
		}
	})
}
