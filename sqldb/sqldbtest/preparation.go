package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// Preparation fixtures: a self-analysis contribution by the member
// ({said}), a checklist question ({qid}) the member answered, and a small
// theory of change whose activity is {stid}.
func init() {
	Extend(func(t testing.TB, w *World) {
		db, pid := w.DB, w.Partnership.ID
		e, err := db.Preparation.AddSelfAnalysis(w.Member.Ctx, pid, pk.SelfAnalysisInput{Section: "strengths", Text: "We know the young newcomers of the east side."})
		if err != nil {
			t.Fatalf("self-analysis fixture: %v", err)
		}
		w.Params["said"] = e.ID
		if _, err := db.Preparation.AnswerReadiness(w.Member.Ctx, pid, pk.ReadinessInput{QuestionID: "complex_issue", Answer: "yes"}); err != nil {
			t.Fatalf("readiness fixture: %v", err)
		}
		w.Params["qid"] = "complex_issue"
		v, err := db.Preparation.CreateChangeStatement(w.Coordinator.Ctx, pid, pk.ChangeStatementInput{Level: "vision", Then: "Young newcomers shape the city."})
		if err != nil {
			t.Fatalf("theory of change fixture: %v", err)
		}
		s, err := db.Preparation.CreateChangeStatement(w.Coordinator.Ctx, pid, pk.ChangeStatementInput{Level: "activity", If: "we run a youth panel",
			Then: "young newcomers are heard", Because: "the council listens to organised voices", Leads: []string{v.ID}})
		if err != nil {
			t.Fatalf("theory of change fixture: %v", err)
		}
		w.Params["stid"] = s.ID
	})
}
