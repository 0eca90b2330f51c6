package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(90, "contributions", loadContributions) } // after the plans (70)

// loadContributions gives the coalition what seed 001's activities 11 and
// 13 describe: a contribution from every member organisation (money from
// two of them, one funded through a foundation's grant so that one funder
// dominates and the budget page warns), barriers they named, the plans'
// spending, two months of the conveners' reports with their figures, and
// the executive committee's monthly roll-ups, on the plans the plans
// loader made. The clock is moved back while it writes, so reports are
// written and roll-ups made in the months they belong to (as the maps
// loader does).
func loadContributions(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, yusuf := w.People["Amina"].Ctx, w.People["Yusuf"].Ctx
	chloe, jonas, leila := w.People["Chloe"].Ctx, w.People["Jonas"].Ctx, w.People["Leila"].Ctx
	realNow := db.Now
	defer func() { db.Now = realNow }()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	// The two months before the running one: their reports are written
	// and rolled up; the running month's report is not due yet.
	running := cadence.Of(cadence.Monthly, cadence.Today(realNow(), berlin))
	months := []cadence.Period{running.Prev().Prev(), running.Prev()}
	at := func(p cadence.Period, day int) time.Time {
		s := p.Start()
		return time.Date(s.Year(), s.Month(), s.Day(), 10, 0, 0, 0, berlin).AddDate(0, 0, day-1)
	}
	day := func(p cadence.Period, d int) string { return at(p, d).Format(time.DateOnly) }
	// Never later than the real clock: early in a month, the reports of
	// the last one are written today.
	setClock := func(t time.Time) {
		if now := realNow(); t.After(now) {
			t = now
		}
		db.Now = func() time.Time { return t }
	}

	setClock(at(months[0], 1))
	if _, err := db.Contributions.SetBudgetSettings(amina, pid, pk.BudgetSettingsInput{Currency: "EUR", TimeZone: "Europe/Berlin", Version: 1}); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	hearings, other, err := demoPlans(amina, db, pid)
	if err != nil {
		return err
	}

	// A contribution from every member organisation.
	setClock(at(months[0], 3))
	type contribution struct {
		who context.Context
		org string
		in  pk.ContributionInput
	}
	contributions := []contribution{
		{amina, "opendoors", pk.ContributionInput{PlanID: hearings.ID, Kind: pk.ContributionMoney,
			Description: "Travel and childcare for young speakers", Funder: "Open Doors Foundation inclusion fund",
			Amount: 400000, AmountDelivered: 200000, PledgedOn: day(months[0], 3), DeliveredOn: day(months[1], 2)}},
		{yusuf, "diaspora", pk.ContributionInput{PlanID: hearings.ID, Kind: pk.ContributionMoney,
			Description: "Interpreting at the hearings", Amount: 120000, AmountDelivered: 120000,
			PledgedOn: day(months[0], 3), DeliveredOn: day(months[0], 25)}},
		{amina, "bridges", pk.ContributionInput{PlanID: hearings.ID, Kind: pk.ContributionStaffHours,
			Description: "A youth organiser, eight hours a week", Hours: 64, HoursDelivered: 40, Amount: 96000, AmountDelivered: 60000,
			PledgedOn: day(months[0], 3), DeliveredOn: day(months[1], 26)}},
		{amina, "bridges", pk.ContributionInput{Kind: pk.ContributionMoney, Description: "Printing for the coalition",
			Funder: "EU grant via Bridges (AMIF)", Amount: 50000, PledgedOn: day(months[0], 4)}},
		{chloe, "welcome", pk.ContributionInput{PlanID: other.ID, Kind: pk.ContributionVenue,
			Description: "The drop-in centre's rooms for a homework club, Thursday afternoons", Amount: 60000, AmountDelivered: 30000,
			PledgedOn: day(months[0], 5), DeliveredOn: day(months[1], 28)}},
		{jonas, "youthcouncil", pk.ContributionInput{PlanID: hearings.ID, Kind: pk.ContributionNetworkAccess,
			Description: "Introductions to the chairs of the council's groups", PledgedOn: day(months[0], 6)}},
		{jonas, "youthcouncil", pk.ContributionInput{Kind: pk.ContributionExpertise,
			Description: "How the council's youth committee works: a session for new members", Amount: 20000,
			AmountDelivered: 20000, PledgedOn: day(months[0], 6), DeliveredOn: day(months[0], 21)}},
	}
	for _, c := range contributions {
		c.in.OrganisationID = w.Orgs[c.org].ID
		if _, err := db.Contributions.RecordContribution(c.who, pid, c.in); err != nil {
			return fmt.Errorf("contribution %s: %w", c.in.Description, err)
		}
	}
	barriers := []struct {
		who      context.Context
		org      string
		kind     string
		text     string
		resolved bool
	}{
		{jonas, "youthcouncil", "mandate", "Council members may commit time only after the youth committee votes on it.", false},
		{chloe, "welcome", "staff_time", "Our two staff run the drop-in every day; evenings depend on volunteers.", false},
		{yusuf, "diaspora", "language", "Some of our members read German slowly; long documents need a summary in Arabic.", true},
	}
	for _, b := range barriers {
		x, err := db.Contributions.NameBarrier(b.who, pid, pk.BarrierInput{OrganisationID: w.Orgs[b.org].ID, Kind: b.kind, Description: b.text})
		if err != nil {
			return fmt.Errorf("barrier: %w", err)
		}
		if b.resolved {
			if _, err := db.Contributions.UpdateBarrier(b.who, pid, x.ID, pk.BarrierInput{OrganisationID: x.OrganisationID, Kind: x.Kind,
				Description: x.Description, Resolved: true, Version: x.Version}); err != nil {
				return fmt.Errorf("barrier resolved: %w", err)
			}
		}
	}
	expenses := []struct {
		who  context.Context
		plan *pk.Plan
		when string
		text string
		n    int64
	}{
		{leila, hearings, day(months[1], 2), "Tram tickets for the council group visits", 4800},
		{leila, hearings, day(months[1], 6), "Interpreters, first workshop", 90000},
		{leila, hearings, day(months[1], 9), "Childcare during the hearing", 35000},
		{leila, hearings, day(months[1], 23), "Snacks and drinks for the speakers' briefing", 6500},
		{amina, other, day(months[0], 14), "Exercise books, pens and a printer cartridge", 7900},
		{amina, other, day(months[1], 11), "Bus tickets for a club outing", 5400},
	}
	for _, e := range expenses {
		if _, err := db.Contributions.RecordExpense(e.who, pid, pk.ExpenseInput{PlanID: e.plan.ID, SpentOn: e.when, Description: e.text, Amount: e.n}); err != nil {
			return fmt.Errorf("expense %s: %w", e.text, err)
		}
	}

	// Two months of reports, written early in the next month, and the
	// executive committee's roll-up of each.
	exec, err := demoExecutive(amina, db, pid)
	if err != nil {
		return err
	}
	texts := []struct{ progress, problems, next string }{
		{"We met four of the council's six groups and booked the hall. Bridges' organiser is working with eight young speakers.",
			"Two groups have not answered; the youth committee meets only once a month.", "Translate the invitation; meet the last two groups."},
		{"The invitation went out in three languages and the speakers were briefed. Open Doors paid the first half of its grant.",
			"We still have no sign-language interpreter for the hearing.", "Hold the hearing and send the summary to the council."},
	}
	for i, m := range months {
		setClock(at(m.Next(), 3))
		// A plan reports on the months it was running.
		if started(hearings, m) {
			if _, err := db.Reports.WriteReport(leila, pid, pk.ReportInput{PlanID: hearings.ID, Period: m.Key(),
				Progress: texts[i].progress, Problems: texts[i].problems, NextSteps: texts[i].next}); err != nil {
				return fmt.Errorf("report %s: %w", m.Key(), err)
			}
		}
		if started(other, m) {
			if _, err := db.Reports.WriteReport(amina, pid, pk.ReportInput{PlanID: other.ID, Period: m.Key(),
				Progress: "The groups met every week; about fifteen young people came each time."}); err != nil {
				return fmt.Errorf("report %s: %w", m.Key(), err)
			}
		}
		setClock(at(m.Next(), 5))
		if exec != nil {
			if _, err := db.Reports.GenerateRollup(amina, pid, pk.RollupInput{BodyID: exec.ID, Period: m.Key()}); err != nil {
				return fmt.Errorf("roll-up %s: %w", m.Key(), err)
			}
		}
	}
	return nil
}

// started says whether a plan had begun by the end of month p.
func started(pl *pk.Plan, p cadence.Period) bool {
	return pl.Start == "" || pl.Start <= p.End().Format(time.DateOnly)
}

// demoPlans returns the plan of the coalition's action group (its convener
// reports on it) and another active plan, a coordinator's to report on,
// both from the plans loader.
func demoPlans(amina context.Context, db *sqldb.DB, pid string) (*pk.Plan, *pk.Plan, error) {
	plans, _, err := db.Plans.Plans(amina, pid, "")
	if err != nil {
		return nil, nil, err
	}
	var convened, other *pk.Plan
	for _, pl := range plans {
		switch {
		case pl.Status != "active":
		case convened == nil && pl.BodyID != "":
			convened = pl
		case other == nil && pl.BodyID == "":
			other = pl
		}
	}
	if convened == nil || other == nil {
		return nil, nil, fmt.Errorf("the plans loader made no convened and other active plan")
	}
	return convened, other, nil
}

// demoExecutive finds the executive committee (nil when there is none).
func demoExecutive(amina context.Context, db *sqldb.DB, pid string) (*pk.Body, error) {
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		if b.Kind == pk.BodyExecutiveCommittee {
			return b, nil
		}
	}
	return nil, nil
}
