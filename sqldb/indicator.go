package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/indicator"
)

// IndicatorStore keeps the indicators of goals and plans with their targets
// and measurements. Status and percent met are computed on every read from
// the stored measurements (package indicator), never stored.
type IndicatorStore struct{ db *DB }

const indicatorSelect = `
	SELECT i.id, COALESCE(i.goal_id, ''), COALESCE(g.title, ''), COALESCE(i.plan_id, ''), COALESCE(pl.title, ''),
		i.name, i.unit, i.kind, i.direction, i.baseline, i.baseline_date, i.life_target, i.frequency, i.source,
		COALESCE(i.responsible_id, ''), COALESCE(u.name, ''), i.categories, i.version, i.created_at, i.updated_at
	FROM indicators i
	LEFT JOIN goals g ON g.id = i.goal_id
	LEFT JOIN plans pl ON pl.id = i.plan_id
	LEFT JOIN users u ON u.id = i.responsible_id `

func scanIndicator(row rowScanner) (*pk.Indicator, error) {
	ind := &pk.Indicator{Targets: []pk.IndicatorTarget{}}
	var baseline, life, categories string
	err := row.Scan(&ind.ID, &ind.GoalID, &ind.GoalTitle, &ind.PlanID, &ind.PlanTitle,
		&ind.Name, &ind.Unit, &ind.Kind, &ind.Direction, &baseline, &ind.BaselineDate, &life, &ind.Frequency, &ind.Source,
		&ind.ResponsibleID, &ind.ResponsibleName, &categories, &ind.Version, ts(&ind.CreatedAt), ts(&ind.UpdatedAt))
	if err != nil {
		return nil, err
	}
	if ind.Baseline, err = parseNumber(baseline); err != nil {
		return nil, err
	}
	if ind.LifeTarget, err = parseNumber(life); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(categories), &ind.Categories); err != nil {
		return nil, err
	}
	if ind.Categories == nil {
		ind.Categories = []string{}
	}
	return ind, nil
}

// parseNumber reads an optional number stored as text ("" for none).
func parseNumber(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	x, err := parseShare(s)
	return &x, err
}

// indicatorWhere selects a partnership's indicators a filter keeps; the
// arguments are $1 to $3.
const indicatorWhere = `i.partnership_id = $1 AND ($2 = '' OR i.goal_id = $2) AND ($3 = '' OR i.plan_id = $3)`

// Indicators lists the partnership's indicators with their status.
func (store *IndicatorStore) Indicators(ctx context.Context, pid string, f pk.IndicatorFilter) ([]*pk.Indicator, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewIndicators); err != nil {
		return nil, false, err
	}
	today, err := evaluationDay(store.db.now(), f.AsOf)
	if err != nil {
		return nil, false, err
	}
	out, err := collect(scanIndicator)(store.db.read.QueryContext(ctx, indicatorSelect+`WHERE `+indicatorWhere+`
		ORDER BY i.name, i.id LIMIT $4`, pid, f.GoalID, f.PlanID, pk.MaxIndicators+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxIndicators
	if cut {
		out = out[:pk.MaxIndicators]
	}
	return out, cut, completeIndicators(ctx, store.db.read, pid, f, out, today)
}

// evaluationDay is the day indicators are evaluated on: today, or an
// earlier day asked for.
func evaluationDay(now time.Time, asOf string) (time.Time, error) {
	if asOf == "" {
		return now, nil
	}
	d, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return now, pk.FieldInvalid("as_of", "validation.date", nil)
	}
	if d.After(now) {
		return now, nil
	}
	return d, nil
}

// Indicator returns one indicator with its status.
func (store *IndicatorStore) Indicator(ctx context.Context, pid, iid string) (*pk.Indicator, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewIndicators); err != nil {
		return nil, err
	}
	return loadIndicator(ctx, store.db.read, pid, iid, store.db.now())
}

func loadIndicator(ctx context.Context, q queryer, pid, iid string, today time.Time) (*pk.Indicator, error) {
	ind, err := scanIndicator(q.QueryRowContext(ctx, indicatorSelect+`WHERE i.id = $1 AND i.partnership_id = $2`, iid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	if err != nil {
		return nil, err
	}
	return ind, completeIndicators(ctx, q, pid, pk.IndicatorFilter{}, []*pk.Indicator{ind}, today)
}

// completeIndicators reads the targets and measurements of the listed
// indicators (two queries for any number of them) and evaluates each.
func completeIndicators(ctx context.Context, q queryer, pid string, f pk.IndicatorFilter, list []*pk.Indicator, today time.Time) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[string]*pk.Indicator, len(list))
	for _, ind := range list {
		byID[ind.ID] = ind
	}
	one := ""
	if len(list) == 1 {
		one = list[0].ID
	}
	rows, err := q.QueryContext(ctx, `
		SELECT t.indicator_id, t.due_date, t.value, t.label FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id
		WHERE `+indicatorWhere+` AND ($4 = '' OR i.id = $4) ORDER BY t.indicator_id, t.due_date`, pid, f.GoalID, f.PlanID, one)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, value string
		var t pk.IndicatorTarget
		if err := rows.Scan(&id, &t.Due, &value, &t.Label); err != nil {
			return err
		}
		if t.Value, err = parseShare(value); err != nil {
			return err
		}
		if ind := byID[id]; ind != nil {
			ind.Targets = append(ind.Targets, t)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	ms := map[string][]indicator.Measurement{}
	rows, err = q.QueryContext(ctx, `
		SELECT m.indicator_id, m.measured_on, m.value, m.evidence FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE `+indicatorWhere+` AND ($4 = '' OR i.id = $4) ORDER BY m.indicator_id, m.measured_on, m.id`, pid, f.GoalID, f.PlanID, one)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m pk.Measurement
		var value string
		if err := rows.Scan(&m.IndicatorID, &m.Date, &value, &m.Evidence); err != nil {
			return err
		}
		if m.Value, err = parseNumber(value); err != nil {
			return err
		}
		ms[m.IndicatorID] = append(ms[m.IndicatorID], m.RuleMeasurement())
		if ind := byID[m.IndicatorID]; ind != nil && f.MeasuredIn != nil && f.MeasuredIn.Contains(m.Date) {
			ind.MeasuredInPeriod = true
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, ind := range list {
		ind.Evaluate(ms[ind.ID], today)
	}
	return nil
}

// Measurements lists an indicator's measurements, newest first.
func (store *IndicatorStore) Measurements(ctx context.Context, pid, iid string) ([]*pk.Measurement, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewIndicators); err != nil {
		return nil, false, err
	}
	var n int
	if err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM indicators WHERE id = $1 AND partnership_id = $2`, iid, pid).Scan(&n); err != nil {
		return nil, false, err
	}
	if n == 0 {
		return nil, false, pk.NotFound()
	}
	out, err := collect(scanMeasurement)(store.db.read.QueryContext(ctx, measurementSelect+`
		WHERE m.indicator_id = $1 AND m.partnership_id = $2 ORDER BY m.measured_on DESC, m.created_at DESC, m.id LIMIT $3`,
		iid, pid, pk.MaxIndicatorMeasurements+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxIndicatorMeasurements
	if cut {
		out = out[:pk.MaxIndicatorMeasurements]
	}
	return out, cut, nil
}

const measurementSelect = `
	SELECT m.id, m.indicator_id, m.measured_on, m.value, m.evidence, m.note, m.breakdown,
		COALESCE(m.recorded_by, ''), COALESCE(u.name, ''), m.version, m.created_at
	FROM indicator_measurements m LEFT JOIN users u ON u.id = m.recorded_by `

func scanMeasurement(row rowScanner) (*pk.Measurement, error) {
	m := &pk.Measurement{}
	var value, breakdown string
	err := row.Scan(&m.ID, &m.IndicatorID, &m.Date, &value, &m.Evidence, &m.Note, &breakdown, &m.RecordedBy, &m.RecordedByName, &m.Version, ts(&m.CreatedAt))
	if err != nil {
		return nil, err
	}
	if m.Value, err = parseNumber(value); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(breakdown), &m.Breakdown); err != nil {
		return nil, err
	}
	if m.Breakdown == nil {
		m.Breakdown = []pk.CategoryValue{}
	}
	return m, nil
}
