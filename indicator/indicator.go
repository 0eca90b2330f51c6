package indicator

import (
	"math"
	"slices"
	"time"
)

// Kind is what an indicator's values are.
type Kind string

const (
	Number      Kind = "number"
	Percentage  Kind = "percentage"
	YesNo       Kind = "yes_no"
	Qualitative Kind = "qualitative"
)

// Kinds lists the kinds in the order forms show them.
var Kinds = []Kind{Number, Percentage, YesNo, Qualitative}

// Direction is the way an indicator should move.
type Direction string

const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
)

// Directions lists the directions in the order forms show them.
var Directions = []Direction{Increase, Decrease}

// Frequency is how often a measurement is due.
type Frequency string

const (
	Monthly    Frequency = "monthly"
	Quarterly  Frequency = "quarterly"
	HalfYearly Frequency = "half_yearly"
	Annual     Frequency = "annual"
)

// Frequencies lists the frequencies in the order forms show them.
var Frequencies = []Frequency{Monthly, Quarterly, HalfYearly, Annual}

// After is the date one period after d.
func (f Frequency) After(d time.Time) time.Time {
	switch f {
	case Monthly:
		return d.AddDate(0, 1, 0)
	case Quarterly:
		return d.AddDate(0, 3, 0)
	case HalfYearly:
		return d.AddDate(0, 6, 0)
	default:
		return d.AddDate(1, 0, 0)
	}
}

// Status is where an indicator stands against its target.
type Status string

const (
	OnTrack      Status = "on_track"
	Over         Status = "over"
	Under        Status = "under"
	NotReporting Status = "not_reporting"
	NotRated     Status = "not_rated"
)

// Statuses lists the statuses, the ones asking for attention first.
var Statuses = []Status{NotReporting, Under, Over, OnTrack, NotRated}

// Message is the status's catalogue key.
func (s Status) Message() string { return "indicator.status." + string(s) }

// Tolerance is TolaData's band around a target, in percent: within it an
// indicator is on track.
const Tolerance = 15

// Target is a periodic target: the value due by a date, with a label
// ("Q1 2026", "midline").
type Target struct {
	Due   time.Time
	Value float64
	Label string
}

// Measurement is one result. Value is nil for qualitative indicators; yes/no
// values are 1 (yes) or 0 (no).
type Measurement struct {
	Date     time.Time
	Value    *float64
	Evidence bool
}

// Indicator is what the rules read of an indicator. Start is when it was
// set up (the first measurement is due one period later); Baseline and
// LifeTarget are nil when not given; BaselineDate is zero when unknown.
type Indicator struct {
	Kind         Kind
	Direction    Direction
	Frequency    Frequency
	Baseline     *float64
	BaselineDate time.Time
	LifeTarget   *float64
	Targets      []Target
	Start        time.Time
}

// Sums reports whether the indicator's actual is the sum of its
// measurements (a count that should grow) rather than the latest value.
func (ind Indicator) Sums() bool { return ind.Kind == Number && ind.Direction == Increase }

// Result is what Evaluate finds.
type Result struct {
	Status Status
	// Due is the target due by now (nil when none is), and DueActual the
	// actual as of its date, compared with it.
	Due       *Target
	DueActual *float64
	// Actual is the actual to date (the sum or the latest value).
	Actual *float64
	// PercentMet is the actual to date against the life target, in
	// percent with one decimal; nil when it cannot be computed.
	PercentMet *float64
	// EvidenceShare is the percentage of measurements with evidence; nil
	// when there are none.
	EvidenceShare *float64
	// NextDue is the date the next measurement is due by.
	NextDue time.Time
	// Measured is how many measurements count (dated on or before today).
	Measured int
}

// Evaluate applies the rules of the package doc to an indicator and its
// measurements (in any order) on a day. Measurements dated after today are
// ignored.
func Evaluate(ind Indicator, ms []Measurement, today time.Time) Result {
	ms = sortedUpTo(ms, today)
	var r Result
	r.Measured = len(ms)
	r.Actual = actualUpTo(ind, ms, today)
	r.PercentMet = percentMet(ind, ms, r.Actual)
	if len(ms) > 0 {
		with := 0
		for _, m := range ms {
			if m.Evidence {
				with++
			}
		}
		r.EvidenceShare = ptr(round1(100 * float64(with) / float64(len(ms))))
	}

	last := ind.Start
	if ind.BaselineDate.After(last) {
		last = ind.BaselineDate
	}
	if len(ms) > 0 && ms[len(ms)-1].Date.After(last) {
		last = ms[len(ms)-1].Date
	}
	r.NextDue = ind.Frequency.After(last)

	r.Due = dueBy(ind.Targets, today)
	if r.Due != nil {
		r.DueActual = actualUpTo(ind, ms, r.Due.Due)
	}
	switch {
	case today.After(r.NextDue):
		r.Status = NotReporting
	case ind.Kind == Qualitative || r.Due == nil:
		r.Status = NotRated
	case r.DueActual == nil:
		// A target came due with nothing measured by its date.
		r.Status = NotReporting
	default:
		r.Status = Compare(ind.Kind, ind.Direction, *r.DueActual, r.Due.Value)
	}
	return r
}

// Compare is TolaData's rule for one actual against one target: on track
// within ±Tolerance % (both ends included), otherwise over (better than
// planned) or under (worse), flipped for a decreasing indicator. Yes/no
// answers are on track or under.
func Compare(kind Kind, dir Direction, actual, target float64) Status {
	if kind == YesNo {
		if (actual != 0) == (target != 0) {
			return OnTrack
		}
		return Under
	}
	// 100·|a−t| ≤ 15·|t|, in integers' spirit: no 0.15 that floats round
	// up or down at the very boundary. The tiny slack absorbs the rounding
	// of decimal inputs such as 0.3.
	diff, band := 100*abs(actual-target), Tolerance*abs(target)
	if diff <= band+band*1e-12 {
		return OnTrack
	}
	above := actual > target
	if (dir == Decrease) == above {
		return Under
	}
	return Over
}

// dueBy is the latest target due on or before today.
func dueBy(targets []Target, today time.Time) *Target {
	var due *Target
	for i := range targets {
		t := &targets[i]
		if !t.Due.After(today) && (due == nil || t.Due.After(due.Due)) {
			due = t
		}
	}
	return due
}

// actualUpTo is the actual as of a day: the sum of the measurements dated
// on or before it, or the latest of them; nil when none has a value.
func actualUpTo(ind Indicator, sorted []Measurement, day time.Time) *float64 {
	var sum float64
	var latest *float64
	for _, m := range sorted {
		if m.Date.After(day) {
			break
		}
		if m.Value == nil {
			continue
		}
		sum += *m.Value
		latest = m.Value
	}
	if latest == nil {
		return nil
	}
	if ind.Sums() {
		return &sum
	}
	return ptr(*latest)
}

// percentMet is the actual to date against the life target (see the
// package doc).
func percentMet(ind Indicator, ms []Measurement, actual *float64) *float64 {
	if ind.Kind == Qualitative || actual == nil {
		return nil
	}
	goal := ind.LifeTarget
	if goal == nil && len(ind.Targets) > 0 {
		lastT := slices.MaxFunc(ind.Targets, func(a, b Target) int { return a.Due.Compare(b.Due) })
		goal = &lastT.Value
	}
	if goal == nil {
		return nil
	}
	switch {
	case ind.Kind == YesNo:
		if (*actual != 0) == (*goal != 0) {
			return ptr(100)
		}
		return ptr(0)
	case ind.Direction == Decrease:
		if ind.Baseline == nil || *ind.Baseline == *goal {
			return nil
		}
		p := 100 * (*ind.Baseline - *actual) / (*ind.Baseline - *goal)
		return ptr(round1(max(p, 0)))
	case *goal == 0:
		return nil
	default:
		return ptr(round1(100 * *actual / *goal))
	}
}

// sortedUpTo is a sorted copy of the measurements dated on or before today.
func sortedUpTo(ms []Measurement, today time.Time) []Measurement {
	out := make([]Measurement, 0, len(ms))
	for _, m := range ms {
		if !m.Date.After(today) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Measurement) int { return a.Date.Compare(b.Date) })
	return out
}

func ptr(v float64) *float64 { return &v }

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func round1(v float64) float64 { return math.Round(v*10)/10 + 0 }
