package server_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/demo"
)

// A meeting of a body with a seat for each of 150 organisations: the page
// shows its attendance sheet a part at a time, says so and links to the
// other parts, and saving a part records that part only and comes back to
// it; the forms offer a bounded list of people, and a search the others.
func TestMeetingPageOfALargeBodyIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a seeded coalition")
	}
	size := demo.Large.Divide(10)
	size.Organisations = 150
	q := newQueryWorld(t, size)
	pid, c := q.Partnership.ID, q.Coordinator.Ctx
	bodies, _, err := q.DB.Bodies.Bodies(c, pid)
	if err != nil {
		t.Fatal(err)
	}
	var assembly string
	for _, b := range bodies {
		if b.Name == "Coalition assembly" {
			assembly = b.ID
		}
	}
	m, err := q.DB.Meetings.CreateMeeting(c, pid, pk.MeetingInput{BodyID: assembly, Title: "Assembly, spring",
		StartsAt: "2026-03-02T08:30:00Z", EndsAt: "2026-03-02T10:30:00Z", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := q.DB.Meetings.Attendance(c, pid, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	total := len(sheet.People) + len(sheet.Organisations)
	if total <= 100 || total > 200 {
		t.Fatalf("the sheet has %d rows; the test wants two parts", total)
	}
	page := "/p/" + pid + "/meetings/" + m.ID
	rows := regexp.MustCompile(`<select name="status\.([uo]):([a-z0-9]+)"`)

	res := q.do(t, "coordinator", "GET", page, nil)
	first := rows.FindAllStringSubmatch(res.Body, -1)
	if res.Status != 200 || len(first) != 100 {
		t.Fatalf("%d: %d rows in the first part", res.Status, len(first))
	}
	if !strings.Contains(res.Body, fmt.Sprintf("Rows 1 to 100 of %d are shown.", total)) ||
		!strings.Contains(res.Body, `href="`+page+`?att=100#att-h" rel="next"`) {
		t.Error("the first part does not say it is one or link to the next")
	}
	res = q.do(t, "coordinator", "GET", page+"?att=100", nil)
	second := rows.FindAllStringSubmatch(res.Body, -1)
	if len(second) != total-100 || !strings.Contains(res.Body, fmt.Sprintf("Rows 101 to %d of %d", total, total)) ||
		!strings.Contains(res.Body, `href="`+page+`?att=0#att-h" rel="prev"`) {
		t.Fatalf("the second part: %d rows, want %d, or no link back", len(second), total-100)
	}

	// Saving the second part records it and leaves the first as it was.
	form := url.Values{"att": {"100"}}
	for _, r := range second {
		form.Set("status."+r[1]+":"+r[2], "present")
	}
	res = q.do(t, "coordinator", "POST", page+"/attendance", form)
	back, err := url.Parse(res.Header.Get("Location"))
	if res.Status != 303 || err != nil || back.Path != page || back.Query().Get("att") != "100" || back.Fragment != "att-h" {
		t.Fatalf("saving the second part: %d to %q", res.Status, res.Header.Get("Location"))
	}
	after, err := q.DB.Meetings.Attendance(c, pid, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	was, is := statuses(sheet), statuses(after)
	for _, r := range first {
		if is[r[2]] != was[r[2]] {
			t.Errorf("row %s of the first part changed from %q to %q", r[2], was[r[2]], is[r[2]])
		}
	}
	for _, r := range second {
		if is[r[2]] != "present" {
			t.Errorf("row %s of the saved part is %q", r[2], is[r[2]])
		}
	}

	// The forms offer the first people by name, and a search the others.
	members, err := q.DB.Members.Members(c, pid)
	if err != nil {
		t.Fatal(err)
	}
	res = q.do(t, "coordinator", "GET", page, nil)
	if got := len(selectOptions(t, res.Body, "f-user_id")); got != pk.MaxMemberChoices {
		t.Errorf("the action item form offers %d people, want %d", got, pk.MaxMemberChoices)
	}
	last := members.People[len(members.People)-1]
	res = q.do(t, "coordinator", "GET", page+"?find="+url.QueryEscape(last.Name), nil)
	if opts := selectOptions(t, res.Body, "f-presenter_id"); len(opts) == 0 || len(opts) > 10 || !strings.Contains(strings.Join(opts, " "), last.UserID) {
		t.Errorf("searching %q offers %v", last.Name, opts)
	}
}

// statuses are a sheet's statuses by person or organisation.
func statuses(s *pk.AttendanceSheet) map[string]string {
	out := map[string]string{}
	for _, r := range append(append([]*pk.AttendanceRow{}, s.People...), s.Organisations...) {
		out[r.UserID+r.OrganisationID] = r.Status
	}
	return out
}
