package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
	"github.com/partnerkit/partnerkit/meeting"
)

// MeetingDecisionStore joins meetings and decisions: the proposals on an
// agenda, the vote taken in the room, and the decisions taken at a
// meeting.
type MeetingDecisionStore struct{ db *DB }

// checkAgendaProposal checks the proposal an agenda item names: one of the
// partnership, brought to the meeting's body (any body for an open
// meeting).
func checkAgendaProposal(ctx context.Context, tx *Tx, pid string, m *pk.Meeting, prid string) error {
	if prid == "" {
		return nil
	}
	var body string
	err := tx.QueryRowContext(ctx, `SELECT body_id FROM proposals WHERE id = $1 AND partnership_id = $2`, prid, pid).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return pk.FieldInvalid("proposal_id", "meeting2.validation.unknown_proposal", nil)
	} else if err != nil {
		return err
	}
	if m.BodyID != "" && body != m.BodyID {
		return pk.FieldInvalid("proposal_id", "meeting2.validation.other_body", map[string]any{"Body": m.BodyName})
	}
	return nil
}

// proposalMeetings lists the meetings with a proposal on their agenda,
// earliest first.
func proposalMeetings(ctx context.Context, q queryer, pid, prid string) ([]pk.MeetingRef, bool, error) {
	out, err := collect(func(r rowScanner) (pk.MeetingRef, error) {
		var m pk.MeetingRef
		return m, r.Scan(&m.ID, &m.Title, ts(&m.StartsAt), &m.TimeZone)
	})(q.QueryContext(ctx, `SELECT DISTINCT m.id, m.title, m.starts_at, m.time_zone FROM meetings m
		JOIN meeting_agenda_items a ON a.meeting_id = m.id
		WHERE a.proposal_id = $1 AND m.partnership_id = $2 ORDER BY m.starts_at, m.id LIMIT $3`, prid, pid, pk.MaxProposalMeetings+1))
	if err != nil {
		return nil, false, err
	}
	for i := range out {
		m := pk.Meeting{StartsAt: out[i].StartsAt, TimeZone: out[i].TimeZone}
		out[i].Day = m.StartsAt.In(m.Location()).Format("2006-01-02")
	}
	if len(out) > pk.MaxProposalMeetings {
		return out[:pk.MaxProposalMeetings], true, nil
	}
	return out, false, nil
}

// recordMeetingInProgress records on a decision just taken by closing its
// proposal the meeting in progress with the proposal on its agenda, if any:
// the decision was taken there.
func (tx *Tx) recordMeetingInProgress(ctx context.Context, prid, did string) error {
	_, err := tx.ExecContext(ctx, `UPDATE decisions SET meeting_id = (
		SELECT m.id FROM meetings m JOIN meeting_agenda_items a ON a.meeting_id = m.id
		WHERE a.proposal_id = $2 AND m.starts_at <= $3 AND m.ends_at > $3 ORDER BY m.starts_at, m.id LIMIT 1)
		WHERE id = $1`, did, prid, fmtTime(tx.now))
	return err
}

// roomVote is what a vote in the room on p at m would count: the
// eligible by the proposal's unit among the seats of its body on the
// meeting's day, those of them present by the meeting's attendance, and
// why it cannot be taken, if it cannot.
func roomVote(ctx context.Context, db *DB, q queryer, pid string, m *pk.Meeting, p *pk.Proposal) (*pk.RoomVote, error) {
	rv := &pk.RoomVote{ProposalID: p.ID, ProposalTitle: p.Title, Method: p.Method, Unit: p.Unit, Choices: decision.Choices(p.Method)}
	if rv.Choices == nil {
		rv.Choices = []string{}
	}
	var ballots int
	table := "ballots"
	if p.Secret {
		table = "proposal_voters"
	}
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE proposal_id = $1`, p.ID).Scan(&ballots); err != nil {
		return nil, err
	}
	switch {
	case p.Status != pk.ProposalOpen:
		rv.Refused = "meeting2.room.closed"
	case p.Secret:
		rv.Refused = "meeting2.room.secret"
	case !decision.InRoom(p.Method):
		rv.Refused = "meeting2.room.method"
	case ballots > 0:
		rv.Refused = "meeting2.room.ballots"
	}
	// The proposal's body's seats with this meeting's attendance (for an
	// open meeting, the body's seated people who came).
	seats := *m
	seats.BodyID = p.BodyID
	sheet, err := attendanceSheet(ctx, db, q, pid, &seats)
	if err != nil {
		return nil, err
	}
	quorum := meeting.Quorum(meeting.QuorumRule{Applies: true, Share: p.Quorum, Unit: p.Unit}, sheet.People, sheet.Organisations)
	rv.Eligible, rv.Present = quorum.Eligible, quorum.Present
	rv.QuorumNeeded = decision.QuorumNeeded(p.Quorum, rv.Eligible)
	return rv, nil
}

// RoomVotes lists, for each proposal on a meeting's agenda still open, what
// a vote in the room would count, and why it cannot be taken where it
// cannot.
func (store *MeetingDecisionStore) RoomVotes(ctx context.Context, pid, mtid string) ([]*pk.RoomVote, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, err
	}
	m, err := loadMeeting(ctx, store.db.read, pid, mtid)
	if err != nil {
		return nil, err
	}
	items, err := agendaItems(ctx, store.db.read, mtid)
	if err != nil {
		return nil, err
	}
	out := []*pk.RoomVote{}
	seen := map[string]bool{}
	for _, it := range items {
		if it.ProposalID == "" || it.ProposalStatus != pk.ProposalOpen || seen[it.ProposalID] {
			continue
		}
		seen[it.ProposalID] = true
		p, err := loadProposal(ctx, store.db.read, pid, it.ProposalID)
		if err != nil {
			return nil, err
		}
		rv, err := roomVote(ctx, store.db, store.db.read, pid, m, p)
		if err != nil {
			return nil, err
		}
		out = append(out, rv)
	}
	return out, nil
}

// RecordRoomVote records the vote taken in the room on a proposal of the
// meeting's agenda (the body's secretary or a coordinator, once the
// meeting has begun): the outcome is computed from the counts, the
// attendance and the proposal's rule, the proposal is closed and the
// decision enters the log with the meeting.
func (store *MeetingDecisionStore) RecordRoomVote(ctx context.Context, pid, mtid string, in pk.RoomVoteInput) (*pk.Decision, error) {
	var did string
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordMinutes)
		if err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := mayKeepMinutes(ctx, tx, part, m, day(tx.now)); err != nil {
			return err
		}
		if m.StartsAt.After(tx.now) {
			return pk.FieldInvalid("proposal_id", "meeting2.validation.not_begun", nil)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting_agenda_items WHERE meeting_id = $1 AND proposal_id = $2`,
			mtid, in.ProposalID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return pk.FieldInvalid("proposal_id", "meeting2.validation.not_on_agenda", nil)
		}
		p, err := loadProposal(ctx, tx, pid, in.ProposalID)
		if err != nil {
			return err
		}
		rv, err := roomVote(ctx, tx.db, tx, pid, m, p)
		if err != nil {
			return err
		}
		if rv.Refused != "" {
			return pk.FieldInvalid("proposal_id", rv.Refused, nil)
		}
		chair := decision.Outcome("")
		if p.Method == decision.Chair {
			var v pk.Validator
			v.OneOf("chair_decision", in.ChairDecision, true, []string{string(decision.Passed), string(decision.Rejected)})
			if err := v.Err(); err != nil {
				return err
			}
			chair = decision.Outcome(in.ChairDecision)
		} else if in.ChairDecision != "" {
			return pk.FieldInvalid("chair_decision", "decision.validation.not_chair", nil)
		}
		r, err := decision.DecideInRoom(decision.Params{Method: p.Method, Quorum: p.Quorum, Eligible: rv.Eligible, ChairDecision: chair},
			rv.Present, in.Counts, in.Reasons)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE proposals SET status = 'closed', closed_at = $2, chair_decision = $3, updated_at = $2,
			version = version + 1 WHERE id = $1 AND status = 'open'`, p.ID, fmtTime(tx.now), string(chair))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE unique_key = $1 AND locked_until IS NULL`, reminderKey(p.ID)); err != nil {
			return err
		}
		t := roomTally(r)
		doc, _ := json.Marshal(t)
		did = newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO decisions (id, partnership_id, proposal_id, body_id, outcome, tally, too_few, decided_on, review_on, created_at,
				meeting_id, in_room)
			VALUES ($1, $2, $3, $4, $5, $6, FALSE, $7, $8, $9, $10, TRUE)`,
			did, pid, p.ID, p.BodyID, t.Outcome, string(doc), day(tx.now), p.ReviewOn, fmtTime(tx.now), mtid); err != nil {
			return err
		}
		if err := tx.recordContinuation(ctx, pid, p.ID, t.Outcome); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.room_vote", "meeting", mtid, m.Title+": "+p.Title, nil, map[string]any{
			"proposal_id": p.ID, "decision_id": did, "outcome": t.Outcome, "counts": t.Counts, "present": rv.Present,
			"eligible": rv.Eligible})
	})
	if err != nil {
		return nil, err
	}
	return (&DecisionStore{store.db}).Decision(ctx, pid, did)
}

// roomTally is the decision's tally from a show of hands, shaped as the
// ballots' tally is.
func roomTally(r decision.Result) *pk.Tally {
	t := &pk.Tally{Outcome: string(r.Outcome), Cast: r.Cast, Eligible: r.Eligible, QuorumNeeded: r.QuorumNeeded, QuorumMet: r.QuorumMet,
		Counts: []pk.ChoiceCount{}, Objections: slices.Clone(r.Objections)}
	for _, c := range r.Counts {
		t.Counts = append(t.Counts, pk.ChoiceCount{Choice: c.Choice, N: c.N})
	}
	if t.Objections == nil {
		t.Objections = []string{}
	}
	slices.Sort(t.Objections)
	return t
}

// MeetingDecisions lists the decisions taken at a meeting, in the order
// they were taken.
func (store *MeetingDecisionStore) MeetingDecisions(ctx context.Context, pid, mtid string) ([]*pk.Decision, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, false, err
	}
	if _, err := loadMeeting(ctx, store.db.read, pid, mtid); err != nil {
		return nil, false, err
	}
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, false, err
	}
	rows, err := collect(scanDecision)(store.db.read.QueryContext(ctx, decisionSelect+`
		WHERE d.meeting_id = $2 AND d.partnership_id = $3 ORDER BY d.created_at, d.id LIMIT $4`,
		pk.UserIDFromContext(ctx), mtid, pid, pk.MaxMeetingDecisions+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(rows) > pk.MaxMeetingDecisions
	if cut {
		rows = rows[:pk.MaxMeetingDecisions]
	}
	out := make([]*pk.Decision, 0, len(rows))
	if len(rows) == 0 {
		// Most meetings take no decision: the re-opening rule, which counts
		// the partnership's members, is not read for them.
		return out, false, nil
	}
	ds := &DecisionStore{store.db}
	rule, err := ds.reopenRule(ctx, store.db.read, pid)
	if err != nil {
		return nil, false, err
	}
	for _, r := range rows {
		ds.finishDecision(r, rule)
		out = append(out, r.Decision)
	}
	return out, cut, nil
}
