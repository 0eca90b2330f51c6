package sqldb

import (
	"context"
	"encoding/json"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/notify"
)

// ProposalReminderJob is the kind of the job that reminds, a day before a
// proposal closes, those who may vote and have not.
const ProposalReminderJob = "proposal.remind"

// ProposalReminder is its payload.
type ProposalReminder struct {
	PartnershipID string `json:"partnership_id"`
	ProposalID    string `json:"proposal_id"`
}

// RemindNonVoters is the job handler: a proposal.closing event for each
// seated person who has not voted, or each representative of a seated
// organisation that has not (the periodic events.tick does the same for a
// reminder this job missed; the occasion makes it once). Only "has voted"
// is read, never a choice, so secret proposals are reminded the same way.
func (store *DecisionStore) RemindNonVoters(ctx context.Context, payload []byte) error {
	var j ProposalReminder
	if err := json.Unmarshal(payload, &j); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		ok, err := tx.remindNonVoters(ctx, j.PartnershipID, j.ProposalID)
		if err != nil || !ok {
			return err
		}
		return tx.enqueueConsumers(ctx)
	})
}

// remindNonVoters writes the proposal.closing event of an open proposal,
// once, and reports whether it did.
func (tx *Tx) remindNonVoters(ctx context.Context, pid, id string) (bool, error) {
	p, err := loadProposal(ctx, tx, pid, id)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return false, nil // gone with its partnership
	} else if err != nil {
		return false, err
	}
	if !p.Open(tx.now) {
		return false, nil
	}
	voted := `SELECT voter_key FROM ballots WHERE proposal_id = $1 UNION SELECT voter_key FROM proposal_voters WHERE proposal_id = $1`
	today := day(tx.now)
	query := `
		SELECT DISTINCT s.user_id FROM body_seats s
		WHERE s.body_id = $2 AND s.user_id IS NOT NULL AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
			AND 'u:' || s.user_id NOT IN (` + voted + `)
		ORDER BY s.user_id`
	args := []any{p.ID, p.BodyID, today}
	if p.Unit == pk.UnitOrganisation {
		query = `
		SELECT DISTINCT pp.user_id FROM body_seats s
		JOIN partnership_people pp ON pp.organisation_id = s.organisation_id AND pp.partnership_id = $4 AND pp.role IN ('member', 'coordinator')
		JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
		WHERE s.body_id = $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
			AND 'o:' || s.organisation_id NOT IN (` + voted + `)
		ORDER BY pp.user_id`
		args = append(args, pid)
	}
	people, err := collect(func(row rowScanner) (string, error) {
		var id string
		return id, row.Scan(&id)
	})(tx.QueryContext(ctx, query, args...))
	if err != nil || len(people) == 0 {
		return false, err
	}
	return tx.writeEvent(ctx, pid, "", nil, &draft{kind: pk.EventProposalClosing, subjectType: "proposal", subjectID: p.ID,
		audience: pk.AudiencePeople, recipients: people, occasion: string(pk.EventProposalClosing) + ":" + p.ID,
		data: map[string]string{"title": p.Title, "closes": notify.Local(p.ClosesAt, p.TimeZone)}})
}
