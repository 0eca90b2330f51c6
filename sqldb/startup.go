package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
)

// Readiness returns the start-up checklist with everyone's current answers
// and the verdict. Observers see the counts, not who said what.
func (store *PreparationStore) Readiness(ctx context.Context, pid string) (*pk.Readiness, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT a.question_id, a.user_id, COALESCE(u.name, ''), a.answer, a.note, a.version, a.answered_at
		FROM readiness_answers a JOIN users u ON u.id = a.user_id
		WHERE a.partnership_id = $1 ORDER BY a.answered_at, a.user_id`, pid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var answers []*pk.ReadinessAnswer
	for rows.Next() {
		a := &pk.ReadinessAnswer{}
		if err := rows.Scan(&a.QuestionID, &a.UserID, &a.UserName, &a.Answer, &a.Note, &a.Version, ts(&a.AnsweredAt)); err != nil {
			return nil, err
		}
		answers = append(answers, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return buildReadiness(answers, pk.UserIDFromContext(ctx), pk.Can(p.MyRole, pk.ActionEditPreparation)), nil
}

// buildReadiness evaluates the answers and shapes the result; names (and
// notes, which may be personal) only when showNames.
func buildReadiness(answers []*pk.ReadinessAnswer, uid string, showNames bool) *pk.Readiness {
	in := make([]readiness.MemberAnswer, len(answers))
	for i, a := range answers {
		in[i] = readiness.MemberAnswer{QuestionID: a.QuestionID, UserID: a.UserID, Answer: readiness.Answer(a.Answer), Note: a.Note}
	}
	res := readiness.Evaluate(readiness.Questions, in)
	out := &pk.Readiness{Source: readiness.ChecklistSource, Status: string(res.Status), StatusHelp: res.Status.Help(),
		Reconsider: nonNilStrings(res.Reconsider), Open: nonNilStrings(res.Open), Disagreements: []pk.ReadinessDisagreement{}, NamesShown: showNames}
	for _, d := range res.Disagreements {
		out.Disagreements = append(out.Disagreements, pk.ReadinessDisagreement{QuestionID: d.QuestionID, Tally: d.Tally})
	}
	for _, q := range res.Questions {
		x := &pk.ReadinessQuestion{ID: q.Question.ID, Message: q.Question.Message, Help: q.Question.Help, Combined: string(q.Combined),
			Tally: q.Tally, Answers: []*pk.ReadinessAnswer{}}
		for _, a := range answers {
			if a.QuestionID != x.ID {
				continue
			}
			if a.UserID == uid {
				x.Mine = a
			}
			if showNames {
				x.Answers = append(x.Answers, a)
			}
		}
		out.Questions = append(out.Questions, x)
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// AnswerReadiness records the asking member's answer to one question,
// replacing their earlier answer (the date says when they last changed it).
func (store *PreparationStore) AnswerReadiness(ctx context.Context, pid string, in pk.ReadinessInput) (*pk.ReadinessAnswer, error) {
	var a *pk.ReadinessAnswer
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		var err error
		a, err = answerReadiness(ctx, tx, pid, in)
		return err
	})
	return a, err
}

// AnswerReadinessAll records several answers of the asking member at once,
// all or none: a problem with any answer is reported as a field named
// answer_<question> or note_<question>, and nothing is saved.
func (store *PreparationStore) AnswerReadinessAll(ctx context.Context, pid string, ins []pk.ReadinessInput) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		var fields []pk.FieldError
		for i := range ins {
			if e, ok := pk.AsError(ins[i].Validate()); ok {
				for _, f := range e.Fields {
					f.Field += "_" + ins[i].QuestionID
					fields = append(fields, f)
				}
			}
		}
		if len(fields) > 0 {
			return pk.Invalid(fields...)
		}
		for _, in := range ins {
			if _, err := answerReadiness(ctx, tx, pid, in); err != nil {
				return err
			}
		}
		return nil
	})
}

// answerReadiness writes one validated answer in tx, with its audit entry.
func answerReadiness(ctx context.Context, tx *Tx, pid string, in pk.ReadinessInput) (*pk.ReadinessAnswer, error) {
	var a *pk.ReadinessAnswer
	err := func() error {
		u := pk.UserFromContext(ctx)
		a = &pk.ReadinessAnswer{QuestionID: in.QuestionID, UserID: u.ID, UserName: u.Name, Answer: in.Answer, Note: in.Note, Version: 1, AnsweredAt: tx.now}
		var before pk.ReadinessAnswer
		err := tx.QueryRowContext(ctx, `SELECT answer, note, version FROM readiness_answers WHERE partnership_id = $1 AND question_id = $2 AND user_id = $3`,
			pid, in.QuestionID, u.ID).Scan(&before.Answer, &before.Note, &before.Version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO readiness_answers (partnership_id, question_id, user_id, answer, note, answered_at) VALUES ($1, $2, $3, $4, $5, $6)`,
				pid, in.QuestionID, u.ID, in.Answer, in.Note, fmtTime(tx.now)); err != nil {
				return err
			}
			return tx.audit(ctx, pid, "readiness.answer", "readiness", in.QuestionID, in.QuestionID+": "+in.Answer, nil, a)
		case err != nil:
			return err
		}
		a.Version = before.Version + 1
		if _, err := tx.ExecContext(ctx, `
			UPDATE readiness_answers SET answer = $1, note = $2, version = version + 1, answered_at = $3
			WHERE partnership_id = $4 AND question_id = $5 AND user_id = $6`,
			in.Answer, in.Note, fmtTime(tx.now), pid, in.QuestionID, u.ID); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "readiness.answer", "readiness", in.QuestionID, in.QuestionID+": "+in.Answer,
			map[string]string{"answer": before.Answer, "note": before.Note}, map[string]string{"answer": in.Answer, "note": in.Note})
	}()
	return a, err
}
