package sqldbtest

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// EvaluationFixture is what the evaluation fixtures made in a world: a
// formative evaluation by the action group with the default questions, a
// finding the member wrote on the first, a change made, the continuation
// question asked with a pro the member added, and a closure item for the
// member organisation; and a summative one whose continuation question is
// before the strategic committee.
type EvaluationFixture struct {
	Evaluation *pk.Evaluation
	Question   *pk.EvaluationQuestion
	Change     *pk.EvaluationChange
	Point      *pk.ContinuationPoint
	Closure    *pk.ClosureItem
	// Summative has its continuation question proposed (Proposal).
	Summative *pk.Evaluation
	Proposal  *pk.Proposal
}

// Evaluations returns the evaluation fixtures of a world.
func (w *World) Evaluations() *EvaluationFixture {
	f, _ := w.fixture("evaluations").(*EvaluationFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		f := &EvaluationFixture{}
		var err error
		f.Evaluation, err = db.Evaluations.CreateEvaluation(c, pid, pk.EvaluationInput{Title: "Mid-year review", Kind: pk.EvaluationFormative,
			PeriodFrom: "2026-01-01", PeriodTo: "2026-06-30", BodyID: w.Governance().Group.ID, Evaluators: "Nadia", Status: "in_progress",
			DefaultQuestions: true})
		must(t, err)
		page, err := db.Evaluations.Evaluation(c, pid, f.Evaluation.ID)
		must(t, err)
		q := page.Questions[0]
		f.Question, err = db.Evaluations.RecordFinding(w.Member.Ctx, pid, f.Evaluation.ID, q.ID, pk.FindingInput{
			Finding: "Forty families reached; the homework club runs twice a week.", Evidence: []string{"https://example.org/report"},
			Version: q.Version})
		must(t, err)
		f.Change, err = db.Evaluations.AddChange(c, pid, f.Evaluation.ID, pk.ChangeInput{Text: "Meetings move to evenings."})
		must(t, err)
		_, err = db.Evaluations.OpenContinuation(c, pid, f.Evaluation.ID)
		must(t, err)
		f.Point, err = db.Evaluations.AddPoint(w.Member.Ctx, pid, f.Evaluation.ID, pk.PointInput{Side: "pro",
			Text: "We reach families no member reaches alone."})
		must(t, err)
		f.Closure, err = db.Evaluations.AddClosureItem(c, pid, f.Evaluation.ID, pk.ClosureItemInput{Kind: "resources",
			What: "The laptops go to the homework club.", OrganisationID: w.MemberOrg.ID, Due: "2026-09-30"})
		must(t, err)
		page, err = db.Evaluations.Evaluation(c, pid, f.Evaluation.ID)
		must(t, err)
		f.Evaluation = page.Evaluation
		// The founding year's summative evaluation has its continuation
		// question before the strategic committee (closing within a day,
		// so that no reminder waits in the world's jobs).
		f.Summative, err = db.Evaluations.CreateEvaluation(c, pid, pk.EvaluationInput{Title: "Founding year", Kind: pk.EvaluationSummative,
			PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", Evaluators: "Omar, Nadia", Status: "done"})
		must(t, err)
		_, err = db.Evaluations.OpenContinuation(c, pid, f.Summative.ID)
		must(t, err)
		f.Proposal, err = db.Evaluations.ProposeContinuation(c, pid, f.Summative.ID, pk.ContinuationProposalInput{Direction: pk.DirectionContinue,
			Title: "Continue for a second year", Text: "We continue with the same members.", ClosesAt: w.Clock.Now().Add(23 * time.Hour)})
		must(t, err)
		w.setFixture("evaluations", f)
		w.Params["evid"] = f.Evaluation.ID
		w.Params["evqid"] = f.Question.ID
		w.Params["chid"] = f.Change.ID
		w.Params["ptid"] = f.Point.ID
		w.Params["ciid"] = f.Closure.ID
	})
}
