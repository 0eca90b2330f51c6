package meeting

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	pk "github.com/partnerkit/partnerkit"
)

// Event is one meeting as a calendar shows it: the meeting, the
// partnership it belongs to, its agenda, and the address of its page.
type Event struct {
	Meeting         *pk.Meeting
	PartnershipName string
	Agenda          []*pk.AgendaItem
	URL             string
}

// Translate writes a catalogue message in the reader's language.
type Translate func(key string, args ...any) string

// Calendar writes an iCalendar file (RFC 5545) of the events, named name:
// one VEVENT per meeting with its start and end in UTC, where it is, its
// page and a description holding the agenda and the call link, so a
// person has what they need from their calendar alone. The event's UID is
// the meeting's ID, and its SEQUENCE the meeting's version, so a calendar
// that subscribed updates the event rather than adding another.
func Calendar(name string, events []Event, t Translate) []byte {
	cal := ics.NewCalendarFor("Partnerkit")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	cal.SetXWRCalName(name)
	for _, e := range events {
		m := e.Meeting
		ev := cal.AddEvent(m.ID + "@partnerkit")
		ev.SetDtStampTime(m.UpdatedAt.UTC())
		ev.SetCreatedTime(m.CreatedAt.UTC())
		ev.SetModifiedAt(m.UpdatedAt.UTC())
		ev.SetSequence(m.Version)
		ev.SetStartAt(m.StartsAt.UTC())
		ev.SetEndAt(m.EndsAt.UTC())
		summary := m.Title
		if m.BodyName != "" {
			summary += " (" + m.BodyName + ")"
		}
		ev.SetSummary(summary)
		switch {
		case m.Place != "":
			ev.SetLocation(m.Place)
		case m.Link != "":
			ev.SetLocation(m.Link)
		}
		if e.URL != "" {
			ev.SetURL(e.URL)
		}
		ev.SetDescription(Description(e, t))
	}
	// RFC 5545 ends lines with CRLF.
	return []byte(cal.Serialize(ics.WithNewLine("\r\n")))
}

// Description is an event's text: the partnership, the time in the
// meeting's own zone, the call link, the agenda in order with presenters
// and minutes, and the page's address.
func Description(e Event, t Translate) string {
	m := e.Meeting
	var b strings.Builder
	if e.PartnershipName != "" {
		b.WriteString(e.PartnershipName + "\n")
	}
	loc := m.Location()
	fmt.Fprintf(&b, "%s: %s–%s (%s)\n", t("meeting.ics.time"), m.StartsAt.In(loc).Format("2006-01-02 15:04"),
		m.EndsAt.In(loc).Format("15:04"), m.TimeZone)
	if m.Place != "" {
		fmt.Fprintf(&b, "%s: %s\n", t("meeting.field.place"), m.Place)
	}
	if m.Link != "" {
		fmt.Fprintf(&b, "%s: %s\n", t("meeting.field.link"), m.Link)
	}
	if len(e.Agenda) > 0 {
		fmt.Fprintf(&b, "\n%s:\n", t("meeting.agenda.title"))
		for i, it := range e.Agenda {
			fmt.Fprintf(&b, "%d. %s", i+1, it.Title)
			if it.PresenterName != "" {
				b.WriteString(" — " + it.PresenterName)
			}
			fmt.Fprintf(&b, " (%s)\n", t("meeting.agenda.minutes_n", "Minutes", it.Minutes))
		}
	}
	if e.URL != "" {
		b.WriteString("\n" + e.URL)
	}
	return strings.TrimRight(b.String(), "\n")
}

// Window is the time a feed covers: from pastDays before now on.
func Window(now time.Time, pastDays int) time.Time { return now.AddDate(0, 0, -pastDays) }
