package mapview

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/spectrum"
)

func TestParseDay(t *testing.T) {
	for _, c := range []struct {
		in       string
		endOfDay bool
		want     string
		bad      bool
	}{
		{"", false, "0001-01-01T00:00:00Z", false},
		{"2026-03-01", false, "2026-03-01T00:00:00Z", false},
		{"2026-03-01", true, "2026-03-01T23:59:59.999999Z", false},
		{" 2026-03-01 ", false, "2026-03-01T00:00:00Z", false},
		{"2026-13-01", false, "", true},
		{"01.03.2026", false, "", true},
		{"yesterday", true, "", true},
	} {
		got, err := ParseDay("at", c.in, c.endOfDay)
		if c.bad {
			e, ok := pk.AsError(err)
			if !ok || len(e.Fields) != 1 || e.Fields[0].Field != "at" {
				t.Errorf("%q: want a field error on at, got %v", c.in, err)
			}
			continue
		}
		if err != nil || got.Format(time.RFC3339Nano) != c.want {
			t.Errorf("%q: %v %v, want %s", c.in, got.Format(time.RFC3339Nano), err, c.want)
		}
	}
}

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-03-01", "", "2026-02-30", "x", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay("since", s, true)
		if err != nil {
			if e, ok := pk.AsError(err); !ok || e.Fields[0].Field != "since" {
				t.Fatalf("%q: error %v does not name the parameter", s, err)
			}
			return
		}
		if s != "" && d.Hour() != 23 {
			t.Fatalf("%q: end of day is %v", s, d)
		}
	})
}

func TestChartDates(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		first, now string
		want       []string
	}{
		{"", "2026-03-01", []string{"2026-03-01"}},
		{"2026-03-05", "2026-03-01", []string{"2026-03-01"}},
		{"2026-01-15", "2026-03-20", []string{"2026-01-15", "2026-02-01", "2026-03-01", "2026-03-20"}},
		{"2026-01-01", "2026-01-02", []string{"2026-01-01", "2026-01-02"}},
	} {
		var first time.Time
		if c.first != "" {
			first = day(c.first)
		}
		var got []string
		for _, d := range ChartDates(first, day(c.now)) {
			got = append(got, d.Format("2006-01-02"))
		}
		if len(got) != len(c.want) {
			t.Errorf("%s..%s: %v, want %v", c.first, c.now, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s..%s: %v, want %v", c.first, c.now, got, c.want)
				break
			}
		}
	}
	// A long history is sampled, never more than the cap plus both ends.
	if n := len(ChartDates(day("2000-01-01"), day("2026-01-01"))); n > maxChartPoints+2 {
		t.Errorf("26 years: %d dates", n)
	}
}

func TestSpectrumGroupsAndPoints(t *testing.T) {
	pos := []*pk.Assessment{
		{ActorID: "a", ActorName: "Council", Support: -2, Influence: 5},
		{ActorID: "b", ActorName: "Club", Support: 2, Influence: 1, Interest: 4},
		{ActorID: "c", ActorName: "Paper", Support: 2, Influence: 3},
	}
	g := SpectrumGroups(pos)
	if len(g[spectrum.ActiveAlly]) != 2 || len(g[spectrum.ActiveOpposition]) != 1 || len(g[spectrum.Neutral]) != 0 {
		t.Errorf("groups: %v", g)
	}
	pts := PowerPoints(pos)
	if len(pts) != 3 || pts[1].Interest != 4 || pts[0].Label != "Council" {
		t.Errorf("points: %+v", pts)
	}
	lines := PowerLines([]*pk.MapLine{{From: "a", To: "b", Conflict: true}})
	if len(lines) != 1 || !lines[0].Conflict {
		t.Errorf("lines: %+v", lines)
	}
}
