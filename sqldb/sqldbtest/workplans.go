package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// PlansFixture is what the implementation fixtures made in a world (this
// file is named to run after the preparation fixtures, whose statement the
// goal serves): a specific goal serving the theory of change's activity, a plan carried
// by the action group the member convenes ({plid}, shown on a public page), a milestone, and the
// coordinator's plan with no action group, which the member does not
// manage.
type PlansFixture struct {
	Goal       *pk.Goal
	Plan       *pk.Plan
	Milestone  *pk.Milestone
	Unconvened *pk.Plan
	Budget     *pk.BudgetLine
	Staffing   *pk.StaffingNeed
	// MemberTask is the member's, due in the past (overdue); Done is done;
	// OrgTask is the member organisation's, without a person, and linked
	// to the maps fixtures' tactic.
	MemberTask, Done, OrgTask *pk.Task
}

// Plans returns the implementation fixtures of a world.
func (w *World) Plans() *PlansFixture {
	f, _ := w.fixture("plans").(*PlansFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		f := &PlansFixture{}
		var err error
		target := 12.0
		f.Goal, err = db.Goals.CreateGoal(c, pid, pk.GoalInput{Kind: pk.GoalSpecific, Title: "Seat young newcomers on the youth council",
			Beneficiaries: "young newcomers aged 16 to 25", Measure: "young newcomers with a seat", Target: &target, Unit: "people",
			OwnerOrganisationID: w.MemberOrg.ID, Due: "2026-12-31", StatementIDs: []string{w.Params["stid"]}})
		must(t, err)
		gov := w.Governance()
		f.Plan, err = db.Plans.CreatePlan(c, pid, pk.PlanInput{GoalID: f.Goal.ID, Title: "Youth council campaign", BodyID: gov.Group.ID,
			OrganisationID: w.MemberOrg.ID, Strategy: "Meet every council group before the spring session.", Status: "active",
			Start: "2026-02-01", End: "2026-09-30", Public: true})
		must(t, err)
		f.Unconvened, err = db.Plans.CreatePlan(c, pid, pk.PlanInput{GoalID: f.Goal.ID, Title: "Training for new council members",
			Status: "draft", Start: "2026-06-01", End: "2026-11-30"})
		must(t, err)
		f.Milestone, err = db.Plans.AddMilestone(c, pid, f.Plan.ID, pk.MilestoneInput{Title: "Spring session", Due: "2026-04-15"})
		must(t, err)
		f.Budget, err = db.Plans.AddBudgetLine(c, pid, f.Plan.ID, pk.BudgetLineInput{Label: "Travel to council groups", Amount: 45000})
		must(t, err)
		f.Staffing, err = db.Plans.AddStaffingNeed(c, pid, f.Plan.ID, pk.StaffingNeedInput{Role: "Youth organiser", HoursPerMonth: 20, Inside: true})
		must(t, err)
		f.MemberTask, err = db.Tasks.CreateTask(c, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Book the meeting room",
			AssigneeID: w.Member.ID, OrganisationID: w.MemberOrg.ID, Due: "2026-02-20"})
		must(t, err)
		f.Done, err = db.Tasks.CreateTask(c, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "List the council groups",
			AssigneeID: w.Coordinator.ID, Due: "2026-02-10", Status: pk.TaskDone})
		must(t, err)
		f.OrgTask, err = db.Tasks.CreateTask(c, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Print the invitations",
			OrganisationID: w.MemberOrg.ID, Due: "2026-04-01", TacticID: w.Maps().Tactic.ID})
		must(t, err)
		w.setFixture("plans", f)
		w.Params["tkid"] = f.MemberTask.ID
		w.Params["msid"] = f.Milestone.ID
		w.Params["blid"] = f.Budget.ID
		w.Params["sfid"] = f.Staffing.ID
		w.Params["goid"] = f.Goal.ID
		w.Params["plid"] = f.Plan.ID
	})
}
