package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// authorizeIndicatorOwner checks that the asker may define indicators of
// a goal (coordinators) or of a plan (coordinators and the plan's
// conveners, by the plans' own rule). A goal or plan outside the
// partnership is a field error on the input's field.
func (db *DB) authorizeIndicatorOwner(ctx context.Context, tx *Tx, pid, goalID, planID string) (*pk.Partnership, error) {
	part, err := db.authorize(ctx, tx, pid, pk.ActionDefineIndicators)
	if err != nil {
		return nil, err
	}
	if planID != "" {
		plan, err := loadPlan(ctx, db, tx, pid, planID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil, pk.FieldInvalid("plan_id", "indicator.validation.unknown_plan", nil)
		} else if err != nil {
			return nil, err
		}
		if !mayManagePlan(part.MyRole, pk.UserIDFromContext(ctx), plan) {
			return nil, pk.Errorf(pk.EFORBIDDEN, "indicator.error.not_convener", nil)
		}
		return part, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM goals WHERE id = $1 AND partnership_id = $2`, goalID, pid).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, pk.FieldInvalid("goal_id", "indicator.validation.unknown_goal", nil)
	}
	if !part.MyRole.AtLeast(pk.RoleCoordinator) {
		return nil, pk.Errorf(pk.EFORBIDDEN, "indicator.error.goal_coordinators", nil)
	}
	return part, nil
}

// checkResponsible checks that the responsible person is in the
// partnership.
func checkResponsible(ctx context.Context, tx *Tx, pid, uid string) error {
	if uid == "" {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, uid).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return pk.FieldInvalid("responsible_id", "validation.not_a_member", nil)
	}
	return nil
}

func writeIndicatorTargets(ctx context.Context, tx *Tx, pid, iid string, targets []pk.IndicatorTarget) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM indicator_targets WHERE indicator_id = $1`, iid); err != nil {
		return err
	}
	for _, t := range targets {
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_targets (indicator_id, partnership_id, due_date, value, label) VALUES ($1, $2, $3, $4, $5)`,
			iid, pid, t.Due, fmtShare(t.Value), t.Label); err != nil {
			return err
		}
	}
	return nil
}

func categoriesJSON(c []string) string {
	if c == nil {
		c = []string{}
	}
	b, _ := json.Marshal(c) // strings always marshal
	return string(b)
}

// CreateIndicator defines an indicator of a goal or a plan.
func (store *IndicatorStore) CreateIndicator(ctx context.Context, pid string, in pk.IndicatorInput) (*pk.Indicator, error) {
	in.Normalise()
	var out *pk.Indicator
	err := store.db.inTx(ctx, func(tx *Tx) error {
		// Who may define indicators at all, then the input, then whether
		// this goal or plan is theirs.
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionDefineIndicators); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := store.db.authorizeIndicatorOwner(ctx, tx, pid, in.GoalID, in.PlanID); err != nil {
			return err
		}
		if err := checkResponsible(ctx, tx, pid, in.ResponsibleID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM indicators WHERE partnership_id = $1`, pid).Scan(&n); err != nil {
			return err
		}
		if n >= pk.MaxIndicators {
			return pk.Errorf(pk.ECONFLICT, "indicator.error.too_many", map[string]any{"Max": pk.MaxIndicators})
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO indicators (id, partnership_id, goal_id, plan_id, name, unit, kind, direction, baseline, baseline_date,
				life_target, frequency, source, responsible_id, categories, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
			id, pid, nullString(in.GoalID), nullString(in.PlanID), in.Name, in.Unit, in.Kind, in.Direction, fmtTarget(in.Baseline), in.BaselineDate,
			fmtTarget(in.LifeTarget), in.Frequency, in.Source, nullString(in.ResponsibleID), categoriesJSON(in.Categories),
			nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if err := writeIndicatorTargets(ctx, tx, pid, id, in.Targets); err != nil {
			return err
		}
		var err error
		if out, err = loadIndicator(ctx, tx, pid, id, tx.now); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "indicator.create", "indicator", id, out.Name, nil, auditIndicator(out))
	})
	return out, err
}

// auditIndicator is what the audit log keeps of an indicator: its
// definition, the responsible person by ID only.
func auditIndicator(ind *pk.Indicator) map[string]any {
	return map[string]any{
		"goal_id": ind.GoalID, "plan_id": ind.PlanID, "name": ind.Name, "unit": ind.Unit, "kind": ind.Kind,
		"direction": ind.Direction, "baseline": ind.Baseline, "baseline_date": ind.BaselineDate, "life_target": ind.LifeTarget,
		"targets": ind.Targets, "frequency": ind.Frequency, "source": ind.Source, "responsible_id": ind.ResponsibleID,
		"categories": ind.Categories,
	}
}

// UpdateIndicator changes an indicator; it stays with its goal or plan.
func (store *IndicatorStore) UpdateIndicator(ctx context.Context, pid, iid string, in pk.IndicatorInput) (*pk.Indicator, error) {
	in.Normalise()
	var out *pk.Indicator
	err := store.db.inTx(ctx, func(tx *Tx) error {
		before, err := store.beforeChange(ctx, tx, pid, iid)
		if err != nil {
			return err
		}
		// The goal or plan is the indicator's own; an input that leaves
		// both out keeps it (and one naming another is refused).
		if in.GoalID == "" && in.PlanID == "" {
			in.GoalID, in.PlanID = before.GoalID, before.PlanID
		} else if in.GoalID != before.GoalID || in.PlanID != before.PlanID {
			return pk.FieldInvalid("goal_id", "indicator.validation.move", nil)
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkResponsible(ctx, tx, pid, in.ResponsibleID); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "indicators", "id = $1 AND partnership_id = $2", in.Version, iid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE indicators SET name = $2, unit = $3, kind = $4, direction = $5, baseline = $6, baseline_date = $7,
				life_target = $8, frequency = $9, source = $10, responsible_id = $11, categories = $12, updated_at = $13
			WHERE id = $1`,
			iid, in.Name, in.Unit, in.Kind, in.Direction, fmtTarget(in.Baseline), in.BaselineDate, fmtTarget(in.LifeTarget),
			in.Frequency, in.Source, nullString(in.ResponsibleID), categoriesJSON(in.Categories), fmtTime(tx.now)); err != nil {
			return err
		}
		if err := writeIndicatorTargets(ctx, tx, pid, iid, in.Targets); err != nil {
			return err
		}
		if out, err = loadIndicator(ctx, tx, pid, iid, tx.now); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "indicator.update", "indicator", iid, out.Name, auditIndicator(before), auditIndicator(out))
	})
	return out, err
}

// beforeChange loads an indicator for a change and checks the asker may
// define it.
func (store *IndicatorStore) beforeChange(ctx context.Context, tx *Tx, pid, iid string) (*pk.Indicator, error) {
	if _, err := store.db.authorize(ctx, tx, pid, pk.ActionDefineIndicators); err != nil {
		return nil, err
	}
	before, err := loadIndicator(ctx, tx, pid, iid, tx.now)
	if err != nil {
		return nil, err
	}
	if _, err := store.db.authorizeIndicatorOwner(ctx, tx, pid, before.GoalID, before.PlanID); err != nil {
		return nil, err
	}
	return before, nil
}

// DeleteIndicator removes an indicator that has no measurements.
func (store *IndicatorStore) DeleteIndicator(ctx context.Context, pid, iid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		before, err := store.beforeChange(ctx, tx, pid, iid)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM indicator_measurements WHERE indicator_id = $1`, iid).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pk.Errorf(pk.ECONFLICT, "indicator.error.has_measurements", map[string]any{"Count": n})
		}
		if err := tx.bumpVersion(ctx, "indicators", "id = $1 AND partnership_id = $2", version, iid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM indicators WHERE id = $1`, iid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "indicator.delete", "indicator", iid, before.Name, auditIndicator(before), nil)
	})
}

// RecordMeasurement records a result of an indicator.
func (store *IndicatorStore) RecordMeasurement(ctx context.Context, pid, iid string, in pk.MeasurementInput) (*pk.Measurement, error) {
	var out *pk.Measurement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordMeasurements); err != nil {
			return err
		}
		ind, err := scanIndicator(tx.QueryRowContext(ctx, indicatorSelect+`WHERE i.id = $1 AND i.partnership_id = $2`, iid, pid))
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if err := in.ValidateFor(ind, tx.now); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM indicator_measurements WHERE indicator_id = $1`, iid).Scan(&n); err != nil {
			return err
		}
		if n >= pk.MaxIndicatorMeasurements {
			return pk.Errorf(pk.ECONFLICT, "indicator.error.too_many_measurements", map[string]any{"Max": pk.MaxIndicatorMeasurements})
		}
		breakdown := in.Breakdown
		if breakdown == nil {
			breakdown = []pk.CategoryValue{}
		}
		b, err := json.Marshal(breakdown)
		if err != nil {
			return err
		}
		uid := pk.UserIDFromContext(ctx)
		// The measurement as the insert below stores it (its value and
		// breakdown read back exactly as written), so that the audit entry
		// can come first and the insert last: its trigger raises the
		// partnership's data version, whose row other writers wait for
		// until this transaction ends.
		out = &pk.Measurement{ID: newID(), IndicatorID: iid, Date: in.Date, Value: in.Value, Evidence: in.Evidence, Note: in.Note,
			Breakdown: breakdown, RecordedBy: uid, Version: 1, CreatedAt: tx.now.UTC().Truncate(time.Microsecond)}
		if u := pk.UserFromContext(ctx); u != nil {
			out.RecordedByName = u.Name
		}
		if err := tx.audit(ctx, pid, "indicator.measure", "indicator", iid, ind.Name, nil, auditMeasurement(out)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO indicator_measurements (id, indicator_id, partnership_id, measured_on, value, evidence, note, breakdown, recorded_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			out.ID, iid, pid, in.Date, fmtTarget(in.Value), in.Evidence, in.Note, string(b), nullString(uid), fmtTime(tx.now))
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// auditMeasurement is what the audit log keeps of a measurement (no
// names: the entry has its author already).
func auditMeasurement(m *pk.Measurement) map[string]any {
	return map[string]any{"id": m.ID, "date": m.Date, "value": m.Value, "evidence": m.Evidence, "note": m.Note, "breakdown": m.Breakdown}
}

// DeleteMeasurement removes a result: its recorder, or whoever may define
// the indicator.
func (store *IndicatorStore) DeleteMeasurement(ctx context.Context, pid, iid, mid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordMeasurements); err != nil {
			return err
		}
		m, err := scanMeasurement(tx.QueryRowContext(ctx, measurementSelect+`WHERE m.id = $1 AND m.indicator_id = $2 AND m.partnership_id = $3`, mid, iid, pid))
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		var name, goalID, planID string
		if err := tx.QueryRowContext(ctx, `SELECT name, COALESCE(goal_id, ''), COALESCE(plan_id, '') FROM indicators WHERE id = $1`, iid).Scan(&name, &goalID, &planID); err != nil {
			return err
		}
		if m.RecordedBy != pk.UserIDFromContext(ctx) || m.RecordedBy == "" {
			if _, err := store.db.authorizeIndicatorOwner(ctx, tx, pid, goalID, planID); err != nil {
				if pk.ErrorCode(err) == pk.EFORBIDDEN {
					return pk.Errorf(pk.EFORBIDDEN, "indicator.error.not_recorder", nil)
				}
				return err
			}
		}
		if err := tx.bumpVersion(ctx, "indicator_measurements", "id = $1 AND partnership_id = $2", version, mid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM indicator_measurements WHERE id = $1`, mid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "indicator.unmeasure", "indicator", iid, name, auditMeasurement(m), nil)
	})
}
