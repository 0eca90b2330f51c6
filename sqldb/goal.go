package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// GoalStore keeps the partnership's goals and the statements of the theory
// of change each serves.
type GoalStore struct{ db *DB }

const goalSelect = `
	SELECT g.id, g.kind, g.title, g.description, g.beneficiaries, g.measure, g.target, g.unit,
		COALESCE(g.owner_organisation_id, ''), COALESCE(o.name, ''), g.due_date, g.status,
		(SELECT COUNT(*) FROM plans pl WHERE pl.goal_id = g.id), g.version, g.created_at, g.updated_at
	FROM goals g
	LEFT JOIN organisations o ON o.id = g.owner_organisation_id `

func scanGoal(row rowScanner) (*pk.Goal, error) {
	g := &pk.Goal{StatementIDs: []string{}}
	var target string
	err := row.Scan(&g.ID, &g.Kind, &g.Title, &g.Description, &g.Beneficiaries, &g.Measure, &target, &g.Unit,
		&g.OwnerOrganisationID, &g.OwnerOrganisationName, &g.Due, &g.Status, &g.PlanCount, &g.Version, ts(&g.CreatedAt), ts(&g.UpdatedAt))
	if err != nil {
		return nil, err
	}
	if target != "" {
		x, err := parseShare(target)
		if err != nil {
			return nil, err
		}
		g.Target = &x
	}
	return g, nil
}

// fmtTarget stores an optional number as text ("" for none).
func fmtTarget(x *float64) string {
	if x == nil {
		return ""
	}
	return fmtShare(*x)
}

// Goals lists the partnership's goals, oldest first.
func (store *GoalStore) Goals(ctx context.Context, pid string) ([]*pk.Goal, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, false, err
	}
	out, cut, err := listGoals(ctx, store.db.read, pid)
	if err != nil {
		return nil, false, err
	}
	return out, cut, completeGoals(ctx, store.db, store.db.read, pid, out)
}

func listGoals(ctx context.Context, q queryer, pid string) ([]*pk.Goal, bool, error) {
	out, err := collect(scanGoal)(q.QueryContext(ctx,
		goalSelect+`WHERE g.partnership_id = $1 ORDER BY g.created_at, g.id LIMIT $2`, pid, pk.MaxGoals+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxGoals
	if cut {
		out = out[:pk.MaxGoals]
	}
	return out, cut, loadGoalStatements(ctx, q, pid, out)
}

// loadGoalStatements fills each goal's statement IDs in one query.
func loadGoalStatements(ctx context.Context, q queryer, pid string, goals []*pk.Goal) error {
	if len(goals) == 0 {
		return nil
	}
	byID := make(map[string]*pk.Goal, len(goals))
	for _, g := range goals {
		byID[g.ID] = g
	}
	rows, err := q.QueryContext(ctx, `SELECT goal_id, statement_id FROM goal_statements WHERE partnership_id = $1
		ORDER BY goal_id, position, statement_id`, pid)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var gid, sid string
		if err := rows.Scan(&gid, &sid); err != nil {
			return err
		}
		if g := byID[gid]; g != nil {
			g.StatementIDs = append(g.StatementIDs, sid)
		}
	}
	return rows.Err()
}

// Goal returns one goal.
func (store *GoalStore) Goal(ctx context.Context, pid, gid string) (*pk.Goal, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, err
	}
	g, err := loadGoal(ctx, store.db.read, pid, gid)
	if err != nil {
		return nil, err
	}
	return g, completeGoals(ctx, store.db, store.db.read, pid, []*pk.Goal{g})
}

func loadGoal(ctx context.Context, q queryer, pid, gid string) (*pk.Goal, error) {
	g, err := scanGoal(q.QueryRowContext(ctx, goalSelect+`WHERE g.id = $1 AND g.partnership_id = $2`, gid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	if err != nil {
		return nil, err
	}
	return g, loadGoalStatements(ctx, q, pid, []*pk.Goal{g})
}

// checkGoalLinks checks that the owner is a member organisation of the
// partnership and that every statement is one of its theory of change.
func checkGoalLinks(ctx context.Context, tx *Tx, pid string, in *pk.GoalInput) error {
	var v pk.Validator
	if in.OwnerOrganisationID != "" {
		if ok, err := memberOrganisation(ctx, tx, pid, in.OwnerOrganisationID); err != nil {
			return err
		} else if !ok {
			v.Add("owner_organisation_id", "plans.validation.not_member_organisation", nil)
		}
	}
	if len(in.StatementIDs) > 0 {
		args := []any{pid}
		ph := make([]string, len(in.StatementIDs))
		for i, id := range in.StatementIDs {
			args = append(args, id)
			ph[i] = "$" + itoa(i+2)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM change_statements WHERE partnership_id = $1 AND id IN (`+
			strings.Join(ph, ", ")+`)`, args...).Scan(&n); err != nil {
			return err
		}
		if n != len(in.StatementIDs) {
			v.Add("statement_ids", "plans.validation.unknown_statement", nil)
		}
	}
	return v.Err()
}

// memberOrganisation reports whether oid is a member organisation of pid.
func memberOrganisation(ctx context.Context, q queryer, pid, oid string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
		pid, oid).Scan(&n)
	return n > 0, err
}

func writeGoalStatements(ctx context.Context, tx *Tx, pid, gid string, ids []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM goal_statements WHERE goal_id = $1`, gid); err != nil {
		return err
	}
	for i, sid := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO goal_statements (goal_id, statement_id, partnership_id, position) VALUES ($1, $2, $3, $4)`,
			gid, sid, pid, i); err != nil {
			return err
		}
	}
	return nil
}

// CreateGoal sets a goal.
func (store *GoalStore) CreateGoal(ctx context.Context, pid string, in pk.GoalInput) (*pk.Goal, error) {
	var out *pk.Goal
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGoals); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkGoalLinks(ctx, tx, pid, &in); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO goals (id, partnership_id, kind, title, description, beneficiaries, measure, target, unit,
				owner_organisation_id, due_date, status, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
			id, pid, in.Kind, in.Title, in.Description, in.Beneficiaries, in.Measure, fmtTarget(in.Target), in.Unit,
			nullString(in.OwnerOrganisationID), in.Due, in.Status, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if err := writeGoalStatements(ctx, tx, pid, id, in.StatementIDs); err != nil {
			return err
		}
		var err error
		if out, err = loadGoal(ctx, tx, pid, id); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "goal.create", "goal", id, out.Title, nil, out); err != nil {
			return err
		}
		return completeGoals(ctx, store.db, tx, pid, []*pk.Goal{out})
	})
	return out, err
}

// UpdateGoal changes a goal.
func (store *GoalStore) UpdateGoal(ctx context.Context, pid, gid string, in pk.GoalInput) (*pk.Goal, error) {
	var out *pk.Goal
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGoals); err != nil {
			return err
		}
		before, err := loadGoal(ctx, tx, pid, gid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkGoalLinks(ctx, tx, pid, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "goals", "id = $1 AND partnership_id = $2", in.Version, gid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE goals SET kind = $2, title = $3, description = $4, beneficiaries = $5, measure = $6, target = $7, unit = $8,
				owner_organisation_id = $9, due_date = $10, status = $11, updated_at = $12
			WHERE id = $1`,
			gid, in.Kind, in.Title, in.Description, in.Beneficiaries, in.Measure, fmtTarget(in.Target), in.Unit,
			nullString(in.OwnerOrganisationID), in.Due, in.Status, fmtTime(tx.now)); err != nil {
			return err
		}
		if err := writeGoalStatements(ctx, tx, pid, gid, in.StatementIDs); err != nil {
			return err
		}
		if out, err = loadGoal(ctx, tx, pid, gid); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "goal.update", "goal", gid, out.Title, before, out); err != nil {
			return err
		}
		return completeGoals(ctx, store.db, tx, pid, []*pk.Goal{out})
	})
	return out, err
}

// DeleteGoal removes a goal that has no plans left: a goal with plans is
// ECONFLICT, so deleting it never takes plans and tasks with it unseen (a
// goal given up is marked dropped instead).
func (store *GoalStore) DeleteGoal(ctx context.Context, pid, gid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGoals); err != nil {
			return err
		}
		before, err := loadGoal(ctx, tx, pid, gid)
		if err != nil {
			return err
		}
		if before.PlanCount > 0 {
			return pk.Errorf(pk.ECONFLICT, "plans.error.goal_has_plans", map[string]any{"Count": before.PlanCount})
		}
		if err := tx.bumpVersion(ctx, "goals", "id = $1 AND partnership_id = $2", version, gid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM goals WHERE id = $1`, gid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "goal.delete", "goal", gid, before.Title, before, nil)
	})
}
