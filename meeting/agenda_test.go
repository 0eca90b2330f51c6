package meeting

import (
	"slices"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

func berlin(t *testing.T, s string) time.Time {
	t.Helper()
	loc, _ := time.LoadLocation("Europe/Berlin")
	x, err := time.ParseInLocation("2006-01-02T15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return x.UTC()
}

func TestCheckAgenda(t *testing.T) {
	t.Parallel()
	m := &pk.Meeting{StartsAt: berlin(t, "2026-03-30T10:00"), EndsAt: berlin(t, "2026-03-30T12:00"), TimeZone: "Europe/Berlin"}
	items := []*pk.AgendaItem{{Minutes: 60}, {Minutes: 60}}
	// Seven days ahead of 30 March 10:00 (summer time) is 23 March 10:00
	// (winter time): 09:00 UTC.
	due := time.Date(2026, 3, 23, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name       string
		circulated *time.Time
		now        time.Time
		late       bool
	}{
		{"not yet, still time", nil, due, false},
		{"not yet, too late", nil, due.Add(time.Second), true},
		{"on the last moment", &due, due.Add(48 * time.Hour), false},
		{"a second after", ptr(due.Add(time.Second)), due, true},
	} {
		m.AgendaCirculatedAt = c.circulated
		a := Check(m, items, 7, 90, c.now)
		if a.Late != c.late || !a.DueBy.Equal(due) || a.TotalMinutes != 120 || !a.OverCharterMax {
			t.Errorf("%s: %+v", c.name, a)
		}
	}
	if a := Check(m, nil, 0, 0, due); a.Late || a.DueBy != nil || a.OverCharterMax || a.Items == nil {
		t.Errorf("no rules: %+v", a)
	}
	if !Fits(120, 120) || Fits(121, 120) {
		t.Error("fits at the bound")
	}
}

func ptr[T any](v T) *T { return &v }

func TestMove(t *testing.T) {
	t.Parallel()
	items := []*pk.AgendaItem{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	for _, c := range []struct {
		id   string
		to   int
		want []string
	}{
		{"c", 1, []string{"c", "a", "b"}}, {"a", 3, []string{"b", "c", "a"}}, {"a", 99, []string{"b", "c", "a"}},
		{"b", 0, []string{"b", "a", "c"}}, {"b", 2, []string{"a", "b", "c"}},
	} {
		if got := Move(items, c.id, c.to); !slices.Equal(got, c.want) {
			t.Errorf("Move(%s, %d) = %v", c.id, c.to, got)
		}
	}
}

func TestSeries(t *testing.T) {
	t.Parallel()
	loc, _ := time.LoadLocation("Europe/Berlin")
	start, end := berlin(t, "2026-01-31T18:00"), berlin(t, "2026-01-31T19:30")
	got := Series(start, end, loc, pk.EveryMonth, 3)
	want := []string{"2026-02-28T18:00", "2026-03-31T18:00", "2026-04-30T18:00"}
	for i, w := range want {
		if !got[i][0].Equal(berlin(t, w)) || got[i][1].Sub(got[i][0]) != 90*time.Minute {
			t.Errorf("monthly %d: %v", i, got[i][0].In(loc))
		}
	}
	weekly := Series(berlin(t, "2026-03-24T10:00"), berlin(t, "2026-03-24T11:00"), loc, pk.EveryWeek, 1)
	if !weekly[0][0].Equal(berlin(t, "2026-03-31T10:00")) {
		t.Errorf("across daylight saving: %v", weekly[0][0].In(loc))
	}
	if q := Series(start, end, loc, pk.EveryQuarter, 1); !q[0][0].Equal(berlin(t, "2026-04-30T18:00")) {
		t.Errorf("quarterly: %v", q[0][0].In(loc))
	}
	if f := Series(start, end, loc, pk.EveryTwoWeeks, 1); !f[0][0].Equal(berlin(t, "2026-02-14T18:00")) {
		t.Errorf("fortnightly: %v", f[0][0].In(loc))
	}
	if Series(start, end, loc, "daily", 2) != nil {
		t.Error("unknown interval")
	}
}
