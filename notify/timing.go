package notify

import (
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/meeting"
)

// Local writes an instant as people read it where it is meant: the date
// and time in the IANA zone tz, followed by the zone's name. An unknown or
// empty zone writes UTC.
func Local(t time.Time, tz string) string {
	loc, err := time.LoadLocation(tz)
	if err != nil || tz == "" {
		loc, tz = time.UTC, "UTC"
	}
	return t.In(loc).Format("2006-01-02 15:04") + " " + tz
}

// ClosingSoon reports whether an open proposal closing at closes is within
// a day of now (and not yet closed): the moment to remind those who have
// not voted.
func ClosingSoon(closes, now time.Time) bool {
	return now.Before(closes) && !now.Before(closes.Add(-24*time.Hour))
}

// Dated is what the clock says of something due on a calendar day (a task,
// an action item) on the day today, both YYYY-MM-DD in the same zone.
type Dated int

// The states of a due day.
const (
	NotYet      Dated = iota // more than a day away, or no due day
	DueTomorrow              // due the day after today
	Overdue                  // due before today
	DueToday                 // due today: neither reminder
)

// DueState says whether something due on due (YYYY-MM-DD; empty for none)
// is due tomorrow or overdue on the day today. A malformed date is NotYet:
// no reminder rather than a wrong one.
func DueState(due, today string) Dated {
	d, err := time.Parse(time.DateOnly, due)
	if err != nil {
		return NotYet
	}
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return NotYet
	}
	switch {
	case d.Before(t):
		return Overdue
	case d.Equal(t):
		return DueToday
	case d.Equal(t.AddDate(0, 0, 1)):
		return DueTomorrow
	}
	return NotYet
}

// Today is the calendar day of now in the zone tz (UTC when unknown).
func Today(now time.Time, tz string) string {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		loc = time.UTC
	}
	return now.In(loc).Format(time.DateOnly)
}

// AgendaLate reports whether a meeting's agenda is late by the charter's
// rule on now: not yet circulated, the meeting still ahead, and the moment
// to circulate it (daysAhead calendar days before the start, in the
// meeting's zone, as the agenda page says: meeting.DueBy) passed. daysAhead
// 0 means the charter sets no notice, so it is never late.
func AgendaLate(m *pk.Meeting, daysAhead int, now time.Time) bool {
	if daysAhead <= 0 || m.AgendaCirculatedAt != nil || !now.Before(m.StartsAt) {
		return false
	}
	return now.After(meeting.DueBy(m, daysAhead))
}

// MinutesGrace is how long after a meeting's end its organisers have to
// get the minutes approved before they are reminded (Decidim reminds the
// organisers of meetings left unclosed).
const MinutesGrace = 14 * 24 * time.Hour

// MinutesOverdue reports whether a meeting that ended at ends still has no
// approved minutes MinutesGrace after it, on now.
func MinutesOverdue(ends time.Time, approved bool, now time.Time) bool {
	return !approved && !now.Before(ends.Add(MinutesGrace))
}
