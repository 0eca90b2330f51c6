package sqldb_test

import (
	"encoding/json"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Meetings travel whole: each meeting with its body, agenda, attendance
// (whose key is made again from the new IDs, so the copy's sheet and
// quorum read it) and action items, and the minutes' approval names the
// copy of the meeting that approved them.
func TestArchiveCarriesMeetings(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, mf := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Meetings()
		// The February minutes approved at the March meeting, once it began.
		w.Clock.Set(time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC))
		last, err := db.Meetings.ApproveMinutes(c, pid, mf.Last.ID, pk.MinutesApprovalInput{AtMeetingID: mf.Next.ID, Version: mf.Last.Version})
		if err != nil {
			t.Fatal(err)
		}
		wantSheet, err := db.Meetings.Attendance(c, pid, mf.Next.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, err := db.Portability.ExportPartnership(c, pid, pk.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Portability.ImportPartnership(w.Outsider.Ctx, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		np, oc := res.Partnership.ID, w.Outsider.Ctx
		if res.Records["meetings"] != 3 || res.Records["meeting_agenda_items"] != 3 || res.Records["meeting_attendance"] != 2 ||
			res.Records["meeting_action_items"] != 2 {
			t.Errorf("records %v", res.Records)
		}
		ms, _, err := db.Meetings.Meetings(oc, np)
		if err != nil || len(ms) != 3 {
			t.Fatalf("meetings %v %v", ms, err)
		}
		byTitle := map[string]*pk.Meeting{}
		for _, m := range ms {
			byTitle[m.Title] = m
			if m.ID == mf.Next.ID || m.ID == mf.Last.ID || m.ID == mf.Open.ID {
				t.Errorf("the copy kept an ID: %+v", m)
			}
		}
		next, feb := byTitle[mf.Next.Title], byTitle[last.Title]
		if next == nil || feb == nil {
			t.Fatalf("meetings by title %v", byTitle)
		}
		if feb.MinutesStatus != pk.MinutesApproved || feb.MinutesApprovedAt != next.ID || feb.Minutes != last.Minutes ||
			!feb.StartsAt.Equal(last.StartsAt) || feb.TimeZone != last.TimeZone || next.BodyName != mf.Next.BodyName || next.BodyID == mf.Next.BodyID {
			t.Errorf("February in the copy %+v (next %s)", feb, next.ID)
		}
		ag, err := db.Meetings.Agenda(oc, np, next.ID)
		if err != nil || len(ag.Items) != 2 || ag.Items[0].Title != mf.Item.Title || ag.Items[1].PresenterName != w.Member.Name {
			t.Fatalf("agenda %+v %v", ag, err)
		}
		sheet, err := db.Meetings.Attendance(oc, np, next.ID)
		if err != nil {
			t.Fatal(err)
		}
		// People keep their accounts; the organisation is a new copy, so
		// its row's key must name the copy's ID, or the sheet would list it
		// twice.
		if len(sheet.People) != len(wantSheet.People) || len(sheet.Organisations) != 1 || sheet.Organisations[0].Status != pk.AttendanceApologies {
			t.Errorf("sheet in the copy %+v %+v", sheet.People, sheet.Organisations)
		}
		for _, r := range sheet.People {
			if r.Name == w.Member.Name && r.Status != pk.AttendancePresent {
				t.Errorf("the member's attendance did not travel: %+v", r)
			}
		}
		// The copy's rows are the form's own: recording again replaces them.
		if _, err := db.Meetings.SetAttendance(oc, np, next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{OrganisationID: sheet.Organisations[0].OrganisationID, Status: pk.AttendancePresent}}}); err != nil {
			t.Fatal(err)
		}
		again, _ := db.Meetings.Attendance(oc, np, next.ID)
		if len(again.Organisations) != 1 || again.Organisations[0].Status != pk.AttendancePresent {
			t.Errorf("recording again: %+v", again.Organisations)
		}
		acts, _, err := db.Meetings.ActionItems(oc, np, feb.ID)
		if err != nil || len(acts) != 1 || acts[0].UserName != w.Member.Name || acts[0].Due != "2026-02-24" || acts[0].OrganisationName != w.MemberOrg.Name {
			t.Fatalf("action items %+v %v", acts, err)
		}
	})
}

// A meeting record that breaks the meetings' rules is refused whole,
// naming its document, record and field: an approving meeting the archive
// does not hold, minutes approved at themselves (a loop), an attendance
// status the form does not offer, an agenda item longer than a day.
func TestArchiveRefusesBadMeetings(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(doc string, change func(recs []map[string]any)) []byte {
		return rewriteArchive(t, a.Data, doc, func(b []byte) []byte {
			var recs []map[string]any
			if err := json.Unmarshal(b, &recs); err != nil {
				t.Fatal(err)
			}
			change(recs)
			out, _ := json.Marshal(recs)
			return out
		})
	}
	for _, c := range []struct {
		name, field string
		data        []byte
	}{
		{"unknown approving meeting", "meetings.json[1].minutes_approved_meeting_id", edit("meetings.json", func(recs []map[string]any) {
			recs[0]["minutes_approved_meeting_id"] = "nowhere"
		})},
		{"approved at itself", "meetings.json[1].minutes_approved_meeting_id", edit("meetings.json", func(recs []map[string]any) {
			recs[0]["minutes_approved_meeting_id"] = recs[0]["id"]
		})},
		{"unknown attendance status", "meeting_attendance.json[1].status", edit("meeting_attendance.json", func(recs []map[string]any) {
			recs[0]["status"] = "late"
		})},
		{"agenda item longer than a day", "meeting_agenda_items.json[1].minutes", edit("meeting_agenda_items.json", func(recs []map[string]any) {
			recs[0]["minutes"] = 5000
		})},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.DB.Portability.ImportPartnership(w.Outsider.Ctx, c.data)
			e, ok := pk.AsError(err)
			if !ok || e.Code != pk.EINVALID || len(e.Fields) == 0 || e.Fields[0].Field != c.field {
				t.Fatalf("error %v, want one naming %s", err, c.field)
			}
		})
	}
}
