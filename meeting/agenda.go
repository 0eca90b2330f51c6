package meeting

import (
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Fits reports whether items of total minutes fit a meeting of length
// minutes.
func Fits(total, length int) bool { return total <= length }

// Total adds the minutes of the items.
func Total(items []*pk.AgendaItem) int {
	n := 0
	for _, it := range items {
		n += it.Minutes
	}
	return n
}

// Check fills in what the charter says of an agenda: the total against the
// meeting's length and the charter's maximum, the last moment to circulate
// it daysAhead days before the start, and whether it is late (circulated
// after that, or not yet while that moment has passed by now).
func Check(m *pk.Meeting, items []*pk.AgendaItem, daysAhead, maxMinutes int, now time.Time) *pk.Agenda {
	a := &pk.Agenda{Items: items, TotalMinutes: Total(items), MeetingMinutes: m.Length(), CirculatedAt: m.AgendaCirculatedAt,
		DaysAhead: daysAhead, CharterMaxMinutes: maxMinutes}
	if a.Items == nil {
		a.Items = []*pk.AgendaItem{}
	}
	if maxMinutes > 0 && a.MeetingMinutes > maxMinutes {
		a.OverCharterMax = true
	}
	if daysAhead > 0 {
		due := DueBy(m, daysAhead)
		a.DueBy = &due
		if m.AgendaCirculatedAt != nil {
			a.Late = m.AgendaCirculatedAt.After(due)
		} else {
			a.Late = now.After(due)
		}
	}
	return a
}

// DueBy is the last moment to circulate a meeting's agenda: daysAhead
// calendar days before the start, at the same wall-clock time in the
// meeting's zone.
func DueBy(m *pk.Meeting, daysAhead int) time.Time {
	return m.StartsAt.In(m.Location()).AddDate(0, 0, -daysAhead).UTC()
}

// Move returns the IDs of items in their new order after moving the item
// id to position (1-based; clamped to the list).
func Move(items []*pk.AgendaItem, id string, position int) []string {
	var ids []string
	for _, it := range items {
		if it.ID != id {
			ids = append(ids, it.ID)
		}
	}
	position = min(max(position, 1), len(ids)+1)
	out := append([]string{}, ids[:position-1]...)
	out = append(out, id)
	return append(out, ids[position-1:]...)
}
