package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(70, "meeting decisions", loadMeetingDecisions) }

// loadMeetingDecisions joins meetings and decisions: the action group is
// meeting now, has decided day tickets for the hearing by a show of hands
// in the room (its decision names the meeting) and has the welcome team
// still to vote on; its next meeting has the five demands on its agenda.
func loadMeetingDecisions(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, leila := w.People["Amina"].Ctx, w.People["Leila"].Ctx
	bodies, _, err := db.Bodies.Bodies(amina, pid)
	if err != nil {
		return err
	}
	var group *pk.Body
	for _, b := range bodies {
		if b.Kind == pk.BodyActionGroup {
			group = b
		}
	}
	if group == nil {
		return fmt.Errorf("meeting decisions: the action group is missing")
	}
	now := db.Now()
	// A meeting that began half an hour ago, in whole minutes.
	start := now.Add(-30 * time.Minute).Truncate(time.Minute)
	today, err := db.Meetings.CreateMeeting(leila, pid, pk.MeetingInput{BodyID: group.ID, Title: "Action group: getting to the hearing",
		StartsAt: start.Format(time.RFC3339), EndsAt: start.Add(90 * time.Minute).Format(time.RFC3339), TimeZone: "Europe/Berlin",
		Place: "Welcome Centre, Hauptstraße 4", Link: "https://meet.example.org/coalition-hearings"})
	if err != nil {
		return err
	}
	tickets, err := db.Decisions.CreateProposal(leila, pid, pk.ProposalInput{Title: "Day tickets for young people coming to the hearing",
		BodyID: group.ID, TimeZone: "Europe/Berlin", ClosesAt: now.Add(7 * 24 * time.Hour),
		Text:       "We buy up to 60 day tickets for young people who come to the spring hearing from the outer districts, from the hearings budget.",
		Background: "At the autumn hearing a third of those who had signed up did not come; most of them live in Grünau and Paunsdorf."})
	if err != nil {
		return err
	}
	// Still to be voted in the room when the demonstration starts.
	door, err := db.Decisions.CreateProposal(w.People["Jonas"].Ctx, pid, pk.ProposalInput{Title: "A welcome team of four at the door",
		BodyID: group.ID, TimeZone: "Europe/Berlin", ClosesAt: now.Add(7 * 24 * time.Hour),
		Text: "Four of us, two of whom speak Arabic or Dari, welcome people at the door of the hearing and show them to their seats."})
	if err != nil {
		return err
	}
	for _, it := range []pk.AgendaItemInput{
		{Title: "Day tickets for the hearing", PresenterID: w.People["Leila"].User.ID, Minutes: 30, ProposalID: tickets.ID},
		{Title: "Who welcomes people at the door", PresenterID: w.People["Jonas"].User.ID, Minutes: 20, ProposalID: door.ID},
	} {
		if _, err := db.Meetings.AddAgendaItem(leila, pid, today.ID, it); err != nil {
			return err
		}
	}
	if _, err := db.Meetings.SetAttendance(leila, pid, today.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
		{UserID: w.People["Leila"].User.ID, Status: pk.AttendancePresent}, {UserID: w.People["Jonas"].User.ID, Status: pk.AttendancePresent},
		{UserID: w.People["Chloe"].User.ID, Status: pk.AttendanceApologies}}}); err != nil {
		return err
	}
	if _, err := db.MeetingDecisions.RecordRoomVote(amina, pid, today.ID, pk.RoomVoteInput{ProposalID: tickets.ID,
		Counts: map[string]int{"yes": 2}}); err != nil {
		return fmt.Errorf("vote in the room: %w", err)
	}
	// The next meeting takes the five demands before their vote closes.
	list, err := db.Decisions.Proposals(amina, pid)
	if err != nil {
		return err
	}
	var demands *pk.Proposal
	for _, p := range list.Items {
		if p.Status == pk.ProposalOpen && p.Area == "hearing_demands" {
			demands = p
		}
	}
	if demands == nil {
		return fmt.Errorf("meeting decisions: the open proposal is missing")
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	day := now.In(berlin).AddDate(0, 0, 5).Format("2006-01-02")
	next, err := db.Meetings.CreateMeeting(leila, pid, pk.MeetingInput{BodyID: group.ID, Title: "Action group: the five demands",
		StartsAt: day + "T17:30", EndsAt: day + "T19:00", TimeZone: "Europe/Berlin", Place: "Bridges Youth, Eisenbahnstraße 12",
		Link: "https://meet.example.org/coalition-hearings"})
	if err != nil {
		return err
	}
	for _, it := range []pk.AgendaItemInput{
		{Title: "The five demands: last questions before the vote closes", PresenterID: w.People["Leila"].User.ID, Minutes: 45,
			ProposalID: demands.ID},
		{Title: "Speakers for each demand", PresenterID: w.People["Jonas"].User.ID, Minutes: 30},
	} {
		if _, err := db.Meetings.AddAgendaItem(leila, pid, next.ID, it); err != nil {
			return err
		}
	}
	return nil
}
