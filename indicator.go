package partnerkit

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/indicator"
)

// Indicator is a measure of a goal or of an action plan, with a baseline,
// a life-of-programme target and periodic targets (seed 000: monitoring
// "on the basis of realistic performance indicators and targets which are
// clearly defined"; seed 004 stage 4: baselines, qualitative and
// quantitative measures, reporting on SMART goals). It belongs to exactly
// one of a goal or a plan. Status and percent met follow TolaData's rule
// (package indicator), computed from the measurements on every read.
type Indicator struct {
	ID        string `json:"id"`
	GoalID    string `json:"goal_id,omitempty"`
	GoalTitle string `json:"goal_title,omitempty"`
	PlanID    string `json:"plan_id,omitempty"`
	PlanTitle string `json:"plan_title,omitempty"`
	Name      string `json:"name"`
	Unit      string `json:"unit"`
	Kind      string `json:"kind"`
	Direction string `json:"direction"`
	// Baseline is the value before the work began (nil: none), taken on
	// BaselineDate (YYYY-MM-DD, empty when unknown).
	Baseline     *float64 `json:"baseline"`
	BaselineDate string   `json:"baseline_date,omitempty"`
	// LifeTarget is the target at the end of the programme (nil: none).
	LifeTarget *float64          `json:"life_target"`
	Targets    []IndicatorTarget `json:"targets"`
	Frequency  string            `json:"frequency"`
	Source     string            `json:"source"`
	// ResponsibleID is the person who reports the measurements.
	ResponsibleID   string `json:"responsible_id,omitempty"`
	ResponsibleName string `json:"responsible_name,omitempty"`
	// Categories are what measurements may be broken down by (age group,
	// gender, refugee or migrant background, member organisation).
	Categories []string `json:"categories"`

	// Computed from the measurements, on the store's day.
	Status string `json:"status"`
	// DueTarget is the target due by now; DueActual the actual as of its
	// date, compared with it.
	DueTarget *IndicatorTarget `json:"due_target,omitempty"`
	DueActual *float64         `json:"due_actual,omitempty"`
	// Actual is the actual to date: the sum of the measurements of a
	// count that should grow, the latest value otherwise.
	Actual        *float64 `json:"actual"`
	PercentMet    *float64 `json:"percent_met"`
	EvidenceShare *float64 `json:"evidence_share"`
	NextDue       string   `json:"next_due"`
	Measurements  int      `json:"measurement_count"`
	// MeasuredInPeriod is set when the list was asked with a MeasuredIn
	// period and the indicator has a measurement dated in it.
	MeasuredInPeriod bool `json:"-"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// IndicatorTarget is a periodic target: the value due by a date, labelled
// ("Q1 2026", "Midline", "Year 1").
type IndicatorTarget struct {
	Due   string  `json:"due"`
	Value float64 `json:"value"`
	Label string  `json:"label"`
}

// Measurement is one result of an indicator: a value on a date (none for a
// qualitative indicator, whose note is the result), a link to the
// evidence, and values per category.
type Measurement struct {
	ID          string          `json:"id"`
	IndicatorID string          `json:"indicator_id"`
	Date        string          `json:"date"`
	Value       *float64        `json:"value"`
	Evidence    string          `json:"evidence"`
	Note        string          `json:"note"`
	Breakdown   []CategoryValue `json:"breakdown"`
	// RecordedBy is who recorded it (empty once their account is gone).
	RecordedBy     string    `json:"recorded_by,omitempty"`
	RecordedByName string    `json:"recorded_by_name,omitempty"`
	Version        int       `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
}

// CategoryValue is a measurement's value for one category.
type CategoryValue struct {
	Category string  `json:"category"`
	Value    float64 `json:"value"`
}

// The closed lists of an indicator, for forms, validation and the API.
var (
	IndicatorKinds       = enumStrings(indicator.Kinds)
	IndicatorDirections  = enumStrings(indicator.Directions)
	IndicatorFrequencies = enumStrings(indicator.Frequencies)
	IndicatorStatuses    = enumStrings(indicator.Statuses)
)

func enumStrings[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// Bounds of indicators and their measurements.
const (
	MaxIndicators          = 200 // per partnership (IndicatorList.Cut)
	MaxIndicatorTargets    = 60  // five years of monthly targets
	MaxIndicatorCategories = 20
	// MaxIndicatorMeasurements bounds an indicator's measurements: forty
	// years of monthly results. Recording more is refused, so the status
	// always reads them all.
	MaxIndicatorMeasurements = 500
	// MaxIndicatorValue bounds every number (a budget in minor units of a
	// weak currency still fits).
	MaxIndicatorValue = 1e12
)

// IndicatorInput defines or changes an indicator. Exactly one of GoalID
// and PlanID is set. Version is the version the writer saw (ignored when
// creating).
type IndicatorInput struct {
	GoalID        string
	PlanID        string
	Name          string
	Unit          string
	Kind          string
	Direction     string
	Baseline      *float64
	BaselineDate  string
	LifeTarget    *float64
	Targets       []IndicatorTarget
	Frequency     string
	Source        string
	ResponsibleID string
	Categories    []string
	Version       int
}

// Validate checks an indicator's own fields; the store checks that the
// goal or plan and the responsible person belong to the partnership.
func (in *IndicatorInput) Validate() error {
	var v Validator
	switch {
	case in.GoalID == "" && in.PlanID == "":
		v.Add("goal_id", "indicator.validation.goal_or_plan", nil)
	case in.GoalID != "" && in.PlanID != "":
		v.Add("plan_id", "indicator.validation.goal_or_plan", nil)
	}
	v.Text("name", in.Name, true, 200)
	v.Text("unit", in.Unit, false, 40)
	v.OneOf("kind", in.Kind, true, IndicatorKinds)
	v.OneOf("direction", in.Direction, true, IndicatorDirections)
	v.OneOf("frequency", in.Frequency, true, IndicatorFrequencies)
	v.Text("source", in.Source, false, 300)
	checkDate(&v, "baseline_date", in.BaselineDate)
	kind := indicator.Kind(in.Kind)
	if kind == indicator.Qualitative {
		// A qualitative indicator is read, not scored: no numbers to hold.
		if in.Baseline != nil {
			v.Add("baseline", "indicator.validation.qualitative_number", nil)
		}
		if in.LifeTarget != nil {
			v.Add("life_target", "indicator.validation.qualitative_number", nil)
		}
		if len(in.Targets) > 0 {
			v.Add("targets", "indicator.validation.qualitative_number", nil)
		}
	}
	checkIndicatorValue(&v, "baseline", kind, in.Baseline)
	checkIndicatorValue(&v, "life_target", kind, in.LifeTarget)
	if in.Direction == string(indicator.Decrease) && kind != indicator.YesNo && kind != indicator.Qualitative {
		// A fall is measured from somewhere, towards something lower.
		if in.Baseline == nil {
			v.Add("baseline", "indicator.validation.decrease_baseline", nil)
		} else if in.LifeTarget != nil && !v.Has("life_target") && *in.LifeTarget >= *in.Baseline {
			v.Add("life_target", "indicator.validation.decrease_target", nil)
		}
	}
	if len(in.Targets) > MaxIndicatorTargets {
		v.Add("targets", "indicator.validation.too_many", map[string]any{"Max": MaxIndicatorTargets})
	} else {
		seen := map[string]bool{}
		for i, t := range in.Targets {
			f := "targets." + strconv.Itoa(i)
			if t.Due == "" {
				v.Add(f+".due", "validation.required", nil)
			} else if _, ok := checkDate(&v, f+".due", t.Due); ok {
				if seen[t.Due] {
					v.Add(f+".due", "indicator.validation.target_twice", nil)
				}
				seen[t.Due] = true
			}
			checkIndicatorValue(&v, f+".value", kind, &in.Targets[i].Value)
			v.Text(f+".label", t.Label, false, 60)
		}
	}
	if len(in.Categories) > MaxIndicatorCategories {
		v.Add("categories", "indicator.validation.too_many", map[string]any{"Max": MaxIndicatorCategories})
	} else {
		seen := map[string]bool{}
		// Each category's problem is the list's, as its own item has no
		// field of its own in a form or a request.
		for _, c := range in.Categories {
			f := "categories"
			v.Text(f, c, true, 60)
			if k := strings.ToLower(strings.TrimSpace(c)); k != "" {
				if seen[k] {
					v.Add(f, "indicator.validation.category_twice", nil)
				}
				seen[k] = true
			}
		}
	}
	return v.Err()
}

// checkIndicatorValue checks one number of an indicator of a kind: finite
// and bounded; a percentage from 0 to 100; yes/no 0 or 1.
func checkIndicatorValue(v *Validator, field string, kind indicator.Kind, x *float64) {
	switch {
	case x == nil:
	case math.IsNaN(*x) || math.IsInf(*x, 0) || math.Abs(*x) > MaxIndicatorValue:
		v.Add(field, "indicator.validation.number", map[string]any{"Max": MaxIndicatorValue})
	case kind == indicator.Percentage && (*x < 0 || *x > 100):
		v.Add(field, "indicator.validation.percentage", nil)
	case kind == indicator.YesNo && *x != 0 && *x != 1:
		v.Add(field, "indicator.validation.yes_no", nil)
	}
}

// Normalise tidies an input before it is validated and stored: trimmed
// names, targets in date order.
func (in *IndicatorInput) Normalise() {
	in.Name, in.Unit, in.Source = strings.TrimSpace(in.Name), strings.TrimSpace(in.Unit), strings.TrimSpace(in.Source)
	for i := range in.Categories {
		in.Categories[i] = strings.TrimSpace(in.Categories[i])
	}
	for i := range in.Targets {
		in.Targets[i].Label = strings.TrimSpace(in.Targets[i].Label)
	}
	slices.SortStableFunc(in.Targets, func(a, b IndicatorTarget) int { return strings.Compare(a.Due, b.Due) })
}

// MeasurementInput records a result. Value is required unless the
// indicator is qualitative, whose Note is the result.
type MeasurementInput struct {
	Date      string
	Value     *float64
	Evidence  string
	Note      string
	Breakdown []CategoryValue
}

// ValidateFor checks a measurement of ind on a day (no result from the
// future).
func (in *MeasurementInput) ValidateFor(ind *Indicator, today time.Time) error {
	var v Validator
	if in.Date == "" {
		v.Add("date", "validation.required", nil)
	} else if d, ok := checkDate(&v, "date", in.Date); ok {
		if d.After(today) {
			v.Add("date", "indicator.validation.future", nil)
		} else if d.Year() < 2000 {
			v.Add("date", "validation.date", nil)
		}
	}
	kind := indicator.Kind(ind.Kind)
	if kind == indicator.Qualitative {
		if in.Value != nil {
			v.Add("value", "indicator.validation.qualitative_number", nil)
		}
		v.Text("note", in.Note, true, 4000)
	} else {
		if in.Value == nil {
			v.Add("value", "validation.required", nil)
		}
		checkIndicatorValue(&v, "value", kind, in.Value)
		v.Text("note", in.Note, false, 4000)
	}
	v.URL("evidence", in.Evidence)
	if len(in.Breakdown) > 0 && (kind == indicator.Qualitative || kind == indicator.YesNo) {
		v.Add("breakdown", "indicator.validation.breakdown_kind", nil)
	}
	seen := map[string]bool{}
	for i, c := range in.Breakdown {
		f := "breakdown." + strconv.Itoa(i)
		if !slices.Contains(ind.Categories, c.Category) {
			v.Add(f+".category", "indicator.validation.unknown_category", map[string]any{"Category": c.Category})
		} else if seen[c.Category] {
			v.Add(f+".category", "indicator.validation.category_twice", nil)
		}
		seen[c.Category] = true
		checkIndicatorValue(&v, f+".value", kind, &in.Breakdown[i].Value)
	}
	return v.Err()
}

// RuleIndicator is what the rules of package indicator read of ind (its
// targets and baseline parsed; dates already validated).
func (ind *Indicator) RuleIndicator() indicator.Indicator {
	out := indicator.Indicator{
		Kind: indicator.Kind(ind.Kind), Direction: indicator.Direction(ind.Direction),
		Frequency: indicator.Frequency(ind.Frequency), Baseline: ind.Baseline, LifeTarget: ind.LifeTarget,
		Start: day(ind.CreatedAt),
	}
	out.BaselineDate, _ = time.Parse(time.DateOnly, ind.BaselineDate)
	for _, t := range ind.Targets {
		due, _ := time.Parse(time.DateOnly, t.Due)
		out.Targets = append(out.Targets, indicator.Target{Due: due, Value: t.Value, Label: t.Label})
	}
	return out
}

// RuleMeasurement is what the rules read of a measurement.
func (m *Measurement) RuleMeasurement() indicator.Measurement {
	d, _ := time.Parse(time.DateOnly, m.Date)
	return indicator.Measurement{Date: d, Value: m.Value, Evidence: m.Evidence != ""}
}

// Evaluate fills the indicator's computed fields from its measurements
// (the latest MaxIndicatorMeasurements at most) on a day.
func (ind *Indicator) Evaluate(ms []indicator.Measurement, today time.Time) {
	r := indicator.Evaluate(ind.RuleIndicator(), ms, day(today))
	ind.Status = string(r.Status)
	ind.Actual, ind.PercentMet, ind.EvidenceShare = r.Actual, r.PercentMet, r.EvidenceShare
	ind.NextDue = r.NextDue.Format(time.DateOnly)
	ind.Measurements = r.Measured
	ind.DueTarget, ind.DueActual = nil, r.DueActual
	if r.Due != nil {
		ind.DueTarget = &IndicatorTarget{Due: r.Due.Due.Format(time.DateOnly), Value: r.Due.Value, Label: r.Due.Label}
	}
}

// day is the UTC calendar day of t, at midnight.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// IndicatorFilter narrows the list of indicators to a goal's or a plan's.
// AsOf (YYYY-MM-DD) evaluates them on an earlier day than today, as they
// stood then (a report's period end).
type IndicatorFilter struct {
	GoalID string
	PlanID string
	AsOf   string
	// MeasuredIn, when given, marks the indicators with a measurement
	// dated in that period (Indicator.MeasuredInPeriod), read with the
	// rest rather than one indicator at a time (the partnership report).
	MeasuredIn *ReportPeriod
}
