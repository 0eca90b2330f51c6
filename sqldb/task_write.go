package sqldb

import (
	"context"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// checkTaskLinks checks that the person is in the partnership, the
// organisation one of its members, the tactic one of its maps' (about an
// actor the asker may see), and the action item one of its meetings'.
func checkTaskLinks(ctx context.Context, tx *Tx, pid string, sight tacticSight, in *pk.TaskInput) error {
	var v pk.Validator
	if in.AssigneeID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`,
			pid, in.AssigneeID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("assignee_id", "validation.not_a_member", nil)
		}
	}
	if in.OrganisationID != "" {
		if ok, err := memberOrganisation(ctx, tx, pid, in.OrganisationID); err != nil {
			return err
		} else if !ok {
			v.Add("organisation_id", "plans.validation.not_member_organisation", nil)
		}
	}
	if in.TacticID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tactics tc JOIN actors a ON a.id = tc.actor_id JOIN maps m ON m.id = tc.map_id
			WHERE tc.id = $1 AND tc.partnership_id = $2 AND ($3 OR NOT a.sensitive) AND ($4 OR m.shared)`,
			in.TacticID, pid, sight.sensitive, sight.allMaps).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("tactic_id", "plans.validation.unknown_tactic", nil)
		}
	}
	if in.ActionItemID != "" {
		ok, err := actionItemExists(ctx, tx, pid, in.ActionItemID)
		if err != nil {
			return err
		}
		if !ok {
			v.Add("action_item_id", "plans.validation.unknown_action_item", nil)
		}
	}
	return v.Err()
}

// actionItemExists reports whether id is an action item of a meeting of
// the partnership (everyone in it sees action items).
func actionItemExists(ctx context.Context, tx *Tx, pid, id string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting_action_items WHERE id = $1 AND partnership_id = $2`, id, pid).Scan(&n)
	return n > 0, err
}

// CreateTask adds a task to a plan: coordinators and the plan's conveners.
func (store *TaskStore) CreateTask(ctx context.Context, pid string, in pk.TaskInput) (*pk.Task, error) {
	var out *pk.Task
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionManagePlan)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		plan, err := store.taskPlan(ctx, tx, part, pid, in.PlanID)
		if err != nil {
			return err
		}
		sight := sightOf(part.MyRole)
		if err := checkTaskLinks(ctx, tx, pid, sight, &in); err != nil {
			return err
		}
		if n, err := countRows(ctx, tx, "tasks", plan.ID); err != nil {
			return err
		} else if n >= pk.MaxPlanTasks {
			return pk.FieldInvalid("plan_id", "plans.validation.too_many_parts", map[string]any{"Max": pk.MaxPlanTasks})
		}
		id, now := newID(), fmtTime(tx.now)
		var doneAt any
		if in.Status == pk.TaskDone {
			doneAt = now
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO tasks (id, partnership_id, plan_id, title, notes, assignee_id, organisation_id, due_date, status, tactic_id,
				action_item_id, done_at, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
			id, pid, plan.ID, in.Title, in.Notes, nullString(in.AssigneeID), nullString(in.OrganisationID), in.Due, in.Status,
			nullString(in.TacticID), nullString(in.ActionItemID), doneAt, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if out, err = loadTask(ctx, store.db, tx, pid, id, sight); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "task.create", "task", id, plan.Title+": "+out.Title, nil, taskAudit(out))
	})
	return out, err
}

// taskPlan loads the plan a task is in and checks the asker manages it; an
// unknown plan is a field error (the plan is chosen in the form).
func (store *TaskStore) taskPlan(ctx context.Context, tx *Tx, part *pk.Partnership, pid, plid string) (*pk.Plan, error) {
	plan, err := loadPlan(ctx, store.db, tx, pid, plid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return nil, pk.FieldInvalid("plan_id", "plans.validation.unknown_plan", nil)
	} else if err != nil {
		return nil, err
	}
	if !mayManagePlan(part.MyRole, pk.UserIDFromContext(ctx), plan) {
		return nil, pk.Errorf(pk.EFORBIDDEN, "plans.error.not_convener", nil)
	}
	return plan, nil
}

// UpdateTask changes a task: coordinators and the conveners of its plan
// (and of the plan it moves to).
func (store *TaskStore) UpdateTask(ctx context.Context, pid, tid string, in pk.TaskInput) (*pk.Task, error) {
	var out *pk.Task
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionManagePlan)
		if err != nil {
			return err
		}
		sight := sightOf(part.MyRole)
		before, err := loadTask(ctx, store.db, tx, pid, tid, sight)
		if err != nil {
			return err
		}
		if _, err := store.taskPlan(ctx, tx, part, pid, before.PlanID); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		plan, err := store.taskPlan(ctx, tx, part, pid, in.PlanID)
		if err != nil {
			return err
		}
		// A tactic about an actor the asker may not see stays as it was:
		// they neither see it nor change it.
		var stored string
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(tactic_id, '') FROM tasks WHERE id = $1`, tid).Scan(&stored); err != nil {
			return err
		}
		hidden := before.TacticID == "" && stored != ""
		check := in
		if hidden {
			check.TacticID = ""
		}
		if err := checkTaskLinks(ctx, tx, pid, sight, &check); err != nil {
			return err
		}
		if hidden {
			in.TacticID = stored
		}
		if err := tx.updateVersioned(ctx, "tasks", "id = $1 AND partnership_id = $2", []any{tid, pid}, `
			plan_id = $3, title = $4, notes = $5, assignee_id = $6, organisation_id = $7, due_date = $8, status = $9,
				tactic_id = $10, action_item_id = $11, done_at = `+doneAtSQL("$9", "$12")+`, updated_at = $12`,
			[]any{plan.ID, in.Title, in.Notes, nullString(in.AssigneeID), nullString(in.OrganisationID), in.Due, in.Status,
				nullString(in.TacticID), nullString(in.ActionItemID), fmtTime(tx.now)}, in.Version); err != nil {
			return err
		}
		if out, err = loadTask(ctx, store.db, tx, pid, tid, sight); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "task.update", "task", tid, plan.Title+": "+out.Title, taskAudit(before), taskAudit(out))
	})
	return out, err
}

// doneAtSQL keeps when a task was first marked done while it stays done,
// sets it when it becomes done (status and now are the parameters of the
// new status and the time), and clears it otherwise.
func doneAtSQL(status, now string) string {
	return `CASE WHEN ` + status + ` <> 'done' THEN NULL WHEN status = 'done' THEN done_at ELSE ` + now + ` END`
}

// SetTaskStatus changes a task's status: its assignee, the conveners of
// its plan and coordinators may.
func (store *TaskStore) SetTaskStatus(ctx context.Context, pid, tid string, in pk.TaskStatusInput) (*pk.Task, error) {
	var out *pk.Task
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionUpdateOwnTask)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		sight := sightOf(part.MyRole)
		before, err := loadTask(ctx, store.db, tx, pid, tid, sight)
		if err != nil {
			return err
		}
		if uid := pk.UserIDFromContext(ctx); before.AssigneeID != uid {
			plan, err := loadPlan(ctx, store.db, tx, pid, before.PlanID)
			if err != nil {
				return err
			}
			if !mayManagePlan(part.MyRole, uid, plan) {
				return pk.Errorf(pk.EFORBIDDEN, "plans.error.not_your_task", nil)
			}
		}
		if err := checkVersion(in.Version); err != nil {
			return err
		}
		if before.Version != in.Version {
			return pk.Conflict(before.Version)
		}
		out = withStatus(before, in.Status, tx.now)
		out.Overdue = out.OverdueOn(tx.today())
		if err := tx.audit(ctx, pid, "task.status", "task", tid, out.PlanTitle+": "+out.Title, taskAudit(before), taskAudit(out)); err != nil {
			return err
		}
		// The update comes last and in one statement: it raises the
		// partnership's data version by trigger, whose row other writers
		// then wait for until this one commits. The version it checks is
		// the one before was read at, so out is what it writes.
		return tx.updateVersioned(ctx, "tasks", "id = $1 AND partnership_id = $2", []any{tid, pid},
			`status = $3, done_at = `+doneAtSQL("$3", "$4")+`, updated_at = $4`, []any{in.Status, fmtTime(tx.now)}, in.Version)
	})
	return out, err
}

// withStatus is the task after its status changes at now, as doneAtSQL
// and the update write it (times as stored, to the microsecond).
func withStatus(before *pk.Task, status string, now time.Time) *pk.Task {
	t := *before
	at := now.UTC().Truncate(time.Microsecond)
	t.Status, t.Version, t.UpdatedAt = status, before.Version+1, at
	switch {
	case status != pk.TaskDone:
		t.DoneAt = nil
	case before.Status != pk.TaskDone:
		t.DoneAt = &at
	}
	return &t
}

// DeleteTask removes a task: coordinators and the conveners of its plan.
func (store *TaskStore) DeleteTask(ctx context.Context, pid, tid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionManagePlan)
		if err != nil {
			return err
		}
		before, err := loadTask(ctx, store.db, tx, pid, tid, sightOf(part.MyRole))
		if err != nil {
			return err
		}
		if _, err := store.taskPlan(ctx, tx, part, pid, before.PlanID); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "tasks", "id = $1 AND partnership_id = $2", version, tid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tasks WHERE id = $1`, tid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "task.delete", "task", tid, before.PlanTitle+": "+before.Title, taskAudit(before), nil)
	})
}

// taskAudit is a task as the audit log keeps it: the person by ID only, so
// a deleted account's name does not outlive it there; the tactic by ID
// only, as its title may name a sensitive actor; nothing computed.
func taskAudit(t *pk.Task) *pk.Task {
	c := *t
	c.AssigneeName, c.PartnershipName, c.TacticTitle, c.Overdue = "", "", "", false
	return &c
}
