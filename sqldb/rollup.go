package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
)

const rollupSelect = `
	SELECT r.id, r.body_id, b.name, b.kind, r.period, r.reports, r.plans, r.tasks_done, r.tasks_open, r.tasks_overdue,
		r.delivered, r.spent, r.currency, r.missing, r.generated_at, r.version
	FROM rollups r JOIN bodies b ON b.id = r.body_id `

func scanRollup(row rowScanner) (*pk.Rollup, error) {
	r := &pk.Rollup{}
	t := &r.Totals
	var missing string
	if err := row.Scan(&r.ID, &r.BodyID, &r.BodyName, &r.BodyKind, &r.Period, &t.Reports, &t.Plans, &t.TasksDone, &t.TasksOpen,
		&t.TasksOverdue, &t.Delivered, &t.Spent, &r.Currency, &missing, ts(&r.GeneratedAt), &r.Version); err != nil {
		return nil, err
	}
	r.Missing = []string{}
	return r, json.Unmarshal([]byte(missing), &r.Missing)
}

// Rollups lists the roll-ups, newest period first.
func (store *ReportStore) Rollups(ctx context.Context, pid string) ([]*pk.Rollup, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewReports); err != nil {
		return nil, false, err
	}
	out, err := collect(scanRollup)(store.db.read.QueryContext(ctx, rollupSelect+`
		WHERE r.partnership_id = $1 ORDER BY r.period DESC, b.name, r.id LIMIT $2`, pid, pk.MaxRollups+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxRollups
	if cut {
		out = out[:pk.MaxRollups]
	}
	return out, cut, nil
}

// Rollup returns one roll-up with the reports it summed.
func (store *ReportStore) Rollup(ctx context.Context, pid, id string) (*pk.Rollup, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewReports); err != nil {
		return nil, err
	}
	return loadRollup(ctx, store.db.read, pid, id)
}

func loadRollup(ctx context.Context, q queryer, pid, id string) (*pk.Rollup, error) {
	r, err := scanRollup(q.QueryRowContext(ctx, rollupSelect+`WHERE r.id = $1 AND r.partnership_id = $2`, id, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	r.Reports, err = collect(scanReport)(q.QueryContext(ctx, reportSelect+`
		JOIN rollup_reports rr ON rr.report_id = r.id WHERE rr.rollup_id = $1 ORDER BY pl.title, r.period, r.id LIMIT $2`,
		id, pk.MaxRollupReports))
	return r, err
}

// monthsOf lists the months of a period (itself for a month).
func monthsOf(p cadence.Period) []string {
	if p.Kind == cadence.Monthly {
		return []string{p.Key()}
	}
	var out []string
	for m := cadence.Of(cadence.Monthly, p.Start()); p.Within(m); m = m.Next() {
		out = append(out, m.Key())
	}
	return out
}

// GenerateRollup makes the roll-up of a period for a committee.
func (store *ReportStore) GenerateRollup(ctx context.Context, pid string, in pk.RollupInput) (*pk.Rollup, error) {
	var out *pk.Rollup
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionGenerateRollups); err != nil {
			return err
		}
		var err error
		out, err = generateRollup(ctx, tx, pid, in)
		return err
	})
	return out, err
}

// generateRollup makes (or makes again, keeping its ID) the roll-up of the
// reports of in.Period for the committee in.BodyID, in the transaction.
// The caller has authorized (a coordinator, or the job the reports
// scheduled).
func generateRollup(ctx context.Context, tx *Tx, pid string, in pk.RollupInput) (*pk.Rollup, error) {
	if _, ok := cadence.Parse(in.Period); !ok {
		return nil, pk.FieldInvalid("period", "reports.validation.rollup_period", nil)
	}
	body, err := loadBody(ctx, tx, pid, in.BodyID)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return nil, pk.FieldInvalid("body_id", "reports.validation.committee", nil)
	} else if err != nil {
		return nil, err
	}
	kind, ok := pk.RollupKindFor(body.Kind)
	if !ok {
		return nil, pk.FieldInvalid("body_id", "reports.validation.committee", nil)
	}
	period, ok := cadence.Parse(in.Period)
	if !ok || period.Kind != kind {
		return nil, pk.FieldInvalid("period", "reports.validation.rollup_period."+string(kind), nil)
	}
	months := monthsOf(period)
	reports, err := collect(scanReport)(tx.QueryContext(ctx, reportSelect+`
		WHERE r.partnership_id = $1 AND r.period >= $2 AND r.period <= $3 ORDER BY pl.title, r.period, r.id LIMIT $4`,
		pid, months[0], months[len(months)-1], pk.MaxRollupReports+1))
	if err != nil {
		return nil, err
	}
	if len(reports) > pk.MaxRollupReports {
		return nil, pk.Errorf(pk.EINVALID, "reports.error.too_many", map[string]any{"Max": pk.MaxRollupReports})
	}
	totals, err := pk.SumReports(reports)
	if err != nil {
		return nil, err
	}
	written := map[string]bool{}
	for _, r := range reports {
		written[r.PlanID+" "+r.Period] = true
	}
	plans, err := reportablePlans(ctx, tx.db, tx, pid)
	if err != nil {
		return nil, err
	}
	missing := []string{}
	for _, pl := range plans {
		var gaps []string
		for _, m := range months {
			if !written[pl.ID+" "+m] && (pl.Start == "" || pl.Start[:7] <= m) {
				gaps = append(gaps, m)
			}
		}
		if len(gaps) > 0 {
			missing = append(missing, pl.Title+" ("+strings.Join(gaps, ", ")+")")
		}
	}
	settings, err := loadBudgetSettings(ctx, tx, pid)
	if err != nil {
		return nil, err
	}
	missingJSON, _ := json.Marshal(missing)
	var id string
	var version int
	err = tx.QueryRowContext(ctx, `SELECT id, version FROM rollups WHERE body_id = $1 AND period = $2`, body.ID, period.Key()).Scan(&id, &version)
	now, by := fmtTime(tx.now), nullString(pk.UserIDFromContext(ctx))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id = newID()
		_, err = tx.ExecContext(ctx, `
			INSERT INTO rollups (id, partnership_id, body_id, period, reports, plans, tasks_done, tasks_open, tasks_overdue, delivered, spent,
				currency, missing, generated_by, generated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			id, pid, body.ID, period.Key(), totals.Reports, totals.Plans, totals.TasksDone, totals.TasksOpen, totals.TasksOverdue,
			totals.Delivered, totals.Spent, settings.Currency, string(missingJSON), by, now)
	case err == nil:
		if _, err = tx.ExecContext(ctx, `DELETE FROM rollup_reports WHERE rollup_id = $1`, id); err == nil {
			_, err = tx.ExecContext(ctx, `
				UPDATE rollups SET reports = $2, plans = $3, tasks_done = $4, tasks_open = $5, tasks_overdue = $6, delivered = $7, spent = $8,
					currency = $9, missing = $10, generated_by = $11, generated_at = $12, version = version + 1 WHERE id = $1`,
				id, totals.Reports, totals.Plans, totals.TasksDone, totals.TasksOpen, totals.TasksOverdue, totals.Delivered, totals.Spent,
				settings.Currency, string(missingJSON), by, now)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rollup_reports (rollup_id, report_id) VALUES ($1, $2)`, id, r.ID); err != nil {
			return nil, err
		}
	}
	out, err := loadRollup(ctx, tx, pid, id)
	if err != nil {
		return nil, err
	}
	return out, tx.audit(ctx, pid, "rollup.generate", "rollup", id, body.Name+" "+period.Key(), nil, out.Totals)
}
