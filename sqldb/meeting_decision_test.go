package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// roomSetting is a meeting of the action group in progress (the world's
// clock is 09:00 UTC on 2 March), with four more voters seated (five
// eligible people), a consent proposal to the group on its agenda, and
// the member and one voter marked present.
type roomSetting struct {
	m      *pk.Meeting
	p      *pk.Proposal
	item   *pk.AgendaItem
	voters []*sqldbtest.Person
}

func newRoom(t *testing.T, w *sqldbtest.World) roomSetting {
	t.Helper()
	db, c, pid, g := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Governance()
	var s roomSetting
	s.voters = w.AddVoters(t, g.Group.ID, 4, false)
	var err error
	s.m, err = db.Meetings.CreateMeeting(c, pid, pk.MeetingInput{BodyID: g.Group.ID, Title: "Action group, March",
		StartsAt: "2026-03-02T08:30:00Z", EndsAt: "2026-03-02T10:30:00Z", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	s.p, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Open the drop-in on Fridays",
		Text: "The drop-in opens on Friday afternoons too.", BodyID: g.Group.ID, ClosesAt: w.Clock.Now().Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	s.item, err = db.Meetings.AddAgendaItem(c, pid, s.m.ID, pk.AgendaItemInput{Title: "Friday drop-in", Minutes: 20, ProposalID: s.p.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Meetings.SetAttendance(c, pid, s.m.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
		{UserID: w.Member.ID, Status: pk.AttendancePresent}, {UserID: s.voters[0].ID, Status: pk.AttendancePresent},
		{UserID: s.voters[1].ID, Status: pk.AttendanceApologies}}}); err != nil {
		t.Fatal(err)
	}
	return s
}

// An agenda item names a proposal of the meeting's body (any body for an
// open meeting); another partnership's proposal is unknown, and the item
// shows the proposal's status and, once decided, its outcome.
func TestAgendaLinksProposals(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, mf, df := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Meetings(), w.Decisions()
		for _, x := range []struct {
			mtid, prid string
		}{
			{mf.Next.ID, "no-such-proposal"},
			{mf.Next.ID, df.Open.ID}, // the group's, at the committee
		} {
			_, err := db.Meetings.AddAgendaItem(c, pid, x.mtid, pk.AgendaItemInput{Title: "Linked", Minutes: 5, ProposalID: x.prid})
			wantField(t, err, "proposal_id")
		}
		it, err := db.Meetings.AddAgendaItem(c, pid, mf.Open.ID, pk.AgendaItemInput{Title: "Housing statement", Minutes: 15, ProposalID: df.Open.ID})
		if err != nil {
			t.Fatal(err)
		}
		if it.ProposalTitle != df.Open.Title || it.ProposalStatus != pk.ProposalOpen || it.ProposalOutcome != nil {
			t.Errorf("linked item %+v", it)
		}
		p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, df.Open.ID)
		if err != nil || len(p.Meetings) != 1 || p.Meetings[0].ID != mf.Open.ID {
			t.Fatalf("meetings of the proposal %+v %v", p, err)
		}
		// The link is kept by an update that sends it, and cleared by one
		// that does not.
		it, err = db.Meetings.UpdateAgendaItem(c, pid, mf.Open.ID, it.ID, pk.AgendaItemInput{Title: "Housing", Minutes: 15, Version: it.Version})
		if err != nil || it.ProposalID != "" {
			t.Fatalf("cleared %+v %v", it, err)
		}
		// A decided proposal shows its outcome.
		it, err = db.Meetings.UpdateAgendaItem(c, pid, mf.Open.ID, it.ID, pk.AgendaItemInput{Title: "Library", Minutes: 15,
			ProposalID: df.Decided.ID, Version: it.Version})
		if err != nil || it.ProposalStatus != pk.ProposalClosed || it.ProposalOutcome == nil || *it.ProposalOutcome != *df.Decided.Outcome {
			t.Fatalf("decided %+v %v", it, err)
		}
	})
}

// The vote in the room: the counts may not exceed who is present; the
// outcome is computed; the proposal closes and the decision names the
// meeting, which lists it.
func TestRoomVote(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		s := newRoom(t, w)
		rvs, err := db.MeetingDecisions.RoomVotes(w.Observer.Ctx, pid, s.m.ID)
		if err != nil || len(rvs) != 1 || rvs[0].Eligible != 5 || rvs[0].Present != 2 || rvs[0].QuorumNeeded != 3 || rvs[0].Refused != "" {
			t.Fatalf("room votes %+v %v", rvs, err)
		}
		// Three hands with two present: refused, naming the field.
		_, err = db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID, Counts: map[string]int{"consent": 3}})
		wantField(t, err, "counts")
		// The member (the group's convener, not its secretary) may not.
		_, err = db.MeetingDecisions.RecordRoomVote(w.Member.Ctx, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID, Counts: map[string]int{"consent": 1}})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.MeetingDecisions.RecordRoomVote(w.Outsider.Ctx, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID, Counts: map[string]int{"consent": 1}})
		wantCode(t, err, pk.ENOTFOUND)
		if p, _ := db.Decisions.Proposal(c, pid, s.p.ID); p.Status != pk.ProposalOpen {
			t.Fatalf("a refused vote changed the proposal: %+v", p)
		}
		// One more present: three of five, the quorum.
		if _, err := db.Meetings.SetAttendance(c, pid, s.m.ID, pk.AttendanceInput{Entries: []pk.AttendanceEntry{
			{UserID: s.voters[2].ID, Status: pk.AttendancePresent}}}); err != nil {
			t.Fatal(err)
		}
		d, err := db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID,
			Counts: map[string]int{"consent": 2, "stand_aside": 1}})
		if err != nil {
			t.Fatal(err)
		}
		if d.OutcomeCode() != "passed" || d.MeetingID != s.m.ID || d.MeetingTitle != s.m.Title || !d.InRoom || d.Tally == nil ||
			d.Tally.Cast != 3 || d.Tally.Eligible != 5 || !d.Tally.QuorumMet {
			t.Fatalf("decision %+v tally %+v", d, d.Tally)
		}
		p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, s.p.ID)
		if err != nil || p.Status != pk.ProposalClosed || p.DecisionID != d.ID || p.OutcomeCode() != "passed" {
			t.Fatalf("proposal %+v %v", p, err)
		}
		ds, cut, err := db.MeetingDecisions.MeetingDecisions(w.Observer.Ctx, pid, s.m.ID)
		if err != nil || cut || len(ds) != 1 || ds[0].ID != d.ID {
			t.Fatalf("decisions of the meeting %+v %v", ds, err)
		}
		// A meeting where a decision was taken is part of the record.
		m, _ := db.Meetings.Meeting(c, pid, s.m.ID)
		wantCode(t, db.Meetings.DeleteMeeting(c, pid, s.m.ID, m.Version), pk.ECONFLICT)
		// Decided once: a second vote is refused, and nothing is left to vote.
		_, err = db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID, Counts: map[string]int{"consent": 1}})
		wantField(t, err, "proposal_id")
		if rvs, _ := db.MeetingDecisions.RoomVotes(c, pid, s.m.ID); len(rvs) != 0 {
			t.Errorf("a decided proposal is still offered: %+v", rvs)
		}
	})
}

// Attendance below the quorum decides "no quorum", whatever the hands;
// a secret proposal is voted through ballots, never by a show of hands.
func TestRoomVoteQuorumAndSecret(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid, g := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Governance()
		s := newRoom(t, w)
		d, err := db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: s.p.ID, Counts: map[string]int{"consent": 2}})
		if err != nil || d.OutcomeCode() != "no_quorum" || d.Tally.QuorumMet {
			t.Fatalf("decision %+v %v", d, err)
		}
		secret, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Elect the treasurer", Text: "By secret ballot.",
			BodyID: g.Group.ID, Secret: true, ClosesAt: w.Clock.Now().Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Meetings.AddAgendaItem(c, pid, s.m.ID, pk.AgendaItemInput{Title: "Treasurer", Minutes: 10, ProposalID: secret.ID}); err != nil {
			t.Fatal(err)
		}
		_, err = db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: secret.ID, Counts: map[string]int{"consent": 1}})
		wantField(t, err, "proposal_id")
		if e, ok := pk.AsError(err); !ok || e.Fields[0].Key != "meeting2.room.secret" {
			t.Errorf("secret refused with %v", err)
		}
		// A proposal not on this meeting's agenda.
		_, err = db.MeetingDecisions.RecordRoomVote(c, pid, s.m.ID, pk.RoomVoteInput{ProposalID: w.Decisions().Open.ID,
			Counts: map[string]int{"consent": 1}})
		wantField(t, err, "proposal_id")
	})
}

// Closing a proposal while a meeting with it on the agenda is in progress
// records that meeting on its decision; closing it after records none.
func TestCloseDuringMeeting(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		s := newRoom(t, w)
		p, err := db.Decisions.CloseProposal(c, pid, s.p.ID, pk.ChairInput{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.Decisions.Decision(c, pid, p.DecisionID)
		if err != nil || d.MeetingID != s.m.ID || d.InRoom {
			t.Fatalf("decision %+v %v", d, err)
		}
		w.Clock.Advance(2 * time.Hour) // the meeting is over
		later, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Paint the room", Text: "Green.",
			BodyID: w.Governance().Group.ID, ClosesAt: w.Clock.Now().Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Meetings.AddAgendaItem(c, pid, s.m.ID, pk.AgendaItemInput{Title: "Paint", Minutes: 5, ProposalID: later.ID}); err != nil {
			t.Fatal(err)
		}
		if later, err = db.Decisions.CloseProposal(c, pid, later.ID, pk.ChairInput{}); err != nil {
			t.Fatal(err)
		}
		if d, _ := db.Decisions.Decision(c, pid, later.DecisionID); d.MeetingID != "" {
			t.Errorf("a close after the meeting names it: %+v", d)
		}
	})
}
