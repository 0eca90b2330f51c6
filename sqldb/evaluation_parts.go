package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const questionSelect = `
	SELECT q.id, q.topic, q.question_key, q.text, q.finding, q.evidence, COALESCE(u.name, ''), q.position, q.version, q.updated_at
	FROM evaluation_questions q LEFT JOIN users u ON u.id = q.found_by `

func scanQuestion(row rowScanner) (*pk.EvaluationQuestion, error) {
	q := &pk.EvaluationQuestion{}
	var evidence, key string
	if err := row.Scan(&q.ID, &q.Topic, &key, &q.Text, &q.Finding, &evidence, &q.FoundBy, &q.Position, &q.Version,
		ts(&q.UpdatedAt)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(evidence), &q.Evidence); err != nil {
		return nil, err
	}
	if q.Evidence == nil {
		q.Evidence = []string{}
	}
	if key != "" {
		q.Text, q.Default = key, true
	}
	return q, nil
}

func loadQuestion(ctx context.Context, q queryer, evid, qid string) (*pk.EvaluationQuestion, error) {
	out, err := scanQuestion(q.QueryRowContext(ctx, questionSelect+`WHERE q.id = $1 AND q.evaluation_id = $2`, qid, evid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return out, err
}

// questionSummary names a question by its text (a default one by its
// catalogue key).
func questionSummary(e *pk.Evaluation, q *pk.EvaluationQuestion) string {
	return e.Title + ": " + q.Text
}

// editEvaluation is the frame of every write to an evaluation's parts:
// authorize, load the evaluation (so another partnership's IDs are
// ENOTFOUND), then the change with its audit entry.
func (store *EvaluationStore) editEvaluation(ctx context.Context, pid, evid string, action pk.Action,
	fn func(tx *Tx, part *pk.Partnership, e *pk.Evaluation) error) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, action)
		if err != nil {
			return err
		}
		e, err := loadEvaluation(ctx, tx, pid, evid)
		if err != nil {
			return err
		}
		return fn(tx, part, e)
	})
}

// countOf counts an evaluation's rows in one of its tables.
func countOf(ctx context.Context, tx *Tx, table, evid string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE evaluation_id = $1`, evid).Scan(&n)
	return n, err
}

// AddQuestion adds a question at the end.
func (store *EvaluationStore) AddQuestion(ctx context.Context, pid, evid string, in pk.QuestionInput) (*pk.EvaluationQuestion, error) {
	var out *pk.EvaluationQuestion
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		if err := in.Validate(); err != nil {
			return err
		}
		n, err := countOf(ctx, tx, "evaluation_questions", evid)
		if err != nil {
			return err
		}
		if n >= pk.MaxEvaluationQuestions {
			return pk.FieldInvalid("text", "evaluation.validation.too_many", map[string]any{"Max": pk.MaxEvaluationQuestions})
		}
		var last int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) FROM evaluation_questions WHERE evaluation_id = $1`,
			evid).Scan(&last); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO evaluation_questions (id, partnership_id, evaluation_id, position, topic, text, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, pid, evid, last+1, in.Topic, in.Text, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadQuestion(ctx, tx, evid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.question_add", "evaluation", evid, questionSummary(e, out), nil,
			map[string]any{"id": id, "topic": in.Topic, "text": in.Text})
	})
	return out, err
}

// UpdateQuestion rewords a question (or moves it to another topic); a
// default question then keeps the new words, not its catalogue key.
func (store *EvaluationStore) UpdateQuestion(ctx context.Context, pid, evid, qid string, in pk.QuestionInput) (*pk.EvaluationQuestion, error) {
	var out *pk.EvaluationQuestion
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		before, err := loadQuestion(ctx, tx, evid, qid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "evaluation_questions", "id = $1 AND evaluation_id = $2", in.Version, qid, evid); err != nil {
			return err
		}
		// A default question whose words were sent back unchanged (a PATCH
		// of its topic only) stays a default one, in every language.
		key, text := "", in.Text
		if before.Default && in.Text == before.Text {
			key, text = before.Text, ""
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluation_questions SET topic = $2, text = $3, question_key = $4, updated_at = $5
			WHERE id = $1`, qid, in.Topic, text, key, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadQuestion(ctx, tx, evid, qid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.question_update", "evaluation", evid, questionSummary(e, out),
			map[string]any{"id": qid, "topic": before.Topic, "default": before.Default, "text": before.Text},
			map[string]any{"id": qid, "topic": out.Topic, "text": out.Text})
	})
	return out, err
}

// DeleteQuestion removes a question with its finding.
func (store *EvaluationStore) DeleteQuestion(ctx context.Context, pid, evid, qid string) error {
	return store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		before, err := loadQuestion(ctx, tx, evid, qid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evaluation_questions WHERE id = $1`, qid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.question_delete", "evaluation", evid, questionSummary(e, before),
			map[string]any{"id": qid, "default": before.Default, "text": before.Text, "finding": before.Finding, "evidence": before.Evidence}, nil)
	})
}

// RecordFinding writes a question's finding and evidence.
func (store *EvaluationStore) RecordFinding(ctx context.Context, pid, evid, qid string, in pk.FindingInput) (*pk.EvaluationQuestion, error) {
	var out *pk.EvaluationQuestion
	err := store.editEvaluation(ctx, pid, evid, pk.ActionAddFindings, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		before, err := loadQuestion(ctx, tx, evid, qid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "evaluation_questions", "id = $1 AND evaluation_id = $2", in.Version, qid, evid); err != nil {
			return err
		}
		evidence, _ := json.Marshal(in.Evidence)
		if _, err := tx.ExecContext(ctx, `UPDATE evaluation_questions SET finding = $2, evidence = $3, found_by = $4, updated_at = $5
			WHERE id = $1`, qid, in.Finding, string(evidence), nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadQuestion(ctx, tx, evid, qid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.finding", "evaluation", evid, questionSummary(e, out),
			map[string]any{"id": qid, "finding": before.Finding, "evidence": before.Evidence},
			map[string]any{"id": qid, "finding": out.Finding, "evidence": out.Evidence})
	})
	return out, err
}

const changeSelect = `
	SELECT c.id, c.text, COALESCE(c.task_id, ''), COALESCE(t.plan_id, ''), c.created_at
	FROM evaluation_changes c LEFT JOIN tasks t ON t.id = c.task_id `

func scanChange(row rowScanner) (*pk.EvaluationChange, error) {
	c := &pk.EvaluationChange{}
	return c, row.Scan(&c.ID, &c.Text, &c.TaskID, &c.PlanID, ts(&c.CreatedAt))
}

func loadChange(ctx context.Context, q queryer, evid, chid string) (*pk.EvaluationChange, error) {
	out, err := scanChange(q.QueryRowContext(ctx, changeSelect+`WHERE c.id = $1 AND c.evaluation_id = $2`, chid, evid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return out, err
}

// AddChange records a change made as a result of the evaluation.
func (store *EvaluationStore) AddChange(ctx context.Context, pid, evid string, in pk.ChangeInput) (*pk.EvaluationChange, error) {
	var out *pk.EvaluationChange
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if n, err := countOf(ctx, tx, "evaluation_changes", evid); err != nil {
			return err
		} else if n >= pk.MaxEvaluationChanges {
			return pk.FieldInvalid("text", "evaluation.validation.too_many", map[string]any{"Max": pk.MaxEvaluationChanges})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO evaluation_changes (id, partnership_id, evaluation_id, text, created_at)
			VALUES ($1, $2, $3, $4, $5)`, id, pid, evid, in.Text, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadChange(ctx, tx, evid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.change_add", "evaluation", evid, e.Title+": "+in.Text, nil, map[string]any{"id": id, "text": in.Text})
	})
	return out, err
}

// DeleteChange removes a change (its task, if any, stays in its plan).
func (store *EvaluationStore) DeleteChange(ctx context.Context, pid, evid, chid string) error {
	return store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		before, err := loadChange(ctx, tx, evid, chid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evaluation_changes WHERE id = $1`, chid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.change_delete", "evaluation", evid, e.Title+": "+before.Text,
			map[string]any{"id": chid, "text": before.Text, "task_id": before.TaskID}, nil)
	})
}

// ChangeToTask turns a change into a task of a plan of the partnership.
func (store *EvaluationStore) ChangeToTask(ctx context.Context, pid, evid, chid string, in pk.ChangeTaskInput) (*pk.EvaluationChange, error) {
	var out *pk.EvaluationChange
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, part *pk.Partnership, e *pk.Evaluation) error {
		c, err := loadChange(ctx, tx, evid, chid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if c.TaskID != "" {
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.has_task", nil)
		}
		plan, err := loadPlan(ctx, store.db, tx, pid, in.PlanID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return pk.FieldInvalid("plan_id", "plans.validation.unknown_plan", nil)
		} else if err != nil {
			return err
		}
		tid, err := tx.evaluationTask(ctx, part, plan, pk.TaskInput{PlanID: plan.ID, Title: clip(c.Text, 300), Notes: e.Title,
			AssigneeID: in.AssigneeID, Due: in.Due})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluation_changes SET task_id = $2 WHERE id = $1`, chid, tid); err != nil {
			return err
		}
		if out, err = loadChange(ctx, tx, evid, chid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.change_task", "evaluation", evid, e.Title+": "+c.Text, nil,
			map[string]any{"id": chid, "task_id": tid, "plan_id": plan.ID})
	})
	return out, err
}

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

const pointSelect = `
	SELECT cp.id, cp.side, cp.text, COALESCE(cp.created_by, ''), COALESCE(u.name, ''), cp.version, cp.created_at
	FROM continuation_points cp LEFT JOIN users u ON u.id = cp.created_by `

func scanPoint(row rowScanner) (*pk.ContinuationPoint, error) {
	p := &pk.ContinuationPoint{}
	return p, row.Scan(&p.ID, &p.Side, &p.Text, &p.AuthorID, &p.Author, &p.Version, ts(&p.CreatedAt))
}

// AddPoint adds a pro or a con once the continuation question is asked.
func (store *EvaluationStore) AddPoint(ctx context.Context, pid, evid string, in pk.PointInput) (*pk.ContinuationPoint, error) {
	var out *pk.ContinuationPoint
	err := store.editEvaluation(ctx, pid, evid, pk.ActionAddFindings, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if e.Continuation == "" {
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.not_asked", nil)
		}
		if n, err := countOf(ctx, tx, "continuation_points", evid); err != nil {
			return err
		} else if n >= pk.MaxContinuationPoints {
			return pk.FieldInvalid("text", "evaluation.validation.too_many", map[string]any{"Max": pk.MaxContinuationPoints})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO continuation_points (id, partnership_id, evaluation_id, side, text, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, pid, evid, in.Side, in.Text, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = scanPoint(tx.QueryRowContext(ctx, pointSelect+`WHERE cp.id = $1`, id)); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.point_add", "evaluation", evid, e.Title+": "+in.Text, nil,
			map[string]any{"id": id, "side": in.Side, "text": in.Text})
	})
	return out, err
}

// DeletePoint removes a pro or a con: its author, or a coordinator (on
// the version seen, so a double click removes nothing more).
func (store *EvaluationStore) DeletePoint(ctx context.Context, pid, evid, ptid string, version int) error {
	return store.editEvaluation(ctx, pid, evid, pk.ActionAddFindings, func(tx *Tx, part *pk.Partnership, e *pk.Evaluation) error {
		p, err := scanPoint(tx.QueryRowContext(ctx, pointSelect+`WHERE cp.id = $1 AND cp.evaluation_id = $2`, ptid, evid))
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if p.AuthorID != pk.UserIDFromContext(ctx) && !pk.Can(part.MyRole, pk.ActionManageEvaluations) {
			return pk.Errorf(pk.EFORBIDDEN, "evaluation.error.not_author", nil)
		}
		if err := tx.bumpVersion(ctx, "continuation_points", "id = $1 AND evaluation_id = $2", version, ptid, evid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM continuation_points WHERE id = $1`, ptid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.point_delete", "evaluation", evid, e.Title+": "+p.Text,
			map[string]any{"id": ptid, "side": p.Side, "text": p.Text, "author_id": p.AuthorID}, nil)
	})
}
