package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

// A plan's parts (milestones, budget lines, staffing needs) are changed by
// whoever manages the plan; each change is one transaction with its audit
// entry on the plan.

// changePlan runs fn in a transaction once the asker may manage the plan.
func (store *PlanStore) changePlan(ctx context.Context, pid, plid string, fn func(tx *Tx, plan *pk.Plan) error) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, plan, err := store.db.authorizePlan(ctx, tx, pid, plid)
		if err != nil {
			return err
		}
		return fn(tx, plan)
	})
}

// countRows is how many rows of a plan's part there are, to keep within a bound.
func countRows(ctx context.Context, tx *Tx, table, plid string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE plan_id = $1`, plid).Scan(&n)
	return n, err
}

func notFoundIfNone(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return pk.NotFound()
	}
	return err
}

const milestoneSelect = `SELECT id, plan_id, title, due_date, done_date, version, created_at FROM plan_milestones `

func scanMilestone(row rowScanner) (*pk.Milestone, error) {
	m := &pk.Milestone{}
	return m, row.Scan(&m.ID, &m.PlanID, &m.Title, &m.Due, &m.Done, &m.Version, ts(&m.CreatedAt))
}

func loadMilestone(ctx context.Context, q queryer, plid, id string) (*pk.Milestone, error) {
	m, err := scanMilestone(q.QueryRowContext(ctx, milestoneSelect+`WHERE id = $1 AND plan_id = $2`, id, plid))
	return m, notFoundIfNone(err)
}

// AddMilestone adds a milestone to a plan.
func (store *PlanStore) AddMilestone(ctx context.Context, pid, plid string, in pk.MilestoneInput) (*pk.Milestone, error) {
	var out *pk.Milestone
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if n, err := countRows(ctx, tx, "plan_milestones", plid); err != nil {
			return err
		} else if n >= pk.MaxPlanMilestones {
			return pk.FieldInvalid("title", "plans.validation.too_many_parts", map[string]any{"Max": pk.MaxPlanMilestones})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_milestones (id, partnership_id, plan_id, title, due_date, done_date, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, pid, plid, in.Title, in.Due, in.Done, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadMilestone(ctx, tx, plid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "milestone.add", "plan", plid, plan.Title+": "+out.Title, nil, out)
	})
	return out, err
}

// UpdateMilestone changes a milestone (setting Done marks it reached).
func (store *PlanStore) UpdateMilestone(ctx context.Context, pid, plid, mid string, in pk.MilestoneInput) (*pk.Milestone, error) {
	var out *pk.Milestone
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadMilestone(ctx, tx, plid, mid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_milestones", "id = $1 AND plan_id = $2", in.Version, mid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_milestones SET title = $2, due_date = $3, done_date = $4 WHERE id = $1`,
			mid, in.Title, in.Due, in.Done); err != nil {
			return err
		}
		if out, err = loadMilestone(ctx, tx, plid, mid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "milestone.update", "plan", plid, plan.Title+": "+out.Title, before, out)
	})
	return out, err
}

// DeleteMilestone removes a milestone.
func (store *PlanStore) DeleteMilestone(ctx context.Context, pid, plid, mid string, version int) error {
	return store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadMilestone(ctx, tx, plid, mid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_milestones", "id = $1 AND plan_id = $2", version, mid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_milestones WHERE id = $1`, mid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "milestone.delete", "plan", plid, plan.Title+": "+before.Title, before, nil)
	})
}

const budgetSelect = `SELECT id, plan_id, label, amount, version, created_at FROM plan_budget_lines `

func scanBudgetLine(row rowScanner) (*pk.BudgetLine, error) {
	l := &pk.BudgetLine{}
	return l, row.Scan(&l.ID, &l.PlanID, &l.Label, &l.Amount, &l.Version, ts(&l.CreatedAt))
}

func loadBudgetLine(ctx context.Context, q queryer, plid, id string) (*pk.BudgetLine, error) {
	l, err := scanBudgetLine(q.QueryRowContext(ctx, budgetSelect+`WHERE id = $1 AND plan_id = $2`, id, plid))
	return l, notFoundIfNone(err)
}

// AddBudgetLine adds a line to a plan's budget.
func (store *PlanStore) AddBudgetLine(ctx context.Context, pid, plid string, in pk.BudgetLineInput) (*pk.BudgetLine, error) {
	var out *pk.BudgetLine
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if n, err := countRows(ctx, tx, "plan_budget_lines", plid); err != nil {
			return err
		} else if n >= pk.MaxPlanLines {
			return pk.FieldInvalid("label", "plans.validation.too_many_parts", map[string]any{"Max": pk.MaxPlanLines})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_budget_lines (id, partnership_id, plan_id, label, amount, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, id, pid, plid, in.Label, in.Amount, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadBudgetLine(ctx, tx, plid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "budget_line.add", "plan", plid, plan.Title+": "+out.Label, nil, out)
	})
	return out, err
}

// UpdateBudgetLine changes a budget line.
func (store *PlanStore) UpdateBudgetLine(ctx context.Context, pid, plid, lid string, in pk.BudgetLineInput) (*pk.BudgetLine, error) {
	var out *pk.BudgetLine
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadBudgetLine(ctx, tx, plid, lid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_budget_lines", "id = $1 AND plan_id = $2", in.Version, lid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_budget_lines SET label = $2, amount = $3 WHERE id = $1`, lid, in.Label, in.Amount); err != nil {
			return err
		}
		if out, err = loadBudgetLine(ctx, tx, plid, lid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "budget_line.update", "plan", plid, plan.Title+": "+out.Label, before, out)
	})
	return out, err
}

// DeleteBudgetLine removes a budget line.
func (store *PlanStore) DeleteBudgetLine(ctx context.Context, pid, plid, lid string, version int) error {
	return store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadBudgetLine(ctx, tx, plid, lid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_budget_lines", "id = $1 AND plan_id = $2", version, lid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_budget_lines WHERE id = $1`, lid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "budget_line.delete", "plan", plid, plan.Title+": "+before.Label, before, nil)
	})
}

const staffingSelect = `SELECT id, plan_id, role, hours_per_month, inside, filled, version, created_at FROM plan_staffing `

func scanStaffing(row rowScanner) (*pk.StaffingNeed, error) {
	s := &pk.StaffingNeed{}
	return s, row.Scan(&s.ID, &s.PlanID, &s.Role, &s.HoursPerMonth, &s.Inside, &s.Filled, &s.Version, ts(&s.CreatedAt))
}

func loadStaffing(ctx context.Context, q queryer, plid, id string) (*pk.StaffingNeed, error) {
	s, err := scanStaffing(q.QueryRowContext(ctx, staffingSelect+`WHERE id = $1 AND plan_id = $2`, id, plid))
	return s, notFoundIfNone(err)
}

// AddStaffingNeed adds a staffing need to a plan.
func (store *PlanStore) AddStaffingNeed(ctx context.Context, pid, plid string, in pk.StaffingNeedInput) (*pk.StaffingNeed, error) {
	var out *pk.StaffingNeed
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if n, err := countRows(ctx, tx, "plan_staffing", plid); err != nil {
			return err
		} else if n >= pk.MaxPlanLines {
			return pk.FieldInvalid("role", "plans.validation.too_many_parts", map[string]any{"Max": pk.MaxPlanLines})
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_staffing (id, partnership_id, plan_id, role, hours_per_month, inside, filled, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, pid, plid, in.Role, in.HoursPerMonth, in.Inside, in.Filled, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadStaffing(ctx, tx, plid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "staffing.add", "plan", plid, plan.Title+": "+out.Role, nil, out)
	})
	return out, err
}

// UpdateStaffingNeed changes a staffing need.
func (store *PlanStore) UpdateStaffingNeed(ctx context.Context, pid, plid, sid string, in pk.StaffingNeedInput) (*pk.StaffingNeed, error) {
	var out *pk.StaffingNeed
	err := store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadStaffing(ctx, tx, plid, sid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_staffing", "id = $1 AND plan_id = $2", in.Version, sid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_staffing SET role = $2, hours_per_month = $3, inside = $4, filled = $5 WHERE id = $1`,
			sid, in.Role, in.HoursPerMonth, in.Inside, in.Filled); err != nil {
			return err
		}
		if out, err = loadStaffing(ctx, tx, plid, sid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "staffing.update", "plan", plid, plan.Title+": "+out.Role, before, out)
	})
	return out, err
}

// DeleteStaffingNeed removes a staffing need.
func (store *PlanStore) DeleteStaffingNeed(ctx context.Context, pid, plid, sid string, version int) error {
	return store.changePlan(ctx, pid, plid, func(tx *Tx, plan *pk.Plan) error {
		before, err := loadStaffing(ctx, tx, plid, sid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_staffing", "id = $1 AND plan_id = $2", version, sid, plid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_staffing WHERE id = $1`, sid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "staffing.delete", "plan", plid, plan.Title+": "+before.Role, before, nil)
	})
}
