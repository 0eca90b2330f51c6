package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestReadinessChecklist(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		// The fixture: the member said yes to complex_issue; all else open.
		r, err := db.Preparation.Readiness(w.Coordinator.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != "find_out" || len(r.Open) != 6 || r.Questions[0].Combined != "yes" || len(r.Questions[0].Answers) != 1 {
			t.Fatalf("initial: %+v", r)
		}
		// Everyone says yes to everything: ready.
		for _, p := range []*sqldbtest.Person{w.Coordinator, w.Member} {
			for _, q := range pk.ReadinessQuestionIDs() {
				if _, err := db.Preparation.AnswerReadiness(p.Ctx, pid, pk.ReadinessInput{QuestionID: q, Answer: "yes"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if r, _ = db.Preparation.Readiness(w.Member.Ctx, pid); r.Status != "ready" {
			t.Fatalf("want ready: %+v", r)
		}
		// The member changes their mind: one current answer, a later date.
		w.Clock.Advance(24 * time.Hour)
		a, err := db.Preparation.AnswerReadiness(w.Member.Ctx, pid, pk.ReadinessInput{QuestionID: "shared_resources", Answer: "no", Note: "  We have no money to share.  "})
		if err != nil || a.Version != 2 || a.Note != "We have no money to share." {
			t.Fatalf("%+v %v", a, err)
		}
		r, _ = db.Preparation.Readiness(w.Coordinator.Ctx, pid)
		if r.Status != "reconsider" || len(r.Reconsider) != 1 || r.Reconsider[0] != "shared_resources" {
			t.Fatalf("want reconsider shared_resources: %+v", r)
		}
		if len(r.Disagreements) != 1 || r.Disagreements[0].Tally.Yes != 1 || r.Disagreements[0].Tally.No != 1 {
			t.Fatalf("disagreements: %+v", r.Disagreements)
		}
		var q *pk.ReadinessQuestion
		for _, x := range r.Questions {
			if x.ID == "shared_resources" {
				q = x
			}
		}
		if len(q.Answers) != 2 || q.Mine == nil || q.Mine.Answer != "yes" {
			t.Fatalf("question: %+v", q)
		}
		// Observers see the counts but not who said what, and cannot answer.
		ro, err := db.Preparation.Readiness(w.Observer.Ctx, pid)
		if err != nil || ro.NamesShown || len(ro.Questions[5].Answers) != 0 || ro.Questions[5].Tally.No != 1 {
			t.Fatalf("observer: %+v %v", ro.Questions[5], err)
		}
		_, err = db.Preparation.AnswerReadiness(w.Observer.Ctx, pid, pk.ReadinessInput{QuestionID: "service_gap", Answer: "yes"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Preparation.Readiness(w.Outsider.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Preparation.AnswerReadiness(w.Member.Ctx, pid, pk.ReadinessInput{QuestionID: "no_such", Answer: "maybe"})
		wantField(t, err, "question_id")
		wantField(t, err, "answer")
	})
}

func TestReadinessAnswersAllOrNothing(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		err := db.Preparation.AnswerReadinessAll(w.Coordinator.Ctx, pid, []pk.ReadinessInput{
			{QuestionID: "service_gap", Answer: "yes"}, {QuestionID: "shared_need", Answer: "perhaps"}})
		wantField(t, err, "answer_shared_need")
		r, _ := db.Preparation.Readiness(w.Coordinator.Ctx, pid)
		if r.Questions[1].Mine != nil {
			t.Fatal("a valid answer was saved although another one was refused")
		}
		if err := db.Preparation.AnswerReadinessAll(w.Coordinator.Ctx, pid, []pk.ReadinessInput{
			{QuestionID: "service_gap", Answer: "yes"}, {QuestionID: "shared_need", Answer: "no", Note: " later "}}); err != nil {
			t.Fatal(err)
		}
		r, _ = db.Preparation.Readiness(w.Coordinator.Ctx, pid)
		if r.Questions[1].Mine == nil || r.Questions[2].Mine.Note != "later" || r.Status != "reconsider" {
			t.Fatalf("saved: %+v %+v", r.Questions[1].Mine, r.Questions[2].Mine)
		}
		err = db.Preparation.AnswerReadinessAll(w.Observer.Ctx, pid, nil)
		wantCode(t, err, pk.EFORBIDDEN)
	})
}
