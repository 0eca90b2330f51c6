package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The meeting routes through HTTP: scheduling, the agenda that must fit,
// attendance with the quorum, the .ics file and the private feed, both
// read back by an iCalendar parser.
func TestMeetingAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Meetings()
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/meetings"
	one := base + "/" + f.Next.ID

	res := e.do(t, "member", "POST", base, `{"title":"Youth council","starts_at":"2026-04-14T18:00","ends_at":"2026-04-14T19:00","time_zone":"Asia/Beirut","body_id":"`+
		e.Governance().Group.ID+`"}`)
	prepStatus(t, "schedule", res, 201)
	prepBody(t, "schedule", res, `"starts_at":"2026-04-14T15:00:00Z"`, `"time_zone":"Asia/Beirut"`)
	prepStatus(t, "unknown zone", e.do(t, "member", "POST", base, `{"title":"x","starts_at":"2026-04-14T18:00","ends_at":"2026-04-14T19:00","time_zone":"Nowhere/Else"}`), 422)
	prepStatus(t, "observer may not schedule", e.do(t, "observer", "POST", base, `{}`), 403)

	// 65 minutes are left on the agenda.
	res = e.do(t, "member", "POST", one+"/agenda", `{"title":"Too long","minutes":66}`)
	prepStatus(t, "agenda too long", res, 422)
	prepBody(t, "agenda too long", res, `"field":"minutes"`)
	prepStatus(t, "agenda fits", e.do(t, "member", "POST", one+"/agenda", `{"title":"Budget","minutes":65}`), 201)
	prepStatus(t, "delete without version", e.do(t, "member", "DELETE", one+"/agenda/"+f.Item.ID, nil), 422)
	prepStatus(t, "delete", e.do(t, "member", "DELETE", one+"/agenda/"+f.Item.ID+"?version=1", nil), 204)
	prepStatus(t, "circulate", e.do(t, "member", "POST", one+"/agenda/circulation", `{}`, "If-Match", "1"), 200)

	res = e.do(t, "member", "PUT", one+"/attendance", `{"entries":[{"user_id":"`+e.Member.ID+`","status":"absent"}]}`)
	prepStatus(t, "attendance", res, 200)
	var sheet pk.AttendanceSheet
	json.Unmarshal([]byte(res.Body), &sheet)
	if sheet.Quorum.Met || !sheet.Quorum.Applies || sheet.Quorum.Unit != pk.UnitOrganisation {
		t.Fatalf("quorum %+v", sheet.Quorum)
	}
	res = e.do(t, "member", "PUT", one+"/attendance", `{"entries":[{"user_id":"`+e.Outsider.ID+`","status":"present"}]}`)
	prepStatus(t, "outsider's attendance", res, 422)
	prepBody(t, "outsider's attendance", res, `"field":"entries.0.user_id"`)

	// The minutes: the member chairs but is no secretary.
	prepStatus(t, "chair's minutes", e.do(t, "member", "PUT", one+"/minutes", `{"minutes":"x"}`, "If-Match", "2"), 403)
	prepStatus(t, "coordinator's minutes", e.do(t, "coordinator", "PUT", one+"/minutes", `{"minutes":"## Agreed"}`, "If-Match", "2"), 200)

	res = e.do(t, "member", "GET", "/api/v1/me/action-items", nil)
	prepStatus(t, "my action items", res, 200)
	prepBody(t, "my action items", res, `"what":"Send the draft budget to all members"`, `"overdue":true`)

	// The .ics file parses, in UTC, with the agenda and the call link.
	res = e.do(t, "observer", "GET", one+".ics", nil)
	prepStatus(t, "ics", res, 200)
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("content type %q", res.Header.Get("Content-Type"))
	}
	cal, err := ics.ParseCalendar(strings.NewReader(res.Body))
	if err != nil || len(cal.Events()) != 1 {
		t.Fatalf("parse: %v", err)
	}
	desc := cal.Events()[0].GetProperty(ics.ComponentPropertyDescription).Value
	if !strings.Contains(desc, "https://meet.example.org/welcome-city") || !strings.Contains(desc, "Admission of new members") {
		t.Fatalf("description %q", desc)
	}
	prepStatus(t, "outsider's ics", e.do(t, "outsider", "GET", one+".ics", nil), 404)

	// The feed: made through the API, served without a session, stopped
	// when revoked.
	res = e.do(t, "member", "POST", "/api/v1/me/calendar", nil)
	prepStatus(t, "feed", res, 201)
	var feed struct{ URL string }
	json.Unmarshal([]byte(res.Body), &feed)
	u, err := url.Parse(feed.URL)
	if err != nil || !strings.HasPrefix(u.Path, "/calendar/cal_") {
		t.Fatalf("feed url %q", feed.URL)
	}
	res = e.do(t, "", "GET", u.Path, nil)
	prepStatus(t, "feed without session", res, 200)
	cal, err = ics.ParseCalendar(strings.NewReader(res.Body))
	if err != nil || len(cal.Events()) != 4 {
		t.Fatalf("feed: %v %d", err, len(cal.Events()))
	}
	prepBody(t, "feed state", e.do(t, "member", "GET", "/api/v1/me/calendar", nil), `"active":true`)
	prepStatus(t, "revoke", e.do(t, "member", "DELETE", "/api/v1/me/calendar", nil), 204)
	prepStatus(t, "revoked feed", e.do(t, "", "GET", u.Path, nil), 404)
}

// The meeting page shows the time in the meeting's zone, the quorum, the
// agenda and the minutes rendered without raw HTML.
func TestMeetingPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Meetings()
	page := "/p/" + e.Partnership.ID + "/meetings/" + f.Next.ID
	res := e.do(t, "observer", "GET", page, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "10:00–12:00 (Europe/Berlin)", "Quorum reached", "Admission of new members", ".ics")
	if strings.Contains(res.Body, `action="`+page+`/attendance"`) && strings.Contains(res.Body, "<select name=\"status.") {
		t.Fatal("the observer is offered the attendance form")
	}
	// Minutes with raw HTML: shown as text, never as markup.
	form := url.Values{"minutes": {"<script>alert(1)</script>\n\n**Agreed**"}, "version": {"1"}}
	prepStatus(t, "minutes", e.do(t, "coordinator", "POST", page+"/minutes", form), 303)
	res = e.do(t, "member", "GET", page, nil)
	if strings.Contains(res.Body, "<script>alert") || !strings.Contains(res.Body, "<strong>Agreed</strong>") {
		t.Fatal("minutes not rendered safely")
	}
	// A refused agenda item comes back with its message beside the form.
	res = e.do(t, "member", "POST", page+"/agenda", url.Values{"title": {"Long"}, "minutes": {"500"}})
	prepStatus(t, "agenda too long", res, 422)
	prepBody(t, "agenda too long", res, "would not fit the meeting")
	prepStatus(t, "my action items", e.do(t, "member", "GET", "/action-items", nil), 200)
	res = e.do(t, "member", "POST", "/account/calendar", url.Values{})
	prepStatus(t, "make a feed", res, 200)
	prepBody(t, "make a feed", res, "/calendar/cal_")
}
