package meeting

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	pk "github.com/partnerkit/partnerkit"
)

func echo(key string, args ...any) string { return key + fmt.Sprint(args...) }

// The file is read back by a real iCalendar parser: one event per meeting,
// its times in UTC, and the agenda, the call link and the page in the
// description, with commas, semicolons and new lines escaped.
func TestCalendarParses(t *testing.T) {
	t.Parallel()
	m := &pk.Meeting{ID: "m1", Title: "Committee; March, 2026", BodyName: "Strategic committee",
		StartsAt: time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC), EndsAt: time.Date(2026, 3, 20, 11, 0, 0, 0, time.UTC),
		TimeZone: "Europe/Berlin", Place: "Eisenbahnstraße 12, Leipzig", Link: "https://meet.example.org/x?a=1&b=2", Version: 3,
		CreatedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
	agenda := []*pk.AgendaItem{{Title: "Minutes", Minutes: 10}, {Title: "قبول الأعضاء الجدد", PresenterName: "Omar", Minutes: 45}}
	out := Calendar("Welcome City", []Event{{Meeting: m, PartnershipName: "Welcome City", Agenda: agenda, URL: "https://pk.example.org/p/1/meetings/m1"}}, echo)
	cal, err := ics.ParseCalendar(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events", len(events))
	}
	e := events[0]
	start, err := e.GetStartAt()
	if err != nil || !start.Equal(m.StartsAt) {
		t.Fatalf("start %v %v", start, err)
	}
	end, _ := e.GetEndAt()
	if !end.Equal(m.EndsAt) {
		t.Fatalf("end %v", end)
	}
	get := func(p ics.ComponentProperty) string {
		if x := e.GetProperty(p); x != nil {
			return x.Value
		}
		return ""
	}
	if get(ics.ComponentPropertySummary) != "Committee; March, 2026 (Strategic committee)" || get(ics.ComponentPropertyLocation) != m.Place ||
		get(ics.ComponentPropertyUrl) != "https://pk.example.org/p/1/meetings/m1" || get(ics.ComponentPropertyUniqueId) != "m1@partnerkit" {
		t.Fatalf("properties: %q %q %q", get(ics.ComponentPropertySummary), get(ics.ComponentPropertyLocation), get(ics.ComponentPropertyUrl))
	}
	desc := get(ics.ComponentPropertyDescription)
	for _, want := range []string{"2026-03-20 10:00–12:00 (Europe/Berlin)", m.Link, "1. Minutes", "2. قبول الأعضاء الجدد — Omar", "https://pk.example.org/p/1/meetings/m1"} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
	for _, line := range strings.Split(string(out), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
}
