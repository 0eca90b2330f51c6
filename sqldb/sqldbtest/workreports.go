package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// ContributionsFixture is what the contribution and reporting fixtures
// made in a world: the member organisation's money pledged to the plan the
// member convenes (part delivered, from an EU grant), the coordinator's
// organisation's venue, a barrier, an expense on the plan, February's
// report on the plan, and the strategic committee's roll-up of the first
// quarter.
type ContributionsFixture struct {
	Money, Venue *pk.Contribution
	Barrier      *pk.Barrier
	Expense      *pk.Expense
	Report       *pk.Report
	Rollup       *pk.Rollup
}

// Contributions returns the contribution and reporting fixtures of a world.
func (w *World) Contributions() *ContributionsFixture {
	f, _ := w.fixture("contributions").(*ContributionsFixture)
	return f
}

// The file is named to sort after workplans.go: init functions run in file
// order, and these fixtures use the plans fixture.
func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, m, pid, db := w.Coordinator.Ctx, w.Member.Ctx, w.Partnership.ID, w.DB
		plan := w.Plans().Plan
		f := &ContributionsFixture{}
		var err error
		f.Money, err = db.Contributions.RecordContribution(m, pid, pk.ContributionInput{OrganisationID: w.MemberOrg.ID, PlanID: plan.ID,
			Kind: pk.ContributionMoney, Description: "Travel for council meetings", Funder: "EU grant via Diaspora Voices",
			Amount: 150000, AmountDelivered: 50000, PledgedOn: "2026-02-03", DeliveredOn: "2026-02-20"})
		must(t, err)
		f.Venue, err = db.Contributions.RecordContribution(c, pid, pk.ContributionInput{OrganisationID: w.Org.ID,
			Kind: pk.ContributionVenue, Description: "Meeting room, Tuesdays", Amount: 20000, PledgedOn: "2026-02-05"})
		must(t, err)
		f.Barrier, err = db.Contributions.NameBarrier(m, pid, pk.BarrierInput{OrganisationID: w.MemberOrg.ID, Kind: "staff_time",
			Description: "Our volunteers work during the day"})
		must(t, err)
		f.Expense, err = db.Contributions.RecordExpense(m, pid, pk.ExpenseInput{PlanID: plan.ID, SpentOn: "2026-02-10",
			Description: "Train tickets", Amount: 12000})
		must(t, err)
		f.Report, err = db.Reports.WriteReport(m, pid, pk.ReportInput{PlanID: plan.ID, Period: "2026-02",
			Progress: "Met two council groups.", Problems: "One meeting moved twice.", NextSteps: "Meet the remaining groups."})
		must(t, err)
		f.Rollup, err = db.Reports.GenerateRollup(c, pid, pk.RollupInput{BodyID: w.Governance().Committee.ID, Period: "2026-Q1"})
		must(t, err)
		// The settings stored (as the defaults), so that they are a row
		// the archive carries; seeded, as a coordinator's change would
		// start the reminders and roll-up jobs in every test world.
		must(t, sqldb.NewSeeder(db).SeedBudgetSettings(context.Background(), pid, "EUR", "UTC"))
		w.setFixture("contributions", f)
		w.Params["coid"] = f.Money.ID
		w.Params["barid"] = f.Barrier.ID
		w.Params["exid"] = f.Expense.ID
		w.Params["repid"] = f.Report.ID
		w.Params["rollid"] = f.Rollup.ID
	})
}
