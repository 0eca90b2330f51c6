package spectrum

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

var day0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func day(n int) time.Time { return day0.AddDate(0, 0, n) }

func as(actor string, support, d int, seq int64) Assessment {
	return Assessment{ActorID: actor, Support: support, Influence: 3, At: day(d), Seq: seq}
}

// A small history:
//
//	a: neutral (day 1) → passive ally (day 5) → active ally (day 9)
//	b: passive ally (day 2) → passive opposition (day 6)
//	c: first assessed on day 7, active opposition
//	d: neutral on day 3, twice at the same instant: Seq decides (active ally)
//	e: passive ally on day 2, neutral on day 4, passive ally again on day 8
var history = []Assessment{
	as("a", 2, 9, 30), as("a", 0, 1, 1), as("a", 1, 5, 10),
	as("b", 1, 2, 2), as("b", -1, 6, 20),
	as("c", -2, 7, 25),
	as("d", 2, 3, 9), as("d", 0, 3, 4),
	as("e", 1, 2, 3), as("e", 0, 4, 6), as("e", 1, 8, 27),
}

func supports(pos map[string]Assessment) map[string]int {
	out := map[string]int{}
	for id, a := range pos {
		out[id] = a.Support
	}
	return out
}

func TestPositionsAt(t *testing.T) {
	for _, c := range []struct {
		at   time.Time
		want map[string]int
	}{
		{day(0), map[string]int{}},                               // before any assessment
		{day(1).Add(-time.Nanosecond), map[string]int{}},         // just before the first
		{day(1), map[string]int{"a": 0}},                         // at the instant counts
		{day(3), map[string]int{"a": 0, "b": 1, "d": 2, "e": 1}}, // d: higher Seq wins
		{day(5), map[string]int{"a": 1, "b": 1, "d": 2, "e": 0}}, //
		{day(8), map[string]int{"a": 1, "b": -1, "c": -2, "d": 2, "e": 1}},
		{day(100), map[string]int{"a": 2, "b": -1, "c": -2, "d": 2, "e": 1}},
	} {
		if got := supports(PositionsAt(history, c.at)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("PositionsAt(day %v) = %v, want %v", c.at.Sub(day0).Hours()/24, got, c.want)
		}
	}
	// Same instant and same Seq: the later in the slice wins, whatever the
	// order of the others.
	tie := []Assessment{as("x", 1, 1, 5), as("x", -1, 1, 5)}
	if got := PositionsAt(tie, day(1))["x"].Support; got != -1 {
		t.Errorf("full tie: got %d, want the later entry's -1", got)
	}
	if got := PositionsAt(nil, day(1)); len(got) != 0 {
		t.Errorf("no history: %v", got)
	}
}

func TestCounts(t *testing.T) {
	got := Counts(PositionsAt(history, day(8)))
	want := map[Segment]int{ActiveAlly: 1, PassiveAlly: 2, Neutral: 0, PassiveOpposition: 1, ActiveOpposition: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Counts = %v, want %v", got, want)
	}
	// Every segment is present; scores off the scale count at the edges.
	got = Counts(map[string]Assessment{"x": {Support: 7}, "y": {Support: -4}})
	want = map[Segment]int{ActiveAlly: 1, PassiveAlly: 0, Neutral: 0, PassiveOpposition: 0, ActiveOpposition: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Counts off scale = %v, want %v", got, want)
	}
	if got := Counts(nil); len(got) != 5 {
		t.Errorf("Counts(nil) = %v", got)
	}
}

func TestMovesSince(t *testing.T) {
	for _, c := range []struct {
		name         string
		since, until time.Time
		want         []Move
	}{
		{"one week", day(3), day(8), []Move{
			{ActorID: "a", From: Neutral, To: PassiveAlly, Known: true, Direction: Towards},
			{ActorID: "b", From: PassiveAlly, To: PassiveOpposition, Known: true, Direction: Away},
			{ActorID: "c", To: ActiveOpposition, Direction: New},
			// d did not move; e went to neutral and came back: no move
		}},
		{"from before anything", day(-5), day(2), []Move{
			{ActorID: "a", To: Neutral, Direction: New},
			{ActorID: "b", To: PassiveAlly, Direction: New},
			{ActorID: "e", To: PassiveAlly, Direction: New},
		}},
		{"e's dip", day(3), day(5), []Move{
			{ActorID: "a", From: Neutral, To: PassiveAlly, Known: true, Direction: Towards},
			{ActorID: "e", From: PassiveAlly, To: Neutral, Known: true, Direction: Away},
		}},
		{"nothing happened", day(10), day(20), nil},
		{"same day", day(5), day(5), nil},
		{"before anything", day(-9), day(-1), nil},
	} {
		got := MovesSince(history, c.since, c.until)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: MovesSince = %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

func TestCountsOverTime(t *testing.T) {
	dates := []time.Time{day(8), day(-1), day(3), day(3), day(100), day(1)} // unsorted, repeated
	got := CountsOverTime(history, dates)
	if len(got) != len(dates) {
		t.Fatalf("%d results for %d dates", len(got), len(dates))
	}
	for i, d := range dates {
		if want := Counts(PositionsAt(history, d)); !reflect.DeepEqual(got[i], want) {
			t.Errorf("at %s: %v, want %v", d.Format(time.DateOnly), got[i], want)
		}
	}
	if got := CountsOverTime(history, nil); len(got) != 0 {
		t.Errorf("no dates: %v", got)
	}
	if got := CountsOverTime(nil, []time.Time{day(1)}); !reflect.DeepEqual(got[0], Counts(nil)) {
		t.Errorf("no history: %v", got)
	}
}

// The sweep agrees with the direct definition on random histories full of
// ties (few distinct instants, repeated Seq).
func TestCountsOverTimeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		var all []Assessment
		for range r.IntN(200) {
			all = append(all, Assessment{
				ActorID: fmt.Sprint(r.IntN(30)),
				Support: r.IntN(7) - 3,
				At:      day(r.IntN(10)),
				Seq:     int64(r.IntN(4)),
			})
		}
		var dates []time.Time
		for range r.IntN(12) {
			dates = append(dates, day(r.IntN(14)-2))
		}
		got := CountsOverTime(all, dates)
		for i, d := range dates {
			if want := Counts(PositionsAt(all, d)); !reflect.DeepEqual(got[i], want) {
				t.Fatalf("round %d, date %d: %v, want %v", round, i, got[i], want)
			}
		}
	}
}

// 2,000 actors, 10,000 assessments over two years, 50 dates.
func benchHistory() ([]Assessment, []time.Time) {
	r := rand.New(rand.NewPCG(3, 4))
	all := make([]Assessment, 10000)
	for i := range all {
		all[i] = Assessment{
			ActorID: fmt.Sprint("actor-", r.IntN(2000)),
			Support: r.IntN(5) - 2,
			At:      day0.Add(time.Duration(r.IntN(730*24)) * time.Hour),
			Seq:     int64(i),
		}
	}
	dates := make([]time.Time, 50)
	for i := range dates {
		dates[i] = day0.AddDate(0, 0, 15*i)
	}
	return all, dates
}

func BenchmarkCountsOverTime(b *testing.B) {
	all, dates := benchHistory()
	for b.Loop() {
		CountsOverTime(all, dates)
	}
}

func BenchmarkMovesSince(b *testing.B) {
	all, dates := benchHistory()
	for b.Loop() {
		MovesSince(all, dates[10], dates[40])
	}
}
