package indicator

import (
	"testing"
	"time"
)

var day0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func day(n int) time.Time  { return day0.AddDate(0, 0, n) }
func v(x float64) *float64 { return &x }

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name           string
		kind           Kind
		dir            Direction
		actual, target float64
		want           Status
	}{
		{"exactly on target", Number, Increase, 100, 100, OnTrack},
		{"exactly 15 % over", Number, Increase, 115, 100, OnTrack},
		{"exactly 15 % under", Number, Increase, 85, 100, OnTrack},
		{"just over 15 % over", Number, Increase, 115.01, 100, Over},
		{"just over 15 % under", Number, Increase, 84.99, 100, Under},
		{"decimal boundary", Percentage, Increase, 0.345, 0.3, OnTrack},
		{"decimal boundary under", Percentage, Increase, 0.255, 0.3, OnTrack},
		{"decreasing below target is better", Number, Decrease, 50, 100, Over},
		{"decreasing above target is worse", Number, Decrease, 150, 100, Under},
		{"decreasing exactly 15 % above", Number, Decrease, 115, 100, OnTrack},
		{"decreasing just beyond 15 % above", Number, Decrease, 115.5, 100, Under},
		{"decreasing exactly 15 % below", Percentage, Decrease, 8.5, 10, OnTrack},
		{"decreasing just beyond 15 % below", Percentage, Decrease, 8.4, 10, Over},
		{"zero target met", Number, Increase, 0, 0, OnTrack},
		{"zero target passed", Number, Increase, 1, 0, Over},
		{"zero target decreasing passed", Number, Decrease, 0.5, 0, Under},
		{"zero target decreasing met", Number, Decrease, 0, 0, OnTrack},
		{"negative target", Number, Increase, -110, -100, OnTrack},
		{"negative target worse", Number, Increase, -120, -100, Under},
		{"yes due, yes", YesNo, Increase, 1, 1, OnTrack},
		{"yes due, no", YesNo, Increase, 0, 1, Under},
		{"no due, no", YesNo, Decrease, 0, 0, OnTrack},
		{"no due, yes", YesNo, Decrease, 1, 0, Under},
	} {
		if got := Compare(c.kind, c.dir, c.actual, c.target); got != c.want {
			t.Errorf("%s: Compare(%v, %v) = %s, want %s", c.name, c.actual, c.target, got, c.want)
		}
	}
}

// quarterly is a count of young people reached, with cumulative quarterly
// targets of 50, 100, 150 and 200, set up on day 0.
func quarterly() Indicator {
	return Indicator{
		Kind: Number, Direction: Increase, Frequency: Quarterly, Start: day0,
		LifeTarget: v(200),
		Targets: []Target{
			{Due: day(89), Value: 50, Label: "Q1"}, {Due: day(180), Value: 100, Label: "Q2"},
			{Due: day(272), Value: 150, Label: "Q3"}, {Due: day(364), Value: 200, Label: "Q4"},
		},
	}
}

func m(d int, x float64, evidence bool) Measurement {
	return Measurement{Date: day(d), Value: v(x), Evidence: evidence}
}

func TestEvaluate(t *testing.T) {
	decreasing := Indicator{Kind: Percentage, Direction: Decrease, Frequency: Monthly, Start: day0,
		Baseline: v(30), BaselineDate: day(-10), LifeTarget: v(10),
		Targets: []Target{{Due: day(59), Value: 25}, {Due: day(120), Value: 20}}}
	yesNo := Indicator{Kind: YesNo, Direction: Increase, Frequency: Annual, Start: day0,
		LifeTarget: v(1), Targets: []Target{{Due: day(100), Value: 1}}}
	qual := Indicator{Kind: Qualitative, Direction: Increase, Frequency: Quarterly, Start: day0}
	zero := Indicator{Kind: Number, Direction: Increase, Frequency: Monthly, Start: day0,
		LifeTarget: v(0), Targets: []Target{{Due: day(20), Value: 0}}}
	for _, c := range []struct {
		name     string
		ind      Indicator
		ms       []Measurement
		today    int
		status   Status
		percent  *float64
		evidence *float64
		due      string
	}{
		{"no measurements, none due yet", quarterly(), nil, 30, NotRated, nil, nil, ""},
		{"no measurements, a period passed", quarterly(), nil, 91, NotReporting, nil, nil, "Q1"},
		{"a target came due with nothing measured", quarterly(), nil, 89, NotReporting, nil, nil, "Q1"},
		{"next measurement due today", quarterly(), []Measurement{m(30, 50, false)}, 120, OnTrack, v(25), v(0), "Q1"},
		{"next measurement a day overdue", quarterly(), []Measurement{m(30, 50, false)}, 121, NotReporting, v(25), v(0), "Q1"},
		{"sums compared with the target due", quarterly(), []Measurement{m(30, 20, true), m(80, 25, false)}, 95, OnTrack, v(22.5), v(50), "Q1"},
		// Measurements after the due date count for the next target.
		{"later results wait for the next target", quarterly(), []Measurement{m(30, 20, true), m(80, 10, false), m(95, 60, false)}, 100, Under, v(45), v(33.3), "Q1"},
		{"over", quarterly(), []Measurement{m(30, 40, true), m(85, 40, true)}, 100, Over, v(40), v(100), "Q1"},
		{"overdue beats on track", quarterly(), []Measurement{m(30, 20, true), m(80, 30, false)}, 175, NotReporting, v(25), v(50), "Q1"},
		{"target due with nothing before it", quarterly(), []Measurement{m(120, 60, false)}, 130, NotReporting, v(30), v(0), "Q1"},
		{"future measurements ignored", quarterly(), []Measurement{m(30, 50, false), m(200, 500, false)}, 95, OnTrack, v(25), v(0), "Q1"},
		{"decreasing on track", decreasing, []Measurement{m(25, 28, false), m(55, 26, true)}, 70, OnTrack, v(20), v(50), ""},
		{"decreasing better than planned is over", decreasing, []Measurement{m(25, 28, false), m(55, 12, true), m(65, 11, true)}, 70, Over, v(95), v(66.7), ""},
		{"decreasing worse than planned is under", decreasing, []Measurement{m(55, 31, true), m(65, 32, true)}, 70, Under, v(0), v(100), ""},
		{"decreasing met beyond the target", decreasing, []Measurement{m(55, 26, true), m(80, 5, true)}, 90, OnTrack, v(125), v(100), ""},
		{"yes/no answered yes", yesNo, []Measurement{m(90, 1, true)}, 120, OnTrack, v(100), v(100), ""},
		{"yes/no answered no", yesNo, []Measurement{m(90, 0, false)}, 120, Under, v(0), v(0), ""},
		{"qualitative never rated", qual, []Measurement{{Date: day(60), Evidence: true}}, 100, NotRated, nil, v(100), ""},
		{"qualitative overdue", qual, []Measurement{{Date: day(60)}}, 160, NotReporting, nil, v(0), ""},
		{"zero target met", zero, []Measurement{m(10, 0, false)}, 25, OnTrack, nil, v(0), ""},
		{"zero target passed", zero, []Measurement{m(10, 3, false)}, 25, Over, nil, v(0), ""},
	} {
		r := Evaluate(c.ind, c.ms, day(c.today))
		if r.Status != c.status {
			t.Errorf("%s: status %s, want %s", c.name, r.Status, c.status)
		}
		if !same(r.PercentMet, c.percent) {
			t.Errorf("%s: percent met %v, want %v", c.name, show(r.PercentMet), show(c.percent))
		}
		if !same(r.EvidenceShare, c.evidence) {
			t.Errorf("%s: evidence share %v, want %v", c.name, show(r.EvidenceShare), show(c.evidence))
		}
		if c.due != "" && (r.Due == nil || r.Due.Label != c.due) {
			t.Errorf("%s: target due %v, want %s", c.name, r.Due, c.due)
		}
	}
}

func TestPercentMetWithoutLifeTarget(t *testing.T) {
	ind := quarterly()
	ind.LifeTarget = nil
	r := Evaluate(ind, []Measurement{m(10, 100, false)}, day(20))
	if !same(r.PercentMet, v(50)) { // the last periodic target, 200
		t.Errorf("percent met %v, want 50", show(r.PercentMet))
	}
	ind.Targets = nil
	if r := Evaluate(ind, []Measurement{m(10, 100, false)}, day(20)); r.PercentMet != nil || r.Status != NotRated {
		t.Errorf("no target at all: %v %s", show(r.PercentMet), r.Status)
	}
}

func TestPercentMetDecreasingWithoutBaseline(t *testing.T) {
	ind := Indicator{Kind: Number, Direction: Decrease, Frequency: Monthly, Start: day0, LifeTarget: v(5)}
	if r := Evaluate(ind, []Measurement{m(10, 7, false)}, day(20)); r.PercentMet != nil {
		t.Errorf("percent met without a baseline: %v", show(r.PercentMet))
	}
}

func TestNextDue(t *testing.T) {
	ind := quarterly()
	ind.BaselineDate = day(10)
	if r := Evaluate(ind, nil, day(5)); !r.NextDue.Equal(day(10).AddDate(0, 3, 0)) {
		t.Errorf("next due from the baseline: %s", r.NextDue)
	}
	if r := Evaluate(ind, []Measurement{m(40, 1, false)}, day(50)); !r.NextDue.Equal(day(40).AddDate(0, 3, 0)) {
		t.Errorf("next due from the latest measurement: %s", r.NextDue)
	}
	for f, months := range map[Frequency]int{Monthly: 1, Quarterly: 3, HalfYearly: 6, Annual: 12} {
		if got := f.After(day0); !got.Equal(day0.AddDate(0, months, 0)) {
			t.Errorf("%s after: %s", f, got)
		}
	}
}

func same(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func show(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}
