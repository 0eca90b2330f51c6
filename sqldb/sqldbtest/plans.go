package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// PlansFixture is what the implementation fixtures made in a world: a
// specific goal serving an outcome of the theory of change, a plan carried
// by the action group the member convenes ({plid}), a milestone, and the
// coordinator's plan with no action group, which the member does not
// manage.
type PlansFixture struct {
	Outcome    *pk.ChangeStatement
	Goal       *pk.Goal
	Plan       *pk.Plan
	Milestone  *pk.Milestone
	Unconvened *pk.Plan
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
		f.Outcome, err = db.Preparation.CreateChangeStatement(c, pid, pk.ChangeStatementInput{Level: "outcome",
			If: "young newcomers sit on the youth council", Then: "the council's decisions answer their needs"})
		must(t, err)
		target := 12.0
		f.Goal, err = db.Goals.CreateGoal(c, pid, pk.GoalInput{Kind: pk.GoalSpecific, Title: "Seat young newcomers on the youth council",
			Beneficiaries: "young newcomers aged 16 to 25", Measure: "young newcomers with a seat", Target: &target, Unit: "people",
			OwnerOrganisationID: w.MemberOrg.ID, Due: "2026-12-31", StatementIDs: []string{f.Outcome.ID}})
		must(t, err)
		gov := w.Governance()
		f.Plan, err = db.Plans.CreatePlan(c, pid, pk.PlanInput{GoalID: f.Goal.ID, Title: "Youth council campaign", BodyID: gov.Group.ID,
			OrganisationID: w.MemberOrg.ID, Strategy: "Meet every council group before the spring session.", Status: "active",
			Start: "2026-02-01", End: "2026-09-30"})
		must(t, err)
		f.Unconvened, err = db.Plans.CreatePlan(c, pid, pk.PlanInput{GoalID: f.Goal.ID, Title: "Training for new council members",
			Status: "draft", Start: "2026-06-01", End: "2026-11-30"})
		must(t, err)
		w.setFixture("plans", f)
		w.Params["goid"] = f.Goal.ID
		w.Params["plid"] = f.Plan.ID
	})
}
