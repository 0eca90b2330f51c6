package sqldb

import (
	"context"
	"encoding/json"

	pk "github.com/partnerkit/partnerkit"
)

// ProposalReminderJob is the kind of the job that reminds, a day before a
// proposal closes, those who may vote and have not.
const ProposalReminderJob = "proposal.remind"

// ProposalReminder is its payload.
type ProposalReminder struct {
	PartnershipID string `json:"partnership_id"`
	ProposalID    string `json:"proposal_id"`
}

// RemindNonVoters is the job handler: it queues one mail for each seated
// person who has not voted, or for each representative of a seated
// organisation that has not. Only "has voted" is read, never a choice, so
// secret proposals are reminded the same way.
func (store *DecisionStore) RemindNonVoters(ctx context.Context, payload []byte) error {
	var j ProposalReminder
	if err := json.Unmarshal(payload, &j); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		p, err := loadProposal(ctx, tx, j.PartnershipID, j.ProposalID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil // gone with its partnership
		} else if err != nil {
			return err
		}
		if !p.Open(tx.now) {
			return nil
		}
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM partnerships WHERE id = $1`, j.PartnershipID).Scan(&name); err != nil {
			return err
		}
		voted := `SELECT voter_key FROM ballots WHERE proposal_id = $1 UNION SELECT voter_key FROM proposal_voters WHERE proposal_id = $1`
		today := day(tx.now)
		query := `
			SELECT DISTINCT u.email, u.name, u.language FROM body_seats s JOIN users u ON u.id = s.user_id
			WHERE s.body_id = $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
				AND 'u:' || s.user_id NOT IN (` + voted + `)
			ORDER BY u.email`
		if p.Unit == pk.UnitOrganisation {
			query = `
			SELECT DISTINCT u.email, u.name, u.language FROM body_seats s
			JOIN partnership_people pp ON pp.organisation_id = s.organisation_id AND pp.partnership_id = $4 AND pp.role IN ('member', 'coordinator')
			JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
			JOIN users u ON u.id = pp.user_id
			WHERE s.body_id = $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
				AND 'o:' || s.organisation_id NOT IN (` + voted + `)
			ORDER BY u.email`
		}
		args := []any{p.ID, p.BodyID, today}
		if p.Unit == pk.UnitOrganisation {
			args = append(args, j.PartnershipID)
		}
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		type person struct{ email, name, lang string }
		var people []person
		for rows.Next() {
			var x person
			if err := rows.Scan(&x.email, &x.name, &x.lang); err != nil {
				rows.Close()
				return err
			}
			people = append(people, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, x := range people {
			lang := x.lang
			if lang == "" {
				lang = pk.Languages[0]
			}
			if err := tx.enqueue(ctx, "mail", MailJob{To: x.email, Language: lang, Template: "mail.proposal_reminder",
				Path: "/p/" + j.PartnershipID + "/decisions/proposals/" + p.ID,
				Data: map[string]string{"Name": x.name, "Title": p.Title, "Partnership": name,
					"ClosesAt": p.ClosesAt.UTC().Format("2006-01-02 15:04") + " UTC"}}, ""); err != nil {
				return err
			}
		}
		return nil
	})
}
