package notifymail

import (
	"testing"
	"time"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	if name == "+05:45" {
		return time.FixedZone("UTC+05:45", 5*3600+45*60)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestRouteFor(t *testing.T) {
	s := Settings{Partnerships: map[string]string{"p2": Weekly, "p3": Off, "p4": Immediately}, KindsOff: map[string]bool{"task.overdue": true}}
	for _, c := range []struct {
		name     string
		s        Settings
		pid      string
		kind     string
		reminder bool
		want     Route
	}{
		{"volunteers get a daily digest by default", Settings{}, "p1", "proposal.opened", false, Route{InDigest, Daily}},
		{"a partnership's own choice wins", s, "p2", "proposal.opened", false, Route{InDigest, Weekly}},
		{"off for one partnership", s, "p3", "proposal.opened", false, Route{Channel: None}},
		{"immediately", s, "p4", "proposal.opened", false, Route{Channel: Single}},
		{"a kind switched off", s, "p4", "task.overdue", true, Route{Channel: None}},
		{"a reminder does not wait for a weekly digest", s, "p2", "proposal.closing", true, Route{Channel: Single}},
		{"a reminder to someone who turned mail off", s, "p3", "proposal.closing", true, Route{Channel: None}},
		{"the default off, a partnership on", Settings{Frequency: Off, Partnerships: map[string]string{"p2": Daily}}, "p2", "meeting.scheduled", false, Route{InDigest, Daily}},
		{"the default off", Settings{Frequency: Off, Partnerships: map[string]string{"p2": Daily}}, "p1", "meeting.scheduled", false, Route{Channel: None}},
	} {
		if got := c.s.RouteFor(c.pid, c.kind, c.reminder); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// Mail and reminders computed for the night wait for 07:00 local; by day
// they go at once. Expectations are written in UTC, worked out by hand from
// each zone's offsets on that date.
func TestNotBefore(t *testing.T) {
	for _, c := range []struct {
		name, zone string
		at, want   string
	}{
		{"Paris by day", "Europe/Paris", "2026-01-15 11:00", "2026-01-15 11:00"},
		{"Paris 02:00 CET waits for 07:00", "Europe/Paris", "2026-01-15 01:00", "2026-01-15 06:00"},
		{"Paris, the night clocks go forward (03:30 CEST)", "Europe/Paris", "2026-03-29 01:30", "2026-03-29 05:00"},
		{"Paris, the night clocks go back (02:30 CEST, before)", "Europe/Paris", "2026-10-25 00:30", "2026-10-25 06:00"},
		{"Paris 22:00 waits for tomorrow", "Europe/Paris", "2026-07-01 20:00", "2026-07-02 05:00"},
		{"Paris 21:59 goes", "Europe/Paris", "2026-07-01 19:59", "2026-07-01 19:59"},
		{"Paris 07:00 goes", "Europe/Paris", "2026-07-01 05:00", "2026-07-01 05:00"},
		{"New York 22:30 the eve of spring-forward", "America/New_York", "2026-03-08 03:30", "2026-03-08 11:00"},
		{"New York 03:30 EDT after spring-forward", "America/New_York", "2026-03-08 07:30", "2026-03-08 11:00"},
		{"New York 23:00 the eve of fall-back", "America/New_York", "2026-11-01 03:00", "2026-11-01 12:00"},
		{"New York 01:30 the second time (EST)", "America/New_York", "2026-11-01 06:30", "2026-11-01 12:00"},
		{"Beirut 01:30 after the midnight jump", "Asia/Beirut", "2026-03-28 22:30", "2026-03-29 04:00"},
		{"Beirut by day", "Asia/Beirut", "2026-03-29 09:00", "2026-03-29 09:00"},
		{"Cairo 02:00 the night summer time starts", "Africa/Cairo", "2026-04-23 23:00", "2026-04-24 04:00"},
		{"Cairo 06:00 in winter", "Africa/Cairo", "2026-01-10 04:00", "2026-01-10 05:00"},
		{"UTC+05:45 at 05:45", "+05:45", "2026-06-01 00:00", "2026-06-01 01:15"},
		{"UTC+05:45 at 21:59", "+05:45", "2026-06-01 16:14", "2026-06-01 16:14"},
		{"UTC+05:45 at 22:00", "+05:45", "2026-06-01 16:15", "2026-06-02 01:15"},
		{"UTC at midnight", "UTC", "2026-06-01 00:00", "2026-06-01 07:00"},
	} {
		got := NotBefore(utc(c.at), zone(t, c.zone))
		if !got.Equal(utc(c.want)) {
			t.Errorf("%s: %s UTC → %s UTC, want %s", c.name, c.at, got.UTC().Format("2006-01-02 15:04"), c.want)
		}
	}
}

func TestPeriodOf(t *testing.T) {
	for _, c := range []struct {
		name, zone, freq    string
		at, start, due, key string
	}{
		{"Paris daily over spring-forward (23 h)", "Europe/Paris", Daily, "2026-03-28 10:00", "2026-03-28 06:00", "2026-03-29 05:00", "daily:2026-03-29"},
		{"Paris daily, a minute before 07:00", "Europe/Paris", Daily, "2026-03-29 04:59", "2026-03-28 06:00", "2026-03-29 05:00", "daily:2026-03-29"},
		{"Paris daily, at 07:00: the next one", "Europe/Paris", Daily, "2026-03-29 05:00", "2026-03-29 05:00", "2026-03-30 05:00", "daily:2026-03-30"},
		{"Paris daily over fall-back (25 h)", "Europe/Paris", Daily, "2026-10-25 02:00", "2026-10-24 05:00", "2026-10-25 06:00", "daily:2026-10-25"},
		{"New York weekly from Sunday (spring-forward)", "America/New_York", Weekly, "2026-03-08 12:00", "2026-03-02 12:00", "2026-03-09 11:00", "weekly:2026-03-09"},
		{"New York weekly, Monday 06:59", "America/New_York", Weekly, "2026-03-09 10:59", "2026-03-02 12:00", "2026-03-09 11:00", "weekly:2026-03-09"},
		{"New York weekly, Monday 07:00: next week", "America/New_York", Weekly, "2026-03-09 11:00", "2026-03-09 11:00", "2026-03-16 11:00", "weekly:2026-03-16"},
		{"New York weekly over fall-back", "America/New_York", Weekly, "2026-10-30 15:00", "2026-10-26 11:00", "2026-11-02 12:00", "weekly:2026-11-02"},
		{"Beirut daily over its midnight fall-back", "Asia/Beirut", Daily, "2026-10-24 20:00", "2026-10-24 04:00", "2026-10-25 05:00", "daily:2026-10-25"},
		{"Cairo daily as summer time starts", "Africa/Cairo", Daily, "2026-04-23 12:00", "2026-04-23 05:00", "2026-04-24 04:00", "daily:2026-04-24"},
		{"UTC+05:45 daily", "+05:45", Daily, "2026-06-01 00:00", "2026-05-31 01:15", "2026-06-01 01:15", "daily:2026-06-01"},
		{"UTC+05:45 weekly from Sunday evening", "+05:45", Weekly, "2026-06-07 15:00", "2026-06-01 01:15", "2026-06-08 01:15", "weekly:2026-06-08"},
	} {
		p := PeriodOf(c.freq, utc(c.at), zone(t, c.zone))
		if !p.Start.Equal(utc(c.start)) || !p.Due.Equal(utc(c.due)) || p.Key != c.key {
			t.Errorf("%s: got %s – %s %s, want %s – %s %s", c.name, p.Start.UTC().Format("2006-01-02 15:04"),
				p.Due.UTC().Format("2006-01-02 15:04"), p.Key, c.start, c.due, c.key)
		}
		if !p.Holds(utc(c.at)) {
			t.Errorf("%s: the period does not hold the notification it was computed for", c.name)
		}
	}
}

// Through a whole year, every hour in every zone belongs to exactly one
// period, and consecutive periods meet without a gap or an overlap, the
// nights that clocks change included.
func TestPeriodsTileTheYear(t *testing.T) {
	for _, name := range []string{"Europe/Paris", "America/New_York", "Asia/Beirut", "Africa/Cairo", "+05:45", "UTC"} {
		loc := zone(t, name)
		for _, freq := range []string{Daily, Weekly} {
			for at := utc("2026-01-01 00:00"); at.Before(utc("2027-01-01 00:00")); at = at.Add(37 * time.Minute) {
				p := PeriodOf(freq, at, loc)
				if !p.Holds(at) {
					t.Fatalf("%s %s: %s not in its own period %v–%v", name, freq, at, p.Start, p.Due)
				}
				if next := PeriodOf(freq, p.Due, loc); !next.Start.Equal(p.Due) || next.Key == p.Key {
					t.Fatalf("%s %s: the period after %s starts at %s", name, freq, p.Key, next.Start)
				}
				if prev := PeriodOf(freq, p.Start, loc); prev.Key != p.Key {
					t.Fatalf("%s %s: the start of %s belongs to %s", name, freq, p.Key, prev.Key)
				}
				if l := p.Due.In(loc); l.Hour() != MorningHour || (freq == Weekly && l.Weekday() != time.Monday) {
					t.Fatalf("%s %s: due %s local", name, freq, l)
				}
			}
		}
	}
}

func TestArrange(t *testing.T) {
	at := func(h int) time.Time { return utc("2026-05-04 00:00").Add(time.Duration(h) * time.Hour) }
	items := []Item{
		{Ref: 0, PartnershipID: "a", PartnershipName: "Alpha", Kind: "task.assigned", CreatedAt: at(1)},
		{Ref: 1, PartnershipID: "b", PartnershipName: "Beta", Kind: "proposal.opened", CreatedAt: at(5)},
		{Ref: 2, PartnershipID: "a", PartnershipName: "Alpha", Kind: "proposal.opened", CreatedAt: at(3)},
		{Ref: 3, PartnershipID: "a", PartnershipName: "Alpha", Kind: "task.assigned", CreatedAt: at(4)},
		{Ref: 4, PartnershipID: "b", PartnershipName: "Beta", Kind: "proposal.opened", CreatedAt: at(2)},
		{Ref: 5, PartnershipID: "a", PartnershipName: "Alpha", Kind: "task.assigned", CreatedAt: at(4)},
	}
	d := Arrange(items, 10)
	got := ""
	for _, g := range d.Groups {
		got += g.PartnershipID + "("
		for _, k := range g.Kinds {
			got += k.Kind + ":"
			for _, it := range k.Items {
				got += string(rune('0' + it.Ref))
			}
			got += " "
		}
		got += ")"
	}
	if want := "b(proposal.opened:14 )a(task.assigned:350 proposal.opened:2 )"; got != want || d.Shown != 6 || d.More != 0 {
		t.Errorf("got %s (%d shown, %d more), want %s", got, d.Shown, d.More, want)
	}

	d = Arrange(items, 2)
	if d.Shown != 2 || d.More != 4 || len(d.Groups) != 2 || d.Groups[0].Kinds[0].Items[0].Ref != 1 || d.Groups[1].Kinds[0].Items[0].Ref != 3 {
		t.Errorf("cut to 2: %+v", d)
	}
	if d := Arrange(nil, 5); len(d.Groups) != 0 || d.Shown != 0 || d.More != 0 {
		t.Errorf("empty: %+v", d)
	}
}
