// Package notifymail holds the rules of notification email, with no I/O and
// no clock: which mail a notification goes in (at once, a daily or weekly
// digest, none), when a digest falls due and which notifications it holds,
// how a digest is arranged and cut, and the quiet hours that keep mail and
// reminders from arriving at night — all in the person's own time zone.
package notifymail

import "time"

// The frequencies a person chooses, for every partnership or for one.
const (
	Immediately = "immediately"
	Daily       = "daily"
	Weekly      = "weekly"
	Off         = "off"
)

// DefaultFrequency suits volunteers: one mail a day at most, in the morning.
const DefaultFrequency = Daily

// MorningHour is the local hour digests go and night-held mail is released;
// NightHour is the local hour from which mail waits for the morning.
const (
	MorningHour = 7
	NightHour   = 22
)

// Settings are one person's choices, as the rules need them.
type Settings struct {
	// Frequency is the default for every partnership ("" means DefaultFrequency).
	Frequency string
	// Partnerships overrides the default for some partnerships.
	Partnerships map[string]string
	// KindsOff are the kinds of notification the person wants no mail for.
	KindsOff map[string]bool
	// Location is the person's time zone (nil means UTC).
	Location *time.Location
}

// FrequencyFor is the frequency that applies to a partnership's notifications.
func (s Settings) FrequencyFor(pid string) string {
	if f := s.Partnerships[pid]; f != "" {
		return f
	}
	if s.Frequency != "" {
		return s.Frequency
	}
	return DefaultFrequency
}

// Loc is the person's time zone.
func (s Settings) Loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// Channel says how a notification reaches a person by email.
type Channel int

const (
	// None: no email (off, or the kind switched off); the inbox still has it.
	None Channel = iota
	// Single: a mail of its own, at the first hour that is not night.
	Single
	// InDigest: in the person's daily or weekly digest.
	InDigest
)

// Route is how one notification goes out.
type Route struct {
	Channel Channel
	// Frequency is the digest's (daily or weekly) when Channel is InDigest.
	Frequency string
}

// RouteFor decides the mail for a notification of kind in partnership pid.
// A reminder goes on its own to anyone who has not turned mail off: folded
// into a weekly digest it would arrive after what it reminds of.
func (s Settings) RouteFor(pid, kind string, reminder bool) Route {
	f := s.FrequencyFor(pid)
	if f == Off || s.KindsOff[kind] {
		return Route{Channel: None}
	}
	if reminder || f == Immediately {
		return Route{Channel: Single}
	}
	return Route{Channel: InDigest, Frequency: f}
}

// NotBefore is when a mail computed for t may go: at once during the day,
// or at MorningHour when t falls in the night (NightHour to MorningHour)
// in loc. A reminder computed for 02:00 local waits until 07:00.
func NotBefore(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	l := t.In(loc)
	switch h := l.Hour(); {
	case h >= MorningHour && h < NightHour:
		return t
	case h >= NightHour:
		return morning(l.AddDate(0, 0, 1))
	default:
		return morning(l)
	}
}

// morning is MorningHour on t's local day (time.Date settles an hour that a
// daylight-saving change skips).
func morning(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), MorningHour, 0, 0, 0, t.Location())
}

// Period is one digest: the notifications created from Start (included) to
// Due (excluded) go in the mail sent at Due.
type Period struct {
	Frequency  string
	Start, Due time.Time
	// Key names the period for the person, e.g. "daily:2026-03-30" or
	// "weekly:2026-03-30" (the local date of Due): one mail per key.
	Key string
}

// PeriodOf is the digest of frequency (Daily or Weekly) that a notification
// created at t goes in: the first digest due after t, at MorningHour local
// every day, or every Monday.
func PeriodOf(frequency string, t time.Time, loc *time.Location) Period {
	if loc == nil {
		loc = time.UTC
	}
	l := t.In(loc)
	due := morning(l)
	if !due.After(t) {
		due = morning(l.AddDate(0, 0, 1))
	}
	days := 1
	if frequency == Weekly {
		days = 7
		for due.Weekday() != time.Monday {
			due = morning(due.AddDate(0, 0, 1))
		}
	}
	return Period{Frequency: frequency, Due: due, Start: morning(due.AddDate(0, 0, -days)),
		Key: frequency + ":" + due.Format("2006-01-02")}
}

// Holds says whether a notification created at t belongs in the period.
func (p Period) Holds(t time.Time) bool { return !t.Before(p.Start) && t.Before(p.Due) }
