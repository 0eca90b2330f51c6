package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const expenseSelect = `
	SELECT e.id, e.plan_id, pl.title, e.spent_on, e.description, e.amount, COALESCE(bs.currency, 'EUR'), e.version, e.created_at
	FROM plan_expenses e JOIN plans pl ON pl.id = e.plan_id
	LEFT JOIN budget_settings bs ON bs.partnership_id = e.partnership_id `

func scanExpense(row rowScanner) (*pk.Expense, error) {
	e := &pk.Expense{}
	return e, row.Scan(&e.ID, &e.PlanID, &e.PlanTitle, &e.SpentOn, &e.Description, &e.Amount, &e.Currency, &e.Version, ts(&e.CreatedAt))
}

// Expenses lists expenses (of one plan when plid is set), newest first.
func (store *ContributionStore) Expenses(ctx context.Context, pid, plid string) ([]*pk.Expense, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, false, err
	}
	return listExpenses(ctx, store.db.read, pid, plid)
}

// listExpenses lists expenses, newest first, up to MaxExpenses; the bool
// says the list was cut.
func listExpenses(ctx context.Context, q queryer, pid, plid string) ([]*pk.Expense, bool, error) {
	out, err := collect(scanExpense)(q.QueryContext(ctx, expenseSelect+`
		WHERE e.partnership_id = $1 AND ($2 = '' OR e.plan_id = $2) ORDER BY e.spent_on DESC, e.id LIMIT $3`, pid, plid, pk.MaxExpenses+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxExpenses
	if cut {
		out = out[:pk.MaxExpenses]
	}
	return out, cut, nil
}

// Expense returns one expense.
func (store *ContributionStore) Expense(ctx context.Context, pid, eid string) (*pk.Expense, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	return loadExpense(ctx, store.db.read, pid, eid)
}

func loadExpense(ctx context.Context, q queryer, pid, eid string) (*pk.Expense, error) {
	e, err := scanExpense(q.QueryRowContext(ctx, expenseSelect+`WHERE e.id = $1 AND e.partnership_id = $2`, eid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return e, err
}

// authorizePlanAs checks action, then that the asker manages plan plid (a
// coordinator, or a convener of its action group today): the plans'
// one rule on a record. An unknown plan is a field error on plan_id.
func (db *DB) authorizePlanAs(ctx context.Context, tx queryer, pid, plid string, action pk.Action) (*pk.Partnership, *pk.Plan, error) {
	part, err := db.authorize(ctx, tx, pid, action)
	if err != nil {
		return nil, nil, err
	}
	plan, err := loadPlan(ctx, db, tx, pid, plid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return nil, nil, pk.FieldInvalid("plan_id", "contributions.validation.unknown_plan", nil)
	} else if err != nil {
		return nil, nil, err
	}
	if !mayManagePlan(part.MyRole, pk.UserIDFromContext(ctx), plan) {
		return nil, nil, pk.Errorf(pk.EFORBIDDEN, "plans.error.not_convener", nil)
	}
	return part, plan, nil
}

// RecordExpense records money spent on a plan.
func (store *ContributionStore) RecordExpense(ctx context.Context, pid string, in pk.ExpenseInput) (*pk.Expense, error) {
	var out *pk.Expense
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordExpenses); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if _, _, err := store.db.authorizePlanAs(ctx, tx, pid, in.PlanID, pk.ActionRecordExpenses); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO plan_expenses (id, partnership_id, plan_id, spent_on, description, amount, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			id, pid, in.PlanID, in.SpentOn, in.Description, in.Amount, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadExpense(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "expense.record", "plan", in.PlanID, out.Description, nil, out)
	})
	return out, err
}

// UpdateExpense changes an expense (within the plans its writer manages).
func (store *ContributionStore) UpdateExpense(ctx context.Context, pid, eid string, in pk.ExpenseInput) (*pk.Expense, error) {
	var out *pk.Expense
	err := store.db.inTx(ctx, func(tx *Tx) error {
		before, err := loadExpenseFor(ctx, store.db, tx, pid, eid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.PlanID != before.PlanID {
			if _, _, err := store.db.authorizePlanAs(ctx, tx, pid, in.PlanID, pk.ActionRecordExpenses); err != nil {
				return err
			}
		}
		if err := tx.bumpVersion(ctx, "plan_expenses", "id = $1 AND partnership_id = $2", in.Version, eid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_expenses SET plan_id = $2, spent_on = $3, description = $4, amount = $5 WHERE id = $1`,
			eid, in.PlanID, in.SpentOn, in.Description, in.Amount); err != nil {
			return err
		}
		if out, err = loadExpense(ctx, tx, pid, eid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "expense.update", "plan", in.PlanID, out.Description, before, out)
	})
	return out, err
}

// loadExpenseFor reads an expense the asker may change: authorized, the
// expense found (404 otherwise), and its plan managed by the asker.
func loadExpenseFor(ctx context.Context, db *DB, tx *Tx, pid, eid string) (*pk.Expense, error) {
	if _, err := db.authorize(ctx, tx, pid, pk.ActionRecordExpenses); err != nil {
		return nil, err
	}
	e, err := loadExpense(ctx, tx, pid, eid)
	if err != nil {
		return nil, err
	}
	if _, _, err := db.authorizePlanAs(ctx, tx, pid, e.PlanID, pk.ActionRecordExpenses); err != nil {
		return nil, err
	}
	return e, nil
}

// DeleteExpense removes an expense recorded by mistake.
func (store *ContributionStore) DeleteExpense(ctx context.Context, pid, eid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		before, err := loadExpenseFor(ctx, store.db, tx, pid, eid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_expenses", "id = $1 AND partnership_id = $2", version, eid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_expenses WHERE id = $1`, eid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "expense.delete", "plan", before.PlanID, before.Description, before, nil)
	})
}
