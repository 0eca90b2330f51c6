package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestContributionsRuleAndBudget(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Contributions()
		if f.Money.Status != pk.ContributionPartial || f.Venue.Status != pk.ContributionPledged {
			t.Errorf("statuses %s %s", f.Money.Status, f.Venue.Status)
		}
		// A member records only for their own organisation.
		_, err := db.Contributions.RecordContribution(w.Member.Ctx, pid, pk.ContributionInput{OrganisationID: w.Org.ID,
			Kind: pk.ContributionMoney, Amount: 1, PledgedOn: "2026-02-01"})
		if pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member for another organisation: %v", err)
		}
		_, err = db.Contributions.UpdateContribution(w.Member.Ctx, pid, f.Venue.ID, pk.ContributionInput{OrganisationID: w.MemberOrg.ID,
			Kind: pk.ContributionVenue, Description: "x", PledgedOn: "2026-02-01", Version: f.Venue.Version})
		if pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member taking another organisation's contribution: %v", err)
		}
		// Observers read nothing; outsiders are told nothing exists.
		if _, _, err := db.Contributions.Contributions(w.Observer.Ctx, pid, pk.ContributionFilter{}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("observer: %v", err)
		}
		if _, err := db.Contributions.Contribution(w.Outsider.Ctx, pid, f.Money.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
		if _, err := db.Contributions.Contribution(w.Coordinator.Ctx, w.Other.ID, f.Money.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("other partnership: %v", err)
		}
		// Unknown plan, organisation outside the partnership, stale version.
		_, err = db.Contributions.RecordContribution(w.Coordinator.Ctx, pid, pk.ContributionInput{OrganisationID: w.Org.ID, PlanID: "nope",
			Kind: pk.ContributionMoney, Amount: 1, PledgedOn: "2026-02-01"})
		if pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("unknown plan: %v", err)
		}
		in := pk.ContributionInput{OrganisationID: w.MemberOrg.ID, PlanID: f.Money.PlanID, Kind: pk.ContributionMoney,
			Funder: f.Money.Funder, Amount: 150000, AmountDelivered: 150000, PledgedOn: "2026-02-03", DeliveredOn: "2026-03-01",
			Version: f.Money.Version}
		done, err := db.Contributions.UpdateContribution(w.Member.Ctx, pid, f.Money.ID, in)
		if err != nil || done.Status != pk.ContributionDelivered {
			t.Fatalf("delivered: %+v %v", done, err)
		}
		if _, err := db.Contributions.UpdateContribution(w.Member.Ctx, pid, f.Money.ID, in); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Errorf("stale version: %v", err)
		}
		b, err := db.Contributions.Budget(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if b.Pledged != 170000 || b.Delivered != 150000 || b.Settings.Currency != "EUR" {
			t.Errorf("budget totals %+v", b)
		}
		if b.LargestFunder.Key != "EU grant via Diaspora Voices" || b.LargestFunder.Share != 10000 || !b.LargestFunder.Dominant {
			t.Errorf("largest funder %+v", b.LargestFunder)
		}
		var plan *pk.PlanBudget
		for _, p := range b.Plans {
			if p.PlanID == f.Money.PlanID {
				plan = p
			}
		}
		if plan == nil || plan.Coverage.Delivered != 150000 || plan.Balance.Spent != 12000 {
			t.Errorf("plan figures %+v", plan)
		}
		for _, format := range []string{"csv", "xlsx"} {
			for _, table := range []string{"contributions", "budget"} {
				name, _, body, err := db.Contributions.ExportContributions(w.Member.Ctx, pid, table, format)
				if err != nil || len(body) == 0 || name != table+"."+format {
					t.Errorf("export %s %s: %s %v", table, format, name, err)
				}
			}
		}
		if _, _, _, err := db.Contributions.ExportContributions(w.Member.Ctx, pid, "budget", "pdf"); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("bad format: %v", err)
		}
	})
}

func TestBudgetSettingsAndExpenses(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Contributions()
		if _, err := db.Contributions.SetBudgetSettings(w.Member.Ctx, pid, pk.BudgetSettingsInput{Currency: "JOD", TimeZone: "Asia/Amman"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member: %v", err)
		}
		if _, err := db.Contributions.SetBudgetSettings(w.Coordinator.Ctx, pid, pk.BudgetSettingsInput{Currency: "JOD", TimeZone: "Asia/Amman"}); !fieldIs(err, "version") {
			t.Errorf("no version: %v", err)
		}
		s0, err := db.Contributions.BudgetSettings(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		s, err := db.Contributions.SetBudgetSettings(w.Coordinator.Ctx, pid, pk.BudgetSettingsInput{Currency: "jod", TimeZone: "Asia/Amman", Version: s0.Version})
		if err != nil || s.Currency != "JOD" || s.Version != s0.Version+1 {
			t.Fatalf("%+v %v", s, err)
		}
		if _, err := db.Contributions.SetBudgetSettings(w.Coordinator.Ctx, pid, pk.BudgetSettingsInput{Currency: "EUR", TimeZone: "UTC", Version: s0.Version}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Errorf("stale: %v", err)
		}
		// The defaults are version 1 and become the first row.
		other := w.Other.ID
		if s, err = db.Contributions.SetBudgetSettings(w.Outsider.Ctx, other, pk.BudgetSettingsInput{Currency: "XOF", TimeZone: "Africa/Dakar", Version: 1}); err != nil || s.Version != 2 || s.Currency != "XOF" {
			t.Errorf("first change: %+v %v", s, err)
		}
		// The observer cannot record spending, nor the member on a plan
		// they do not convene.
		otherPlan := w.Plans().Unconvened
		if _, err := db.Contributions.RecordExpense(w.Member.Ctx, pid, pk.ExpenseInput{PlanID: otherPlan.ID, SpentOn: "2026-02-01", Description: "x", Amount: 1}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member on another plan: %v", err)
		}
		if err := db.Contributions.DeleteExpense(w.Member.Ctx, pid, f.Expense.ID, f.Expense.Version); err != nil {
			t.Errorf("convener deletes: %v", err)
		}
		if _, err := db.Contributions.Expense(w.Member.Ctx, pid, f.Expense.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("after delete: %v", err)
		}
	})
}

// fieldIs reports whether err is a refusal naming field first.
func fieldIs(err error, field string) bool {
	e, ok := pk.AsError(err)
	return ok && e.Code == pk.EINVALID && len(e.Fields) > 0 && e.Fields[0].Field == field
}
