package sqldb_test

import (
	"encoding/json"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestTasksOverdueAndByWho(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Plans()
		// The world's clock is 2026-03-02: the member's task (due 20 Feb) is overdue.
		over, next, err := db.Tasks.Tasks(w.Observer.Ctx, pid, pk.TaskFilter{Overdue: true}, pk.PageRequest{})
		if err != nil || next != "" || len(over) != 1 || over[0].ID != f.MemberTask.ID || !over[0].Overdue {
			t.Fatalf("overdue: %v %+v", err, over)
		}
		byOrg, _, err := db.Tasks.Tasks(w.Observer.Ctx, pid, pk.TaskFilter{OrganisationID: w.MemberOrg.ID}, pk.PageRequest{})
		if err != nil || len(byOrg) != 2 {
			t.Fatalf("by organisation: %v %d", err, len(byOrg))
		}
		byPerson, _, err := db.Tasks.Tasks(w.Observer.Ctx, pid, pk.TaskFilter{AssigneeID: w.Member.ID}, pk.PageRequest{})
		if err != nil || len(byPerson) != 1 || byPerson[0].AssigneeName != w.Member.Name {
			t.Fatalf("by person: %v %+v", err, byPerson)
		}
		// Pages of one follow the due dates, those without one last.
		var seen []string
		cursor := ""
		for range 5 {
			page, next, err := db.Tasks.Tasks(w.Member.Ctx, pid, pk.TaskFilter{PlanID: f.Plan.ID}, pk.PageRequest{Limit: 1, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page {
				seen = append(seen, x.ID)
			}
			if cursor = next; cursor == "" {
				break
			}
		}
		if len(seen) != 3 || seen[0] != f.Done.ID || seen[1] != f.MemberTask.ID || seen[2] != f.OrgTask.ID {
			t.Fatalf("pages: %v", seen)
		}
		_, _, err = db.Tasks.Tasks(w.Member.Ctx, pid, pk.TaskFilter{Status: "someday"}, pk.PageRequest{})
		wantField(t, err, "status")
		// A tactic about the sensitive actor: coordinators see it, members
		// see neither its title nor its ID.
		maps := w.Maps()
		secret, err := db.Maps.CreateTactic(w.Coordinator.Ctx, pid, maps.Map.ID, pk.TacticInput{ActorID: maps.Actors[sqldbtest.SensitiveActorName],
			Title: "Ask our informant who sits on the council", Status: "planned"})
		if err != nil {
			t.Fatal(err)
		}
		task, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Meet the informant", TacticID: secret.ID})
		if err != nil || task.TacticTitle == "" {
			t.Fatalf("coordinator's task: %v %+v", err, task)
		}
		task, err = db.Tasks.Task(w.Coordinator.Ctx, pid, task.ID)
		if err != nil || task.TacticTitle == "" || task.TacticID == "" {
			t.Fatalf("coordinator: %v %+v", err, task)
		}
		task, err = db.Tasks.Task(w.Member.Ctx, pid, task.ID)
		if err != nil || task.TacticTitle != "" || task.TacticID != "" {
			t.Fatalf("member sees the tactic: %v %+v", err, task)
		}
		// The observer sees the ordinary tactic on the shared map.
		if org, _ := db.Tasks.Task(w.Observer.Ctx, pid, f.OrgTask.ID); org.TacticTitle != maps.Tactic.Title {
			t.Fatalf("observer: %+v", org)
		}
		if _, err := db.Tasks.Task(w.Outsider.Ctx, pid, f.OrgTask.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
	})
}

func TestMembersUpdateTheirOwnTasks(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Plans()
		mine := f.MemberTask
		// The member marks their task done; done_at is the clock's.
		got, err := db.Tasks.SetTaskStatus(w.Member.Ctx, pid, mine.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: mine.Version})
		if err != nil || got.Status != pk.TaskDone || got.DoneAt == nil || !got.DoneAt.Equal(w.Clock.Now()) || got.Overdue {
			t.Fatalf("done: %v %+v", err, got)
		}
		// A stale version is a conflict, and nothing changes.
		_, err = db.Tasks.SetTaskStatus(w.Member.Ctx, pid, mine.ID, pk.TaskStatusInput{Status: pk.TaskTodo, Version: mine.Version})
		wantCode(t, err, pk.ECONFLICT)
		// Back to doing clears done_at.
		got, err = db.Tasks.SetTaskStatus(w.Member.Ctx, pid, mine.ID, pk.TaskStatusInput{Status: pk.TaskDoing, Version: got.Version})
		if err != nil || got.DoneAt != nil {
			t.Fatalf("doing: %v %+v", err, got)
		}
		// Someone else's task in a plan the member does not convene is not theirs.
		other, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: f.Unconvened.ID, Title: "Find a trainer", AssigneeID: w.Coordinator.ID})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Tasks.SetTaskStatus(w.Member.Ctx, pid, other.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: other.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: f.Unconvened.ID, Title: "Mine"})
		wantCode(t, err, pk.EFORBIDDEN)
		wantCode(t, db.Tasks.DeleteTask(w.Member.Ctx, pid, other.ID, other.Version), pk.EFORBIDDEN)
		// …but the convener manages every task of their plan.
		task, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Call the council clerk", AssigneeID: w.Observer.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Tasks.SetTaskStatus(w.Member.Ctx, pid, task.ID, pk.TaskStatusInput{Status: pk.TaskDropped, Version: task.Version}); err != nil {
			t.Fatal(err)
		}
		// Observers change nothing, not even a task given to them.
		task, _ = db.Tasks.Task(w.Observer.Ctx, pid, task.ID)
		_, err = db.Tasks.SetTaskStatus(w.Observer.Ctx, pid, task.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: task.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		// Unknown people, organisations, tactics (or one about a sensitive
		// actor, for a member) and action items are field errors.
		maps := w.Maps()
		secret, err := db.Maps.CreateTactic(w.Coordinator.Ctx, pid, maps.Map.ID, pk.TacticInput{ActorID: maps.Actors[sqldbtest.SensitiveActorName],
			Title: "Ask our informant who sits on the council", Status: "planned"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "x", AssigneeID: w.Outsider.ID,
			OrganisationID: "nope", TacticID: secret.ID, ActionItemID: "nope"})
		for _, field := range []string{"assignee_id", "organisation_id", "tactic_id", "action_item_id"} {
			wantField(t, err, field)
		}
		_, err = db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: "nope", Title: "x"})
		wantField(t, err, "plan_id")
		// The member keeps the hidden tactic of a task when changing it.
		hiddenTask, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Print the invitations",
			OrganisationID: w.MemberOrg.ID, TacticID: secret.ID})
		if err != nil {
			t.Fatal(err)
		}
		org, _ := db.Tasks.Task(w.Member.Ctx, pid, hiddenTask.ID)
		if _, err := db.Tasks.UpdateTask(w.Member.Ctx, pid, org.ID, pk.TaskInput{PlanID: org.PlanID, Title: "Print 200 invitations",
			OrganisationID: org.OrganisationID, Due: org.Due, Status: org.Status, Version: org.Version}); err != nil {
			t.Fatal(err)
		}
		if seen, _ := db.Tasks.Task(w.Coordinator.Ctx, pid, org.ID); seen.TacticID != secret.ID {
			t.Fatalf("the tactic was lost: %+v", seen)
		}
	})
}

func TestMyTasksAcrossPartnerships(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		mine, next, err := db.Tasks.MyTasks(w.Member.Ctx, pk.PageRequest{})
		if err != nil || next != "" || len(mine) != 1 || mine[0].PartnershipName != w.Partnership.Name || mine[0].TacticTitle != "" {
			t.Fatalf("member: %v %+v", err, mine)
		}
		// Done tasks leave the list; the coordinator's only one is done.
		theirs, _, err := db.Tasks.MyTasks(w.Coordinator.Ctx, pk.PageRequest{})
		if err != nil || len(theirs) != 0 {
			t.Fatalf("coordinator: %v %+v", err, theirs)
		}
	})
}

func TestProgressRollsUpFromTasksAndMilestones(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Plans()
		// One task done of three, one milestone not reached: 1 of 4 units.
		page, err := db.Plans.PlanPage(w.Observer.Ctx, pid, f.Plan.ID)
		if err != nil || page.Progress == nil || *page.Progress != 25 || page.Tasks.Overdue != 1 || page.Tasks.Done != 1 ||
			page.BudgetTotal != 45000 || len(page.Staffing) != 1 || page.MayManage {
			t.Fatalf("plan page: %v %+v", err, page)
		}
		if page, _ := db.Plans.PlanPage(w.Member.Ctx, pid, f.Plan.ID); !page.MayManage {
			t.Fatal("the convener may not manage their plan")
		}
		// The other plan has nothing to count: no progress, and the goal
		// is its one counted plan.
		g, err := db.Goals.Goal(w.Observer.Ctx, pid, f.Goal.ID)
		if err != nil || g.Progress == nil || *g.Progress != 25 {
			t.Fatalf("goal: %v %+v", err, g.Progress)
		}
		if len(g.Smart.Met) != 5 {
			t.Fatalf("SMART: %+v", g.Smart)
		}
		// Reach the milestone and weigh the plan: the goal follows.
		m := f.Milestone
		if _, err := db.Plans.UpdateMilestone(c, pid, f.Plan.ID, m.ID, pk.MilestoneInput{Title: m.Title, Due: m.Due, Done: "2026-03-01", Version: m.Version}); err != nil {
			t.Fatal(err)
		}
		u := f.Unconvened
		if _, err := db.Tasks.CreateTask(c, pid, pk.TaskInput{PlanID: u.ID, Title: "Write the course"}); err != nil {
			t.Fatal(err)
		}
		in := pk.PlanInput{GoalID: u.GoalID, Title: u.Title, Status: u.Status, Start: u.Start, End: u.End, Weight: 3, Version: u.Version}
		if _, err := db.Plans.UpdatePlan(c, pid, u.ID, in); err != nil {
			t.Fatal(err)
		}
		// 50 % weighing 1 and 0 % weighing 3: 12 %.
		goals, _, err := db.Goals.Goals(w.Observer.Ctx, pid)
		if err != nil || goals[0].Progress == nil || *goals[0].Progress != 12 {
			t.Fatalf("goals: %v %+v", err, goals[0].Progress)
		}
		plans, _, err := db.Plans.Plans(w.Observer.Ctx, pid, "")
		if err != nil || len(plans) != 2 || plans[0].Progress == nil {
			t.Fatalf("plans: %v %+v", err, plans)
		}
		// Once its date has passed, an active goal says so (T).
		w.Clock.Advance(365 * 24 * time.Hour)
		g, _ = db.Goals.Goal(w.Observer.Ctx, pid, f.Goal.ID)
		if len(g.Smart.Missing) != 1 || g.Smart.Missing[0].Message != "smart.missing.date_passed" {
			t.Fatalf("SMART a year later: %+v", g.Smart)
		}
	})
}

func TestPublicPlansOnly(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		p := w.Plans().Unconvened
		if _, err := db.Plans.PublicPlan(w.Outsider.Ctx, p.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("not public yet: %v", err)
		}
		in := pk.PlanInput{GoalID: p.GoalID, Title: p.Title, BodyID: p.BodyID, OrganisationID: p.OrganisationID, Strategy: p.Strategy,
			Status: p.Status, Start: p.Start, End: p.End, Public: true, Version: p.Version}
		if _, err := db.Plans.UpdatePlan(c, pid, p.ID, in); err != nil {
			t.Fatal(err)
		}
		pub, err := db.Plans.PublicPlan(t.Context(), p.ID)
		if err != nil || pub.Title != p.Title || len(pub.Milestones) != 0 || pub.Progress != nil || pub.PartnershipName != w.Partnership.Name {
			t.Fatalf("public: %v %+v", err, pub)
		}
		if _, err := db.Plans.PublicPlan(t.Context(), "nope"); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("unknown: %v", err)
		}
		// The fixture's public plan shows its milestone and progress.
		pub, err = db.Plans.PublicPlan(t.Context(), w.Plans().Plan.ID)
		if err != nil || len(pub.Milestones) != 1 || pub.Progress == nil {
			t.Fatalf("public: %v %+v", err, pub)
		}
	})
}

func TestConvenerTurnsAnActionItemIntoATask(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		a, plan := w.Meetings().Action, w.Plans().Plan
		task, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: plan.ID, Title: a.What, AssigneeID: a.UserID,
			OrganisationID: a.OrganisationID, Due: a.Due, ActionItemID: a.ID})
		if err != nil || task.ActionItemID != a.ID || task.MeetingID != a.MeetingID {
			t.Fatalf("task: %v %+v", err, task)
		}
		// An action item of another partnership is unknown here.
		_, err = db.Tasks.CreateTask(w.Coordinator.Ctx, w.Other.ID, pk.TaskInput{PlanID: plan.ID, Title: "x", ActionItemID: a.ID})
		wantCode(t, err, pk.ENOTFOUND)
	})
}

// A page of tasks is kept under the data and maps' versions: it follows a
// status set, a plan's and a person's new names, a tactic's new title and
// the day turning (overdue), and what of tactics a role may see stays its
// own.
func TestTaskListKeptFollowsChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f, maps := w.Plans(), w.Maps()
		find := func(who *sqldbtest.Person, id string, filter pk.TaskFilter) *pk.Task {
			t.Helper()
			var found *pk.Task
			for range 2 { // read, then kept
				tasks, _, err := db.Tasks.Tasks(who.Ctx, pid, filter, pk.PageRequest{})
				if err != nil {
					t.Fatal(err)
				}
				found = nil
				for _, x := range tasks {
					if x.ID == id {
						found = x
					}
				}
			}
			return found
		}
		all := pk.TaskFilter{}
		// What a role may see of tactics is its own.
		secret, err := db.Maps.CreateTactic(w.Coordinator.Ctx, pid, maps.Map.ID, pk.TacticInput{ActorID: maps.Actors[sqldbtest.SensitiveActorName],
			Title: "Ask our informant", Status: "planned"})
		if err != nil {
			t.Fatal(err)
		}
		task, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: f.Plan.ID, Title: "Meet the informant", TacticID: secret.ID})
		if err != nil {
			t.Fatal(err)
		}
		if x := find(w.Coordinator, task.ID, all); x == nil || x.TacticTitle != secret.Title {
			t.Fatalf("coordinator: %+v", x)
		}
		if x := find(w.Member, task.ID, all); x == nil || x.TacticTitle != "" || x.TacticID != "" {
			t.Fatalf("the member is given the coordinator's page: %+v", x)
		}
		// A status set shows.
		if _, err := db.Tasks.SetTaskStatus(w.Coordinator.Ctx, pid, f.MemberTask.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: f.MemberTask.Version}); err != nil {
			t.Fatal(err)
		}
		if x := find(w.Observer, f.MemberTask.ID, all); x.Status != pk.TaskDone || x.Overdue {
			t.Errorf("after its status was set: %+v", x)
		}
		// A tactic's new title shows.
		tc := maps.Tactic
		if _, err := db.Maps.UpdateTactic(w.Coordinator.Ctx, pid, maps.Map.ID, tc.ID, pk.TacticInput{ActorID: tc.ActorID, Title: "A renamed tactic",
			Status: tc.Status, Version: tc.Version}); err != nil {
			t.Fatal(err)
		}
		if x := find(w.Observer, f.OrgTask.ID, all); x.TacticTitle != "A renamed tactic" {
			t.Errorf("after the tactic's new title: %q", x.TacticTitle)
		}
		// A plan's new name shows.
		plan := f.Plan
		in := pk.PlanInput{GoalID: plan.GoalID, Title: "A renamed campaign", BodyID: plan.BodyID, OrganisationID: plan.OrganisationID,
			Strategy: plan.Strategy, Status: plan.Status, Start: plan.Start, End: plan.End, Public: plan.Public, Version: plan.Version}
		if _, err := db.Plans.UpdatePlan(w.Coordinator.Ctx, pid, plan.ID, in); err != nil {
			t.Fatal(err)
		}
		if x := find(w.Observer, f.OrgTask.ID, all); x.PlanTitle != "A renamed campaign" {
			t.Errorf("after the plan's new name: %q", x.PlanTitle)
		}
		// A person's new name shows.
		if _, err := db.Accounts.UpdateProfile(w.Coordinator.Ctx, pk.ProfileInput{Name: "Nadia Renamed", Language: "en", Version: w.Coordinator.Version}); err != nil {
			t.Fatal(err)
		}
		if x := find(w.Observer, f.Done.ID, all); x.AssigneeName != "Nadia Renamed" {
			t.Errorf("after the person's new name: %q", x.AssigneeName)
		}
		// The day turning makes an open task overdue.
		if x := find(w.Observer, f.OrgTask.ID, all); x.Overdue {
			t.Fatal("overdue before its date")
		}
		w.Clock.Advance(60 * 24 * time.Hour)
		if x := find(w.Observer, f.OrgTask.ID, pk.TaskFilter{Overdue: true}); x == nil || !x.Overdue {
			t.Errorf("not overdue after its date: %+v", x)
		}
		// A caller's change to its copy never reaches the next.
		tasks, _, _ := db.Tasks.Tasks(w.Observer.Ctx, pid, all, pk.PageRequest{})
		tasks[0].Title = "changed by a caller"
		if again, _, _ := db.Tasks.Tasks(w.Observer.Ctx, pid, all, pk.PageRequest{}); again[0].Title == "changed by a caller" {
			t.Error("a caller's change reached the kept page")
		}
	})
}

// On PostgreSQL, a page of tasks kept by one instance follows a write made
// through another (the versions are in the database, not the process).
func TestTaskListKeptAcrossInstances(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		if w.DB.Dialect != sqldb.Postgres {
			t.Skip("one SQLite file has one server")
		}
		other, pid, f := sqldbtest.AnotherInstance(t, w.DB), w.Partnership.ID, w.Plans()
		status := func() string {
			t.Helper()
			tasks, _, err := other.Tasks.Tasks(w.Observer.Ctx, pid, pk.TaskFilter{}, pk.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range tasks {
				if x.ID == f.MemberTask.ID {
					return x.Status
				}
			}
			t.Fatal("the task is not listed")
			return ""
		}
		before := status() // kept on the other instance
		if _, err := w.DB.Tasks.SetTaskStatus(w.Coordinator.Ctx, pid, f.MemberTask.ID, pk.TaskStatusInput{Status: pk.TaskDone, Version: f.MemberTask.Version}); err != nil {
			t.Fatal(err)
		}
		if after := status(); after != pk.TaskDone || after == before {
			t.Errorf("the other instance lists the task as %q after it was set done (before: %q)", after, before)
		}
	})
}

// A status change answers the task as it is then stored, done_at and
// overdue included, through every move; the clock moves on between them.
func TestSetTaskStatusAnswersTheStoredTask(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		task := w.Plans().MemberTask // due in the past
		for i, status := range []string{pk.TaskDoing, pk.TaskDone, pk.TaskDone, pk.TaskDropped, pk.TaskTodo, pk.TaskDone, pk.TaskDoing} {
			w.Clock.Advance(time.Hour + 1234*time.Nanosecond)
			got, err := db.Tasks.SetTaskStatus(w.Member.Ctx, pid, task.ID, pk.TaskStatusInput{Status: status, Version: task.Version})
			if err != nil {
				t.Fatalf("%d %s: %v", i, status, err)
			}
			stored, err := db.Tasks.Task(w.Member.Ctx, pid, task.ID)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(stored)
			if string(a) != string(b) {
				t.Fatalf("%d %s: answered\n%s\nstored\n%s", i, status, a, b)
			}
			if stored.Version != task.Version+1 || stored.Overdue != (status == pk.TaskDoing || status == pk.TaskTodo) {
				t.Fatalf("%d %s: version %d after %d, overdue %v", i, status, stored.Version, task.Version, stored.Overdue)
			}
			task = stored
		}
	})
}
