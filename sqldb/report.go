package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/progress"
)

// ReportStore keeps the conveners' periodic reports and the committees'
// roll-ups.
type ReportStore struct{ db *DB }

const reportSelect = `
	SELECT r.id, r.plan_id, pl.title, r.period, r.progress, r.problems, r.next_steps, r.tasks_done, r.tasks_open, r.tasks_overdue,
		r.percent, r.delivered, r.spent, r.spent_to_date, r.budget, r.currency, COALESCE(r.author_id, ''), COALESCE(u.name, ''),
		r.version, r.created_at, r.updated_at
	FROM plan_reports r JOIN plans pl ON pl.id = r.plan_id LEFT JOIN users u ON u.id = r.author_id `

func scanReport(row rowScanner) (*pk.Report, error) {
	r := &pk.Report{}
	var pct sql.NullInt64
	f := &r.Figures
	err := row.Scan(&r.ID, &r.PlanID, &r.PlanTitle, &r.Period, &r.Progress, &r.Problems, &r.NextSteps, &f.TasksDone, &f.TasksOpen,
		&f.TasksOverdue, &pct, &f.Delivered, &f.Spent, &f.SpentToDate, &f.Budget, &f.Currency, &r.AuthorID, &r.AuthorName,
		&r.Version, ts(&r.CreatedAt), ts(&r.UpdatedAt))
	if pct.Valid {
		n := int(pct.Int64)
		f.Percent = &n
	}
	return r, err
}

// Reports lists reports, newest month first.
func (store *ReportStore) Reports(ctx context.Context, pid string, f pk.ReportFilter) ([]*pk.Report, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewReports); err != nil {
		return nil, false, err
	}
	out, err := collect(scanReport)(store.db.read.QueryContext(ctx, reportSelect+`
		WHERE r.partnership_id = $1 AND ($2 = '' OR r.plan_id = $2) AND ($3 = '' OR r.period = $3)
		ORDER BY r.period DESC, pl.title, r.id LIMIT $4`, pid, f.PlanID, f.Period, pk.MaxReports+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxReports
	if cut {
		out = out[:pk.MaxReports]
	}
	return out, cut, nil
}

// Report returns one report.
func (store *ReportStore) Report(ctx context.Context, pid, rid string) (*pk.Report, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewReports); err != nil {
		return nil, err
	}
	return loadReport(ctx, store.db.read, pid, rid)
}

func loadReport(ctx context.Context, q queryer, pid, rid string) (*pk.Report, error) {
	r, err := scanReport(q.QueryRowContext(ctx, reportSelect+`WHERE r.id = $1 AND r.partnership_id = $2`, rid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return r, err
}

// instantOf is the start of a civil date in loc, as stored time text.
func instantOf(day time.Time, loc *time.Location) string {
	return fmtTime(time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc))
}

// reportFigures fills a report's figures for plan and month from the
// stored tasks, contributions, expenses and budget lines, as of now.
// Days are the partnership's: a task done at 23:30 in Amman on the last
// day of March counts for March.
func reportFigures(ctx context.Context, q queryer, pid string, plan *pk.Plan, period cadence.Period, now time.Time) (*pk.ReportFigures, error) {
	settings, err := loadBudgetSettings(ctx, q, pid)
	if err != nil {
		return nil, err
	}
	loc := settings.Location()
	start, end := period.Start(), period.End()
	fromT, untilT := instantOf(start, loc), instantOf(end.AddDate(0, 0, 1), loc)
	// Counts stand as the period ended, or today for a report written
	// before its end: overdue means due before that day.
	ref := end.AddDate(0, 0, 1)
	if today := cadence.Today(now, loc); today.Before(ref) {
		ref = today
	}
	f := &pk.ReportFigures{Currency: settings.Currency}
	var all, dropped, doneAll int
	if err := q.QueryRowContext(ctx, `
		SELECT
			COUNT(CASE WHEN status = 'done' AND done_at >= $2 AND done_at < $3 THEN 1 END),
			COUNT(CASE WHEN status IN ('todo', 'doing') THEN 1 END),
			COUNT(CASE WHEN status IN ('todo', 'doing') AND due_date <> '' AND due_date < $4 THEN 1 END),
			COUNT(*), COUNT(CASE WHEN status = 'dropped' THEN 1 END), COUNT(CASE WHEN status = 'done' THEN 1 END)
		FROM tasks WHERE plan_id = $1`, plan.ID, fromT, untilT, ref.Format(time.DateOnly)).
		Scan(&f.TasksDone, &f.TasksOpen, &f.TasksOverdue, &all, &dropped, &doneAll); err != nil {
		return nil, err
	}
	// The plan's progress is the plans module's rule (tasks not dropped and
	// milestones, as units of work), so a report says what the plan's page
	// says on the day it was written.
	var reached, milestones int
	if err := q.QueryRowContext(ctx, `
		SELECT COUNT(CASE WHEN done_date <> '' THEN 1 END), COUNT(*) FROM plan_milestones WHERE plan_id = $1`, plan.ID).
		Scan(&reached, &milestones); err != nil {
		return nil, err
	}
	if pr, ok := progress.Plan(progress.PlanCounts{TasksDone: doneAll, TasksOpen: all - dropped - doneAll, TasksDropped: dropped,
		MilestonesReached: reached, MilestonesOpen: milestones - reached}); ok {
		pct := pr.Percent()
		f.Percent = &pct
	}
	from, until := start.Format(time.DateOnly), end.Format(time.DateOnly)
	if err := q.QueryRowContext(ctx, `
		SELECT
			COALESCE((SELECT SUM(amount_delivered) FROM contributions
				WHERE plan_id = $1 AND NOT withdrawn AND delivered_on >= $2 AND delivered_on <= $3), 0),
			COALESCE((SELECT SUM(amount) FROM plan_expenses WHERE plan_id = $1 AND spent_on >= $2 AND spent_on <= $3), 0),
			COALESCE((SELECT SUM(amount) FROM plan_expenses WHERE plan_id = $1 AND spent_on <= $3), 0),
			COALESCE((SELECT SUM(amount) FROM plan_budget_lines WHERE plan_id = $1), 0)`,
		plan.ID, from, until).Scan(&f.Delivered, &f.Spent, &f.SpentToDate, &f.Budget); err != nil {
		return nil, err
	}
	if plan.Currency != "" && plan.Currency != settings.Currency {
		f.Budget = 0 // in another currency: not mixed in
	}
	return f, nil
}

// checkReportPeriod refuses a month that has not begun where the
// partnership is.
func checkReportPeriod(ctx context.Context, q queryer, pid, key string, now time.Time) (cadence.Period, error) {
	p, _ := cadence.Parse(key)
	settings, err := loadBudgetSettings(ctx, q, pid)
	if err != nil {
		return p, err
	}
	if p.Start().After(cadence.Today(now, settings.Location())) {
		return p, pk.FieldInvalid("period", "reports.validation.future", nil)
	}
	return p, nil
}

// PreviewFigures returns the figures a report would be filled with now.
func (store *ReportStore) PreviewFigures(ctx context.Context, pid, plid, period string) (*pk.ReportFigures, error) {
	_, plan, err := store.db.authorizePlanAs(ctx, store.db.read, pid, plid, pk.ActionWriteReports)
	if err != nil {
		return nil, err
	}
	p, ok := cadence.Parse(period)
	if !ok || p.Kind != cadence.Monthly {
		return nil, pk.FieldInvalid("period", "reports.validation.period", nil)
	}
	return reportFigures(ctx, store.db.read, pid, plan, p, store.db.now())
}

// WriteReport writes a plan's report for a month, with its figures.
func (store *ReportStore) WriteReport(ctx context.Context, pid string, in pk.ReportInput) (*pk.Report, error) {
	var out *pk.Report
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionWriteReports); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		_, plan, err := store.db.authorizePlanAs(ctx, tx, pid, in.PlanID, pk.ActionWriteReports)
		if err != nil {
			return err
		}
		period, err := checkReportPeriod(ctx, tx, pid, in.Period, tx.now)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM plan_reports WHERE plan_id = $1 AND period = $2`, plan.ID, in.Period).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pk.FieldInvalid("period", "reports.validation.written_already", nil)
		}
		f, err := reportFigures(ctx, tx, pid, plan, period, tx.now)
		if err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO plan_reports (id, partnership_id, plan_id, period, progress, problems, next_steps, tasks_done, tasks_open,
				tasks_overdue, percent, delivered, spent, spent_to_date, budget, currency, author_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)`,
			id, pid, plan.ID, in.Period, in.Progress, in.Problems, in.NextSteps, f.TasksDone, f.TasksOpen, f.TasksOverdue,
			nullPercent(f.Percent), f.Delivered, f.Spent, f.SpentToDate, f.Budget, f.Currency,
			nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if out, err = loadReport(ctx, tx, pid, id); err != nil {
			return err
		}
		if err := scheduleReportJobs(ctx, tx, pid, period); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "report.write", "report", id, out.PlanTitle+" "+out.Period, nil, auditedReport(out))
	})
	return out, err
}

// auditedReport is a report as the audit log keeps it: without its
// author's name and ID, which the entry's own person column holds (and
// which erasing an account must be able to remove).
func auditedReport(r *pk.Report) *pk.Report {
	c := *r
	c.AuthorID, c.AuthorName = "", ""
	return &c
}

func nullPercent(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// UpdateReport changes a report's text, and fills its figures again when
// asked (a convener who wrote early, say).
func (store *ReportStore) UpdateReport(ctx context.Context, pid, rid string, in pk.ReportInput, refresh bool) (*pk.Report, error) {
	var out *pk.Report
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionWriteReports); err != nil {
			return err
		}
		before, err := loadReport(ctx, tx, pid, rid)
		if err != nil {
			return err
		}
		// The plan and month are the report's own; input cannot move it.
		in.PlanID, in.Period = before.PlanID, before.Period
		if err := in.Validate(); err != nil {
			return err
		}
		_, plan, err := store.db.authorizePlanAs(ctx, tx, pid, before.PlanID, pk.ActionWriteReports)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "plan_reports", "id = $1 AND partnership_id = $2", in.Version, rid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_reports SET progress = $2, problems = $3, next_steps = $4, updated_at = $5 WHERE id = $1`,
			rid, in.Progress, in.Problems, in.NextSteps, fmtTime(tx.now)); err != nil {
			return err
		}
		if refresh {
			period, _ := cadence.Parse(before.Period)
			f, err := reportFigures(ctx, tx, pid, plan, period, tx.now)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `
				UPDATE plan_reports SET tasks_done = $2, tasks_open = $3, tasks_overdue = $4, percent = $5, delivered = $6, spent = $7,
					spent_to_date = $8, budget = $9, currency = $10 WHERE id = $1`,
				rid, f.TasksDone, f.TasksOpen, f.TasksOverdue, nullPercent(f.Percent), f.Delivered, f.Spent, f.SpentToDate, f.Budget,
				f.Currency); err != nil {
				return err
			}
		}
		if out, err = loadReport(ctx, tx, pid, rid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "report.update", "report", rid, out.PlanTitle+" "+out.Period, auditedReport(before), auditedReport(out))
	})
	return out, err
}

// reportablePlans are the plans reports are owed for: active ones.
func reportablePlans(ctx context.Context, db *DB, q queryer, pid string) ([]*pk.Plan, error) {
	plans, _, err := listPlans(ctx, db, q, pid, "")
	if err != nil {
		return nil, err
	}
	kept := plans[:0]
	for _, p := range plans {
		if p.Status == "active" {
			kept = append(kept, p)
		}
	}
	return kept, nil
}

// DueReports lists, for every active plan, the months of the last
// ReportLookback not reported yet (due or overdue) and the running month.
func (store *ReportStore) DueReports(ctx context.Context, pid string) ([]*pk.DueReport, bool, error) {
	part, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewReports)
	if err != nil {
		return nil, false, err
	}
	settings, err := loadBudgetSettings(ctx, store.db.read, pid)
	if err != nil {
		return nil, false, err
	}
	plans, err := reportablePlans(ctx, store.db, store.db.read, pid)
	if err != nil {
		return nil, false, err
	}
	written := map[string]bool{}
	rows, err := store.db.read.QueryContext(ctx, `SELECT plan_id, period FROM plan_reports WHERE partnership_id = $1 AND period >= $2`,
		pid, cadence.Of(cadence.Monthly, store.db.now().AddDate(-1, -1, 0)).Key())
	if err != nil {
		return nil, false, err
	}
	for rows.Next() {
		var plid, period string
		if err := rows.Scan(&plid, &period); err != nil {
			rows.Close()
			return nil, false, err
		}
		written[plid+" "+period] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	loc, now, uid := settings.Location(), store.db.now(), pk.UserIDFromContext(ctx)
	var out []*pk.DueReport
	for _, pl := range plans {
		start := pl.CreatedAt.In(loc)
		if t, err := time.Parse(time.DateOnly, pl.Start); err == nil {
			start = t
		}
		periods, _ := cadence.Closed(cadence.Monthly, start, now, loc, pk.ReportLookback)
		// The running month too, once the plan has started.
		if running := cadence.Of(cadence.Monthly, cadence.Today(now, loc)); !cadence.Of(cadence.Monthly, start).Start().After(running.Start()) {
			periods = append([]cadence.Period{running}, periods...)
		}
		for _, p := range periods {
			if written[pl.ID+" "+p.Key()] {
				continue
			}
			if len(out) == pk.MaxDueReports {
				return out, true, nil
			}
			out = append(out, &pk.DueReport{PlanID: pl.ID, PlanTitle: pl.Title, Period: p.Key(),
				DueDay: p.DueDay().Format(time.DateOnly), State: p.StateAt(now, loc, false),
				MayWrite: pk.Can(part.MyRole, pk.ActionWriteReports) && mayManagePlan(part.MyRole, uid, pl)})
		}
	}
	return out, false, nil
}
