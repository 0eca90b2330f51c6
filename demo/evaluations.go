package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(80, "evaluations", loadEvaluations) }

// loadEvaluations gives the coalition a formative evaluation of the last
// six months by the executive committee with two young members: findings
// with evidence on four of the stage-4 questions, one change made as a
// result, and the continuation question asked with its first pros and
// cons (nothing brought to a vote yet).
func loadEvaluations(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, jonas, leila := w.People["Amina"].Ctx, w.People["Jonas"].Ctx, w.People["Leila"].Ctx
	day := func(days int) string { return db.Now().AddDate(0, 0, days).Format("2006-01-02") }
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return err
	}
	var exec *pk.Body
	for _, b := range bodies {
		if b.Kind == pk.BodyExecutiveCommittee {
			exec = b
		}
	}
	if exec == nil {
		return fmt.Errorf("evaluations: the executive committee is missing")
	}
	e, err := db.Evaluations.CreateEvaluation(amina, pid, pk.EvaluationInput{Title: "Mid-term review of the spring hearings",
		Kind: pk.EvaluationFormative, PeriodFrom: day(-182), PeriodTo: day(-1), BodyID: exec.ID, Evaluators: "Jonas Weber, Leila Mansour",
		Status: "in_progress", DefaultQuestions: true,
		Summary: "The hearings reach more young newcomers than planned; fewer member organisations carry the work than at the start."})
	if err != nil {
		return err
	}
	page, err := db.Evaluations.Evaluation(amina, pid, e.ID)
	if err != nil {
		return err
	}
	byKey := map[string]*pk.EvaluationQuestion{}
	for _, q := range page.Questions {
		byKey[q.Text] = q
	}
	for _, f := range []struct {
		key      string
		who      context.Context
		finding  string
		evidence []string
	}{
		{"evaluation.question.outcomes", jonas, "Two hearings with the city council, 64 young people spoke; the council answered 9 of their 14 questions in writing.",
			[]string{"/p/" + pid + "/plans", "https://www.leipzig.de/jugendbeteiligung"}},
		{"evaluation.question.smart", leila, "The target of 50 young speakers was passed; the target of four districts was not (two so far).",
			[]string{"/p/" + pid + "/plans"}},
		{"evaluation.question.difficulties", leila, "Meetings in the afternoon clash with school and language courses; young members miss them.",
			[]string{"/p/" + pid + "/meetings"}},
		{"evaluation.question.resources", jonas, "Open Doors lent its hall twice and Diaspora Voices interpreted into Arabic and Dari: neither would have been affordable alone.", nil},
	} {
		q := byKey[f.key]
		if q == nil {
			return fmt.Errorf("evaluations: no question %s", f.key)
		}
		if _, err := db.Evaluations.RecordFinding(f.who, pid, e.ID, q.ID, pk.FindingInput{Finding: f.finding, Evidence: f.evidence,
			Version: q.Version}); err != nil {
			return err
		}
	}
	if _, err := db.Evaluations.AddChange(amina, pid, e.ID, pk.ChangeInput{
		Text: "Action group meetings move to weekday evenings at 18:00, with a video link, so that school pupils and course participants can come."}); err != nil {
		return err
	}
	if _, err := db.Evaluations.OpenContinuation(amina, pid, e.ID); err != nil {
		return err
	}
	for _, p := range []struct {
		who        context.Context
		side, text string
	}{
		{jonas, "pro", "The council now invites us before decisions on youth services."},
		{leila, "pro", "Families we met at the hearings come to the welcome desk."},
		{leila, "con", "Two organisations carry most of the tasks; the others have little time left."},
	} {
		if _, err := db.Evaluations.AddPoint(p.who, pid, e.ID, pk.PointInput{Side: p.side, Text: p.text}); err != nil {
			return err
		}
	}
	return nil
}
