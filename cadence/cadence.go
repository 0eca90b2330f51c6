// Package cadence decides when a convener's periodic report falls due
// (seed 001, activity 13: the convener reports on each action plan, and
// summarises the reports for the executive committee every month and for
// the strategic committee every quarter).
//
// Periods are calendar months and quarters of civil dates; a report for a
// period is due GraceDays after the period's last day (31 January, 28 or
// 29 February, 30 April…), at the end of that day in the partnership's
// time zone. No I/O and no clock: "now" is an argument.
package cadence

import (
	"fmt"
	"strconv"
	"time"
)

// Kind is how long a period lasts.
type Kind string

// The kinds of period.
const (
	Monthly   Kind = "month"
	Quarterly Kind = "quarter"
)

// GraceDays is how many days after a period ends its report is due: a week
// lets the convener gather the last days' figures.
const GraceDays = 7

// Period is one calendar month or quarter.
type Period struct {
	Kind  Kind
	Year  int
	Index int // month 1–12, or quarter 1–4
}

// Of returns the period of kind holding the civil date day.
func Of(kind Kind, day time.Time) Period {
	if kind == Quarterly {
		return Period{Quarterly, day.Year(), (int(day.Month())-1)/3 + 1}
	}
	return Period{Monthly, day.Year(), int(day.Month())}
}

// months is the period's length in months.
func (p Period) months() int {
	if p.Kind == Quarterly {
		return 3
	}
	return 1
}

// firstMonth is the period's first month (1–12).
func (p Period) firstMonth() int {
	if p.Kind == Quarterly {
		return (p.Index-1)*3 + 1
	}
	return p.Index
}

// Start is the period's first day (a civil date at midnight UTC).
func (p Period) Start() time.Time {
	return time.Date(p.Year, time.Month(p.firstMonth()), 1, 0, 0, 0, 0, time.UTC)
}

// End is the period's last day: day 0 of the month after it, so that
// January ends on the 31st, February on the 28th or 29th, April on the
// 30th, and December in its own year.
func (p Period) End() time.Time {
	return time.Date(p.Year, time.Month(p.firstMonth()+p.months()), 0, 0, 0, 0, 0, time.UTC)
}

// Next is the period after p.
func (p Period) Next() Period {
	return Of(p.Kind, p.End().AddDate(0, 0, 1))
}

// Prev is the period before p.
func (p Period) Prev() Period {
	return Of(p.Kind, p.Start().AddDate(0, 0, -1))
}

// Contains reports whether the civil date day falls in p.
func (p Period) Contains(day time.Time) bool {
	d := civil(day)
	return !d.Before(p.Start()) && !d.After(p.End())
}

// Within reports whether q lies wholly inside p (a month in its quarter).
func (p Period) Within(q Period) bool {
	return !q.Start().Before(p.Start()) && !q.End().After(p.End())
}

// Key is the period's stable name: "2026-03" or "2026-Q1".
func (p Period) Key() string {
	if p.Kind == Quarterly {
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Index)
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.Index)
}

// Valid reports whether p names a real period.
func (p Period) Valid() bool {
	switch p.Kind {
	case Monthly:
		return p.Index >= 1 && p.Index <= 12 && p.Year >= 1900 && p.Year <= 9999
	case Quarterly:
		return p.Index >= 1 && p.Index <= 4 && p.Year >= 1900 && p.Year <= 9999
	}
	return false
}

// Parse reads a Key back; false for anything else.
func Parse(key string) (Period, bool) {
	var p Period
	switch {
	case len(key) == 7 && key[4] == '-' && key[5] == 'Q':
		p.Kind = Quarterly
		p.Index, _ = strconv.Atoi(key[6:])
	case len(key) == 7 && key[4] == '-':
		p.Kind = Monthly
		n, err := strconv.Atoi(key[5:])
		if err != nil || key[5] == '+' || key[5] == '-' {
			return Period{}, false
		}
		p.Index = n
	default:
		return Period{}, false
	}
	y, err := strconv.Atoi(key[:4])
	if err != nil || key[0] == '+' || key[0] == '-' {
		return Period{}, false
	}
	p.Year = y
	if !p.Valid() {
		return Period{}, false
	}
	return p, true
}

// DueDay is the last civil day on which the period's report is on time.
func (p Period) DueDay() time.Time {
	return p.End().AddDate(0, 0, GraceDays)
}

// DueAt is the instant the report becomes late: the end of DueDay in loc
// (midnight starting the next day there), so a convener in Amman and one
// in Dakar each have the whole of their own due day.
func (p Period) DueAt(loc *time.Location) time.Time {
	d := p.DueDay().AddDate(0, 0, 1)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// OpensAt is the instant the report can be written in full: the start of
// the day after the period ends, in loc. The reminder is sent then.
func (p Period) OpensAt(loc *time.Location) time.Time {
	d := p.End().AddDate(0, 0, 1)
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, loc)
}

// Today is the civil date of now in loc.
func Today(now time.Time, loc *time.Location) time.Time {
	return civil(now.In(loc))
}

// civil keeps a time's calendar date, as midnight UTC.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// State is where a period's report stands.
type State string

// The states of a period's report.
const (
	Running  State = "running"  // the period has not ended
	Due      State = "due"      // ended, report not yet late
	Overdue  State = "overdue"  // past its due day and not written
	Reported State = "reported" // written
)

// StateAt returns where p's report stands at now in loc, given whether it
// was written.
func (p Period) StateAt(now time.Time, loc *time.Location, written bool) State {
	switch today := Today(now, loc); {
	case written:
		return Reported
	case !today.After(p.End()):
		return Running
	case !today.After(p.DueDay()):
		return Due
	default:
		return Overdue
	}
}

// Closed lists the periods of kind from the one holding start to the last
// one ended by now in loc, newest first, at most limit of them; cut says
// the list stopped before reaching start. A plan that starts in the
// future, or in the running period, has none.
func Closed(kind Kind, start, now time.Time, loc *time.Location, limit int) (periods []Period, cut bool) {
	first := Of(kind, civil(start))
	p := Of(kind, Today(now, loc)).Prev()
	for !p.End().Before(first.Start()) {
		if len(periods) == limit {
			return periods, true
		}
		periods = append(periods, p)
		p = p.Prev()
	}
	return periods, false
}
