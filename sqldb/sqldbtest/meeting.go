package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// MeetingFixture is what the meeting fixtures made in a world: the
// strategic committee's next meeting (20 March 2026, Berlin time, with two
// agenda items, attendance and an action item for the member) and its last
// one (10 February, with draft minutes and an overdue action item), and an
// open meeting for everyone.
type MeetingFixture struct {
	Next, Last, Open *pk.Meeting
	Item             *pk.AgendaItem
	Action           *pk.ActionItem
}

// Meetings returns the meeting fixtures of a world.
func (w *World) Meetings() *MeetingFixture {
	f, _ := w.fixture("meetings").(*MeetingFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		committee := w.Governance().Committee
		f := &MeetingFixture{}
		var err error
		f.Last, err = db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{BodyID: committee.ID, Title: "Strategic committee, February",
			StartsAt: "2026-02-10T10:00", EndsAt: "2026-02-10T12:00", TimeZone: "Europe/Berlin", Place: "Bridges Youth, Eisenbahnstraße 12"})
		must(t, err)
		_, err = db.Meetings.AddActionItem(c, pid, f.Last.ID, pk.ActionItemInput{What: "Send the draft budget to all members",
			UserID: w.Member.ID, OrganisationID: w.MemberOrg.ID, Due: "2026-02-24"})
		must(t, err)
		f.Last, err = db.Meetings.SaveMinutes(c, pid, f.Last.ID, pk.MinutesInput{Version: f.Last.Version,
			Text: "## Present\nOmar, Nadia, Diaspora Voices.\n\n## Agreed\n- The budget goes to all members.\n"})
		must(t, err)
		f.Next, err = db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{BodyID: committee.ID, Title: "Strategic committee, March",
			StartsAt: "2026-03-20T10:00", EndsAt: "2026-03-20T12:00", TimeZone: "Europe/Berlin",
			Place: "Bridges Youth, Eisenbahnstraße 12", Link: "https://meet.example.org/welcome-city"})
		must(t, err)
		f.Item, err = db.Meetings.AddAgendaItem(c, pid, f.Next.ID, pk.AgendaItemInput{Title: "Approve the February minutes", Minutes: 10})
		must(t, err)
		_, err = db.Meetings.AddAgendaItem(c, pid, f.Next.ID, pk.AgendaItemInput{Title: "Admission of new members",
			PresenterID: w.Member.ID, Minutes: 45})
		must(t, err)
		_, err = db.Meetings.SetAttendance(c, pid, f.Next.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: w.Member.ID, Status: pk.AttendancePresent}, {OrganisationID: w.MemberOrg.ID, Status: pk.AttendanceApologies}}})
		must(t, err)
		f.Action, err = db.Meetings.AddActionItem(c, pid, f.Next.ID, pk.ActionItemInput{What: "Ask the youth council for two delegates",
			UserID: w.Member.ID, Due: "2026-04-15"})
		must(t, err)
		f.Open, err = db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{Title: "Members' assembly",
			StartsAt: "2026-05-09T14:00", EndsAt: "2026-05-09T17:00", TimeZone: "Europe/Berlin", Link: "https://meet.example.org/assembly"})
		must(t, err)
		w.setFixture("meetings", f)
		w.Params["mtid"] = f.Next.ID
		w.Params["aiid"] = f.Item.ID
		w.Params["acid"] = f.Action.ID
	})
}
