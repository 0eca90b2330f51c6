package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

// EvaluationStore keeps evaluations, their questions and findings, the
// changes made, the continuation question and the closure plan.
type EvaluationStore struct{ db *DB }

// evaluationSelect reads an evaluation with its body's name and its latest
// continuation proposal, the direction it proposes and that proposal's
// decided outcome.
const evaluationSelect = `
	SELECT e.id, e.title, e.kind, e.period_from, e.period_to, COALESCE(e.body_id, ''), COALESCE(b.name, ''), e.evaluators,
		e.status, e.summary, e.continuation, e.outcome, e.decided_on, COALESCE(e.closure_plan_id, ''), e.version, e.created_at,
		e.updated_at, COALESCE(cp.proposal_id, ''), COALESCE(cp.direction, ''), COALESCE(d.outcome, '')
	FROM evaluations e
	LEFT JOIN bodies b ON b.id = e.body_id
	LEFT JOIN continuation_proposals cp ON cp.proposal_id = (SELECT c2.proposal_id FROM continuation_proposals c2
		WHERE c2.evaluation_id = e.id ORDER BY c2.position DESC LIMIT 1)
	LEFT JOIN decisions d ON d.proposal_id = cp.proposal_id `

func scanEvaluation(row rowScanner) (*pk.Evaluation, error) {
	e := &pk.Evaluation{}
	err := row.Scan(&e.ID, &e.Title, &e.Kind, &e.PeriodFrom, &e.PeriodTo, &e.BodyID, &e.BodyName, &e.Evaluators, &e.Status, &e.Summary,
		&e.Continuation, &e.Outcome, &e.DecidedOn, &e.ClosurePlanID, &e.Version, ts(&e.CreatedAt), ts(&e.UpdatedAt), &e.ProposalID,
		&e.Direction, &e.ProposalOutcome)
	return e, err
}

func loadEvaluation(ctx context.Context, q queryer, pid, evid string) (*pk.Evaluation, error) {
	e, err := scanEvaluation(q.QueryRowContext(ctx, evaluationSelect+`WHERE e.id = $1 AND e.partnership_id = $2`, evid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return e, err
}

// settleProposals closes the partnership's proposals past their time, so
// that a continuation decided by the clock is recorded before it is read.
func (store *EvaluationStore) settleProposals(ctx context.Context, pid string) error {
	return (&DecisionStore{store.db}).settle(ctx, pid)
}

// Evaluations lists the partnership's evaluations, latest period first.
func (store *EvaluationStore) Evaluations(ctx context.Context, pid string) (*pk.EvaluationList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewEvaluations); err != nil {
		return nil, err
	}
	if err := store.settleProposals(ctx, pid); err != nil {
		return nil, err
	}
	out, err := collect(scanEvaluation)(store.db.read.QueryContext(ctx, evaluationSelect+`WHERE e.partnership_id = $1
		ORDER BY e.period_to DESC, e.created_at DESC, e.id LIMIT $2`, pid, pk.MaxEvaluations+1))
	if err != nil {
		return nil, err
	}
	list := &pk.EvaluationList{Items: out}
	if len(out) > pk.MaxEvaluations {
		list.Items, list.Cut = out[:pk.MaxEvaluations], true
	}
	if list.Items == nil {
		list.Items = []*pk.Evaluation{}
	}
	return list, nil
}

// Evaluation returns one evaluation with everything its page shows.
func (store *EvaluationStore) Evaluation(ctx context.Context, pid, evid string) (*pk.EvaluationPage, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewEvaluations); err != nil {
		return nil, err
	}
	if err := store.settleProposals(ctx, pid); err != nil {
		return nil, err
	}
	return evaluationPage(ctx, store.db.read, pid, evid)
}

func evaluationPage(ctx context.Context, q queryer, pid, evid string) (*pk.EvaluationPage, error) {
	e, err := loadEvaluation(ctx, q, pid, evid)
	if err != nil {
		return nil, err
	}
	page := &pk.EvaluationPage{Evaluation: e}
	if page.Questions, err = collect(scanQuestion)(q.QueryContext(ctx, questionSelect+`WHERE q.evaluation_id = $1
		ORDER BY q.position, q.id LIMIT $2`, evid, pk.MaxEvaluationQuestions)); err != nil {
		return nil, err
	}
	if page.Changes, err = collect(scanChange)(q.QueryContext(ctx, changeSelect+`WHERE c.evaluation_id = $1
		ORDER BY c.created_at, c.id LIMIT $2`, evid, pk.MaxEvaluationChanges)); err != nil {
		return nil, err
	}
	if page.Points, err = collect(scanPoint)(q.QueryContext(ctx, pointSelect+`WHERE cp.evaluation_id = $1
		ORDER BY cp.side DESC, cp.created_at, cp.id LIMIT $2`, evid, pk.MaxContinuationPoints)); err != nil {
		return nil, err
	}
	if page.ClosureItems, err = collect(scanClosureItem)(q.QueryContext(ctx, closureSelect+`WHERE ci.evaluation_id = $1
		ORDER BY ci.due_date, ci.id LIMIT $2`, evid, pk.MaxClosureItems)); err != nil {
		return nil, err
	}
	if page.Proposals, err = collect(scanContinuationProposal)(q.QueryContext(ctx, `
		SELECT cp.proposal_id, p.title, cp.direction, p.status, COALESCE(d.outcome, '')
		FROM continuation_proposals cp JOIN proposals p ON p.id = cp.proposal_id LEFT JOIN decisions d ON d.proposal_id = p.id
		WHERE cp.evaluation_id = $1 ORDER BY cp.position DESC LIMIT $2`, evid, pk.MaxProposals)); err != nil {
		return nil, err
	}
	fillEmpty(page)
	return page, nil
}

func scanContinuationProposal(row rowScanner) (pk.ContinuationProposal, error) {
	var c pk.ContinuationProposal
	return c, row.Scan(&c.ProposalID, &c.Title, &c.Direction, &c.Status, &c.Outcome)
}

// fillEmpty makes empty lists answer [] rather than null.
func fillEmpty(p *pk.EvaluationPage) {
	if p.Questions == nil {
		p.Questions = []*pk.EvaluationQuestion{}
	}
	if p.Changes == nil {
		p.Changes = []*pk.EvaluationChange{}
	}
	if p.Points == nil {
		p.Points = []*pk.ContinuationPoint{}
	}
	if p.ClosureItems == nil {
		p.ClosureItems = []*pk.ClosureItem{}
	}
	if p.Proposals == nil {
		p.Proposals = []pk.ContinuationProposal{}
	}
}

// checkEvaluationBody checks that the evaluating body is the partnership's.
func checkEvaluationBody(ctx context.Context, tx *Tx, pid, bodyID string) error {
	if bodyID == "" {
		return nil
	}
	if _, err := loadBody(ctx, tx, pid, bodyID); pk.ErrorCode(err) == pk.ENOTFOUND {
		return pk.FieldInvalid("body_id", "governance.validation.unknown_body", nil)
	} else if err != nil {
		return err
	}
	return nil
}

// evaluationAudit is what the audit log keeps of an evaluation.
func evaluationAudit(e *pk.Evaluation) map[string]any {
	return map[string]any{"id": e.ID, "title": e.Title, "kind": e.Kind, "period_from": e.PeriodFrom, "period_to": e.PeriodTo,
		"body_id": e.BodyID, "evaluators": e.Evaluators, "status": e.Status, "summary": e.Summary}
}

// CreateEvaluation opens an evaluation, with the default stage-4 questions
// when asked.
func (store *EvaluationStore) CreateEvaluation(ctx context.Context, pid string, in pk.EvaluationInput) (*pk.Evaluation, error) {
	var out *pk.Evaluation
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageEvaluations); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkEvaluationBody(ctx, tx, pid, in.BodyID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM evaluations WHERE partnership_id = $1`, pid).Scan(&n); err != nil {
			return err
		}
		if n >= pk.MaxEvaluations {
			return pk.FieldInvalid("title", "evaluation.validation.too_many", map[string]any{"Max": pk.MaxEvaluations})
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO evaluations (id, partnership_id, title, kind, period_from, period_to, body_id, evaluators, status, summary,
				created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
			id, pid, in.Title, in.Kind, in.PeriodFrom, in.PeriodTo, nullString(in.BodyID), in.Evaluators, in.Status, in.Summary,
			nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if in.DefaultQuestions {
			for i, dq := range pk.DefaultEvaluationQuestions {
				if _, err := tx.ExecContext(ctx, `
					INSERT INTO evaluation_questions (id, partnership_id, evaluation_id, position, topic, question_key, updated_at)
					VALUES ($1, $2, $3, $4, $5, $6, $7)`, newID(), pid, id, i+1, dq.Topic, dq.Key, now); err != nil {
					return err
				}
			}
		}
		var err error
		if out, err = loadEvaluation(ctx, tx, pid, id); err != nil {
			return err
		}
		after := evaluationAudit(out)
		after["default_questions"] = in.DefaultQuestions
		return tx.audit(ctx, pid, "evaluation.create", "evaluation", id, out.Title, nil, after)
	})
	return out, err
}

// UpdateEvaluation changes an evaluation's own fields.
func (store *EvaluationStore) UpdateEvaluation(ctx context.Context, pid, evid string, in pk.EvaluationInput) (*pk.Evaluation, error) {
	var out *pk.Evaluation
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageEvaluations); err != nil {
			return err
		}
		before, err := loadEvaluation(ctx, tx, pid, evid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkEvaluationBody(ctx, tx, pid, in.BodyID); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "evaluations", "id = $1 AND partnership_id = $2", in.Version, evid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET title = $2, kind = $3, period_from = $4, period_to = $5, body_id = $6,
			evaluators = $7, status = $8, summary = $9, updated_at = $10 WHERE id = $1`,
			evid, in.Title, in.Kind, in.PeriodFrom, in.PeriodTo, nullString(in.BodyID), in.Evaluators, in.Status, in.Summary,
			fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadEvaluation(ctx, tx, pid, evid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.update", "evaluation", evid, out.Title, evaluationAudit(before), evaluationAudit(out))
	})
	return out, err
}

// DeleteEvaluation removes an evaluation with its questions, changes,
// points and closure items. The proposals brought from it stay in the
// decision log and its tasks stay in their plans: they are records of
// their own.
func (store *EvaluationStore) DeleteEvaluation(ctx context.Context, pid, evid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageEvaluations); err != nil {
			return err
		}
		before, err := loadEvaluation(ctx, tx, pid, evid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "evaluations", "id = $1 AND partnership_id = $2", version, evid, pid); err != nil {
			return err
		}
		for _, table := range []string{"evaluation_questions", "evaluation_changes", "continuation_points", "continuation_proposals",
			"closure_items"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE evaluation_id = $1`, evid); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evaluations WHERE id = $1`, evid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.delete", "evaluation", evid, before.Title, evaluationAudit(before), nil)
	})
}
