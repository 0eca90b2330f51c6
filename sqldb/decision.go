package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"math"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// settle closes the partnership's proposals whose close time has passed,
// so that whichever instance is read first records their decisions (once:
// the close checks the status again in its own transaction). A chair's
// proposal waits for the chair's recorded decision instead.
func (store *DecisionStore) settle(ctx context.Context, pid string) error {
	// Under one data version the open proposals and their close times are
	// fixed: the first to close is kept, and until it passes there is
	// nothing to look for.
	first, err := store.db.keptFact(ctx, pid, "first_close", func() (any, error) {
		var at string
		err := store.db.read.QueryRowContext(ctx, `SELECT COALESCE(MIN(closes_at), '') FROM proposals
			WHERE partnership_id = $1 AND status = 'open' AND method <> 'chair'`, pid).Scan(&at)
		return at, err
	})
	if err != nil {
		return err
	}
	if at := first.(string); at == "" || at > fmtTime(store.db.now()) {
		return nil
	}
	due, err := store.db.read.QueryContext(ctx, `SELECT id FROM proposals
		WHERE partnership_id = $1 AND status = 'open' AND closes_at <= $2 AND method <> 'chair' ORDER BY closes_at LIMIT 20`,
		pid, fmtTime(store.db.now()))
	ids, err := collect(func(r rowScanner) (string, error) { var s string; return s, r.Scan(&s) })(due, err)
	if err != nil || len(ids) == 0 {
		return err
	}
	// Closing by the clock is nobody's act: the audit entry names no one.
	system := pk.NewContextWithUser(ctx, nil)
	for _, id := range ids {
		if err := store.db.inTx(system, func(tx *Tx) error {
			p, err := loadProposal(system, tx, pid, id)
			if err != nil {
				return err
			}
			return tx.closeProposal(system, pid, p, "")
		}); err != nil && pk.ErrorCode(err) != pk.ECONFLICT {
			return err
		}
	}
	return nil
}

// CloseProposal closes voting now (coordinators): for the chair's method
// it records the chair's decision after the consultation.
func (store *DecisionStore) CloseProposal(ctx context.Context, pid, id string, in pk.ChairInput) (*pk.Proposal, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionCloseProposal); err != nil {
			return err
		}
		p, err := loadProposal(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if p.Method == decision.Chair {
			var v pk.Validator
			v.OneOf("chair_decision", in.Decision, true, []string{string(decision.Passed), string(decision.Rejected)})
			if err := v.Err(); err != nil {
				return err
			}
		} else if in.Decision != "" {
			return pk.FieldInvalid("chair_decision", "decision.validation.not_chair", nil)
		}
		return tx.closeProposal(ctx, pid, p, in.Decision)
	})
	if err != nil {
		return nil, err
	}
	return store.Proposal(ctx, pid, id)
}

// closeProposal computes the outcome from the stored ballots and records
// the decision with its tally. A secret proposal with fewer ballots than
// its minimum keeps neither outcome nor tally: "too few to show". Its
// anonymous tally is dropped once the decision holds what may be shown.
func (tx *Tx) closeProposal(ctx context.Context, pid string, p *pk.Proposal, chair string) error {
	res, err := tx.ExecContext(ctx, `UPDATE proposals SET status = 'closed', closed_at = $2, chair_decision = $3, updated_at = $2,
		version = version + 1 WHERE id = $1 AND status = 'open'`, p.ID, fmtTime(tx.now), chair)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
	}
	p.ChairDecision = chair
	// Nobody needs reminding of a vote that is over.
	if _, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE unique_key = $1 AND locked_until IS NULL`, reminderKey(p.ID)); err != nil {
		return err
	}
	var ballots []storedBallot
	if p.Secret {
		ballots, err = secretBallots(ctx, tx, p.ID)
	} else {
		ballots, err = openBallots(ctx, tx, p.ID)
	}
	if err != nil {
		return err
	}
	eligible, err := eligibleCount(ctx, tx, p.BodyID, p.Unit, day(tx.now))
	if err != nil {
		return err
	}
	tally, err := tallyOf(p, eligible, ballots)
	if err != nil {
		return err
	}
	if err := nameOrganisations(ctx, tx, tally); err != nil {
		return err
	}
	tooFew := p.Secret && len(ballots) < p.MinBallots
	var outcome any
	doc := []byte("null")
	if !tooFew {
		if tally.Outcome != "" {
			outcome = tally.Outcome
		}
		doc, _ = json.Marshal(tally)
	}
	did := newID()
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO decisions (id, partnership_id, proposal_id, body_id, outcome, tally, too_few, decided_on, review_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		did, pid, p.ID, p.BodyID, outcome, string(doc), tooFew, day(tx.now), p.ReviewOn, fmtTime(tx.now)); err != nil {
		return err
	}
	if err := tx.recordMeetingInProgress(ctx, p.ID, did); err != nil {
		return err
	}
	if !tooFew {
		// An evaluation's continuation question decided by this proposal.
		if err := tx.recordContinuation(ctx, pid, p.ID, tally.Outcome); err != nil {
			return err
		}
	}
	if p.Secret {
		if _, err := tx.ExecContext(ctx, `DELETE FROM secret_tallies WHERE proposal_id = $1`, p.ID); err != nil {
			return err
		}
	}
	after := map[string]any{"decision_id": did, "outcome": outcome, "too_few": tooFew}
	if !p.Secret {
		after["counts"] = tally.Counts
	}
	return tx.audit(ctx, pid, "proposal.close", "proposal", p.ID, p.Title, nil, after)
}

const decisionSelect = `
	SELECT d.id, d.proposal_id, p.title, d.body_id, b.name, p.area, p.method, p.secret, d.outcome, d.tally, d.too_few,
		d.decided_on, d.review_on, COALESCE(d.reopened_by, ''), d.created_at,
		(SELECT COUNT(*) FROM reopen_supporters s WHERE s.decision_id = d.id),
		(SELECT COUNT(DISTINCT s.organisation_id) FROM reopen_supporters s WHERE s.decision_id = d.id),
		(SELECT COUNT(*) FROM reopen_supporters s WHERE s.decision_id = d.id AND s.user_id = $1),
		p.results, COALESCE(d.meeting_id, ''), COALESCE(m.title, ''), d.in_room
	FROM decisions d
	JOIN proposals p ON p.id = d.proposal_id
	JOIN bodies b ON b.id = d.body_id
	LEFT JOIN meetings m ON m.id = d.meeting_id `

// decisionRow is a decision with the organisations among its supporters,
// which the charter may count instead of people, and its proposal's rule
// for showing results.
type decisionRow struct {
	*pk.Decision
	orgSupporters int
	results       string
}

func scanDecision(row rowScanner) (decisionRow, error) {
	d := &pk.Decision{}
	var outcome sql.NullString
	var tally string
	var mine, orgs int
	var results string
	err := row.Scan(&d.ID, &d.ProposalID, &d.ProposalTitle, &d.BodyID, &d.BodyName, &d.Area, &d.Method, &d.Secret, &outcome, &tally,
		&d.TooFew, &d.DecidedOn, &d.ReviewOn, &d.ReopenedBy, ts(&d.CreatedAt), &d.ReopenSupporters, &orgs, &mine,
		&results, &d.MeetingID, &d.MeetingTitle, &d.InRoom)
	if err != nil {
		return decisionRow{}, err
	}
	if outcome.Valid {
		d.Outcome = &outcome.String
	}
	d.Supported = mine > 0
	d.Tally, err = parseTally(tally)
	return decisionRow{d, orgs, results}, err
}

// Decisions is the decision log, newest first, of one body when bodyID
// is set. A tally its proposal never shows stays out.
func (store *DecisionStore) Decisions(ctx context.Context, pid, bodyID string) (*pk.DecisionList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, err
	}
	if err := store.settle(ctx, pid); err != nil {
		return nil, err
	}
	rows, err := collect(scanDecision)(store.db.read.QueryContext(ctx, decisionSelect+`
		WHERE d.partnership_id = $2 AND ($3 = '' OR d.body_id = $3) ORDER BY d.decided_on DESC, d.created_at DESC, d.id LIMIT $4`,
		pk.UserIDFromContext(ctx), pid, bodyID, pk.MaxDecisions+1))
	if err != nil {
		return nil, err
	}
	out := &pk.DecisionList{Items: []*pk.Decision{}}
	if len(rows) > pk.MaxDecisions {
		rows, out.Cut = rows[:pk.MaxDecisions], true
	}
	rule, err := store.reopenRule(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		store.finishDecision(r, rule)
		out.Items = append(out.Items, r.Decision)
	}
	return out, nil
}

// Decision returns one decision.
func (store *DecisionStore) Decision(ctx context.Context, pid, id string) (*pk.Decision, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, err
	}
	r, err := loadDecision(ctx, store.db.read, pid, id)
	if err != nil {
		return nil, err
	}
	rule, err := store.reopenRule(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	store.finishDecision(r, rule)
	return r.Decision, nil
}

func loadDecision(ctx context.Context, q queryer, pid, id string) (decisionRow, error) {
	r, err := scanDecision(q.QueryRowContext(ctx, decisionSelect+`WHERE d.id = $2 AND d.partnership_id = $3`, pk.UserIDFromContext(ctx), id, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return r, pk.NotFound()
	}
	return r, err
}

// reopening is the charter's rule for re-opening, with the counts it is
// measured against.
type reopening struct {
	share     float64
	orgs      int
	months    int
	members   int
	available bool
}

func (store *DecisionStore) reopenRule(ctx context.Context, q queryer, pid string) (reopening, error) {
	c, err := loadCharter(ctx, store.db, q, pid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return reopening{}, nil
	} else if err != nil {
		return reopening{}, err
	}
	r := reopening{share: c.ReopenShare, orgs: c.ReopenOrganisations, months: c.ReopenAfterMonths}
	r.available = r.share > 0 || r.orgs > 0
	err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND role IN ('member', 'coordinator')`,
		pid).Scan(&r.members)
	return r, err
}

// needed is how many people must ask (0 when the charter counts
// organisations only).
func (r reopening) needed() int {
	if r.share <= 0 {
		return 0
	}
	return max(1, int(math.Ceil(r.share*float64(r.members)-1e-9)))
}

// met reports whether the supporters reach the charter's threshold.
func (r reopening) met(people, orgs int) bool {
	return (r.share > 0 && people >= r.needed()) || (r.orgs > 0 && orgs >= r.orgs)
}

func (r reopening) from(decidedOn string) string {
	t, err := time.Parse("2006-01-02", decidedOn)
	if err != nil {
		return decidedOn
	}
	return day(t.AddDate(0, r.months, 0))
}

// finishDecision adds what the charter's rule for re-opening says of a
// decision (read with decisionSelect, which brings its proposal's rule for
// results and its meeting, so that a list of decisions costs no query per
// decision).
func (store *DecisionStore) finishDecision(r decisionRow, rule reopening) {
	d := r.Decision
	if r.results == pk.ResultsNever {
		d.Tally = nil
	}
	d.ReopenNeeded = rule.needed()
	if d.ReopenNeeded == 0 {
		d.ReopenNeeded = rule.orgs
	}
	d.ReopenFrom = rule.from(d.DecidedOn)
	d.ReopenAllowed = rule.available && d.ReopenedBy == "" && d.Outcome != nil
}

// SupportReopening adds the asker to those asking to re-open a decision.
// When the supporters reach the charter's threshold, and not before the
// charter's minimum time has passed since the decision, the decision
// re-opens as a new proposal to the same body under the same rule.
func (store *DecisionStore) SupportReopening(ctx context.Context, pid, id string) (*pk.Decision, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionSupportReopen); err != nil {
			return err
		}
		r, err := loadDecision(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		rule, err := store.reopenRule(ctx, tx, pid)
		if err != nil {
			return err
		}
		store.finishDecision(r, rule)
		if !r.ReopenAllowed {
			return pk.Errorf(pk.ECONFLICT, "decision.error.reopen_not_allowed", nil)
		}
		uid := pk.UserIDFromContext(ctx)
		res, err := tx.ExecContext(ctx, `
			INSERT INTO reopen_supporters (decision_id, user_id, partnership_id, organisation_id, created_at)
			SELECT $1, $2, $3, pp.organisation_id, $4 FROM partnership_people pp WHERE pp.partnership_id = $3 AND pp.user_id = $2
			ON CONFLICT DO NOTHING`, id, uid, pid, fmtTime(tx.now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.Errorf(pk.ECONFLICT, "decision.error.supported_already", nil)
		}
		if err := tx.audit(ctx, pid, "decision.reopen_support", "decision", id, r.ProposalTitle, nil, nil); err != nil {
			return err
		}
		if r, err = loadDecision(ctx, tx, pid, id); err != nil {
			return err
		}
		if !rule.met(r.ReopenSupporters, r.orgSupporters) {
			return nil
		}
		if from := rule.from(r.DecidedOn); day(tx.now) < from {
			// Reached before the charter's time: it re-opens on that day
			// without anyone acting again.
			return tx.scheduleReopen(ctx, pid, id, from)
		}
		return tx.reopen(ctx, pid, r.Decision)
	})
	if err != nil {
		return nil, err
	}
	return store.Decision(ctx, pid, id)
}

// reopen brings the decided proposal back as a new one, open for two
// weeks, linked to the decision it re-opens.
func (tx *Tx) reopen(ctx context.Context, pid string, d *pk.Decision) error {
	nid := newID()
	closes := tx.now.Add(14 * 24 * time.Hour)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO proposals (id, partnership_id, body_id, area, title, text, background, links, method, quorum, unit, options,
			secret, min_ballots, results, opens_at, closes_at, time_zone, status, review_on, created_by, created_at, updated_at,
			minimum, lenses)
		SELECT $1, partnership_id, body_id, area, title, text, background, links, method, quorum, unit, options,
			secret, min_ballots, results, $2, $3, time_zone, 'open', $4, $5, $2, $2, minimum, lenses
		FROM proposals WHERE id = $6`,
		nid, fmtTime(tx.now), fmtTime(closes), day(closes.AddDate(1, 0, 0)), nullString(pk.UserIDFromContext(ctx)), d.ProposalID); err != nil {
		return err
	}
	// Once only, whichever instance or job gets here first.
	res, err := tx.ExecContext(ctx, `UPDATE decisions SET reopened_by = $2 WHERE id = $1 AND reopened_by IS NULL`, d.ID, nid)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return pk.Errorf(pk.ECONFLICT, "decision.error.reopen_not_allowed", nil)
	}
	if err := tx.scheduleReminder(ctx, pid, nid, closes); err != nil {
		return err
	}
	return tx.audit(ctx, pid, "decision.reopen", "decision", d.ID, d.ProposalTitle, nil, map[string]any{"proposal_id": nid})
}
