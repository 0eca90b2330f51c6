package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestGoalsLinkStatementsAndOwners(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Plans()
		g, err := db.Goals.Goal(w.Observer.Ctx, pid, f.Goal.ID)
		if err != nil || len(g.StatementIDs) != 1 || g.StatementIDs[0] != w.Params["stid"] || g.Target == nil || *g.Target != 12 ||
			g.OwnerOrganisationName != w.MemberOrg.Name || g.PlanCount != 2 {
			t.Fatalf("goal: %v %+v", err, g)
		}
		// A statement of another partnership, or an organisation that is
		// not a member, is refused by field.
		in := pk.GoalInput{Kind: pk.GoalUniversal, Title: "An end to exclusion", StatementIDs: []string{"nope"}, OwnerOrganisationID: "nope"}
		_, err = db.Goals.CreateGoal(c, pid, in)
		wantField(t, err, "statement_ids")
		wantField(t, err, "owner_organisation_id")
		// Members read goals and do not set them; outsiders see nothing.
		if _, err := db.Goals.CreateGoal(w.Member.Ctx, pid, pk.GoalInput{Kind: pk.GoalUniversal, Title: "x"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member set a goal: %v", err)
		}
		if _, _, err := db.Goals.Goals(w.Outsider.Ctx, pid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		// A goal with plans is not deleted from under them.
		wantCode(t, db.Goals.DeleteGoal(c, pid, g.ID, g.Version), pk.ECONFLICT)
		// A stale version is a conflict, nothing changed.
		up := pk.GoalInput{Kind: g.Kind, Title: "Changed", Version: g.Version + 1}
		_, err = db.Goals.UpdateGoal(c, pid, g.ID, up)
		wantCode(t, err, pk.ECONFLICT)
		up.Version = g.Version
		g2, err := db.Goals.UpdateGoal(c, pid, g.ID, up)
		if err != nil || g2.Title != "Changed" || len(g2.StatementIDs) != 0 || g2.Target != nil {
			t.Fatalf("update: %v %+v", err, g2)
		}
		list, cut, err := db.Goals.Goals(w.Observer.Ctx, pid)
		if err != nil || cut || len(list) != 1 {
			t.Fatalf("list: %v %v %d", err, cut, len(list))
		}
	})
}

func TestConvenersManageTheirPlan(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Plans()
		p, err := db.Plans.Plan(w.Observer.Ctx, pid, f.Plan.ID)
		if err != nil || len(p.Conveners) != 1 || p.Conveners[0].UserID != w.Member.ID || p.BodyName == "" || p.Currency != "EUR" || p.Weight != 1 {
			t.Fatalf("plan: %v %+v", err, p)
		}
		// The member convenes the plan's action group: they change it.
		in := pk.PlanInput{GoalID: p.GoalID, Title: "Youth council campaign, phase one", BodyID: p.BodyID, Status: "active", Version: p.Version}
		if _, err := db.Plans.UpdatePlan(w.Member.Ctx, pid, p.ID, in); err != nil {
			t.Fatal(err)
		}
		// …but not a plan without their group, nor move theirs elsewhere.
		u := f.Unconvened
		_, err = db.Plans.UpdatePlan(w.Member.Ctx, pid, u.ID, pk.PlanInput{GoalID: u.GoalID, Title: "Mine", Version: u.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		p, _ = db.Plans.Plan(w.Member.Ctx, pid, p.ID)
		in = pk.PlanInput{GoalID: p.GoalID, Title: p.Title, Version: p.Version}
		_, err = db.Plans.UpdatePlan(w.Member.Ctx, pid, p.ID, in)
		wantField(t, err, "body_id")
		// Observers read; members do not open plans; outsiders see nothing.
		_, err = db.Plans.UpdatePlan(w.Observer.Ctx, pid, p.ID, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Plans.CreatePlan(w.Member.Ctx, pid, pk.PlanInput{GoalID: p.GoalID, Title: "x"})
		wantCode(t, err, pk.EFORBIDDEN)
		if _, err := db.Plans.Plan(w.Outsider.Ctx, pid, p.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		// A plan under another partnership's goal is refused by field.
		_, err = db.Plans.CreatePlan(w.Coordinator.Ctx, pid, pk.PlanInput{GoalID: "nope", Title: "x"})
		wantField(t, err, "goal_id")
		_, err = db.Plans.CreatePlan(w.Coordinator.Ctx, pid, pk.PlanInput{GoalID: p.GoalID, Title: "x", Currency: "eu"})
		wantField(t, err, "currency")
		list, cut, err := db.Plans.Plans(w.Observer.Ctx, pid, f.Goal.ID)
		if err != nil || cut || len(list) != 2 {
			t.Fatalf("list: %v %v %d", err, cut, len(list))
		}
	})
}
