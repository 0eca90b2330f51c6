package notify_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/notify"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestClosingSoon(t *testing.T) {
	closes := at("2026-03-10T18:00:00Z")
	for _, c := range []struct {
		now  string
		want bool
	}{
		{"2026-03-09T17:59:59Z", false}, // a day and a second before
		{"2026-03-09T18:00:00Z", true},  // exactly a day before
		{"2026-03-10T17:59:59Z", true},
		{"2026-03-10T18:00:00Z", false}, // closed
		{"2026-03-11T00:00:00Z", false},
	} {
		if got := notify.ClosingSoon(closes, at(c.now)); got != c.want {
			t.Errorf("%s: %v, want %v", c.now, got, c.want)
		}
	}
}

func TestDueState(t *testing.T) {
	for _, c := range []struct {
		due, today string
		want       notify.Dated
	}{
		{"2026-03-11", "2026-03-10", notify.DueTomorrow},
		{"2026-03-10", "2026-03-10", notify.DueToday},
		{"2026-03-09", "2026-03-10", notify.Overdue},
		{"2026-03-12", "2026-03-10", notify.NotYet},
		{"2026-03-01", "2026-02-28", notify.DueTomorrow}, // across a month
		{"2025-01-01", "2024-12-31", notify.DueTomorrow}, // across a year
		{"", "2026-03-10", notify.NotYet},
		{"soon", "2026-03-10", notify.NotYet},
		{"2026-03-11", "", notify.NotYet},
	} {
		if got := notify.DueState(c.due, c.today); got != c.want {
			t.Errorf("due %q today %q: %v, want %v", c.due, c.today, got, c.want)
		}
	}
}

// The calendar day depends on the zone: late evening in UTC is already
// tomorrow in Amman and still today in Los Angeles.
func TestTodayByZone(t *testing.T) {
	now := at("2026-03-10T22:30:00Z")
	for zone, want := range map[string]string{"UTC": "2026-03-10", "Asia/Amman": "2026-03-11", "America/Los_Angeles": "2026-03-10",
		"Pacific/Kiritimati": "2026-03-11", "": "2026-03-10", "Not/AZone": "2026-03-10"} {
		if got := notify.Today(now, zone); got != want {
			t.Errorf("%q: %s, want %s", zone, got, want)
		}
	}
	// A task due on the 11th is due tomorrow in UTC, due today in Amman.
	if notify.DueState("2026-03-11", notify.Today(now, "UTC")) != notify.DueTomorrow ||
		notify.DueState("2026-03-11", notify.Today(now, "Asia/Amman")) != notify.DueToday {
		t.Error("the zone decides the day")
	}
}

func TestLocal(t *testing.T) {
	t0 := at("2026-03-29T09:30:00Z") // the morning European summer time began
	for zone, want := range map[string]string{"Europe/Paris": "2026-03-29 11:30 Europe/Paris", "UTC": "2026-03-29 09:30 UTC",
		"": "2026-03-29 09:30 UTC", "Bad/Zone": "2026-03-29 09:30 UTC", "Asia/Beirut": "2026-03-29 12:30 Asia/Beirut"} {
		if got := notify.Local(t0, zone); got != want {
			t.Errorf("%q: %q, want %q", zone, got, want)
		}
	}
}

// The agenda is late once fewer than the charter's days remain, counted in
// calendar days of the meeting's zone (so across a change to summer time
// the deadline keeps its local hour).
func TestAgendaLate(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	// A meeting at 10:00 Paris time on 1 April, after summer time began
	// on 29 March; seven days' notice is 10:00 Paris time on 25 March,
	// still winter time (09:00 UTC).
	m := &pk.Meeting{StartsAt: time.Date(2026, 4, 1, 10, 0, 0, 0, paris), TimeZone: "Europe/Paris"}
	for _, c := range []struct {
		now  string
		days int
		want bool
	}{
		{"2026-03-25T09:00:00Z", 7, false}, // the deadline itself
		{"2026-03-25T09:00:01Z", 7, true},
		{"2026-03-25T08:59:00Z", 7, false},
		{"2026-04-01T07:59:00Z", 7, true},  // minutes before the start
		{"2026-04-01T08:00:00Z", 7, false}, // started
		{"2026-03-31T12:00:00Z", 0, false}, // no notice in the charter
	} {
		if got := notify.AgendaLate(m, c.days, at(c.now)); got != c.want {
			t.Errorf("%s (%d days): %v, want %v", c.now, c.days, got, c.want)
		}
	}
	circulated := at("2026-03-30T00:00:00Z")
	m.AgendaCirculatedAt = &circulated
	if notify.AgendaLate(m, 7, at("2026-03-31T12:00:00Z")) {
		t.Error("a circulated agenda is not reminded")
	}
}

func TestMinutesOverdue(t *testing.T) {
	ends := at("2026-03-01T12:00:00Z")
	if notify.MinutesOverdue(ends, false, ends.Add(notify.MinutesGrace-time.Second)) {
		t.Error("before the grace ends")
	}
	if !notify.MinutesOverdue(ends, false, ends.Add(notify.MinutesGrace)) {
		t.Error("when the grace ends")
	}
	if notify.MinutesOverdue(ends, true, ends.Add(30*24*time.Hour)) {
		t.Error("approved minutes")
	}
}
