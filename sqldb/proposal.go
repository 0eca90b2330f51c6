package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/charter"
	"github.com/partnerkit/partnerkit/decision"
)

// DecisionStore keeps proposals, their ballots and the decision log.
type DecisionStore struct{ db *DB }

const proposalSelect = `
	SELECT p.id, p.body_id, b.name, p.area, p.title, p.text, p.background, p.links, p.method, p.quorum, p.unit, p.options,
		p.secret, p.min_ballots, p.results, p.opens_at, p.closes_at, p.time_zone, p.status, p.chair_decision, p.review_on,
		COALESCE(p.created_by, ''), p.version, p.created_at, p.closed_at, COALESCE(d.id, ''), COALESCE(r.id, ''), p.minimum, p.lenses
	FROM proposals p
	JOIN bodies b ON b.id = p.body_id
	LEFT JOIN decisions d ON d.proposal_id = p.id
	LEFT JOIN decisions r ON r.reopened_by = p.id `

func scanProposal(row rowScanner) (*pk.Proposal, error) {
	p := &pk.Proposal{}
	var links, options, quorum, lenses string
	err := row.Scan(&p.ID, &p.BodyID, &p.BodyName, &p.Area, &p.Title, &p.Text, &p.Background, &links, &p.Method, &quorum, &p.Unit,
		&options, &p.Secret, &p.MinBallots, &p.Results, ts(&p.OpensAt), ts(&p.ClosesAt), &p.TimeZone, &p.Status, &p.ChairDecision,
		&p.ReviewOn, &p.CreatedBy, &p.Version, ts(&p.CreatedAt), nts(&p.ClosedAt), &p.DecisionID, &p.ReopensDecisionID, &p.Minimum, &lenses)
	if err != nil {
		return nil, err
	}
	if lenses != "" {
		if err := json.Unmarshal([]byte(lenses), &p.Lenses); err != nil {
			return nil, err
		}
	} else if p.Method == decision.Lenses {
		// Brought before lenses were kept with the proposal: the defaults.
		for _, l := range decision.DefaultLenses() {
			p.Lenses = append(p.Lenses, pk.Lens{Key: l.Key, Name: l.Name, Weight: l.Weight})
		}
	}
	if p.Quorum, err = parseShare(quorum); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(links), &p.Links); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(options), &p.Options); err != nil {
		return nil, err
	}
	return p, nil
}

func loadProposal(ctx context.Context, q queryer, pid, id string) (*pk.Proposal, error) {
	p, err := scanProposal(q.QueryRowContext(ctx, proposalSelect+`WHERE p.id = $1 AND p.partnership_id = $2`, id, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return p, err
}

// Proposals lists the partnership's proposals, open ones first (soonest
// to close first), then the closed ones, newest first. Proposals past
// their close time are closed first.
func (store *DecisionStore) Proposals(ctx context.Context, pid string) (*pk.ProposalList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, err
	}
	if err := store.settle(ctx, pid); err != nil {
		return nil, err
	}
	out, err := collect(scanProposal)(store.db.read.QueryContext(ctx, proposalSelect+`WHERE p.partnership_id = $1
		ORDER BY CASE WHEN p.status = 'open' THEN 0 ELSE 1 END, CASE WHEN p.status = 'open' THEN p.closes_at ELSE '' END,
		p.created_at DESC, p.id LIMIT $2`, pid, pk.MaxProposals+1))
	if err != nil {
		return nil, err
	}
	list := &pk.ProposalList{Items: out}
	if len(out) > pk.MaxProposals {
		list.Items, list.Cut = out[:pk.MaxProposals], true
	}
	if err := store.fillAll(ctx, store.db.read, pid, list.Items); err != nil {
		return nil, err
	}
	return list, nil
}

// ProposalChoices lists the proposals of a body (any body for bodyID ""),
// open first then newest like Proposals, without their tallies: what a
// form that names a proposal needs.
func (store *DecisionStore) ProposalChoices(ctx context.Context, pid, bodyID string) ([]pk.ProposalChoice, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, false, err
	}
	if err := store.settle(ctx, pid); err != nil {
		return nil, false, err
	}
	// Kept under the data version (settled first, so the version covers
	// what closing wrote): a meeting's page offers them on every view.
	kept, err := store.db.keptData(ctx, pid, "proposal choices\x00"+bodyID, func() (any, error) {
		ar := args{pid}
		where := `p.partnership_id = $1`
		if bodyID != "" {
			where += ` AND p.body_id = ` + ar.add(bodyID)
		}
		return collect(func(r rowScanner) (pk.ProposalChoice, error) {
			var c pk.ProposalChoice
			return c, r.Scan(&c.ID, &c.Title, &c.Status)
		})(store.db.read.QueryContext(ctx, `SELECT p.id, p.title, p.status FROM proposals p WHERE `+where+`
		ORDER BY CASE WHEN p.status = 'open' THEN 0 ELSE 1 END, CASE WHEN p.status = 'open' THEN p.closes_at ELSE '' END,
		p.created_at DESC, p.id LIMIT `+ar.add(pk.MaxProposalChoices+1), ar...))
	})
	if err != nil {
		return nil, false, err
	}
	out, more := cut(slices.Clone(kept.([]pk.ProposalChoice)), pk.MaxProposalChoices)
	return out, more, nil
}

// Proposal returns one proposal with what the asker may see of its
// results, closing it first when its time has passed.
func (store *DecisionStore) Proposal(ctx context.Context, pid, id string) (*pk.Proposal, error) {
	part, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions)
	if err != nil {
		return nil, err
	}
	if err := store.settle(ctx, pid); err != nil {
		return nil, err
	}
	p, err := loadProposal(ctx, store.db.read, pid, id)
	if err != nil {
		return nil, err
	}
	if p.Meetings, p.MeetingsCut, err = proposalMeetings(ctx, store.db.read, pid, id); err != nil {
		return nil, err
	}
	if err := store.fill(ctx, store.db.read, pid, p); err != nil {
		return nil, err
	}
	return p, store.fillDetails(ctx, store.db.read, pid, part.MyRole, p)
}

func parseTally(s string) (*pk.Tally, error) {
	if s == "" || s == "null" {
		return nil, nil
	}
	t := &pk.Tally{}
	return t, json.Unmarshal([]byte(s), t)
}

// askerKey is the voter key of the person asking: themselves, or the
// organisation they are in the partnership for when the unit is the
// organisation ("" when they are in it for none).
func askerKey(ctx context.Context, q queryer, pid, unit string) (string, error) {
	uid := pk.UserIDFromContext(ctx)
	if unit != pk.UnitOrganisation {
		return "u:" + uid, nil
	}
	var org sql.NullString
	err := q.QueryRowContext(ctx, `SELECT organisation_id FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, uid).Scan(&org)
	if errors.Is(err, sql.ErrNoRows) || !org.Valid {
		return "", nil
	}
	return "o:" + org.String, err
}

// eligibleCount counts who may vote on day: the people seated in the body
// that day, or its seated member organisations when the unit is the
// organisation.
func eligibleCount(ctx context.Context, q queryer, bodyID, unit, day string) (int, error) {
	col := "user_id"
	if unit == pk.UnitOrganisation {
		col = "organisation_id"
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(DISTINCT `+col+`) FROM body_seats
		WHERE body_id = $1 AND `+col+` IS NOT NULL AND from_date <= $2 AND (until_date IS NULL OR until_date >= $2)`,
		bodyID, day).Scan(&n)
	return n, err
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// CreateProposal brings a proposal to a body. The charter in force decides
// the method, quorum and unit from the body and the area; a coordinator may
// choose a stricter method (never a looser one), anyone a prioritisation.
func (store *DecisionStore) CreateProposal(ctx context.Context, pid string, in pk.ProposalInput) (*pk.Proposal, error) {
	var out *pk.Proposal
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionPropose)
		if err != nil {
			return err
		}
		out, err = tx.createProposal(ctx, pid, part.MyRole, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, store.fill(ctx, store.db.read, pid, out)
}

// createProposal brings a proposal inside a transaction whose asker was
// authorized to propose (the evaluations bring the continuation question
// this way, with their own record in the same transaction).
func (tx *Tx) createProposal(ctx context.Context, pid string, role pk.Role, in pk.ProposalInput) (*pk.Proposal, error) {
	in.Normalise()
	links, _ := json.Marshal(nonNilStrings(in.Links))
	options, _ := json.Marshal(nonNilStrings(in.Options))
	var out *pk.Proposal
	err := func() error {
		// After authorizing, so that outsiders learn nothing from it.
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := loadBody(ctx, tx, pid, in.BodyID); pk.ErrorCode(err) == pk.ENOTFOUND {
			return pk.FieldInvalid("body_id", "governance.validation.unknown_body", nil)
		} else if err != nil {
			return err
		}
		rule, err := proposalRule(ctx, tx, pid, role, &in)
		if err != nil {
			return err
		}
		if in.ClosesAt.Before(tx.now.Add(time.Minute)) || in.ClosesAt.After(tx.now.Add(pk.MaxProposalDuration)) {
			return pk.FieldInvalid("closes_at", "decision.validation.closes_at", map[string]any{"Days": int(pk.MaxProposalDuration.Hours() / 24)})
		}
		results, minBallots := in.Results, 0
		if results == "" {
			results = pk.ResultsAfterClose
		}
		if in.Secret {
			// Secret: results after close only, from at least the minimum.
			results, minBallots = pk.ResultsAfterClose, max(in.MinBallots, pk.MinSecretBallots)
			n, err := eligibleCount(ctx, tx, in.BodyID, rule.Unit, day(tx.now))
			if err != nil {
				return err
			}
			if n < minBallots {
				return pk.FieldInvalid("secret", "decision.validation.secret_too_small", map[string]any{"Min": minBallots, "Eligible": n})
			}
		}
		tz := in.TimeZone
		if tz == "" {
			tz = "UTC"
		}
		review := in.ReviewOn
		if review == "" {
			review = day(in.ClosesAt.AddDate(1, 0, 0))
		}
		lenses := ""
		if rule.Method == decision.Lenses {
			// The proposal keeps the lenses it was brought under.
			set, err := loadLenses(ctx, tx, pid)
			if err != nil {
				return err
			}
			b, _ := json.Marshal(set.Lenses)
			lenses = string(b)
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO proposals (id, partnership_id, body_id, area, title, text, background, links, method, quorum, unit, options,
				secret, min_ballots, results, opens_at, closes_at, time_zone, status, review_on, created_by, created_at, updated_at,
				minimum, lenses)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'open', $19, $20, $16, $16, $21, $22)`,
			id, pid, in.BodyID, in.Area, in.Title, in.Text, in.Background, string(links), rule.Method, fmtShare(rule.Quorum), rule.Unit,
			string(options), in.Secret, minBallots, results, fmtTime(tx.now), fmtTime(in.ClosesAt), tz, review,
			nullString(pk.UserIDFromContext(ctx)), in.Minimum, lenses); err != nil {
			return err
		}
		if err := tx.scheduleReminder(ctx, pid, id, in.ClosesAt); err != nil {
			return err
		}
		if out, err = loadProposal(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "proposal.create", "proposal", id, out.Title, nil, proposalAudit(out))
	}()
	return out, err
}

// proposalRule is the rule a new proposal is decided by: the charter's for
// its body and area, with the method the proposer may choose instead.
func proposalRule(ctx context.Context, tx *Tx, pid string, role pk.Role, in *pk.ProposalInput) (pk.Rule, error) {
	c, err := loadCharter(ctx, tx.db, tx, pid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return pk.Rule{}, pk.FieldInvalid("body_id", "decision.validation.no_charter", nil)
	} else if err != nil {
		return pk.Rule{}, err
	}
	rule, err := charter.Lookup(c, in.BodyID, in.Area)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		field := "body_id"
		if in.Area != "" {
			field = "area"
		}
		return pk.Rule{}, pk.FieldInvalid(field, "decision.validation.no_rule", nil)
	} else if err != nil {
		return pk.Rule{}, err
	}
	if rule.BodyID != in.BodyID {
		// The charter gives this area to another body.
		return pk.Rule{}, pk.FieldInvalid("area", "decision.validation.area_elsewhere", nil)
	}
	switch {
	case in.Method == pk.MethodCommitment:
		// The Level of Commitment asks each organisation how far it will
		// carry a proposal; it never replaces the rule of an area the
		// charter assigns.
		if in.Area != "" {
			return pk.Rule{}, pk.FieldInvalid("method", "decision.validation.commitment_area", nil)
		}
		rule.Method, rule.Unit = in.Method, pk.UnitOrganisation
	case in.Method == "" || in.Method == rule.Method:
	case pk.Prioritisation(in.Method):
		rule.Method = in.Method
	case !pk.Can(role, pk.ActionChooseMethod):
		return pk.Rule{}, pk.FieldInvalid("method", "decision.validation.method_coordinator", nil)
	case !decision.AtLeastAsStrict(in.Method, rule.Method):
		return pk.Rule{}, pk.FieldInvalid("method", "decision.validation.method_looser", map[string]any{"Charter": rule.Method})
	default:
		rule.Method = in.Method
	}
	return rule, nil
}

// proposalAudit is what the audit log keeps of a proposal: its rule, never
// a ballot.
func proposalAudit(p *pk.Proposal) map[string]any {
	return map[string]any{"id": p.ID, "body_id": p.BodyID, "area": p.Area, "method": p.Method, "quorum": p.Quorum, "unit": p.Unit,
		"secret": p.Secret, "results": p.Results, "closes_at": p.ClosesAt, "status": p.Status, "minimum": p.Minimum}
}
