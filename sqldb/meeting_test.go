package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestMeetingTimesKeepTheirZone(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		m := w.Meetings().Next
		// 10:00 in Berlin on 20 March is 09:00 UTC (winter time).
		if !m.StartsAt.Equal(time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)) || m.Length() != 120 || m.TimeZone != "Europe/Berlin" {
			t.Fatalf("meeting %+v", m)
		}
		if m.BodyName != w.Governance().Committee.Name {
			t.Fatalf("body %q", m.BodyName)
		}
		for _, x := range []struct {
			in    pk.MeetingInput
			field string
		}{
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T11:00", TimeZone: "Mars/Olympus"}, "time_zone"},
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T09:00", TimeZone: "UTC"}, "ends_at"},
			{pk.MeetingInput{Title: "x", StartsAt: "tomorrow", EndsAt: "2026-04-01T09:00", TimeZone: "UTC"}, "starts_at"},
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-02T10:01", TimeZone: "UTC"}, "ends_at"},
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T11:00", TimeZone: "UTC", Link: "javascript:alert(1)"}, "link"},
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T11:00", TimeZone: "UTC", BodyID: "nope"}, "body_id"},
			{pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T11:00", TimeZone: "UTC",
				BodyID: w.Governance().Committee.ID}, ""},
		} {
			_, err := db.Meetings.CreateMeeting(c, pid, x.in)
			if x.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				continue
			}
			wantField(t, err, x.field)
		}
		// A body of another partnership is unknown here.
		other, err := db.Bodies.CreateBody(w.Outsider.Ctx, w.Other.ID, pk.BodyInput{Name: "Their board", Kind: pk.BodyCustom})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{Title: "x", StartsAt: "2026-04-01T10:00", EndsAt: "2026-04-01T11:00",
			TimeZone: "UTC", BodyID: other.ID})
		wantField(t, err, "body_id")
		// Observers read; outsiders are told nothing exists.
		if _, _, err := db.Meetings.Meetings(w.Observer.Ctx, pid); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Meetings.CreateMeeting(w.Observer.Ctx, pid, pk.MeetingInput{}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer created: %v", err)
		}
		if _, err := db.Meetings.Meeting(w.Outsider.Ctx, pid, m.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		if _, err := db.Meetings.Meeting(w.Outsider.Ctx, w.Other.ID, m.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("across partnerships: %v", err)
		}
		// A stale version is a conflict, and nothing changes.
		in := pk.MeetingInput{BodyID: m.BodyID, Title: "Renamed", StartsAt: "2026-03-20T10:00", EndsAt: "2026-03-20T12:00",
			TimeZone: "Europe/Berlin", Version: m.Version + 5}
		if _, err := db.Meetings.UpdateMeeting(c, pid, m.ID, in); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("stale: %v", err)
		}
	})
}

func TestAgendaMustFitTheMeeting(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Meetings()
		a, err := db.Meetings.Agenda(w.Observer.Ctx, pid, f.Next.ID)
		if err != nil || len(a.Items) != 2 || a.TotalMinutes != 55 || a.MeetingMinutes != 120 || a.Items[1].PresenterName != w.Member.Name {
			t.Fatalf("agenda %v %+v", err, a)
		}
		// 65 minutes are left: 65 fit, 66 do not.
		_, err = db.Meetings.AddAgendaItem(w.Member.Ctx, pid, f.Next.ID, pk.AgendaItemInput{Title: "Too long", Minutes: 66})
		wantField(t, err, "minutes")
		last, err := db.Meetings.AddAgendaItem(w.Member.Ctx, pid, f.Next.ID, pk.AgendaItemInput{Title: "Budget", Minutes: 65, Position: 1})
		if err != nil || last.Position != 1 {
			t.Fatalf("add first: %v %+v", err, last)
		}
		// A meeting made shorter than its agenda is refused.
		in := pk.MeetingInput{BodyID: f.Next.BodyID, Title: f.Next.Title, StartsAt: "2026-03-20T10:00", EndsAt: "2026-03-20T11:59",
			TimeZone: "Europe/Berlin", Version: f.Next.Version}
		_, err = db.Meetings.UpdateMeeting(c, pid, f.Next.ID, in)
		wantField(t, err, "ends_at")
		// Moving and deleting keep positions 1…n.
		if _, err := db.Meetings.UpdateAgendaItem(c, pid, f.Next.ID, last.ID, pk.AgendaItemInput{Title: "Budget", Minutes: 65, Position: 3,
			Version: last.Version}); err != nil {
			t.Fatal(err)
		}
		if err := db.Meetings.DeleteAgendaItem(c, pid, f.Next.ID, f.Item.ID, f.Item.Version); err != nil {
			t.Fatal(err)
		}
		a, _ = db.Meetings.Agenda(c, pid, f.Next.ID)
		if len(a.Items) != 2 || a.Items[0].Title != "Admission of new members" || a.Items[1].Position != 2 || a.Items[1].Title != "Budget" {
			t.Fatalf("order %+v %+v", a.Items[0], a.Items[1])
		}
		// A presenter from outside the partnership is refused.
		_, err = db.Meetings.AddAgendaItem(c, pid, f.Next.ID, pk.AgendaItemInput{Title: "x", Minutes: 1, PresenterID: w.Outsider.ID})
		wantField(t, err, "presenter_id")
	})
}

func TestAgendaCirculatedLateIsSaid(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f, g := w.Meetings(), w.Governance()
		// The charter asks for the agenda 14 days ahead: by 6 March 10:00
		// Berlin time for the meeting of 20 March.
		in := pk.CharterInput{Version: g.Charter.Version, AdoptedOn: "2026-03-01", AdoptedByBody: g.Committee.ID, Rules: g.Charter.Rules,
			Areas: g.Charter.Areas, CharterText: g.Charter.CharterText}
		in.AgendaDaysAhead = 14
		if _, err := db.Charter.AdoptCharter(c, pid, in); err != nil {
			t.Fatal(err)
		}
		a, _ := db.Meetings.Agenda(c, pid, f.Next.ID)
		if a.Late || a.DueBy == nil || !a.DueBy.Equal(time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC)) {
			t.Fatalf("before: %+v", a)
		}
		w.Clock.Set(time.Date(2026, 3, 7, 8, 0, 0, 0, time.UTC))
		a, _ = db.Meetings.Agenda(c, pid, f.Next.ID)
		if !a.Late {
			t.Fatal("not circulated after the day: not late")
		}
		m, err := db.Meetings.CirculateAgenda(w.Member.Ctx, pid, f.Next.ID, f.Next.Version)
		if err != nil || m.AgendaCirculatedAt == nil {
			t.Fatal(err)
		}
		a, _ = db.Meetings.Agenda(c, pid, f.Next.ID)
		if !a.Late || a.CirculatedAt == nil {
			t.Fatalf("circulated late: %+v", a)
		}
		// An empty agenda cannot go round.
		empty, err := db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{Title: "Nothing yet", StartsAt: "2026-06-01T10:00",
			EndsAt: "2026-06-01T11:00", TimeZone: "UTC"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Meetings.CirculateAgenda(c, pid, empty.ID, empty.Version)
		wantField(t, err, "agenda")
	})
}

func TestAttendanceAndQuorum(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Meetings()
		// The committee decides per organisation, quorum 0.5: Diaspora
		// Voices holds a seat and the member sits for it too, so one
		// organisation is eligible; the member is present, so it is.
		s, err := db.Meetings.Attendance(w.Observer.Ctx, pid, f.Next.ID)
		if err != nil {
			t.Fatal(err)
		}
		q := s.Quorum
		if !q.Applies || q.Unit != pk.UnitOrganisation || q.Eligible != 1 || q.Present != 1 || q.Needed != 1 || !q.Met {
			t.Fatalf("quorum %+v", q)
		}
		if len(s.People) != 1 || s.People[0].Status != pk.AttendancePresent || len(s.Organisations) != 1 ||
			s.Organisations[0].Status != pk.AttendanceApologies {
			t.Fatalf("sheet %+v %+v", s.People, s.Organisations)
		}
		// Marked absent instead: the quorum is lost.
		s, err = db.Meetings.SetAttendance(w.Member.Ctx, pid, f.Next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Member.ID, Status: pk.AttendanceAbsent}}})
		if err != nil || s.Quorum.Met || s.Quorum.Present != 0 {
			t.Fatalf("absent: %v %+v", err, s.Quorum)
		}
		// A coordinator (no seat) recorded as present is listed, unseated.
		s, err = db.Meetings.SetAttendance(c, pid, f.Next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Coordinator.ID, Status: pk.AttendancePresent}}})
		if err != nil || len(s.People) != 2 || s.Quorum.Met {
			t.Fatalf("guest: %v %+v", err, s)
		}
		// All or nothing: an outsider in the list refuses the whole list,
		// naming the row.
		_, err = db.Meetings.SetAttendance(c, pid, f.Next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Member.ID, Status: pk.AttendancePresent}, {UserID: w.Outsider.ID, Status: pk.AttendancePresent}}})
		wantField(t, err, "entries.1.user_id")
		_, err = db.Meetings.SetAttendance(c, pid, f.Next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Member.ID, Status: "maybe"}}})
		wantField(t, err, "entries.0.status")
		s, _ = db.Meetings.Attendance(c, pid, f.Next.ID)
		if s.People[len(s.People)-1].Status != pk.AttendanceAbsent && s.People[0].Status != pk.AttendanceAbsent {
			t.Fatalf("changed by a refused list: %+v", s.People)
		}
		// An open meeting lists everyone and has no quorum.
		s, err = db.Meetings.Attendance(c, pid, f.Open.ID)
		if err != nil || s.Quorum.Applies || len(s.People) != 3 || len(s.Organisations) != 2 || !s.Quorum.Met {
			t.Fatalf("open: %v %+v %d %d", err, s.Quorum, len(s.People), len(s.Organisations))
		}
	})
}

func TestMinutesBySecretaryApprovedLater(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f, g := w.Meetings(), w.Governance()
		last := f.Last
		if last.MinutesStatus != pk.MinutesDraft {
			t.Fatalf("fixture minutes %q", last.MinutesStatus)
		}
		// The member chairs the committee but is not its secretary.
		_, err := db.Meetings.SaveMinutes(w.Member.Ctx, pid, last.ID, pk.MinutesInput{Text: "mine", Version: last.Version})
		if pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("chair wrote minutes: %v", err)
		}
		// One seat a person in a body: the chair becomes its secretary.
		if _, err := db.Bodies.UpdateSeat(c, pid, g.Committee.ID, g.Seat.ID, pk.SeatInput{Position: pk.PositionSecretary,
			From: g.Seat.From, Version: g.Seat.Version}); err != nil {
			t.Fatal(err)
		}
		last, err = db.Meetings.SaveMinutes(w.Member.Ctx, pid, last.ID, pk.MinutesInput{Text: "## Agreed\n- all", Version: last.Version})
		if err != nil || last.MinutesStatus != pk.MinutesDraft {
			t.Fatalf("secretary: %v", err)
		}
		// Approval at a meeting that has not begun, or of another body, is refused.
		_, err = db.Meetings.ApproveMinutes(c, pid, last.ID, pk.MinutesApprovalInput{AtMeetingID: f.Next.ID, Version: last.Version})
		wantField(t, err, "at_meeting_id")
		_, err = db.Meetings.ApproveMinutes(c, pid, last.ID, pk.MinutesApprovalInput{AtMeetingID: f.Open.ID, Version: last.Version})
		wantField(t, err, "at_meeting_id")
		_, err = db.Meetings.ApproveMinutes(c, pid, last.ID, pk.MinutesApprovalInput{AtMeetingID: last.ID, Version: last.Version})
		wantField(t, err, "at_meeting_id")
		// What the page offers to approve at follows the same rule.
		if at, err := db.Meetings.MinutesApprovers(c, pid, last.ID); err != nil || len(at) != 0 {
			t.Fatalf("approvers before the next meeting began: %v %+v", err, at)
		}
		w.Clock.Set(time.Date(2026, 3, 20, 9, 30, 0, 0, time.UTC))
		if at, err := db.Meetings.MinutesApprovers(w.Observer.Ctx, pid, last.ID); err != nil || len(at) != 1 || at[0].ID != f.Next.ID {
			t.Fatalf("approvers once it began: %v %+v", err, at)
		}
		if _, err := db.Meetings.MinutesApprovers(w.Outsider.Ctx, pid, last.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		last, err = db.Meetings.ApproveMinutes(w.Member.Ctx, pid, last.ID, pk.MinutesApprovalInput{AtMeetingID: f.Next.ID, Version: last.Version})
		if err != nil || last.MinutesStatus != pk.MinutesApproved || last.MinutesApprovedAtTitle != f.Next.Title {
			t.Fatalf("approve: %v %+v", err, last)
		}
		// Approved minutes are the record.
		_, err = db.Meetings.SaveMinutes(c, pid, last.ID, pk.MinutesInput{Text: "rewritten", Version: last.Version})
		wantField(t, err, "minutes")
		// And a meeting with a record is not deleted.
		if err := db.Meetings.DeleteMeeting(c, pid, last.ID, last.Version); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("deleted the record: %v", err)
		}
		if err := db.Meetings.DeleteMeeting(c, pid, f.Open.ID, f.Open.Version); err != nil {
			t.Fatal(err)
		}
	})
}

func TestMyActionItems(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Meetings()
		mine, cut, err := db.Meetings.MyActionItems(w.Member.Ctx)
		if err != nil || cut || len(mine) != 2 {
			t.Fatalf("mine %v %d", err, len(mine))
		}
		// Open ones by due date: the February one is overdue on 2 March.
		if !mine[0].Overdue || mine[0].OrganisationName != w.MemberOrg.Name || mine[1].Overdue || mine[0].PartnershipName != w.Partnership.Name {
			t.Fatalf("order %+v %+v", mine[0], mine[1])
		}
		done, err := db.Meetings.UpdateActionItem(w.Member.Ctx, pid, mine[0].MeetingID, mine[0].ID, pk.ActionItemInput{What: mine[0].What,
			UserID: w.Member.ID, OrganisationID: mine[0].OrganisationID, Due: mine[0].Due, Status: pk.ActionDone, Version: mine[0].Version})
		if err != nil || done.Overdue {
			t.Fatalf("done %v %+v", err, done)
		}
		mine, _, _ = db.Meetings.MyActionItems(w.Member.Ctx)
		if mine[0].ID != f.Action.ID || mine[1].Status != pk.ActionDone {
			t.Fatalf("after done %+v", mine)
		}
		// Nobody else's, and an assignee outside the partnership is refused.
		if theirs, _, _ := db.Meetings.MyActionItems(w.Observer.Ctx); len(theirs) != 0 {
			t.Fatalf("observer sees %d", len(theirs))
		}
		_, err = db.Meetings.AddActionItem(c, pid, f.Next.ID, pk.ActionItemInput{What: "x", UserID: w.Outsider.ID})
		wantField(t, err, "user_id")
		_, err = db.Meetings.AddActionItem(c, pid, f.Next.ID, pk.ActionItemInput{What: "x", UserID: w.Member.ID, Due: "2026-02-30"})
		wantField(t, err, "due")
		// Someone who left the partnership no longer sees its items.
		if err := db.Members.Leave(w.Member.Ctx, pid); err != nil {
			t.Skip("leaving is refused here:", err)
		}
		if mine, _, _ := db.Meetings.MyActionItems(w.Member.Ctx); len(mine) != 0 {
			t.Fatalf("after leaving: %d", len(mine))
		}
	})
}

func TestCalendarFeed(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f := w.Meetings()
		if feed, err := db.Calendars.CalendarFeed(w.Member.Ctx); err != nil || feed.Active {
			t.Fatalf("before: %v %+v", err, feed)
		}
		feed, err := db.Calendars.RenewCalendarFeed(w.Member.Ctx)
		if err != nil || feed.Secret == "" {
			t.Fatal(err)
		}
		got, err := db.Calendars.FeedMeetings(t.Context(), feed.Secret)
		if err != nil {
			t.Fatal(err)
		}
		// The member sits in the committee: its two meetings, and the open one.
		ids := map[string]bool{}
		for _, m := range got {
			ids[m.Meeting.ID] = true
			if m.PartnershipName != w.Partnership.Name {
				t.Fatalf("partnership %q", m.PartnershipName)
			}
		}
		if len(got) != 3 || !ids[f.Last.ID] || !ids[f.Next.ID] || !ids[f.Open.ID] {
			t.Fatalf("feed %d %v", len(got), ids)
		}
		if len(got[1].Agenda) != 2 {
			t.Fatalf("agenda in the feed: %+v", got[1])
		}
		// The observer holds no seat: the open meeting only.
		obs, _ := db.Calendars.RenewCalendarFeed(w.Observer.Ctx)
		if got, _ := db.Calendars.FeedMeetings(t.Context(), obs.Secret); len(got) != 1 || got[0].Meeting.ID != f.Open.ID {
			t.Fatalf("observer's feed %d", len(got))
		}
		// Renewing stops the old address; revoking stops the new.
		renewed, _ := db.Calendars.RenewCalendarFeed(w.Member.Ctx)
		if _, err := db.Calendars.FeedMeetings(t.Context(), feed.Secret); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("old secret: %v", err)
		}
		if err := db.Calendars.RevokeCalendarFeed(w.Member.Ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Calendars.FeedMeetings(t.Context(), renewed.Secret); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("revoked: %v", err)
		}
		// After leaving the partnership, nothing of it is served.
		obs, _ = db.Calendars.RenewCalendarFeed(w.Observer.Ctx)
		if err := db.Members.Leave(w.Observer.Ctx, pid); err != nil {
			t.Fatal(err)
		}
		if got, err := db.Calendars.FeedMeetings(t.Context(), obs.Secret); err != nil || len(got) != 0 {
			t.Fatalf("after leaving: %v %d", err, len(got))
		}
	})
}

func TestMeetingSeries(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Meetings()
		// Monthly from 20 March 10:00 Berlin: 20 April is summer time, so
		// 08:00 UTC, still 10:00 in Berlin.
		got, err := db.Meetings.ScheduleSeries(w.Member.Ctx, pid, f.Next.ID, pk.SeriesInput{Every: pk.EveryMonth, Count: 2})
		if err != nil || len(got) != 2 {
			t.Fatal(err)
		}
		if !got[0].StartsAt.Equal(time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC)) || got[0].Length() != 120 || got[1].BodyID != f.Next.BodyID {
			t.Fatalf("series %+v", got[0])
		}
		_, err = db.Meetings.ScheduleSeries(c, pid, f.Next.ID, pk.SeriesInput{Every: pk.EveryMonth, Count: 13})
		wantField(t, err, "count")
	})
}

// A meeting's attendance sheet is kept between requests under the data
// version: a status recorded and a seated person renamed show on the next
// read, and what one caller does to its sheet never reaches the next.
func TestAttendanceSheetKeptFollowsChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Meetings().Next.ID
		read := func() *pk.AttendanceSheet {
			t.Helper()
			s, err := db.Meetings.Attendance(w.Observer.Ctx, pid, mid)
			if err != nil || len(s.People) == 0 {
				t.Fatalf("sheet: %v %+v", err, s)
			}
			return s
		}
		first := read()
		first.People[0].Name, first.People[0].Status = "Scribbled", "scribbled"
		first.People = first.People[:0]
		if s := read(); s.People[0].Name == "Scribbled" || s.People[0].Status == "scribbled" {
			t.Fatalf("a caller's change reached the next sheet: %+v", s.People[0])
		}
		if _, err := db.Meetings.SetAttendance(w.Member.Ctx, pid, mid, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Member.ID, Status: pk.AttendanceAbsent}}}); err != nil {
			t.Fatal(err)
		}
		if s := read(); s.People[0].Status != pk.AttendanceAbsent || s.Quorum.Met {
			t.Errorf("a status recorded does not show: %+v %+v", s.People[0], s.Quorum)
		}
		if _, err := db.Accounts.UpdateProfile(w.Member.Ctx, pk.ProfileInput{Name: "Omar Renamed", Language: "en", Version: w.Member.User.Version}); err != nil {
			t.Fatal(err)
		}
		if s := read(); s.People[0].Name != "Omar Renamed" {
			t.Errorf("a rename does not show: %+v", s.People[0])
		}
	})
}

// A person who attended a meeting, then left the partnership, then erased
// their account, no longer shows by name on the kept attendance sheet:
// their leaving had raised the partnership's data version, their erasure
// must too (the rename alone reaches only the partnerships they are in).
func TestAttendanceSheetKeptForgetsAnErasedFormerMember(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Meetings().Next.ID
		named := func(name string) bool {
			t.Helper()
			s, err := db.Meetings.Attendance(w.Coordinator.Ctx, pid, mid)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range s.People {
				if p.UserID == w.Observer.ID {
					return p.Name == name
				}
			}
			t.Fatalf("the observer is not on the sheet: %+v", s.People)
			return false
		}
		if _, err := db.Meetings.SetAttendance(w.Coordinator.Ctx, pid, mid, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Observer.ID, Status: pk.AttendancePresent}}}); err != nil {
			t.Fatal(err)
		}
		if err := db.Members.Leave(w.Observer.Ctx, pid); err != nil {
			t.Fatal(err)
		}
		if !named(w.Observer.Name) {
			t.Fatal("the former member's name does not show before the erasure")
		}
		if err := db.Accounts.DeleteAccount(w.Observer.Ctx, sqldbtest.Password); err != nil {
			t.Fatal(err)
		}
		if !named(pk.FormerMemberName) {
			t.Error("an erased person's name still shows on the kept attendance sheet")
		}
	})
}
