package server_test

import (
	"net/url"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A proposal on the agenda and the vote taken in the room, through the
// pages and the API: the link from the agenda form, a count above those
// present refused beside its form, the vote recorded through the API, and
// the meeting, the proposal and the decision pointing at each other.
func TestRoomVoteThroughHTTP(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	db, c, pid, g := e.DB, e.Coordinator.Ctx, e.Partnership.ID, e.Governance()
	e.AddVoters(t, g.Group.ID, 2, false)
	m, err := db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{BodyID: g.Group.ID, Title: "Action group, March",
		StartsAt: "2026-03-02T08:30:00Z", EndsAt: "2026-03-02T10:30:00Z", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.Decisions.CreateProposal(e.Member.Ctx, pid, pk.ProposalInput{Title: "Open the drop-in on Fridays",
		Text: "Friday afternoons too.", BodyID: g.Group.ID, ClosesAt: e.Clock.Now().Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	page := "/p/" + pid + "/meetings/" + m.ID
	prepStatus(t, "link from the agenda form", e.do(t, "member", "POST", page+"/agenda",
		url.Values{"title": {"Friday drop-in"}, "minutes": {"20"}, "proposal_id": {p.ID}}), 303)
	res := e.do(t, "member", "POST", page+"/agenda", url.Values{"title": {"Elsewhere"}, "minutes": {"5"}, "proposal_id": {e.Decisions().Decided.ID + "x"}})
	prepStatus(t, "unknown proposal", res, 422)
	prepBody(t, "unknown proposal", res, "There is no such proposal in this partnership.")
	if _, err := db.Meetings.SetAttendance(c, pid, m.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
		{UserID: e.Member.ID, Status: pk.AttendancePresent}}}); err != nil {
		t.Fatal(err)
	}
	res = e.do(t, "coordinator", "GET", page, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "Open the drop-in on Fridays", "Record the vote", "1 of 3 seated people present; the quorum needs 2.")

	res = e.do(t, "coordinator", "POST", page+"/decisions", url.Values{"proposal_id": {p.ID}, "counts.consent": {"2"}})
	prepStatus(t, "more hands than present", res, 422)
	prepBody(t, "more hands than present", res, "2 hands counted, but only 1 of those who may vote are present")
	res = e.do(t, "member", "POST", page+"/decisions", url.Values{"proposal_id": {p.ID}, "counts.consent": {"1"}})
	prepStatus(t, "the convener is no secretary", res, 403)

	api := "/api/v1/partnerships/" + pid + "/meetings/" + m.ID
	res = e.do(t, "observer", "GET", api+"/room-votes", nil)
	prepStatus(t, "room votes", res, 200)
	prepBody(t, "room votes", res, `"eligible":3`, `"present":1`, `"quorum_needed":2`)
	res = e.do(t, "coordinator", "POST", api+"/decisions", `{"proposal_id":"`+p.ID+`","counts":{"consent":1}}`)
	prepStatus(t, "vote", res, 201)
	prepBody(t, "vote", res, `"outcome":"no_quorum"`, `"in_room":true`, `"meeting_id":"`+m.ID+`"`)
	res = e.do(t, "coordinator", "POST", api+"/decisions", `{"proposal_id":"`+p.ID+`","counts":{"consent":"one"}}`)
	prepStatus(t, "wrongly typed count", res, 422)
	// The field is named "counts" or, by newer decoders, "counts.consent".
	prepBody(t, "wrongly typed count", res, `"field":"counts`)

	res = e.do(t, "observer", "GET", page, nil)
	prepBody(t, "decisions of the meeting", res, "Decisions taken at this meeting", "no quorum", "show of hands in the room")
	res = e.do(t, "observer", "GET", "/p/"+pid+"/decisions/proposals/"+p.ID, nil)
	prepStatus(t, "proposal page", res, 200)
	prepBody(t, "proposal page", res, "On the agenda of", page)
	res = e.do(t, "observer", "GET", api+"/decisions", nil)
	prepStatus(t, "decisions of the meeting (API)", res, 200)
	prepBody(t, "decisions of the meeting (API)", res, `"proposal_id":"`+p.ID+`"`)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", api+"/decisions", nil), 404)
}
