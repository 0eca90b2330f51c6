package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(90, "contributions", loadContributions) }

// loadContributions gives the coalition what seed 001's activities 11 and
// 13 describe: a contribution from every member organisation (money from
// two of them, one funded through a foundation's grant so that one funder
// dominates and the budget page warns), barriers they named, the plans'
// spending, two months of the conveners' reports with their figures, and
// the executive committee's monthly roll-ups. It uses the action plans
// the coalition has; without any, it makes the youth hearings plan and a
// language café plan first. The clock is moved back while it writes, so
// tasks are done, reports written and roll-ups made in the months they
// belong to (as the maps loader does).
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
	hearings, cafe, err := demoPlans(amina, db, pid, months[0], day)
	if err != nil {
		return err
	}

	// Tasks of the hearings plan, done across the two months.
	type taskSpec struct {
		title, who string
		due        string
		doneAt     time.Time // zero: still open
	}
	tasks := []taskSpec{
		{"List the council groups to meet", "Leila", day(months[0], 10), at(months[0], 8)},
		{"Book the youth centre hall for the hearings", "Jonas", day(months[0], 20), at(months[0], 18)},
		{"Translate the invitation into Arabic and Dari", "Leila", day(months[1], 5), at(months[1], 4)},
		{"Brief the young speakers", "Jonas", day(months[1], 25), at(months[1], 22)},
		{"Send the hearing's summary to the city council", "Leila", day(months[1], 28), time.Time{}},
		{"Find a sign-language interpreter", "Chloe", day(months[1], 15), time.Time{}},
	}
	for _, s := range tasks {
		setClock(at(months[0], 2))
		t, err := db.Tasks.CreateTask(amina, pid, pk.TaskInput{PlanID: hearings.ID, Title: s.title,
			AssigneeID: w.People[s.who].User.ID, Due: s.due})
		if err != nil {
			return fmt.Errorf("task %s: %w", s.title, err)
		}
		if !s.doneAt.IsZero() {
			setClock(s.doneAt)
			if _, err := db.Tasks.SetTaskStatus(amina, pid, t.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: t.Version}); err != nil {
				return fmt.Errorf("task %s done: %w", s.title, err)
			}
		}
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
		{chloe, "welcome", pk.ContributionInput{PlanID: cafe.ID, Kind: pk.ContributionVenue,
			Description: "The drop-in centre's café room, Thursday evenings", Amount: 60000, AmountDelivered: 30000,
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
		{leila, hearings, day(months[0], 12), "Tram tickets for the council group visits", 4800},
		{leila, hearings, day(months[0], 26), "Interpreters, first hearing", 90000},
		{leila, hearings, day(months[1], 9), "Childcare during the hearing", 35000},
		{leila, hearings, day(months[1], 23), "Snacks and drinks for the speakers' briefing", 6500},
		{amina, cafe, day(months[1], 14), "Board games and language cards", 7900},
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
		if _, err := db.Reports.WriteReport(leila, pid, pk.ReportInput{PlanID: hearings.ID, Period: m.Key(),
			Progress: texts[i].progress, Problems: texts[i].problems, NextSteps: texts[i].next}); err != nil {
			return fmt.Errorf("report %s: %w", m.Key(), err)
		}
		if _, err := db.Reports.WriteReport(amina, pid, pk.ReportInput{PlanID: cafe.ID, Period: m.Key(),
			Progress: "The café met every Thursday; about fifteen people came each week."}); err != nil {
			return fmt.Errorf("café report %s: %w", m.Key(), err)
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

// demoPlans returns the coalition's first two action plans, making a goal
// with the youth hearings plan (convened by the action group) and a
// language café plan when it has none.
func demoPlans(amina context.Context, db *sqldb.DB, pid string, first cadence.Period, day func(cadence.Period, int) string) (*pk.Plan, *pk.Plan, error) {
	plans, _, err := db.Plans.Plans(amina, pid, "")
	if err != nil {
		return nil, nil, err
	}
	if len(plans) >= 2 {
		return plans[0], plans[1], nil
	}
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return nil, nil, err
	}
	group := ""
	for _, b := range bodies {
		if b.Kind == pk.BodyActionGroup {
			group = b.ID
			break
		}
	}
	goal, err := db.Goals.CreateGoal(amina, pid, pk.GoalInput{Kind: pk.GoalSpecific, Title: "Young newcomers are heard by the city council",
		Beneficiaries: "young newcomers aged 16 to 25 in Leipzig", Measure: "young newcomers speaking at council hearings"})
	if err != nil {
		return nil, nil, fmt.Errorf("goal: %w", err)
	}
	hearings, err := db.Plans.CreatePlan(amina, pid, pk.PlanInput{GoalID: goal.ID, Title: "Youth hearings at the city council", BodyID: group,
		Strategy: "Meet every council group, prepare young speakers, hold a hearing and follow it up.", Status: "active",
		Start: day(first, 1), Currency: "EUR"})
	if err != nil {
		return nil, nil, fmt.Errorf("plan: %w", err)
	}
	for _, l := range []pk.BudgetLineInput{{Label: "Interpreting", Amount: 180000}, {Label: "Travel and childcare", Amount: 250000},
		{Label: "Catering", Amount: 30000}} {
		if _, err := db.Plans.AddBudgetLine(amina, pid, hearings.ID, l); err != nil {
			return nil, nil, fmt.Errorf("budget line: %w", err)
		}
	}
	if _, err := db.Plans.AddMilestone(amina, pid, hearings.ID, pk.MilestoneInput{Title: "Every council group met", Due: day(first, 28)}); err != nil {
		return nil, nil, fmt.Errorf("milestone: %w", err)
	}
	cafe, err := db.Plans.CreatePlan(amina, pid, pk.PlanInput{GoalID: goal.ID, Title: "Language café network", Status: "active",
		Start: day(first, 1), Currency: "EUR"})
	if err != nil {
		return nil, nil, fmt.Errorf("plan: %w", err)
	}
	if _, err := db.Plans.AddBudgetLine(amina, pid, cafe.ID, pk.BudgetLineInput{Label: "Materials", Amount: 20000}); err != nil {
		return nil, nil, fmt.Errorf("budget line: %w", err)
	}
	return hearings, cafe, nil
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
