package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/money"
)

// Report is a convener's periodic report on an action plan (seed 001,
// activity 13: "regular reports for each action plan"): progress,
// problems and next steps in the convener's words, and the figures filled
// from the plan's tasks, contributions and spending when it was written and
// frozen then, so that a report reads the same a year later.
type Report struct {
	ID        string `json:"id"`
	PlanID    string `json:"plan_id"`
	PlanTitle string `json:"plan_title"`
	// Period is the month reported on ("2026-03").
	Period     string        `json:"period"`
	Progress   string        `json:"progress"`
	Problems   string        `json:"problems"`
	NextSteps  string        `json:"next_steps"`
	Figures    ReportFigures `json:"figures"`
	AuthorID   string        `json:"author_id,omitempty"`
	AuthorName string        `json:"author_name,omitempty"`
	Version    int           `json:"version"`
	CreatedAt  time.Time     `json:"created_at"`
	UpdatedAt  time.Time     `json:"updated_at"`
}

// ReportFigures are a report's numbers. Flows (done, delivered, spent)
// are of the period; stocks (open, overdue, progress, to date) are as the
// period ended or, for a report written early, when it was written.
type ReportFigures struct {
	TasksDone    int `json:"tasks_done"` // done within the period
	TasksOpen    int `json:"tasks_open"`
	TasksOverdue int `json:"tasks_overdue"`
	// Percent is the plan's progress by the plans module's rule (package
	// progress: tasks not dropped and milestones);
	// nil when the plan has nothing to count.
	Percent *int `json:"percent"`
	// Delivered is the value of contributions delivered to the plan in the
	// period; Spent the plan's expenses in it; SpentToDate all its
	// expenses up to the period's end; Budget the sum of its budget lines.
	Delivered   int64  `json:"delivered"`
	Spent       int64  `json:"spent"`
	SpentToDate int64  `json:"spent_to_date"`
	Budget      int64  `json:"budget"`
	Currency    string `json:"currency"`
}

// ReportInput writes or changes a report. The figures are never input:
// the store fills them.
type ReportInput struct {
	PlanID    string
	Period    string
	Progress  string
	Problems  string
	NextSteps string
	Version   int
}

// Validate checks a report's text and that its period is a month.
func (in *ReportInput) Validate() error {
	var v Validator
	in.Progress = strings.TrimSpace(in.Progress)
	in.Problems = strings.TrimSpace(in.Problems)
	in.NextSteps = strings.TrimSpace(in.NextSteps)
	if strings.TrimSpace(in.PlanID) == "" {
		v.Add("plan_id", "validation.required", nil)
	}
	if p, ok := cadence.Parse(in.Period); !ok || p.Kind != cadence.Monthly {
		v.Add("period", "reports.validation.period", nil)
	}
	v.Text("progress", in.Progress, true, 8000)
	v.Text("problems", in.Problems, false, 8000)
	v.Text("next_steps", in.NextSteps, false, 8000)
	return v.Err()
}

// DueReport is a month a plan's report is owed for (or running), with the
// day it is due and where it stands.
type DueReport struct {
	PlanID    string        `json:"plan_id"`
	PlanTitle string        `json:"plan_title"`
	Period    string        `json:"period"`
	DueDay    string        `json:"due_day"` // YYYY-MM-DD, in the partnership's time zone
	State     cadence.State `json:"state"`
	// MayWrite says whether the asker may write it (a convener of the
	// plan's action group, or a coordinator).
	MayWrite bool `json:"may_write"`
}

// ReportFilter narrows the list of reports.
type ReportFilter struct {
	PlanID string
	Period string
}

// Rollup is the summary of the conveners' reports for a committee: the
// executive committee every month, the strategic committee every quarter
// (seed 001, activity 13). Its totals are computed from its reports
// (SumReports), so they always equal their sum.
type Rollup struct {
	ID       string `json:"id"`
	BodyID   string `json:"body_id"`
	BodyName string `json:"body_name"`
	BodyKind string `json:"body_kind"`
	// Period is a month ("2026-03") or a quarter ("2026-Q1").
	Period   string       `json:"period"`
	Totals   RollupTotals `json:"totals"`
	Currency string       `json:"currency"`
	Reports  []*Report    `json:"reports,omitempty"`
	// Missing names the plans that had no report for a month of the
	// period when the roll-up was made.
	Missing     []string  `json:"missing"`
	GeneratedAt time.Time `json:"generated_at"`
	Version     int       `json:"version"`
}

// RollupTotals add up a roll-up's reports.
type RollupTotals struct {
	Reports int `json:"reports"`
	Plans   int `json:"plans"`
	// TasksDone, Delivered and Spent add every report (they are of each
	// report's month, so a quarter adds its three months).
	TasksDone int   `json:"tasks_done"`
	Delivered int64 `json:"delivered"`
	Spent     int64 `json:"spent"`
	// TasksOpen and TasksOverdue add each plan's latest report in the
	// period (they are counts at a month's end: adding three months of
	// the same open task would count it three times).
	TasksOpen    int `json:"tasks_open"`
	TasksOverdue int `json:"tasks_overdue"`
}

// SumReports computes a roll-up's totals from its reports: flows added
// over every report, counts at a month's end from each plan's latest one.
func SumReports(reports []*Report) (RollupTotals, error) {
	var t RollupTotals
	latest := map[string]*Report{}
	for _, r := range reports {
		t.Reports++
		t.TasksDone += r.Figures.TasksDone
		var err error
		if t.Delivered, err = money.Add(t.Delivered, r.Figures.Delivered); err != nil {
			return RollupTotals{}, err
		}
		if t.Spent, err = money.Add(t.Spent, r.Figures.Spent); err != nil {
			return RollupTotals{}, err
		}
		if l := latest[r.PlanID]; l == nil || r.Period > l.Period {
			latest[r.PlanID] = r
		}
	}
	t.Plans = len(latest)
	for _, r := range latest {
		t.TasksOpen += r.Figures.TasksOpen
		t.TasksOverdue += r.Figures.TasksOverdue
	}
	return t, nil
}

// RollupKindFor names the period kind a committee's roll-up covers: a
// month for the executive committee, a quarter for the strategic one.
func RollupKindFor(bodyKind string) (cadence.Kind, bool) {
	switch bodyKind {
	case BodyExecutiveCommittee:
		return cadence.Monthly, true
	case BodyStrategicCommittee:
		return cadence.Quarterly, true
	}
	return "", false
}

// RollupInput asks for the roll-up of a committee for a period.
type RollupInput struct {
	BodyID string
	Period string
}

// Bounds of the report lists.
const (
	MaxReports       = 1000
	MaxRollups       = 500
	MaxDueReports    = 500
	MaxRollupReports = 1500 // a quarter of MaxPlans plans, three months each
	// ReportLookback bounds how many months back due reports are listed.
	ReportLookback = 12
)
