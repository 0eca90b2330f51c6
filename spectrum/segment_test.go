package spectrum

import (
	"fmt"
	"strconv"
	"testing"
)

func TestSegments(t *testing.T) {
	want := []struct {
		s   Segment
		key string
		v   int
	}{
		{ActiveAlly, "active_ally", 2}, {PassiveAlly, "passive_ally", 1}, {Neutral, "neutral", 0},
		{PassiveOpposition, "passive_opposition", -1}, {ActiveOpposition, "active_opposition", -2},
	}
	if len(Segments) != len(want) {
		t.Fatalf("Segments = %v", Segments)
	}
	for i, w := range want {
		s := Segments[i]
		if s != w.s || int(s) != w.v || s.Key() != w.key || s.String() != w.key || !s.Valid() {
			t.Errorf("Segments[%d] = %d %q, want %d %q", i, s, s.Key(), w.v, w.key)
		}
		if s.Message() != "spectrum.segment."+w.key || s.Advice() != "spectrum.advice."+w.key {
			t.Errorf("%s: %s, %s", s, s.Message(), s.Advice())
		}
	}
	for _, s := range []Segment{-3, 3, 100} {
		if s.Valid() || s.Key() != "" || s.String() != fmt.Sprintf("segment(%d)", int(s)) {
			t.Errorf("invalid segment %d: valid %v key %q string %q", s, s.Valid(), s.Key(), s.String())
		}
	}
}

func TestParseSegment(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Segment
		ok   bool
	}{
		{"active_ally", ActiveAlly, true}, {"passive_ally", PassiveAlly, true}, {"neutral", Neutral, true},
		{"passive_opposition", PassiveOpposition, true}, {" active_opposition\n", ActiveOpposition, true},
		{"2", ActiveAlly, true}, {"+1", PassiveAlly, true}, {"0", Neutral, true}, {"-1", PassiveOpposition, true}, {"-2", ActiveOpposition, true},
		{"", 0, false}, {"3", 0, false}, {"-3", 0, false}, {"Active_Ally", 0, false}, {"ally", 0, false},
		{"002", 0, false}, {"1.0", 0, false}, {"+-1", 0, false},
	} {
		got, err := ParseSegment(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSegment(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func FuzzParseSegment(f *testing.F) {
	for _, s := range []string{"active_ally", "neutral", "-2", "+2", "", "x", "  1 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseSegment(in)
		if err != nil {
			if s != 0 {
				t.Errorf("ParseSegment(%q) failed but returned %d", in, s)
			}
			return
		}
		if !s.Valid() {
			t.Fatalf("ParseSegment(%q) = invalid %d", in, s)
		}
		// What parses also parses back from its key and its number.
		if k, err := ParseSegment(s.Key()); err != nil || k != s {
			t.Errorf("key %q does not round-trip", s.Key())
		}
		if k, err := ParseSegment(strconv.Itoa(int(s))); err != nil || k != s {
			t.Errorf("number %d does not round-trip", s)
		}
	})
}

func TestSegmentOf(t *testing.T) {
	for in, want := range map[int]Segment{-99: ActiveOpposition, -3: ActiveOpposition, -2: ActiveOpposition, -1: PassiveOpposition, 0: Neutral, 1: PassiveAlly, 2: ActiveAlly, 3: ActiveAlly, 99: ActiveAlly} {
		if got := SegmentOf(in); got != want {
			t.Errorf("SegmentOf(%d) = %s, want %s", in, got, want)
		}
	}
}

func TestNextStep(t *testing.T) {
	for _, c := range []struct{ in, want Segment }{
		{ActiveOpposition, PassiveOpposition},
		{PassiveOpposition, Neutral},
		{Neutral, PassiveAlly},
		{PassiveAlly, ActiveAlly},
		{ActiveAlly, ActiveAlly},
		{-7, PassiveOpposition}, // brought onto the scale first
		{9, ActiveAlly},
	} {
		if got := NextStep(c.in); got != c.want {
			t.Errorf("NextStep(%d) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestTacticStatuses(t *testing.T) {
	want := []string{"planned", "in_progress", "done", "dropped"}
	if fmt.Sprint(TacticStatuses) != fmt.Sprint(want) {
		t.Errorf("TacticStatuses = %v", TacticStatuses)
	}
	for _, s := range want {
		if !ValidTacticStatus(s) || TacticStatusMessage(s) != "spectrum.tactic_status."+s {
			t.Errorf("%s: valid %v, message %s", s, ValidTacticStatus(s), TacticStatusMessage(s))
		}
	}
	for _, s := range []string{"", "Planned", "cancelled"} {
		if ValidTacticStatus(s) {
			t.Errorf("%q is valid", s)
		}
	}
}
