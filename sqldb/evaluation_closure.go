package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const closureSelect = `
	SELECT ci.id, ci.kind, ci.what, COALESCE(ci.organisation_id, ''), COALESCE(o.name, ''), COALESCE(ci.person_id, ''),
		COALESCE(u.name, ''), ci.due_date, COALESCE(ci.task_id, ''), COALESCE(t.status, ''), ci.created_at
	FROM closure_items ci
	LEFT JOIN organisations o ON o.id = ci.organisation_id
	LEFT JOIN users u ON u.id = ci.person_id
	LEFT JOIN tasks t ON t.id = ci.task_id `

func scanClosureItem(row rowScanner) (*pk.ClosureItem, error) {
	c := &pk.ClosureItem{}
	return c, row.Scan(&c.ID, &c.Kind, &c.What, &c.OrganisationID, &c.OrganisationName, &c.PersonID, &c.PersonName, &c.Due, &c.TaskID,
		&c.TaskStatus, ts(&c.CreatedAt))
}

func loadClosureItem(ctx context.Context, q queryer, evid, ciid string) (*pk.ClosureItem, error) {
	out, err := scanClosureItem(q.QueryRowContext(ctx, closureSelect+`WHERE ci.id = $1 AND ci.evaluation_id = $2`, ciid, evid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return out, err
}

func closureAudit(c *pk.ClosureItem) map[string]any {
	return map[string]any{"id": c.ID, "kind": c.Kind, "what": c.What, "organisation_id": c.OrganisationID, "person_id": c.PersonID,
		"due": c.Due, "task_id": c.TaskID}
}

// AddClosureItem adds an item to the closure plan: what is kept in the
// community, who answers for it and by when. The plan may be prepared
// before any decision to close.
func (store *EvaluationStore) AddClosureItem(ctx context.Context, pid, evid string, in pk.ClosureItemInput) (*pk.ClosureItem, error) {
	var out *pk.ClosureItem
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		if err := in.Validate(); err != nil {
			return err
		}
		// The same checks a task makes, as the item becomes one.
		if err := checkTaskLinks(ctx, tx, pid, tacticSight{}, &pk.TaskInput{AssigneeID: in.PersonID, OrganisationID: in.OrganisationID}); err != nil {
			return renameErrField(err, "assignee_id", "person_id")
		}
		if n, err := countOf(ctx, tx, "closure_items", evid); err != nil {
			return err
		} else if n >= pk.MaxClosureItems {
			return pk.FieldInvalid("what", "evaluation.validation.too_many", map[string]any{"Max": pk.MaxClosureItems})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO closure_items (id, partnership_id, evaluation_id, kind, what, organisation_id, person_id,
			due_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			id, pid, evid, in.Kind, in.What, nullString(in.OrganisationID), nullString(in.PersonID), in.Due, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadClosureItem(ctx, tx, evid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.closure_add", "evaluation", evid, e.Title+": "+out.What, nil, closureAudit(out))
	})
	return out, err
}

// renameErrField gives a field error the name the caller's form uses.
func renameErrField(err error, from, to string) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	for i := range e.Fields {
		if e.Fields[i].Field == from {
			e.Fields[i].Field = to
		}
	}
	return e
}

// DeleteClosureItem removes an item (its task, if any, stays in its plan).
func (store *EvaluationStore) DeleteClosureItem(ctx context.Context, pid, evid, ciid string) error {
	return store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		before, err := loadClosureItem(ctx, tx, evid, ciid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM closure_items WHERE id = $1`, ciid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.closure_delete", "evaluation", evid, e.Title+": "+before.What, closureAudit(before), nil)
	})
}

// ClosureTasks turns every closure item without a task into a task of the
// evaluation's closure plan (created the first time, or an existing plan
// chosen), given to the item's person and organisation, due when the item
// is. All or nothing: an item whose person has left is reported, and no
// task is made.
func (store *EvaluationStore) ClosureTasks(ctx context.Context, pid, evid string, in pk.ClosurePlanInput) (*pk.EvaluationPage, error) {
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, part *pk.Partnership, e *pk.Evaluation) error {
		// The lengths first; whether a title is needed depends on the plan.
		if err := (&pk.ClosurePlanInput{PlanID: "-", GoalID: in.GoalID, Title: in.Title}).Validate(); err != nil {
			return err
		}
		items, err := collect(scanClosureItem)(tx.QueryContext(ctx, closureSelect+`WHERE ci.evaluation_id = $1 AND ci.task_id IS NULL
			ORDER BY ci.due_date, ci.id LIMIT $2`, evid, pk.MaxClosureItems))
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.no_items", nil)
		}
		plan, err := tx.closurePlan(ctx, pid, e, in)
		if err != nil {
			return err
		}
		made := []string{}
		for _, it := range items {
			tid, err := tx.evaluationTask(ctx, part, plan, pk.TaskInput{PlanID: plan.ID, Title: clip(it.What, 300), Notes: e.Title,
				AssigneeID: it.PersonID, OrganisationID: it.OrganisationID, Due: it.Due})
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE closure_items SET task_id = $2 WHERE id = $1`, it.ID, tid); err != nil {
				return err
			}
			made = append(made, tid)
		}
		return tx.audit(ctx, pid, "evaluation.closure_tasks", "evaluation", evid, e.Title, nil,
			map[string]any{"plan_id": plan.ID, "task_ids": made})
	})
	if err != nil {
		return nil, err
	}
	return evaluationPage(ctx, store.db.read, pid, evid)
}

// closurePlan is the plan the closure items become tasks in: the
// evaluation's own once it has one; else the plan chosen; else a new plan
// under the goal chosen, or under a new goal of the same title.
func (tx *Tx) closurePlan(ctx context.Context, pid string, e *pk.Evaluation, in pk.ClosurePlanInput) (*pk.Plan, error) {
	if e.ClosurePlanID != "" {
		return loadPlan(ctx, tx.db, tx, pid, e.ClosurePlanID)
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var plid string
	now, uid := fmtTime(tx.now), nullString(pk.UserIDFromContext(ctx))
	switch {
	case in.PlanID != "":
		if _, err := loadPlan(ctx, tx.db, tx, pid, in.PlanID); pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil, pk.FieldInvalid("plan_id", "plans.validation.unknown_plan", nil)
		} else if err != nil {
			return nil, err
		}
		plid = in.PlanID
	default:
		gid := in.GoalID
		if gid != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM goals WHERE id = $1 AND partnership_id = $2`, gid, pid).Scan(&n); err != nil {
				return nil, err
			} else if n == 0 {
				return nil, pk.FieldInvalid("goal_id", "evaluation.validation.unknown_goal", nil)
			}
		} else {
			gid = newID()
			if _, err := tx.ExecContext(ctx, `INSERT INTO goals (id, partnership_id, kind, title, status, created_by, created_at, updated_at)
				VALUES ($1, $2, $3, $4, 'active', $5, $6, $6)`, gid, pid, pk.GoalSpecific, in.Title, uid, now); err != nil {
				return nil, err
			}
			if err := tx.audit(ctx, pid, "goal.create", "goal", gid, in.Title, nil, map[string]any{"id": gid, "title": in.Title,
				"evaluation_id": e.ID}); err != nil {
				return nil, err
			}
		}
		plid = newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plans (id, partnership_id, goal_id, title, status, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, 'active', $5, $6, $6)`, plid, pid, gid, in.Title, uid, now); err != nil {
			return nil, err
		}
		if err := tx.audit(ctx, pid, "plan.create", "plan", plid, in.Title, nil, map[string]any{"id": plid, "goal_id": gid,
			"title": in.Title, "evaluation_id": e.ID}); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET closure_plan_id = $2, updated_at = $3, version = version + 1 WHERE id = $1`,
		e.ID, plid, now); err != nil {
		return nil, err
	}
	return loadPlan(ctx, tx.db, tx, pid, plid)
}

// evaluationTask adds a task to a plan for an evaluation, with the checks
// and audit entry of the plans module's own tasks.
func (tx *Tx) evaluationTask(ctx context.Context, part *pk.Partnership, plan *pk.Plan, in pk.TaskInput) (string, error) {
	if err := in.Validate(); err != nil {
		return "", err
	}
	sight := sightOf(part.MyRole)
	if err := checkTaskLinks(ctx, tx, part.ID, sight, &in); err != nil {
		return "", err
	}
	if n, err := countRows(ctx, tx, "tasks", plan.ID); err != nil {
		return "", err
	} else if n >= pk.MaxPlanTasks {
		return "", pk.FieldInvalid("plan_id", "plans.validation.too_many_parts", map[string]any{"Max": pk.MaxPlanTasks})
	}
	id, now := newID(), fmtTime(tx.now)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO tasks (id, partnership_id, plan_id, title, notes, assignee_id, organisation_id, due_date, status, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
		id, part.ID, plan.ID, in.Title, in.Notes, nullString(in.AssigneeID), nullString(in.OrganisationID), in.Due, in.Status,
		nullString(pk.UserIDFromContext(ctx)), now); err != nil {
		return "", err
	}
	t, err := loadTask(ctx, tx.db, tx, part.ID, id, sight)
	if err != nil {
		return "", err
	}
	return id, tx.audit(ctx, part.ID, "task.create", "task", id, plan.Title+": "+t.Title, nil, taskAudit(t))
}
