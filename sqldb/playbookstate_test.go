package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestPlaybookDefaultAndFixtures(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		v, err := db.Playbooks.Playbook(w.Observer.Ctx, w.Partnership.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Playbook != "action_plan" || v.ChosenAt != nil || v.Current != "connect" {
			t.Errorf("playbook %s chosen %v current %s", v.Playbook, v.ChosenAt, v.Current)
		}
		s := v.Step(sqldbtest.PlaybookStep)
		if !s.Done || s.DoneByID != w.Member.ID || s.DoneBy != w.Member.Name || s.DoneAt == nil || !s.DoneAt.Equal(w.Clock.Now()) {
			t.Errorf("step %+v", s)
		}
		if v.StepsDone != 1 || v.QuestionsAnswered != 1 || len(v.Next) == 0 {
			t.Errorf("done %d answered %d next %d", v.StepsDone, v.QuestionsAnswered, len(v.Next))
		}
		a := s.Questions[0].Answers
		if len(a) != 1 || a[0].UserName != w.Member.Name || a[0].Mine || a[0].Version != 1 {
			t.Errorf("answers %+v", a)
		}
		if _, err := db.Playbooks.Playbook(w.Outsider.Ctx, w.Partnership.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
		list, err := db.Playbooks.Playbooks(w.Observer.Ctx, w.Partnership.ID)
		if err != nil || len(list) != 5 || !list[0].Current {
			t.Errorf("playbooks %v %+v", err, list)
		}
	})
}

// Switching to another playbook and back shows everything again.
func TestPlaybookSwitchLosesNothing(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, c := w.Partnership.ID, w.Coordinator.Ctx
		if _, err := db.Playbooks.SetPlaybook(w.Member.Ctx, pid, "coalition_building"); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member switch: %v", err)
		}
		_, err := db.Playbooks.SetPlaybook(c, pid, "no_such_playbook")
		wantField(t, err, "playbook")
		v, err := db.Playbooks.SetPlaybook(c, pid, "coalition_building")
		if err != nil {
			t.Fatal(err)
		}
		if v.Playbook != "coalition_building" || v.StepsDone != 0 || v.ChosenBy != w.Coordinator.Name || v.ChosenAt == nil {
			t.Fatalf("after switch: %s done %d by %q", v.Playbook, v.StepsDone, v.ChosenBy)
		}
		step := v.Stages[0].Steps[0]
		if _, err := db.Playbooks.SetStepDone(w.Member.Ctx, pid, step.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, step.Questions[0].ID, pk.PlaybookAnswerInput{Text: "The city council."}); err != nil {
			t.Fatal(err)
		}
		// A step of the other playbook is not in this one.
		if _, err := db.Playbooks.SetStepDone(w.Member.Ctx, pid, sqldbtest.PlaybookStep, false); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("foreign step: %v", err)
		}
		v, err = db.Playbooks.SetPlaybook(c, pid, "action_plan")
		if err != nil {
			t.Fatal(err)
		}
		if s := v.Step(sqldbtest.PlaybookStep); !s.Done || len(s.Questions[0].Answers) != 1 || v.StepsDone != 1 {
			t.Fatalf("action plan state lost: %+v", s)
		}
		v, err = db.Playbooks.SetPlaybook(c, pid, "coalition_building")
		if err != nil {
			t.Fatal(err)
		}
		if s := v.Step(step.ID); !s.Done || len(s.Questions[0].Answers) != 1 || s.Questions[0].Answers[0].Text != "The city council." {
			t.Fatalf("coalition building state lost: %+v", s)
		}
	})
}

func TestPlaybookStepsAndAnswers(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		if _, err := db.Playbooks.SetStepDone(w.Observer.Ctx, pid, sqldbtest.PlaybookStep, false); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer tick: %v", err)
		}
		if _, err := db.Playbooks.SetStepDone(w.Outsider.Ctx, pid, sqldbtest.PlaybookStep, false); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider tick: %v", err)
		}
		if _, err := db.Playbooks.SetStepDone(w.Member.Ctx, pid, "connect.nope", true); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("unknown step: %v", err)
		}
		// Ticking again keeps the first tick; un-ticking clears it.
		w.Clock.Advance(3600e9)
		v, err := db.Playbooks.SetStepDone(w.Coordinator.Ctx, pid, sqldbtest.PlaybookStep, true)
		if err != nil || v.Step(sqldbtest.PlaybookStep).DoneByID != w.Member.ID {
			t.Fatalf("re-tick: %v", err)
		}
		v, err = db.Playbooks.SetStepDone(w.Coordinator.Ctx, pid, sqldbtest.PlaybookStep, false)
		if err != nil || v.Step(sqldbtest.PlaybookStep).Done || v.StepsDone != 0 {
			t.Fatalf("untick: %v", err)
		}
		// Answers: one per person, several people, versions.
		q := sqldbtest.PlaybookQuestion
		_, err = db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "  "})
		wantField(t, err, "answer")
		if _, err := db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, "connect.needs.q99", pk.PlaybookAnswerInput{Text: "x"}); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("unknown question: %v", err)
		}
		_, err = db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "Changed my mind"})
		wantField(t, err, "version")
		_, err = db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "Changed my mind", Version: 7})
		wantCode(t, err, pk.ECONFLICT)
		a, err := db.Playbooks.AnswerQuestion(w.Member.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "Changed my mind", Version: 1})
		if err != nil || a.Version != 2 || a.Text != "Changed my mind" || !a.Mine {
			t.Fatalf("update: %v %+v", err, a)
		}
		if _, err := db.Playbooks.AnswerQuestion(w.Coordinator.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "We are."}); err != nil {
			t.Fatal(err)
		}
		v, err = db.Playbooks.Playbook(w.Coordinator.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		pq := v.Step(sqldbtest.PlaybookStep).Questions[0]
		if len(pq.Answers) != 2 || pq.Mine == nil || pq.Mine.Text != "We are." || pq.Answers[0].UserID != w.Member.ID {
			t.Fatalf("answers %+v", pq.Answers)
		}
		if _, err := db.Playbooks.AnswerQuestion(w.Observer.Ctx, pid, q, pk.PlaybookAnswerInput{Text: "x"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer answer: %v", err)
		}
	})
}

func TestPlaybookAdvance(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, c := w.Partnership.ID, w.Coordinator.Ctx
		if _, err := db.Playbooks.AdvanceStage(w.Member.Ctx, pid, ""); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member advance: %v", err)
		}
		v, err := db.Playbooks.AdvanceStage(c, pid, "connect")
		if err != nil {
			t.Fatal(err)
		}
		if v.Current != "begin" || len(v.History) != 1 || v.History[0].From != "connect" || v.History[0].To != "begin" ||
			v.History[0].UserName != w.Coordinator.Name || !v.History[0].At.Equal(w.Clock.Now()) {
			t.Fatalf("after advance: %s %+v", v.Current, v.History)
		}
		// A second click from a stale page does not skip a stage.
		_, err = db.Playbooks.AdvanceStage(c, pid, "connect")
		wantCode(t, err, pk.ECONFLICT)
		for v.NextStage != "" {
			if v, err = db.Playbooks.AdvanceStage(c, pid, ""); err != nil {
				t.Fatal(err)
			}
		}
		if v.Current != "monitor" || len(v.History) != 3 {
			t.Fatalf("at the end: %s %d", v.Current, len(v.History))
		}
		_, err = db.Playbooks.AdvanceStage(c, pid, "")
		wantCode(t, err, pk.ECONFLICT)
		// The stage is kept per playbook.
		if v, err = db.Playbooks.SetPlaybook(c, pid, "coalition_stages"); err != nil || len(v.History) != 0 {
			t.Fatalf("other playbook: %v", err)
		}
		if v, err = db.Playbooks.SetPlaybook(c, pid, "action_plan"); err != nil || v.Current != "monitor" {
			t.Fatalf("back: %v %s", err, v.Current)
		}
		es, _, err := db.Partnerships.Audit(c, pid, pk.PageRequest{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range es {
			if e.Action == "playbook.advance" {
				n++
			}
		}
		if n != 3 {
			t.Errorf("%d advance entries in the audit log", n)
		}
	})
}

// The playbook is kept under the data version: every kind of playbook
// write shows on the next read, so does renaming someone it names who has
// left the partnership, and each reader gets their own answers marked and
// their own copy to change.
func TestPlaybookKeptFollowsWrites(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		read := func(u *sqldbtest.Person) *pk.PlaybookView {
			t.Helper()
			v, err := db.Playbooks.Playbook(u.Ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		answers := func(v *pk.PlaybookView) []*pk.PlaybookAnswer {
			return v.Step(sqldbtest.PlaybookStep).Questions[0].Answers
		}
		if a := answers(read(w.Member)); len(a) != 1 || !a[0].Mine {
			t.Fatalf("the member's answer is not theirs: %+v", a)
		}
		v := read(w.Observer)
		if a := answers(v); len(a) != 1 || a[0].Mine {
			t.Fatalf("the member's answer marked the observer's: %+v", a)
		}
		answers(v)[0].Text = "changed by a caller"
		if a := answers(read(w.Observer)); a[0].Text == "changed by a caller" {
			t.Fatal("a caller's change reached the next reader")
		}

		const step = "connect.self_analysis"
		if _, err := db.Playbooks.SetStepDone(c, pid, step, true); err != nil {
			t.Fatal(err)
		}
		if s := read(w.Observer).Step(step); s == nil || !s.Done || s.DoneBy != w.Coordinator.Name {
			t.Fatalf("a ticked step: %+v", s)
		}
		if _, err := db.Playbooks.AnswerQuestion(c, pid, sqldbtest.PlaybookQuestion, pk.PlaybookAnswerInput{Text: "We are."}); err != nil {
			t.Fatal(err)
		}
		if a := answers(read(w.Observer)); len(a) != 2 {
			t.Fatalf("a new answer: %d answers", len(a))
		}
		if _, err := db.Playbooks.AdvanceStage(c, pid, "connect"); err != nil {
			t.Fatal(err)
		}
		if v := read(w.Observer); v.Current != "begin" || len(v.History) != 1 {
			t.Fatalf("an advance: at %s, %d moves", v.Current, len(v.History))
		}

		// The member who answered leaves; renaming them still shows.
		raw := sqldb.WriteForTest(db)
		if _, err := raw.ExecContext(c, `DELETE FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, w.Member.ID); err != nil {
			t.Fatal(err)
		}
		read(w.Observer)
		if _, err := raw.ExecContext(c, `UPDATE users SET name = 'Renamed Former Member' WHERE id = $1`, w.Member.ID); err != nil {
			t.Fatal(err)
		}
		for _, a := range answers(read(w.Observer)) {
			if a.UserID == w.Member.ID && a.UserName != "Renamed Former Member" {
				t.Fatalf("a former member renamed: %q", a.UserName)
			}
		}

		if _, err := db.Playbooks.SetPlaybook(c, pid, "coalition_building"); err != nil {
			t.Fatal(err)
		}
		if v := read(w.Observer); v.Playbook != "coalition_building" || v.ChosenBy != w.Coordinator.Name {
			t.Fatalf("another playbook chosen: %s by %q", v.Playbook, v.ChosenBy)
		}
	})
}
