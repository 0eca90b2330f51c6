package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(70, "plans", loadPlans) }

// demoTask is one task of the demonstration: the plan it belongs to (by
// key), who does it, when it is due (days from today) and its status.
type demoTask struct {
	plan, title, who, org string
	due                   int
	status                string
}

// loadPlans gives the coalition three goals (two specific, one universal)
// served by four action plans, with milestones, budget lines and staffing
// needs, and forty tasks around today: some done, some overdue, one made
// from an executive committee's action item.
func loadPlans(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, leila := w.People["Amina"].Ctx, w.People["Leila"].Ctx
	day := func(days int) string { return db.Now().AddDate(0, 0, days).Format("2006-01-02") }
	toc, err := db.Preparation.TheoryOfChange(amina, pid)
	if err != nil {
		return err
	}
	// The goals serve the theory of change's outcomes and goals.
	var outcomes []string
	for _, s := range toc.Statements {
		if s.Level == "outcome" || s.Level == "goal" {
			outcomes = append(outcomes, s.ID)
		}
	}
	if len(outcomes) < 3 {
		return fmt.Errorf("plans: the theory of change has too few outcomes")
	}
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return err
	}
	var group *pk.Body
	for _, b := range bodies {
		if b.Kind == pk.BodyActionGroup {
			group = b
		}
	}
	if group == nil {
		return fmt.Errorf("plans: the action group is missing")
	}
	num := func(x float64) *float64 { return &x }
	goals := map[string]*pk.Goal{}
	// A list, not a map, so that the goals are made in this order.
	for _, kg := range []struct {
		key string
		in  pk.GoalInput
	}{
		{"council", pk.GoalInput{Kind: pk.GoalSpecific, Title: "Two young newcomers sit on the city's youth council",
			Description:   "By the next council elections, two of the council's seats are held by young people who came to Leipzig as refugees or migrants.",
			Beneficiaries: "young refugees and migrants aged 16 to 25 in Leipzig", Measure: "young newcomers holding a seat on the youth council",
			Target: num(2), Unit: "seats", OwnerOrganisationID: w.Orgs["youthcouncil"].ID, Due: day(270), StatementIDs: outcomes[:2]}},
		{"homework", pk.GoalInput{Kind: pk.GoalSpecific, Title: "Every young newcomer in the east finds homework help within a week",
			Beneficiaries: "pupils who arrived in the last two years, in the eastern districts", Measure: "young newcomers placed in a homework club within 7 days of asking",
			Target: num(80), Unit: "%", OwnerOrganisationID: w.Orgs["diaspora"].ID, Due: day(365), StatementIDs: outcomes[1:3]}},
		{"voice", pk.GoalInput{Kind: pk.GoalUniversal, Title: "Young refugees and migrants shape the decisions that concern them",
			Description: "The coalition's lasting aim, which every plan contributes to.", Beneficiaries: "young refugees and migrants in Leipzig",
			OwnerOrganisationID: w.Orgs["bridges"].ID, StatementIDs: outcomes[:1]}},
	} {
		g, err := db.Goals.CreateGoal(amina, pid, kg.in)
		if err != nil {
			return fmt.Errorf("goal %s: %w", kg.key, err)
		}
		goals[kg.key] = g
	}
	type budget struct {
		label  string
		amount int64
	}
	plans := map[string]*pk.Plan{}
	for _, p := range []struct {
		key        string
		in         pk.PlanInput
		milestones []pk.MilestoneInput
		budget     []budget
		staffing   []pk.StaffingNeedInput
	}{
		{"hearings", pk.PlanInput{GoalID: goals["council"].ID, Title: "Spring hearings at the city council", BodyID: group.ID,
			OrganisationID: w.Orgs["bridges"].ID, Status: "active", Start: day(-60), End: day(60), Public: true,
			Strategy:   "Young newcomers draft their demands in three workshops, then present them at two public hearings of the council's youth committee, chaired by themselves.",
			Evaluation: "At least 40 young newcomers take part; the committee answers every demand in writing; two demands reach the council's agenda.",
			Risks:      "The committee moves its dates: we follow its calendar and keep one spare evening. Interpreters cancel: two more are on call."},
			[]pk.MilestoneInput{{Title: "Demands drafted with young newcomers", Due: day(-20), Done: day(-18)},
				{Title: "First hearing", Due: day(14)}, {Title: "Second hearing", Due: day(45)}},
			[]budget{{"Interpreters for Arabic and Dari", 60000}, {"Room hire for the workshops", 25000}, {"Public transport tickets", 12000}},
			[]pk.StaffingNeedInput{{Role: "Youth organiser", HoursPerMonth: 20, Inside: true, Filled: true},
				{Role: "Interpreters (Arabic, Dari)", HoursPerMonth: 8, Inside: false}}},
		{"candidates", pk.PlanInput{GoalID: goals["council"].ID, Title: "Candidates for the youth council elections",
			OrganisationID: w.Orgs["youthcouncil"].ID, Status: "draft", Start: day(30), End: day(180), Weight: 2,
			Strategy:   "Find and accompany young newcomers who want to stand: information evenings, a mentor from the council for each candidate.",
			Evaluation: "At least four candidates stand; each has a mentor."},
			[]pk.MilestoneInput{{Title: "Candidates named", Due: day(90)}, {Title: "Election day", Due: day(175)}},
			[]budget{{"Information evenings", 15000}}, nil},
		{"clubs", pk.PlanInput{GoalID: goals["homework"].ID, Title: "Homework clubs in three neighbourhoods",
			OrganisationID: w.Orgs["diaspora"].ID, Status: "active", Start: day(-90), End: day(200),
			Strategy:   "Open a club a term in Volkmarsdorf, Neustadt and Schönefeld, run by volunteer students who speak the pupils' languages.",
			Evaluation: "Waiting time from first contact to a place in a club, counted every month.",
			Risks:      "Too few volunteers in exam periods: we recruit at the university each term."},
			[]pk.MilestoneInput{{Title: "First club open", Due: day(-30), Done: day(-32)}, {Title: "Third club open", Due: day(60)}},
			[]budget{{"Snacks and materials", 30000}, {"Volunteer travel", 18000}},
			[]pk.StaffingNeedInput{{Role: "Volunteer coordinator", HoursPerMonth: 30, Inside: true, Filled: true},
				{Role: "Volunteer tutors", HoursPerMonth: 40, Inside: false}}},
		{"training", pk.PlanInput{GoalID: goals["voice"].ID, Title: "Youth voice training",
			OrganisationID: w.Orgs["welcome"].ID, Status: "active", Start: day(10), End: day(120),
			Strategy: "Four evenings on public speaking, meeting procedure and the city's decision-making, by young people for young people."},
			[]pk.MilestoneInput{{Title: "Trainers trained", Due: day(40)}},
			nil, []pk.StaffingNeedInput{{Role: "Peer trainers", HoursPerMonth: 6, Inside: true}}},
	} {
		plan, err := db.Plans.CreatePlan(amina, pid, p.in)
		if err != nil {
			return fmt.Errorf("plan %s: %w", p.key, err)
		}
		plans[p.key] = plan
		for _, m := range p.milestones {
			if _, err := db.Plans.AddMilestone(amina, pid, plan.ID, m); err != nil {
				return err
			}
		}
		for _, b := range p.budget {
			if _, err := db.Plans.AddBudgetLine(amina, pid, plan.ID, pk.BudgetLineInput{Label: b.label, Amount: b.amount}); err != nil {
				return err
			}
		}
		for _, s := range p.staffing {
			if _, err := db.Plans.AddStaffingNeed(amina, pid, plan.ID, s); err != nil {
				return err
			}
		}
	}
	const todo, doing, done, dropped = pk.TaskTodo, pk.TaskDoing, pk.TaskDone, pk.TaskDropped
	tasks := []demoTask{
		{"hearings", "Book the rooms for the three workshops", "Leila", "bridges", -50, done},
		{"hearings", "Invite young newcomers through the homework clubs", "Yusuf", "diaspora", -45, done},
		{"hearings", "Run the first workshop on demands", "Leila", "bridges", -40, done},
		{"hearings", "Run the second workshop on demands", "Leila", "bridges", -30, done},
		{"hearings", "Run the third workshop on demands", "Jonas", "youthcouncil", -22, done},
		{"hearings", "Write up the demands in plain language", "Chloe", "welcome", -18, done},
		{"hearings", "Translate the demands into Arabic and Dari", "Leila", "bridges", -8, doing},
		{"hearings", "Confirm the hearing dates with the youth committee", "Jonas", "youthcouncil", -5, todo},
		{"hearings", "Book interpreters for the first hearing", "Leila", "bridges", 4, todo},
		{"hearings", "Prepare the chairs of the hearings", "Leila", "bridges", 10, doing},
		{"hearings", "Send the press invitation", "Amina", "bridges", 12, todo},
		{"hearings", "Print the demands for the audience", "Chloe", "welcome", 13, todo},
		{"hearings", "Hire a sound system", "", "welcome", -3, dropped},
		{"candidates", "Ask the election office for the timetable", "Jonas", "youthcouncil", 35, todo},
		{"candidates", "Plan the information evenings", "Jonas", "youthcouncil", 50, todo},
		{"candidates", "Find a mentor for each candidate", "Amina", "bridges", 80, todo},
		{"candidates", "Write a leaflet in four languages", "Chloe", "welcome", 60, todo},
		{"candidates", "Check who may stand at 16", "Jonas", "youthcouncil", -2, doing},
		{"candidates", "Ask former candidates to share their experience", "Leila", "bridges", 70, todo},
		{"candidates", "Apply to the Open Doors Foundation for the evenings", "Amina", "bridges", 25, todo},
		{"candidates", "Reserve the council chamber for a visit", "Jonas", "youthcouncil", 95, todo},
		{"clubs", "Find a room in Volkmarsdorf", "Yusuf", "diaspora", -80, done},
		{"clubs", "Recruit ten volunteer students", "Yusuf", "diaspora", -70, done},
		{"clubs", "Open the first club", "Yusuf", "diaspora", -32, done},
		{"clubs", "Find a room in Neustadt", "Chloe", "welcome", -10, doing},
		{"clubs", "Recruit volunteers for the second term", "Yusuf", "diaspora", -4, todo},
		{"clubs", "Count the waiting time for last month", "Leila", "bridges", -1, todo},
		{"clubs", "Agree with two schools on referrals", "Yusuf", "diaspora", 20, todo},
		{"clubs", "Buy dictionaries for the clubs", "Chloe", "welcome", 15, todo},
		{"clubs", "Open the second club", "Yusuf", "diaspora", 30, todo},
		{"clubs", "Find a room in Schönefeld", "", "diaspora", 40, todo},
		{"clubs", "Train volunteers in child protection", "Chloe", "welcome", 25, todo},
		{"clubs", "Write to parents in Dari", "Leila", "bridges", -15, dropped},
		{"training", "Find four peer trainers", "Chloe", "welcome", 5, doing},
		{"training", "Write the training outline", "Chloe", "welcome", 20, todo},
		{"training", "Train the trainers", "Chloe", "welcome", 40, todo},
		{"training", "Book the welcome centre's hall", "Chloe", "welcome", 30, todo},
		{"training", "Invite participants through the clubs", "Yusuf", "diaspora", 45, todo},
		{"training", "Ask the council's clerk to explain meeting procedure", "Jonas", "youthcouncil", 50, todo},
	}
	for _, t := range tasks {
		in := pk.TaskInput{PlanID: plans[t.plan].ID, Title: t.title, Due: day(t.due), Status: t.status, OrganisationID: w.Orgs[t.org].ID}
		if t.who != "" {
			in.AssigneeID = w.People[t.who].User.ID
		}
		// The hearings' convener adds the tasks of her plan; a coordinator
		// the others.
		who := amina
		if t.plan == "hearings" {
			who = leila
		}
		if _, err := db.Tasks.CreateTask(who, pid, in); err != nil {
			return fmt.Errorf("task %q: %w", t.title, err)
		}
	}
	return taskFromActionItem(ctx, db, w, plans["hearings"].ID)
}

// taskFromActionItem turns an open action item of the executive committee
// into the fortieth task, linked to it, as a convener would.
func taskFromActionItem(ctx context.Context, db *sqldb.DB, w *World, plid string) error {
	pid, leila := w.Partnership.ID, w.People["Leila"].Ctx
	ms, _, err := db.Meetings.Meetings(leila, pid)
	if err != nil {
		return err
	}
	for _, m := range ms {
		items, _, err := db.Meetings.ActionItems(leila, pid, m.ID)
		if err != nil {
			return err
		}
		for _, a := range items {
			if a.Status != pk.ActionOpen {
				continue
			}
			_, err := db.Tasks.CreateTask(leila, pid, pk.TaskInput{PlanID: plid, Title: a.What, AssigneeID: a.UserID,
				OrganisationID: a.OrganisationID, Due: a.Due, ActionItemID: a.ID})
			return err
		}
	}
	return fmt.Errorf("plans: no open action item to turn into a task")
}
