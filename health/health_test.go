package health

import (
	"testing"
)

func TestAggregateColours(t *testing.T) {
	for _, c := range []struct {
		name   string
		scores []int
		mean   float64
		colour string
	}{
		{"two raters are too few", []int{5, 5}, 0, TooFew},
		{"out-of-scale scores ignored", []int{5, 5, 0, 6}, 0, TooFew},
		{"green at 3.5", []int{3, 4, 3, 4}, 3.5, Green},
		{"amber just below 3.5", []int{3, 4, 3}, 3.33, Amber},
		{"amber at 2.5", []int{2, 3, 2, 3}, 2.5, Amber},
		{"red below 2.5", []int{2, 3, 2}, 2.33, Red},
		{"wide spread keeps from green", []int{5, 5, 5, 1, 5}, 4.2, Amber},
	} {
		a := AggregateScores("sharing", c.scores)
		if a.Mean != c.mean || a.Colour != c.colour {
			t.Errorf("%s: mean %v colour %s, want %v %s", c.name, a.Mean, a.Colour, c.mean, c.colour)
		}
	}
	if a := AggregateScores("x", []int{1, 5, 1, 5}); a.SD != 2 {
		t.Errorf("SD = %v, want 2", a.SD)
	}
}

func TestGini(t *testing.T) {
	for _, c := range []struct {
		values []float64
		want   float64
	}{
		{nil, 0}, {[]float64{0, 0}, 0}, {[]float64{3, 3, 3}, 0},
		{[]float64{0, 0, 0, 10}, 0.75}, {[]float64{1, 2, 3, 4}, 0.25},
	} {
		if got := Gini(c.values); got != c.want {
			t.Errorf("Gini(%v) = %v, want %v", c.values, got, c.want)
		}
	}
}

func signal(ss []Signal, key string) Signal {
	for _, s := range ss {
		if s.Key == key {
			return s
		}
	}
	return Signal{}
}

// A partnership where one organisation holds most tasks, money, proposals,
// chairs and votes: every dominance and participation signal fires.
func dominantInput() Input {
	orgs := []string{"big", "b", "c", "d"}
	return Input{Orgs: orgs,
		Tasks: Counts{"big": 14, "b": 2, "c": 1}, Money: Counts{"big": 9000, "b": 500, "c": 500},
		Proposals: Counts{"big": 6, "b": 1}, Chairs: Counts{"big": 3, "b": 1, "c": 1},
		Attendance: Counts{"big": 8, "b": 1, "c": 1}, Votes: Counts{"big": 10, "b": 2},
		AttendanceRates: []float64{0.9, 0.8, 0.9, 0.6, 0.5, 0.6}, Overdue: 4, Open: 10,
		Roles: Profile{People: 6, Lived: 1, Young: 0}, Voters: Profile{People: 8, Lived: 1, Young: 1},
		HasAgreement: true, Signed: 2, Members: 4,
		Funding: Counts{"funder": 8000, "big": 1000}, HasMoney: true}
}

func evenInput() Input {
	orgs := []string{"a", "b", "c", "d"}
	even := Counts{"a": 3, "b": 3, "c": 2, "d": 3}
	return Input{Orgs: orgs, Tasks: even, Money: Counts{"a": 1000, "b": 900, "c": 1100, "d": 1000}, Proposals: even, Chairs: Counts{"a": 2, "b": 1, "c": 1, "d": 1},
		Attendance: even, Votes: even, AttendanceRates: []float64{0.8, 0.8, 0.7, 0.8, 0.9, 0.8}, Overdue: 1, Open: 10,
		Roles: Profile{People: 6, Lived: 3, Young: 2}, Voters: Profile{People: 9, Lived: 4, Young: 3},
		HasAgreement: true, Signed: 4, Members: 4,
		Funding: Counts{"funder": 4000, "city": 3000, "a": 1000}, HasMoney: true}
}

func TestADominantPartnershipFires(t *testing.T) {
	ss := Signals(dominantInput())
	for _, s := range ss {
		if s.State != Fires {
			t.Errorf("%s: %s (value %v), want fires", s.Key, s.State, s.Value)
		}
	}
	if d := signal(ss, "dominance_tasks"); d.Org != "big" || d.Value != 0.82 || d.Threshold != 0.5 {
		t.Errorf("dominance_tasks = %+v", d)
	}
}

func TestAnEvenPartnershipDoesNotFire(t *testing.T) {
	ss := Signals(evenInput())
	if len(ss) != 15 {
		t.Fatalf("%d signals, want 15", len(ss))
	}
	for _, s := range ss {
		if s.State != Fine {
			t.Errorf("%s: %s (value %v), want fine", s.Key, s.State, s.Value)
		}
	}
}

func TestSignalBoundaries(t *testing.T) {
	orgs := []string{"a", "b", "c", "d"}
	// Exactly 50 % with four members is the margin itself: fine.
	if s := dominance("k", "i", orgs, Counts{"a": 5, "b": 5}); s.State != Fine {
		t.Errorf("50%% of 4: %s", s.State)
	}
	if s := dominance("k", "i", orgs, Counts{"a": 6, "b": 5}); s.State != Fires {
		t.Errorf("55%% of 4: %s", s.State)
	}
	if s := dominance("k", "i", orgs, Counts{"a": 4}); s.State != NoData {
		t.Errorf("4 events: %s", s.State)
	}
	if s := dominance("k", "i", []string{"a"}, Counts{"a": 9}); s.State != NoData {
		t.Errorf("one member: %s", s.State)
	}
	if s := attendanceTrend([]float64{1, 1, 1}); s.State != NoData {
		t.Errorf("three meetings: %s", s.State)
	}
	if s := attendanceTrend([]float64{0.9, 0.75}); s.State != NoData {
		t.Errorf("two meetings: %s", s.State)
	}
	if s := attendanceTrend([]float64{0.9, 0.75, 0.75, 0.75}); s.State != Fires || s.Value != -0.15 {
		t.Errorf("drop of 15 points: %+v", s)
	}
	if s := overdue(0, 0); s.State != NoData {
		t.Errorf("nothing open: %s", s.State)
	}
	if s := overdue(2, 10); s.State != Fires {
		t.Errorf("20%% overdue: %s", s.State)
	}
	if s := share("lived_roles", "ownership", 4, 0, LivedShareBelow); s.State != NoData || s.Value != 0 {
		t.Errorf("four people: %+v", s)
	}
	if s := share("lived_roles", "ownership", 5, 1, LivedShareBelow); s.State != Fine {
		t.Errorf("1 of 5 is 20%%: %s", s.State)
	}
	if s := agreementSigned(false, 0, 3); s.State != Fires {
		t.Errorf("no agreement: %s", s.State)
	}
	if s := funding(Counts{"only": 100}); s.State != Fires {
		t.Errorf("one source: %s", s.State)
	}
	if s := funding(Counts{"a": 60, "b": 40}); s.State != Fine {
		t.Errorf("60/40: %s", s.State)
	}
}

func TestDisagreement(t *testing.T) {
	ss := Signals(dominantInput())
	green := Aggregate{Item: "equal_opportunity", Colour: Green}
	if !Disagreement(green, ss) {
		t.Error("rated green while dominance fires: no disagreement")
	}
	red := Aggregate{Item: "equal_opportunity", Colour: Red}
	if Disagreement(red, ss) {
		t.Error("rated red while signals fire: a disagreement")
	}
	if !Disagreement(red, Signals(evenInput())) {
		t.Error("rated red while every signal is fine: no disagreement")
	}
	if Disagreement(Aggregate{Item: "learning", Colour: Green}, ss) {
		t.Error("an item without signals disagrees")
	}
}
