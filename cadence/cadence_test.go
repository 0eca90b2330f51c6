package cadence

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no time zone data for %s: %v", name, err)
	}
	return loc
}

// Every month ends on its own last day, so the due day moves with it.
func TestPeriodEndsAcrossMonthEnds(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		kind            Kind
		on              string
		key, start, end string
		due             string
	}{
		{Monthly, "2026-01-31", "2026-01", "2026-01-01", "2026-01-31", "2026-02-07"},
		{Monthly, "2026-02-01", "2026-02", "2026-02-01", "2026-02-28", "2026-03-07"},
		{Monthly, "2028-02-15", "2028-02", "2028-02-01", "2028-02-29", "2028-03-07"}, // leap year
		{Monthly, "2100-02-10", "2100-02", "2100-02-01", "2100-02-28", "2100-03-07"}, // not a leap year
		{Monthly, "2026-04-30", "2026-04", "2026-04-01", "2026-04-30", "2026-05-07"},
		{Monthly, "2026-12-31", "2026-12", "2026-12-01", "2026-12-31", "2027-01-07"}, // into the next year
		{Quarterly, "2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31", "2026-04-07"},
		{Quarterly, "2026-06-30", "2026-Q2", "2026-04-01", "2026-06-30", "2026-07-07"},
		{Quarterly, "2026-09-01", "2026-Q3", "2026-07-01", "2026-09-30", "2026-10-07"},
		{Quarterly, "2026-12-31", "2026-Q4", "2026-10-01", "2026-12-31", "2027-01-07"},
	} {
		p := Of(c.kind, day(c.on))
		got := [4]string{p.Key(), p.Start().Format(time.DateOnly), p.End().Format(time.DateOnly), p.DueDay().Format(time.DateOnly)}
		want := [4]string{c.key, c.start, c.end, c.due}
		if got != want {
			t.Errorf("%s %s: %v, want %v", c.kind, c.on, got, want)
		}
		if back, ok := Parse(p.Key()); !ok || back != p {
			t.Errorf("Parse(%s) = %+v, %v", p.Key(), back, ok)
		}
		if !p.Contains(day(c.on)) || p.Contains(p.End().AddDate(0, 0, 1)) || p.Contains(p.Start().AddDate(0, 0, -1)) {
			t.Errorf("%s: Contains", p.Key())
		}
	}
}

func TestNextPrev(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ key, next, prev string }{
		{"2026-01", "2026-02", "2025-12"},
		{"2026-12", "2027-01", "2026-11"},
		{"2026-Q1", "2026-Q2", "2025-Q4"},
		{"2026-Q4", "2027-Q1", "2026-Q3"},
	} {
		p, _ := Parse(c.key)
		if p.Next().Key() != c.next || p.Prev().Key() != c.prev {
			t.Errorf("%s: next %s prev %s", c.key, p.Next().Key(), p.Prev().Key())
		}
	}
	q, _ := Parse("2026-Q1")
	for key, within := range map[string]bool{"2026-01": true, "2026-03": true, "2026-04": false, "2025-12": false} {
		m, _ := Parse(key)
		if q.Within(m) != within {
			t.Errorf("Q1 within %s: %v", key, !within)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "2026", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-1", "26-01-01",
		"2026/01", "+026-01", "2026-+1", "abcd-01", "2026-Qx", "0999-01"} {
		if p, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %+v", s, p)
		}
	}
}

// The report is on time until the end of its due day where the partnership
// is: the same instant is still the due day in Amman and already the next
// day in Auckland, or still in Dakar.
func TestStateAcrossTimeZones(t *testing.T) {
	t.Parallel()
	amman, dakar, auckland := zone(t, "Asia/Amman"), zone(t, "Africa/Dakar"), zone(t, "Pacific/Auckland")
	jan, _ := Parse("2026-01")
	for _, c := range []struct {
		now     time.Time
		loc     *time.Location
		written bool
		want    State
	}{
		{time.Date(2026, 1, 31, 20, 0, 0, 0, time.UTC), dakar, false, Running},   // 31 Jan 20:00 in Dakar
		{time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC), amman, false, Due},      // already 1 Feb in Amman
		{time.Date(2026, 1, 31, 11, 30, 0, 0, time.UTC), auckland, false, Due},   // 1 Feb 00:30 in Auckland
		{time.Date(2026, 2, 7, 20, 59, 0, 0, time.UTC), amman, false, Due},       // 7 Feb 23:59 in Amman (UTC+3)
		{time.Date(2026, 2, 7, 21, 0, 0, 0, time.UTC), amman, false, Overdue},    // 8 Feb 00:00 in Amman
		{time.Date(2026, 2, 7, 23, 59, 0, 0, time.UTC), dakar, false, Due},       // still 7 Feb in Dakar
		{time.Date(2026, 2, 7, 11, 0, 0, 0, time.UTC), auckland, false, Overdue}, // 8 Feb in Auckland
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), dakar, true, Reported},
	} {
		if got := jan.StateAt(c.now, c.loc, c.written); got != c.want {
			t.Errorf("%s in %s: %s, want %s", c.now, c.loc, got, c.want)
		}
	}
	// DueAt agrees with StateAt at the instant it names.
	at := jan.DueAt(amman)
	if jan.StateAt(at.Add(-time.Nanosecond), amman, false) != Due || jan.StateAt(at, amman, false) != Overdue {
		t.Errorf("DueAt %s disagrees with StateAt", at)
	}
	if got := jan.DueAt(amman).UTC(); !got.Equal(time.Date(2026, 2, 7, 21, 0, 0, 0, time.UTC)) {
		t.Errorf("DueAt Amman = %s", got)
	}
	if got := jan.OpensAt(dakar).UTC(); !got.Equal(time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("OpensAt Dakar = %s", got)
	}
}

func TestClosed(t *testing.T) {
	t.Parallel()
	keys := func(ps []Period) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Key())
		}
		return out
	}
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		kind  Kind
		start string
		limit int
		want  []string
		cut   bool
	}{
		{Monthly, "2026-01-31", 10, []string{"2026-03", "2026-02", "2026-01"}, false},
		{Monthly, "2026-03-01", 10, []string{"2026-03"}, false},
		{Monthly, "2026-04-01", 10, nil, false}, // starts in the running month
		{Monthly, "2026-09-01", 10, nil, false}, // starts in the future
		{Monthly, "2025-11-15", 2, []string{"2026-03", "2026-02"}, true},
		{Monthly, "2026-02-28", 2, []string{"2026-03", "2026-02"}, false},
		{Quarterly, "2025-08-01", 10, []string{"2026-Q1", "2025-Q4", "2025-Q3"}, false},
		{Quarterly, "2026-01-01", 10, []string{"2026-Q1"}, false},
	} {
		got, cut := Closed(c.kind, day(c.start), now, time.UTC, c.limit)
		if g, w := keys(got), c.want; len(g) != len(w) || cut != c.cut {
			t.Errorf("%s from %s: %v cut=%v, want %v cut=%v", c.kind, c.start, g, cut, w, c.cut)
		} else {
			for i := range g {
				if g[i] != w[i] {
					t.Errorf("%s from %s: %v, want %v", c.kind, c.start, g, w)
					break
				}
			}
		}
	}
	// On the first of the month in a zone east of UTC, the month before is
	// already closed there while it is still running in UTC.
	late := time.Date(2026, 4, 30, 22, 30, 0, 0, time.UTC)
	amman := zone(t, "Asia/Amman")
	if got, _ := Closed(Monthly, day("2026-04-01"), late, amman, 5); len(got) != 1 || got[0].Key() != "2026-04" {
		t.Errorf("Amman, 1 May 01:30: %v", keys(got))
	}
	if got, _ := Closed(Monthly, day("2026-04-01"), late, time.UTC, 5); len(got) != 0 {
		t.Errorf("UTC, 30 April: %v", keys(got))
	}
}
