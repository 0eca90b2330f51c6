package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// PlanStore keeps the action plans with their milestones, budget lines and
// staffing needs.
type PlanStore struct{ db *DB }

const planSelect = `
	SELECT pl.id, pl.goal_id, g.title, pl.title, COALESCE(pl.body_id, ''), COALESCE(b.name, ''),
		COALESCE(pl.organisation_id, ''), COALESCE(o.name, ''), pl.strategy, pl.evaluation, pl.risks, pl.status,
		pl.start_date, pl.end_date, pl.weight, pl.public, pl.currency, pl.version, pl.created_at, pl.updated_at
	FROM plans pl
	JOIN goals g ON g.id = pl.goal_id
	LEFT JOIN bodies b ON b.id = pl.body_id
	LEFT JOIN organisations o ON o.id = pl.organisation_id `

func scanPlan(row rowScanner) (*pk.Plan, error) {
	p := &pk.Plan{Conveners: []pk.PlanPerson{}}
	err := row.Scan(&p.ID, &p.GoalID, &p.GoalTitle, &p.Title, &p.BodyID, &p.BodyName, &p.OrganisationID, &p.OrganisationName,
		&p.Strategy, &p.Evaluation, &p.Risks, &p.Status, &p.Start, &p.End, &p.Weight, &p.Public, &p.Currency,
		&p.Version, ts(&p.CreatedAt), ts(&p.UpdatedAt))
	return p, err
}

// Plans lists the partnership's plans by goal and title.
func (store *PlanStore) Plans(ctx context.Context, pid, goalID string) ([]*pk.Plan, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, false, err
	}
	out, cut, err := listPlans(ctx, store.db, store.db.read, pid, goalID)
	if err != nil {
		return nil, false, err
	}
	facts, err := readPlanFacts(ctx, store.db.read, pid, "", store.db.now().Format("2006-01-02"))
	if err != nil {
		return nil, false, err
	}
	facts.fillPlans(out)
	return out, cut, nil
}

// PlanChoices lists the plans' IDs and titles in the order of Plans, for a
// filter or form that needs no plan's progress.
func (store *PlanStore) PlanChoices(ctx context.Context, pid string) ([]pk.Choice, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, false, err
	}
	// Kept: sorting hundreds of plans by goal cost a sixth of the tasks page.
	kept, err := store.db.keptData(ctx, pid, "plan choices", func() (any, error) {
		return collect(scanChoice)(store.db.read.QueryContext(ctx, `SELECT pl.id, pl.title FROM plans pl JOIN goals g ON g.id = pl.goal_id
		WHERE pl.partnership_id = $1 ORDER BY g.created_at, pl.goal_id, pl.title, pl.id LIMIT $2`, pid, pk.MaxPlans+1))
	})
	if err != nil {
		return nil, false, err
	}
	out, more := cut(slices.Clone(kept.([]pk.Choice)), pk.MaxPlans)
	return out, more, nil
}

func listPlans(ctx context.Context, db *DB, q queryer, pid, goalID string) ([]*pk.Plan, bool, error) {
	out, err := collect(scanPlan)(q.QueryContext(ctx, planSelect+`WHERE pl.partnership_id = $1 AND ($2 = '' OR pl.goal_id = $2)
		ORDER BY g.created_at, pl.goal_id, pl.title, pl.id LIMIT $3`, pid, goalID, pk.MaxPlans+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxPlans
	if cut {
		out = out[:pk.MaxPlans]
	}
	return out, cut, loadConveners(ctx, db, q, pid, out)
}

// Plan returns one plan.
func (store *PlanStore) Plan(ctx context.Context, pid, plid string) (*pk.Plan, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, err
	}
	return loadPlan(ctx, store.db, store.db.read, pid, plid)
}

func loadPlan(ctx context.Context, db *DB, q queryer, pid, plid string) (*pk.Plan, error) {
	p, err := scanPlan(q.QueryRowContext(ctx, planSelect+`WHERE pl.id = $1 AND pl.partnership_id = $2`, plid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	if err != nil {
		return nil, err
	}
	return p, loadConveners(ctx, db, q, pid, []*pk.Plan{p})
}

// loadConveners fills each plan's conveners: the people holding the
// convener position in its action group today.
func loadConveners(ctx context.Context, db *DB, q queryer, pid string, plans []*pk.Plan) error {
	byBody := map[string][]*pk.Plan{}
	for _, p := range plans {
		if p.BodyID != "" {
			byBody[p.BodyID] = append(byBody[p.BodyID], p)
		}
	}
	if len(byBody) == 0 {
		return nil
	}
	today := db.now().Format("2006-01-02")
	rows, err := q.QueryContext(ctx, `
		SELECT s.body_id, s.user_id, u.name FROM body_seats s JOIN users u ON u.id = s.user_id
		WHERE s.partnership_id = $1 AND s.position = $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
		ORDER BY s.body_id, u.name, s.user_id`, pid, pk.PositionConvener, today)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var bid string
		var person pk.PlanPerson
		if err := rows.Scan(&bid, &person.UserID, &person.Name); err != nil {
			return err
		}
		for _, p := range byBody[bid] {
			p.Conveners = append(p.Conveners, person)
		}
	}
	return rows.Err()
}

// mayManagePlan is the one rule on a plan as a record: coordinators manage
// every plan; anyone else (a member: ActionManagePlan has been checked)
// manages a plan when they hold the convener position in its action group
// today.
func mayManagePlan(role pk.Role, uid string, p *pk.Plan) bool {
	if role.AtLeast(pk.RoleCoordinator) {
		return true
	}
	for _, c := range p.Conveners {
		if c.UserID == uid {
			return true
		}
	}
	return false
}

// authorizePlan checks that the asker may manage plan plid and returns it;
// a member who is not its convener is EFORBIDDEN.
func (db *DB) authorizePlan(ctx context.Context, tx *Tx, pid, plid string) (*pk.Partnership, *pk.Plan, error) {
	part, err := db.authorize(ctx, tx, pid, pk.ActionManagePlan)
	if err != nil {
		return nil, nil, err
	}
	plan, err := loadPlan(ctx, db, tx, pid, plid)
	if err != nil {
		return nil, nil, err
	}
	if !mayManagePlan(part.MyRole, pk.UserIDFromContext(ctx), plan) {
		return nil, nil, pk.Errorf(pk.EFORBIDDEN, "plans.error.not_convener", nil)
	}
	return part, plan, nil
}

// checkPlanLinks checks that the goal, the action group and the
// organisation belong to the partnership.
func checkPlanLinks(ctx context.Context, tx *Tx, pid string, in *pk.PlanInput) error {
	var v pk.Validator
	if _, err := loadGoal(ctx, tx, pid, in.GoalID); pk.ErrorCode(err) == pk.ENOTFOUND {
		v.Add("goal_id", "plans.validation.unknown_goal", nil)
	} else if err != nil {
		return err
	}
	if in.BodyID != "" {
		if _, err := loadBody(ctx, tx, pid, in.BodyID); pk.ErrorCode(err) == pk.ENOTFOUND {
			v.Add("body_id", "governance.validation.unknown_body", nil)
		} else if err != nil {
			return err
		}
	}
	if in.OrganisationID != "" {
		if ok, err := memberOrganisation(ctx, tx, pid, in.OrganisationID); err != nil {
			return err
		} else if !ok {
			v.Add("organisation_id", "plans.validation.not_member_organisation", nil)
		}
	}
	return v.Err()
}

// CreatePlan opens a plan under a goal.
func (store *PlanStore) CreatePlan(ctx context.Context, pid string, in pk.PlanInput) (*pk.Plan, error) {
	var out *pk.Plan
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionCreatePlans); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkPlanLinks(ctx, tx, pid, &in); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO plans (id, partnership_id, goal_id, title, body_id, organisation_id, strategy, evaluation, risks, status,
				start_date, end_date, weight, public, currency, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
			id, pid, in.GoalID, in.Title, nullString(in.BodyID), nullString(in.OrganisationID), in.Strategy, in.Evaluation, in.Risks,
			in.Status, in.Start, in.End, in.Weight, in.Public, in.Currency, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		var err error
		if out, err = loadPlan(ctx, store.db, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "plan.create", "plan", id, out.Title, nil, planAudit(out))
	})
	return out, err
}

// UpdatePlan changes a plan: coordinators, and the conveners of its action
// group. Only a coordinator moves a plan to another action group, so a
// convener cannot hand their plan away (or take one) by changing it.
func (store *PlanStore) UpdatePlan(ctx context.Context, pid, plid string, in pk.PlanInput) (*pk.Plan, error) {
	var out *pk.Plan
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, before, err := store.db.authorizePlan(ctx, tx, pid, plid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.BodyID != before.BodyID && !part.MyRole.AtLeast(pk.RoleCoordinator) {
			return pk.FieldInvalid("body_id", "plans.validation.group_by_coordinator", nil)
		}
		if err := checkPlanLinks(ctx, tx, pid, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plans", "id = $1 AND partnership_id = $2", in.Version, plid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE plans SET goal_id = $2, title = $3, body_id = $4, organisation_id = $5, strategy = $6, evaluation = $7, risks = $8,
				status = $9, start_date = $10, end_date = $11, weight = $12, public = $13, currency = $14, updated_at = $15
			WHERE id = $1`,
			plid, in.GoalID, in.Title, nullString(in.BodyID), nullString(in.OrganisationID), in.Strategy, in.Evaluation, in.Risks,
			in.Status, in.Start, in.End, in.Weight, in.Public, in.Currency, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadPlan(ctx, store.db, tx, pid, plid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "plan.update", "plan", plid, out.Title, planAudit(before), planAudit(out))
	})
	return out, err
}

// DeletePlan removes a plan with its milestones, budget and staffing. A plan
// that still has tasks is ECONFLICT: the tasks are people's work, so a plan
// given up is marked dropped, or its tasks deleted one by one first.
func (store *PlanStore) DeletePlan(ctx context.Context, pid, plid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionCreatePlans); err != nil {
			return err
		}
		before, err := loadPlan(ctx, store.db, tx, pid, plid)
		if err != nil {
			return err
		}
		var tasks int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tasks WHERE plan_id = $1`, plid).Scan(&tasks); err != nil {
			return err
		}
		if tasks > 0 {
			return pk.Errorf(pk.ECONFLICT, "plans.error.plan_has_tasks", map[string]any{"Count": tasks})
		}
		if err := tx.bumpVersion(ctx, "plans", "id = $1 AND partnership_id = $2", version, plid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plans WHERE id = $1`, plid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "plan.delete", "plan", plid, before.Title, planAudit(before), nil)
	})
}

// planAudit is a plan as the audit log keeps it: without its conveners,
// whose names would outlive a deleted account there.
func planAudit(p *pk.Plan) *pk.Plan {
	c := *p
	c.Conveners, c.Progress = nil, nil
	return &c
}
