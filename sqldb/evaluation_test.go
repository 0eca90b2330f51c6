package sqldb_test

import (
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// An evaluation is opened by coordinators with the stage-4 questions;
// refused input changes nothing; observers read; outsiders find nothing.
func TestEvaluationLifecycle(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		good := pk.EvaluationInput{Title: "End-of-year review", Kind: pk.EvaluationSummative, PeriodFrom: "2026-01-01",
			PeriodTo: "2026-12-31", Evaluators: "Omar, Nadia", DefaultQuestions: true}
		_, err := db.Evaluations.CreateEvaluation(w.Member.Ctx, pid, good)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Evaluations.CreateEvaluation(w.Outsider.Ctx, pid, good)
		wantCode(t, err, pk.ENOTFOUND)
		for _, x := range []struct {
			field string
			edit  func(in *pk.EvaluationInput)
		}{
			{"evaluators", func(in *pk.EvaluationInput) { in.Evaluators = "" }},
			{"period_to", func(in *pk.EvaluationInput) { in.PeriodTo = "2025-12-31" }},
			{"period_from", func(in *pk.EvaluationInput) { in.PeriodFrom = "1 January" }},
			{"kind", func(in *pk.EvaluationInput) { in.Kind = "final" }},
			{"title", func(in *pk.EvaluationInput) { in.Title = strings.Repeat("x", 201) }},
			{"body_id", func(in *pk.EvaluationInput) { in.BodyID = w.Other.ID }},
		} {
			in := good
			x.edit(&in)
			_, err := db.Evaluations.CreateEvaluation(c, pid, in)
			wantField(t, err, x.field)
		}
		list, err := db.Evaluations.Evaluations(w.Observer.Ctx, pid)
		if err != nil || len(list.Items) != 2 {
			t.Fatalf("refused input wrote something: %v %+v", err, list)
		}
		e, err := db.Evaluations.CreateEvaluation(c, pid, good)
		if err != nil {
			t.Fatal(err)
		}
		page, err := db.Evaluations.Evaluation(w.Observer.Ctx, pid, e.ID)
		if err != nil || len(page.Questions) != len(pk.DefaultEvaluationQuestions) || !page.Questions[0].Default ||
			page.Questions[0].Text != pk.DefaultEvaluationQuestions[0].Key {
			t.Fatalf("default questions: %v %+v", err, page)
		}
		if _, err := db.Evaluations.Evaluation(w.Outsider.Ctx, pid, e.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider reads: %v", err)
		}
		if _, err := db.Evaluations.Evaluation(w.Outsider.Ctx, w.Other.ID, e.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("another partnership's path: %v", err)
		}
		// Optimistic locking.
		in := good
		in.Status, in.Version = "in_progress", e.Version
		if _, err := db.Evaluations.UpdateEvaluation(c, pid, e.ID, in); err != nil {
			t.Fatal(err)
		}
		_, err = db.Evaluations.UpdateEvaluation(c, pid, e.ID, in)
		wantCode(t, err, pk.ECONFLICT)

		// A rewording keeps a default question default when its words come
		// back unchanged, and makes it the partnership's own otherwise.
		q := page.Questions[1]
		q1, err := db.Evaluations.UpdateQuestion(c, pid, e.ID, q.ID, pk.QuestionInput{Topic: "other", Text: q.Text, Version: q.Version})
		if err != nil || !q1.Default || q1.Topic != "other" {
			t.Fatalf("topic only: %v %+v", err, q1)
		}
		q2, err := db.Evaluations.UpdateQuestion(c, pid, e.ID, q.ID, pk.QuestionInput{Topic: "reporting", Text: "Did we count the right things?",
			Version: q1.Version})
		if err != nil || q2.Default || q2.Text != "Did we count the right things?" {
			t.Fatalf("reworded: %v %+v", err, q2)
		}
		_, err = db.Evaluations.UpdateQuestion(w.Member.Ctx, pid, e.ID, q.ID, pk.QuestionInput{Text: "x", Version: q2.Version})
		wantCode(t, err, pk.EFORBIDDEN)

		// Members write findings with evidence; a bad link is named.
		_, err = db.Evaluations.RecordFinding(w.Member.Ctx, pid, e.ID, q.ID, pk.FindingInput{Finding: "Yes", Evidence: []string{"javascript:alert(1)"},
			Version: q2.Version})
		wantField(t, err, "evidence")
		_, err = db.Evaluations.RecordFinding(w.Observer.Ctx, pid, e.ID, q.ID, pk.FindingInput{Finding: "Yes", Version: q2.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		f, err := db.Evaluations.RecordFinding(w.Member.Ctx, pid, e.ID, q.ID, pk.FindingInput{Finding: "Mostly.",
			Evidence: []string{" /p/" + pid + "/decisions/log ", "", "https://example.org/survey"}, Version: q2.Version})
		if err != nil || f.Finding != "Mostly." || len(f.Evidence) != 2 || f.FoundBy == "" {
			t.Fatalf("finding: %v %+v", err, f)
		}
		if _, err := db.Evaluations.RecordFinding(w.Member.Ctx, pid, e.ID, "no-such-question", pk.FindingInput{Version: 1}); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("unknown question: %v", err)
		}
		// Another evaluation's question is not this one's.
		other := w.Evaluations()
		if _, err := db.Evaluations.RecordFinding(w.Member.Ctx, pid, e.ID, other.Question.ID, pk.FindingInput{Version: 1}); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("question of another evaluation: %v", err)
		}

		// Deleting keeps nothing of it but its audit entries.
		err = db.Evaluations.DeleteEvaluation(c, pid, e.ID, e.Version)
		wantCode(t, err, pk.ECONFLICT)
		cur, _ := db.Evaluations.Evaluation(c, pid, e.ID)
		if err := db.Evaluations.DeleteEvaluation(c, pid, e.ID, cur.Evaluation.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Evaluations.Evaluation(c, pid, e.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("deleted: %v", err)
		}
		entries, _, err := db.Partnerships.Audit(c, pid, pk.PageRequest{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, a := range entries {
			seen[a.Action] = true
		}
		for _, a := range []string{"evaluation.create", "evaluation.update", "evaluation.question_update", "evaluation.finding", "evaluation.delete"} {
			if !seen[a] {
				t.Errorf("no audit entry %s", a)
			}
		}
	})
}

// Pros and cons come once the question is asked; members add them and
// take their own back; only coordinators take back someone else's.
func TestContinuationPoints(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, f := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Evaluations()
		e, err := db.Evaluations.CreateEvaluation(c, pid, pk.EvaluationInput{Title: "Quick look", Kind: pk.EvaluationFormative,
			PeriodFrom: "2026-01-01", PeriodTo: "2026-03-31", Evaluators: "Nadia"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Evaluations.AddPoint(w.Member.Ctx, pid, e.ID, pk.PointInput{Side: "pro", Text: "Good"})
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Evaluations.OpenContinuation(w.Member.Ctx, pid, e.ID)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Evaluations.AddPoint(w.Observer.Ctx, pid, f.Evaluation.ID, pk.PointInput{Side: "pro", Text: "Good"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Evaluations.AddPoint(w.Member.Ctx, pid, f.Evaluation.ID, pk.PointInput{Side: "maybe", Text: "Good"})
		wantField(t, err, "side")
		con, err := db.Evaluations.AddPoint(c, pid, f.Evaluation.ID, pk.PointInput{Side: "con", Text: "Two members carry most of the work."})
		if err != nil {
			t.Fatal(err)
		}
		err = db.Evaluations.DeletePoint(w.Member.Ctx, pid, f.Evaluation.ID, con.ID, con.Version)
		wantCode(t, err, pk.EFORBIDDEN)
		if err := db.Evaluations.DeletePoint(w.Member.Ctx, pid, f.Evaluation.ID, f.Point.ID, f.Point.Version); err != nil {
			t.Fatalf("member takes back their own: %v", err)
		}
		if err := db.Evaluations.DeletePoint(c, pid, f.Evaluation.ID, con.ID, con.Version); err != nil {
			t.Fatal(err)
		}
		page, err := db.Evaluations.Evaluation(c, pid, f.Evaluation.ID)
		if err != nil || len(page.Points) != 0 {
			t.Fatalf("points left: %v %+v", err, page.Points)
		}
	})
}

// The continuation question is decided through a real proposal of the
// decisions module: it goes to the body the charter gives agreement
// changes (two-thirds, by organisation), its background lists the pros and
// cons, and when it closes the evaluation records the outcome. A rejected
// proposal leaves the question open for another.
func TestContinuationDecidedThroughProposal(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, f, g := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Evaluations(), w.Governance()
		if _, err := db.Evaluations.AddPoint(w.Member.Ctx, pid, f.Evaluation.ID, pk.PointInput{Side: "con", Text: "Funding ends in June."}); err != nil {
			t.Fatal(err)
		}
		closes := w.Clock.Now().Add(72 * time.Hour)
		in := pk.ContinuationProposalInput{Direction: pk.DirectionContinue, Title: "Continue for two more years",
			Text: "We continue as we are.", ClosesAt: closes}
		_, err := db.Evaluations.ProposeContinuation(w.Member.Ctx, pid, f.Evaluation.ID, in)
		wantCode(t, err, pk.EFORBIDDEN)
		bad := in
		bad.Direction = "pause"
		_, err = db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, bad)
		wantField(t, err, "direction")
		bad = in
		bad.Text = ""
		_, err = db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, bad)
		wantField(t, err, "text")
		if page, _ := db.Evaluations.Evaluation(c, pid, f.Evaluation.ID); len(page.Proposals) != 0 || page.Evaluation.Continuation != pk.ContinuationOpen {
			t.Fatalf("a refused proposal left a trace: %+v", page)
		}

		p, err := db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if p.BodyID != g.Committee.ID || p.Area != pk.AreaAgreementChanges || p.Method != pk.MethodTwoThirds || p.Unit != pk.UnitOrganisation ||
			!strings.Contains(p.Background, "+ We reach families") || !strings.Contains(p.Background, "− Funding ends") {
			t.Fatalf("proposal: %+v", p)
		}
		_, err = db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, in)
		wantCode(t, err, pk.ECONFLICT)
		page, err := db.Evaluations.Evaluation(w.Observer.Ctx, pid, f.Evaluation.ID)
		if err != nil || page.Evaluation.Continuation != pk.ContinuationProposed || page.Evaluation.ProposalID != p.ID ||
			page.Evaluation.Direction != pk.DirectionContinue || len(page.Proposals) != 1 {
			t.Fatalf("proposed: %v %+v", err, page.Evaluation)
		}
		// The member organisation votes against; the proposal is rejected
		// and the question is open again.
		if _, err := db.Decisions.CastBallot(w.Member.Ctx, pid, p.ID, pk.BallotInput{Choice: "no", OrganisationID: w.MemberOrg.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decisions.CloseProposal(c, pid, p.ID, pk.ChairInput{}); err != nil {
			t.Fatal(err)
		}
		page, _ = db.Evaluations.Evaluation(c, pid, f.Evaluation.ID)
		if e := page.Evaluation; e.Continuation != pk.ContinuationOpen || e.Outcome != "" || e.ProposalOutcome != "rejected" {
			t.Fatalf("after rejection: %+v", e)
		}

		// A second proposal, to close, passes when its time is up: read
		// after the close time, the evaluation records the decision.
		in.Direction, in.Title, in.Text = pk.DirectionClose, "Close the partnership well", "We close by December and hand on what we built."
		p2, err := db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decisions.CastBallot(w.Member.Ctx, pid, p2.ID, pk.BallotInput{Choice: "yes", OrganisationID: w.MemberOrg.ID}); err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(73 * time.Hour)
		page, err = db.Evaluations.Evaluation(w.Observer.Ctx, pid, f.Evaluation.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e := page.Evaluation; e.Continuation != pk.ContinuationDecided || e.Outcome != pk.DirectionClose || e.ProposalID != p2.ID ||
			e.ProposalOutcome != "passed" || e.DecidedOn == "" || len(page.Proposals) != 2 {
			t.Fatalf("after the vote: %+v %+v", e, page.Proposals)
		}
		_, err = db.Evaluations.ProposeContinuation(c, pid, f.Evaluation.ID, in)
		wantCode(t, err, pk.ECONFLICT)
		entries, _, _ := db.Partnerships.Audit(c, pid, pk.PageRequest{Limit: 20})
		found := false
		for _, a := range entries {
			found = found || a.Action == "evaluation.continuation_decided"
		}
		if !found {
			t.Error("no audit entry for the recorded decision")
		}
	})
}

// Without an area the continuation question may go to, it is refused
// with a message, and nothing is brought.
func TestContinuationNeedsAnArea(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, f := w.DB, w.Outsider.Ctx, w.Evaluations()
		_ = f
		e, err := db.Evaluations.CreateEvaluation(c, w.Other.ID, pk.EvaluationInput{Title: "First look", Kind: pk.EvaluationFormative,
			PeriodFrom: "2026-01-01", PeriodTo: "2026-03-31", Evaluators: "Me"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Evaluations.OpenContinuation(c, w.Other.ID, e.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.Evaluations.ProposeContinuation(c, w.Other.ID, e.ID, pk.ContinuationProposalInput{Direction: "continue", Title: "Go on",
			Text: "Go on.", ClosesAt: w.Clock.Now().Add(time.Hour)})
		wantField(t, err, "direction")
	})
}

// Closure items become tasks of a closure plan made the first time (under
// a new goal of the same title), given to the item's person and
// organisation; items added later join the same plan. A change becomes a
// task of the plan chosen.
func TestClosureItemsBecomeTasks(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, f := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Evaluations()
		_, err := db.Evaluations.AddClosureItem(c, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "contacts", What: "Hand the volunteers' list on",
			Due: "2026-10-01"})
		wantField(t, err, "organisation_id")
		_, err = db.Evaluations.AddClosureItem(c, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "contacts", What: "Hand the list on",
			PersonID: w.Outsider.ID, Due: "2026-10-01"})
		wantField(t, err, "person_id")
		_, err = db.Evaluations.AddClosureItem(w.Member.Ctx, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "contacts", What: "Hand the list on",
			PersonID: w.Member.ID, Due: "2026-10-01"})
		wantCode(t, err, pk.EFORBIDDEN)
		item, err := db.Evaluations.AddClosureItem(c, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "involvement",
			What: "The youth council keeps the Saturday homework club going", PersonID: w.Member.ID, OrganisationID: w.MemberOrg.ID, Due: "2026-11-15"})
		if err != nil || item.PersonName == "" || item.OrganisationName == "" {
			t.Fatalf("item: %v %+v", err, item)
		}
		_, err = db.Evaluations.ClosureTasks(c, pid, f.Evaluation.ID, pk.ClosurePlanInput{})
		wantField(t, err, "title")
		_, err = db.Evaluations.ClosureTasks(c, pid, f.Evaluation.ID, pk.ClosurePlanInput{GoalID: "no-such-goal", Title: "Closing well"})
		wantField(t, err, "goal_id")
		page, err := db.Evaluations.ClosureTasks(c, pid, f.Evaluation.ID, pk.ClosurePlanInput{Title: "Closing well"})
		if err != nil {
			t.Fatal(err)
		}
		plid := page.Evaluation.ClosurePlanID
		if plid == "" || len(page.ClosureItems) != 2 {
			t.Fatalf("closure plan: %+v", page)
		}
		plan, err := db.Plans.Plan(w.Observer.Ctx, pid, plid)
		if err != nil || plan.Title != "Closing well" || plan.GoalTitle != "Closing well" {
			t.Fatalf("plan: %v %+v", err, plan)
		}
		for _, it := range page.ClosureItems {
			if it.TaskID == "" || it.TaskStatus != pk.TaskTodo {
				t.Fatalf("item without its task: %+v", it)
			}
			task, err := db.Tasks.Task(c, pid, it.TaskID)
			if err != nil || task.PlanID != plid || task.Due != it.Due || task.OrganisationID != it.OrganisationID || task.AssigneeID != it.PersonID ||
				task.Title != it.What {
				t.Fatalf("task: %v %+v for %+v", err, task, it)
			}
		}
		_, err = db.Evaluations.ClosureTasks(c, pid, f.Evaluation.ID, pk.ClosurePlanInput{Title: "Closing well"})
		wantCode(t, err, pk.ECONFLICT)
		more, err := db.Evaluations.AddClosureItem(c, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "knowledge",
			What: "Export the archive and give it to the city library", OrganisationID: w.MemberOrg.ID, Due: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		page, err = db.Evaluations.ClosureTasks(c, pid, f.Evaluation.ID, pk.ClosurePlanInput{})
		if err != nil || page.Evaluation.ClosurePlanID != plid {
			t.Fatalf("second round: %v %+v", err, page)
		}
		for _, it := range page.ClosureItems {
			if it.ID == more.ID {
				if task, err := db.Tasks.Task(c, pid, it.TaskID); err != nil || task.PlanID != plid {
					t.Fatalf("later item's task: %v %+v", err, task)
				}
			}
		}
		// Deleting an item leaves its task in the plan.
		if err := db.Evaluations.DeleteClosureItem(c, pid, f.Evaluation.ID, item.ID); err != nil {
			t.Fatal(err)
		}
		tasks, _, err := db.Tasks.Tasks(c, pid, pk.TaskFilter{PlanID: plid}, pk.PageRequest{Limit: 50})
		if err != nil || len(tasks) != 3 {
			t.Fatalf("tasks of the closure plan: %v %d", err, len(tasks))
		}

		// A change becomes a task of the plan chosen, once.
		_, err = db.Evaluations.ChangeToTask(c, pid, f.Evaluation.ID, f.Change.ID, pk.ChangeTaskInput{PlanID: "no-such-plan"})
		wantField(t, err, "plan_id")
		_, err = db.Evaluations.ChangeToTask(c, pid, f.Evaluation.ID, f.Change.ID, pk.ChangeTaskInput{PlanID: w.Plans().Plan.ID,
			AssigneeID: w.Outsider.ID})
		wantField(t, err, "assignee_id")
		ch, err := db.Evaluations.ChangeToTask(c, pid, f.Evaluation.ID, f.Change.ID, pk.ChangeTaskInput{PlanID: w.Plans().Plan.ID,
			AssigneeID: w.Member.ID, Due: "2026-07-31"})
		if err != nil || ch.TaskID == "" || ch.PlanID != w.Plans().Plan.ID {
			t.Fatalf("change task: %v %+v", err, ch)
		}
		_, err = db.Evaluations.ChangeToTask(c, pid, f.Evaluation.ID, f.Change.ID, pk.ChangeTaskInput{PlanID: w.Plans().Plan.ID})
		wantCode(t, err, pk.ECONFLICT)
	})
}
