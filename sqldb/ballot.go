package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// storedBallot is one ballot's content without its voter: what an open
// ballot keeps beside its voter, and what a secret tally keeps alone.
type storedBallot struct {
	Choice     string                        `json:"c,omitempty"`
	Reason     string                        `json:"r,omitempty"`
	Scores     map[string]float64            `json:"s,omitempty"`
	Ranking    []string                      `json:"k,omitempty"`
	LensScores map[string]map[string]float64 `json:"l,omitempty"`
	// org is the organisation that cast an open ballot (never stored in
	// the document, never known of a secret one).
	org string
}

func (b storedBallot) preference() decision.Preference {
	return decision.Preference{Scores: b.Scores, Ranking: b.Ranking, LensScores: b.LensScores}
}

// checkBallot checks a ballot against the proposal's method with the rule
// package, alone, so its message names the field.
func checkBallot(p *pk.Proposal, b storedBallot) error {
	if pk.Prioritisation(p.Method) {
		_, err := decision.Prioritise(priorityParams(p), []decision.Preference{b.preference()})
		return ballotFieldError(err)
	}
	var v pk.Validator
	v.OneOf("choice", b.Choice, true, decision.Choices(p.Method))
	if v.Err() == nil && decision.ReasonRequired(p.Method, b.Choice) && b.Reason == "" {
		v.Add("reason", "decision.validation.reason_required", nil)
	}
	return v.Err()
}

// ballotFieldError turns the rule package's "prefs[0].scores…" fields into
// the request's own ("scores…").
func ballotFieldError(err error) error {
	var e *pk.Error
	if !errors.As(err, &e) {
		return err
	}
	for i, f := range e.Fields {
		for _, prefix := range []string{"prefs[0].", "preferences[0].", "prefs.0.", "preferences.0."} {
			if len(f.Field) > len(prefix) && f.Field[:len(prefix)] == prefix {
				e.Fields[i].Field = f.Field[len(prefix):]
			}
		}
	}
	return e
}

func priorityParams(p *pk.Proposal) decision.PriorityParams {
	lenses := decision.DefaultLenses()
	if len(p.Lenses) > 0 {
		lenses = make([]decision.Lens, len(p.Lenses))
		for i, l := range p.Lenses {
			lenses[i] = decision.Lens{Key: l.Key, Name: l.Name, Weight: l.Weight}
		}
	}
	return decision.PriorityParams{Method: p.Method, Options: p.Options, Lenses: lenses,
		DotsPerVoter: pk.DotsPerVoter, MaxScore: pk.MaxScore}
}

// CastBallot records the asker's vote. On an open ballot a voter may
// change it until close. A secret ballot is stored without its voter and
// so cannot be changed: the server could only find it again by linking it
// to the voter, which is what secrecy forbids.
func (store *DecisionStore) CastBallot(ctx context.Context, pid, id string, in pk.BallotInput) (*pk.Proposal, error) {
	b := storedBallot{Choice: in.Choice, Reason: in.Reason, Scores: in.Scores, Ranking: in.Ranking, LensScores: in.LensScores}
	var p *pk.Proposal
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionVote); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		var err error
		if p, err = loadProposal(ctx, tx, pid, id); err != nil {
			return err
		}
		if !p.Open(tx.now) {
			return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
		}
		if err := checkBallot(p, b); err != nil {
			return err
		}
		uid, orgID, castBy := "", "", ""
		if asker := pk.UserIDFromContext(ctx); in.ForUserID != "" && in.ForUserID != asker {
			if err := tx.checkProxyBallot(ctx, p, in.ForUserID, asker); err != nil {
				return err
			}
			uid, castBy = in.ForUserID, asker
		} else if uid, orgID, err = voter(ctx, tx, pid, p, in.OrganisationID); err != nil {
			return err
		}
		key := "u:" + uid
		if orgID != "" {
			key = "o:" + orgID
		}
		if p.Secret {
			if err := tx.castSecret(ctx, pid, p, key, uid, orgID, castBy, b); err != nil {
				return err
			}
			// "Voted", and nothing of what.
			return tx.audit(ctx, pid, "proposal.vote", "proposal", p.ID, p.Title, nil,
				map[string]any{"organisation_id": orgID, "secret": true, "for_user_id": map[bool]string{true: uid}[castBy != ""]})
		}
		pref, _ := json.Marshal(b)
		now := fmtTime(tx.now)
		// A holder changes only the ballot they cast; a giver's own vote
		// replaces the holder's (and the holder can no longer change it).
		var castBefore string
		err = tx.QueryRowContext(ctx, `SELECT COALESCE(cast_by, '') FROM ballots WHERE proposal_id = $1 AND voter_key = $2`, p.ID, key).Scan(&castBefore)
		changing := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if changing && castBy != "" && castBefore != castBy {
			// The giver voted themselves: their voice is theirs again.
			return pk.Errorf(pk.ECONFLICT, "decision.error.proxy_voted", nil)
		}
		action := "proposal.vote"
		if changing {
			action = "proposal.vote_change"
		}
		after := map[string]any{"organisation_id": orgID, "choice": b.Choice}
		if castBy != "" {
			after["for_user_id"] = uid
		}
		if err := tx.audit(ctx, pid, action, "proposal", p.ID, p.Title, nil, after); err != nil {
			return err
		}
		// The ballot is written last: its trigger raises the partnership's
		// data version, whose row other writers wait for until this
		// transaction ends. A ballot written meanwhile by the same voter
		// (or the giver) makes it change nothing, and the vote is refused.
		var res sql.Result
		if changing {
			res, err = tx.ExecContext(ctx, `UPDATE ballots SET choice = $3, reason = $4, preference = $5, user_id = $6, updated_at = $7, cast_by = $8
				WHERE proposal_id = $1 AND voter_key = $2 AND (CAST($8 AS TEXT) IS NULL OR cast_by = $8)`,
				p.ID, key, b.Choice, b.Reason, string(pref), uid, now, nullString(castBy))
		} else {
			res, err = tx.ExecContext(ctx, `
				INSERT INTO ballots (id, partnership_id, proposal_id, voter_key, user_id, organisation_id, choice, reason, preference, created_at, updated_at, cast_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) ON CONFLICT DO NOTHING`,
				newID(), pid, p.ID, key, uid, nullString(orgID), b.Choice, b.Reason, string(pref), now, nullString(castBy))
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.Errorf(pk.ECONFLICT, "decision.error.proxy_voted", nil)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return store.Proposal(ctx, pid, id)
}

// castSecret notes that key has voted and adds the choice to the
// proposal's anonymous tally, which is kept sorted so that its order says
// nothing about who voted when.
func (tx *Tx) castSecret(ctx context.Context, pid string, p *pk.Proposal, key, uid, orgID, castBy string, b storedBallot) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO proposal_voters (proposal_id, voter_key, partnership_id, user_id, organisation_id, cast_by) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT DO NOTHING`, p.ID, key, pid, nullString(map[bool]string{true: uid}[orgID == ""]), nullString(orgID), nullString(castBy))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return pk.Errorf(pk.ECONFLICT, "decision.error.secret_voted", nil)
	}
	ballots, err := secretBallots(ctx, tx, p.ID)
	if err != nil {
		return err
	}
	ballots = append(ballots, b)
	encoded := make([]string, len(ballots))
	for i, x := range ballots {
		s, _ := json.Marshal(x)
		encoded[i] = string(s)
	}
	slices.Sort(encoded)
	all := make([]json.RawMessage, len(encoded))
	for i, s := range encoded {
		all[i] = json.RawMessage(s)
	}
	doc, _ := json.Marshal(all)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO secret_tallies (proposal_id, partnership_id, ballots) VALUES ($1, $2, $3)
		ON CONFLICT (proposal_id) DO UPDATE SET ballots = excluded.ballots`, p.ID, pid, string(doc))
	return err
}

func secretBallots(ctx context.Context, q queryer, proposalID string) ([]storedBallot, error) {
	var doc string
	err := q.QueryRowContext(ctx, `SELECT ballots FROM secret_tallies WHERE proposal_id = $1`, proposalID).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var out []storedBallot
	return out, json.Unmarshal([]byte(doc), &out)
}

// openBallots reads an open proposal's ballots, in no meaningful order.
func openBallots(ctx context.Context, q queryer, proposalID string) ([]storedBallot, error) {
	rows, err := q.QueryContext(ctx, `SELECT preference, COALESCE(organisation_id, '') FROM ballots WHERE proposal_id = $1 ORDER BY id`, proposalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedBallot
	for rows.Next() {
		var s, org string
		if err := rows.Scan(&s, &org); err != nil {
			return nil, err
		}
		var b storedBallot
		if err := json.Unmarshal([]byte(s), &b); err != nil {
			return nil, err
		}
		b.org = org
		out = append(out, b)
	}
	return out, rows.Err()
}

// voter finds who votes: the asker, seated in the body, or, when the unit
// is the organisation, the seated member organisation the asker is the
// authorised representative of (the rule agreements use for signing: a
// member or coordinator of the partnership who is in it for that active
// member organisation and belongs to it).
func voter(ctx context.Context, tx *Tx, pid string, p *pk.Proposal, orgID string) (uid, org string, err error) {
	uid = pk.UserIDFromContext(ctx)
	today := day(tx.now)
	if p.Unit != pk.UnitOrganisation {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM body_seats WHERE body_id = $1 AND user_id = $2
			AND from_date <= $3 AND (until_date IS NULL OR until_date >= $3)`, p.BodyID, uid, today).Scan(&n); err != nil {
			return "", "", err
		}
		if n == 0 {
			return "", "", pk.Errorf(pk.EFORBIDDEN, "decision.error.not_seated", nil)
		}
		return uid, "", nil
	}
	if orgID == "" {
		var own sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT organisation_id FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`,
			pid, uid).Scan(&own); err != nil {
			return "", "", err
		}
		orgID = own.String
	}
	var n int
	if err := tx.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM partnership_people pp
		JOIN partnership_organisations po ON po.partnership_id = pp.partnership_id AND po.organisation_id = pp.organisation_id AND po.status = 'active'
		JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
		JOIN body_seats s ON s.organisation_id = pp.organisation_id AND s.body_id = $4
			AND s.from_date <= $5 AND (s.until_date IS NULL OR s.until_date >= $5)
		WHERE pp.partnership_id = $1 AND pp.user_id = $2 AND pp.organisation_id = $3 AND pp.role IN ('member', 'coordinator')`,
		pid, uid, orgID, p.BodyID, today).Scan(&n); err != nil {
		return "", "", err
	}
	if n == 0 {
		return "", "", pk.FieldInvalid("organisation_id", "decision.validation.not_representative", nil)
	}
	return uid, orgID, nil
}

// tallyOf computes the result of a proposal's ballots with the rule
// package. Eligible never falls below the ballots cast: a voter whose seat
// ended after voting still voted.
func tallyOf(p *pk.Proposal, eligible int, ballots []storedBallot) (*pk.Tally, error) {
	eligible = max(eligible, len(ballots))
	if pk.Prioritisation(p.Method) {
		prefs := make([]decision.Preference, len(ballots))
		for i, b := range ballots {
			prefs[i] = b.preference()
		}
		ranked, err := decision.Prioritise(priorityParams(p), prefs)
		if err != nil {
			return nil, err
		}
		t := &pk.Tally{Cast: len(ballots), Eligible: eligible, Counts: []pk.ChoiceCount{}, Objections: []string{}}
		for _, r := range ranked {
			t.Ranking = append(t.Ranking, pk.RankedItem{Option: r.Option, Total: r.Total, Position: r.Position, Contributions: r.Contributions})
		}
		if p.Method == decision.Lenses {
			for _, l := range priorityParams(p).Lenses {
				t.Lenses = append(t.Lenses, pk.Lens{Key: l.Key, Name: l.Name, Weight: l.Weight})
			}
		}
		return t, nil
	}
	bs := make([]decision.Ballot, len(ballots))
	for i, b := range ballots {
		bs[i] = decision.Ballot{Choice: b.Choice, Reason: b.Reason}
		if p.Method == decision.Commitment {
			// The gaps are named by organisation: the rule reports them by
			// this label, the caller puts names to them.
			bs[i].Voter = b.org
		}
	}
	chair := decision.Outcome(p.ChairDecision)
	if p.Method == decision.Chair && chair == "" {
		chair = decision.Passed // a count while consulting: the outcome is dropped
	}
	r, err := decision.Decide(decision.Params{Method: p.Method, Quorum: p.Quorum, Eligible: eligible, ChairDecision: chair,
		Minimum: p.Minimum}, bs)
	if err != nil {
		return nil, err
	}
	t := &pk.Tally{Outcome: string(r.Outcome), Cast: r.Cast, Eligible: r.Eligible, QuorumNeeded: r.QuorumNeeded, QuorumMet: r.QuorumMet,
		Counts: []pk.ChoiceCount{}, Objections: r.Objections}
	if p.Method == decision.Commitment {
		t.Minimum = p.Minimum
		choice := map[string]string{}
		for _, b := range ballots {
			choice[b.org] = b.Choice
			t.Levels = append(t.Levels, pk.Gap{OrganisationID: b.org, Choice: b.Choice})
		}
		for _, g := range r.Gaps {
			t.Gaps = append(t.Gaps, pk.Gap{OrganisationID: g, Choice: choice[g]})
		}
	}
	for _, c := range r.Counts {
		t.Counts = append(t.Counts, pk.ChoiceCount{Choice: c.Choice, N: c.N})
	}
	if t.Objections == nil {
		t.Objections = []string{}
	}
	// Reasons in a fixed order, not the order of casting.
	slices.Sort(t.Objections)
	return t, nil
}

// scheduleReminder queues the reminder a day before close (or now, for a
// proposal closing sooner) to those who have not voted.
func (tx *Tx) scheduleReminder(ctx context.Context, pid, id string, closesAt time.Time) error {
	at := closesAt.Add(-24 * time.Hour)
	if at.Before(tx.now) {
		return nil // too soon to remind anyone usefully
	}
	return tx.enqueueAt(ctx, ProposalReminderJob, ProposalReminder{PartnershipID: pid, ProposalID: id}, reminderKey(id), at)
}

func reminderKey(proposalID string) string { return "proposal-remind:" + proposalID }
