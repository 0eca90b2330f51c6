package meeting

import (
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Series gives the start and end of the next count meetings after one
// from start to end, every interval, at the same wall-clock time in loc
// (across a change of daylight saving a 10:00 meeting stays at 10:00). A
// monthly meeting on the 31st falls on the last day of shorter months.
func Series(start, end time.Time, loc *time.Location, every string, count int) [][2]time.Time {
	length := end.Sub(start)
	s := start.In(loc)
	out := make([][2]time.Time, 0, count)
	for i := 1; i <= count; i++ {
		var next time.Time
		switch every {
		case pk.EveryWeek:
			next = s.AddDate(0, 0, 7*i)
		case pk.EveryTwoWeeks:
			next = s.AddDate(0, 0, 14*i)
		case pk.EveryMonth:
			next = addMonths(s, i)
		case pk.EveryQuarter:
			next = addMonths(s, 3*i)
		default:
			return nil
		}
		out = append(out, [2]time.Time{next.UTC(), next.Add(length).UTC()})
	}
	return out
}

// addMonths adds n months, keeping the day when the month has it and
// taking the month's last day when it has not (time.AddDate would roll 31
// January into March).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), t.Hour(), t.Minute(), t.Second(), 0, t.Location())
}
