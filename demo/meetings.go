package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(60, "meetings", loadMeetings) }

// loadMeetings gives the coalition its meetings around today: two past
// executive committees (the first one's minutes approved at the second,
// the second's still a draft), both with action items; the next strategic
// committee with its agenda; and a members' assembly open to all.
func loadMeetings(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, yusuf := w.People["Amina"].Ctx, w.People["Yusuf"].Ctx
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return err
	}
	byName := map[string]*pk.Body{}
	for _, b := range bodies {
		byName[b.Name] = b
	}
	exec, strat := byName["Executive committee"], byName["Strategic committee"]
	if exec == nil || strat == nil {
		return fmt.Errorf("meetings: the governance bodies are missing")
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	// Days from today, at a wall-clock time in Berlin.
	day := func(days int, clock string) string {
		return db.Now().In(berlin).AddDate(0, 0, days).Format("2006-01-02") + "T" + clock
	}
	schedule := func(who context.Context, in pk.MeetingInput) (*pk.Meeting, error) {
		in.TimeZone = "Europe/Berlin"
		return db.Meetings.CreateMeeting(who, pid, in)
	}
	first, err := schedule(yusuf, pk.MeetingInput{BodyID: exec.ID, Title: "Executive committee", StartsAt: day(-28, "18:00"),
		EndsAt: day(-28, "19:30"), Place: "Bridges Youth, Eisenbahnstraße 12", Link: "https://meet.example.org/coalition-executive"})
	if err != nil {
		return err
	}
	second, err := schedule(yusuf, pk.MeetingInput{BodyID: exec.ID, Title: "Executive committee", StartsAt: day(-14, "18:00"),
		EndsAt: day(-14, "19:30"), Link: "https://meet.example.org/coalition-executive"})
	if err != nil {
		return err
	}
	for _, m := range []struct {
		meeting *pk.Meeting
		items   []pk.AgendaItemInput
	}{
		{first, []pk.AgendaItemInput{{Title: "Budget for the spring hearings", PresenterID: w.People["Amina"].User.ID, Minutes: 30},
			{Title: "Interpreters for Arabic and Dari", PresenterID: w.People["Leila"].User.ID, Minutes: 20},
			{Title: "Anything else", Minutes: 10}}},
		{second, []pk.AgendaItemInput{{Title: "Approve the minutes of the last meeting", Minutes: 10},
			{Title: "Venue for the first hearing", PresenterID: w.People["Leila"].User.ID, Minutes: 30}}},
	} {
		for _, it := range m.items {
			if _, err := db.Meetings.AddAgendaItem(yusuf, pid, m.meeting.ID, it); err != nil {
				return err
			}
		}
		if _, err := db.Meetings.CirculateAgenda(yusuf, pid, m.meeting.ID, m.meeting.Version); err != nil {
			return err
		}
		var entries []pk.AttendanceEntry
		for who, status := range map[string]string{"Amina": pk.AttendancePresent, "Yusuf": pk.AttendancePresent,
			"Leila": pk.AttendancePresent, "Chloe": pk.AttendanceApologies} {
			entries = append(entries, pk.AttendanceEntry{UserID: w.People[who].User.ID, Status: status})
		}
		if _, err := db.Meetings.SetAttendance(yusuf, pid, m.meeting.ID, pk.AttendanceInput{Entries: entries}); err != nil {
			return err
		}
	}
	actions := []struct {
		meeting   *pk.Meeting
		what, who string
		org       string
		due       int
		status    string
	}{
		{first, "Ask the city's youth office for 1,500 euros towards the hearings", "Amina", "bridges", -7, pk.ActionDone},
		{first, "Find two interpreters (Arabic, Dari) for the first hearing", "Leila", "bridges", 3, pk.ActionOpen},
		{second, "Book the community hall of Open Doors for the first hearing", "Yusuf", "diaspora", 5, pk.ActionOpen},
		{second, "Draft the invitation to young people in three languages", "Jonas", "youthcouncil", -2, pk.ActionOpen},
	}
	for _, a := range actions {
		due := db.Now().In(berlin).AddDate(0, 0, a.due).Format("2006-01-02")
		it, err := db.Meetings.AddActionItem(yusuf, pid, a.meeting.ID, pk.ActionItemInput{What: a.what, UserID: w.People[a.who].User.ID,
			OrganisationID: w.Orgs[a.org].ID, Due: due})
		if err != nil {
			return err
		}
		if a.status != pk.ActionOpen {
			if _, err := db.Meetings.UpdateActionItem(yusuf, pid, a.meeting.ID, it.ID, pk.ActionItemInput{What: it.What, UserID: it.UserID,
				OrganisationID: it.OrganisationID, Due: it.Due, Status: a.status, Version: it.Version}); err != nil {
				return err
			}
		}
	}
	// Yusuf is the executive's secretary: he drafts, the next meeting approves.
	first, err = db.Meetings.Meeting(yusuf, pid, first.ID)
	if err != nil {
		return err
	}
	first, err = db.Meetings.SaveMinutes(yusuf, pid, first.ID, pk.MinutesInput{Version: first.Version, Text: "## Present\n" +
		"Amina, Yusuf, Leila. Chloe sent apologies.\n\n## Budget for the spring hearings\nWe ask the city's youth office for 1,500 euros; Amina writes.\n\n" +
		"## Interpreters\nEvery hearing has Arabic and Dari interpreters. Leila finds two by next week.\n"})
	if err != nil {
		return err
	}
	if _, err := db.Meetings.ApproveMinutes(yusuf, pid, first.ID, pk.MinutesApprovalInput{AtMeetingID: second.ID, Version: first.Version}); err != nil {
		return err
	}
	second, err = db.Meetings.Meeting(yusuf, pid, second.ID)
	if err != nil {
		return err
	}
	if _, err := db.Meetings.SaveMinutes(yusuf, pid, second.ID, pk.MinutesInput{Version: second.Version, Text: "## Present\n" +
		"Amina, Yusuf, Leila. Chloe sent apologies.\n\n## Minutes of the last meeting\nApproved without changes.\n\n" +
		"## Venue\nOpen Doors offers its community hall; Yusuf books it. Jonas drafts the invitation to young people.\n"}); err != nil {
		return err
	}
	next, err := schedule(amina, pk.MeetingInput{BodyID: strat.ID, Title: "Strategic committee, spring", StartsAt: day(10, "10:00"),
		EndsAt: day(10, "12:00"), Place: "Welcome Centre, Hauptstraße 4", Link: "https://meet.example.org/coalition-strategy"})
	if err != nil {
		return err
	}
	for _, it := range []pk.AgendaItemInput{
		{Title: "Report of the executive committee", PresenterID: w.People["Yusuf"].User.ID, Minutes: 20},
		{Title: "Admission of the Afghan Women's Circle", PresenterID: w.People["Amina"].User.ID, Minutes: 40},
		{Title: "Demands for the spring hearings", PresenterID: w.People["Jonas"].User.ID, Minutes: 45},
	} {
		if _, err := db.Meetings.AddAgendaItem(amina, pid, next.ID, it); err != nil {
			return err
		}
	}
	_, err = schedule(amina, pk.MeetingInput{Title: "Members' assembly", StartsAt: day(35, "17:00"), EndsAt: day(35, "19:00"),
		Place: "Open Doors community hall", Link: "https://meet.example.org/coalition-assembly"})
	return err
}
