package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

// Proxies: a voter seated in the body may give their vote on one proposal
// to another seated voter when the charter in force allows proxies. The
// proxy is recorded (who to whom), revocable until the giver's ballot is
// cast, and a giver who votes themselves takes their voice back. Proxies
// are for one voice per person: where the unit is the organisation, the
// organisation already chooses who speaks for it.

// seated reports whether uid holds a seat of body today as a person who
// may vote in the partnership (a member or a coordinator).
func seated(ctx context.Context, q queryer, pid, bodyID, uid, today string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM body_seats s
		JOIN partnership_people pp ON pp.partnership_id = $4 AND pp.user_id = s.user_id AND pp.role IN ('member', 'coordinator')
		WHERE s.body_id = $1 AND s.user_id = $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)`,
		bodyID, uid, today, pid).Scan(&n)
	return n > 0, err
}

// hasVoted reports whether key's ballot is in, open or secret.
func hasVoted(ctx context.Context, q queryer, proposalID, key string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM ballots WHERE proposal_id = $1 AND voter_key = $2)
		+ (SELECT COUNT(*) FROM proposal_voters WHERE proposal_id = $1 AND voter_key = $2)`, proposalID, key).Scan(&n)
	return n > 0, err
}

// proxyRule is the charter's rule on proxies: allowed, and how many one
// holder may carry.
func proxyRule(ctx context.Context, db *DB, q queryer, pid string) (allowed bool, most int, err error) {
	c, err := loadCharter(ctx, db, q, pid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return false, 0, nil
	} else if err != nil {
		return false, 0, err
	}
	return c.ProxiesAllowed, max(1, c.MaxProxiesPerHolder), nil
}

// checkProxyBallot checks that holder may cast giver's ballot now: the
// proxy stands, proxies are still allowed and the giver is still seated.
func (tx *Tx) checkProxyBallot(ctx context.Context, p *pk.Proposal, giver, holder string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM proposal_proxies WHERE proposal_id = $1 AND giver_id = $2 AND holder_id = $3`,
		p.ID, giver, holder).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return pk.FieldInvalid("for_user_id", "decision.validation.no_proxy", nil)
	}
	pid := ""
	if err := tx.QueryRowContext(ctx, `SELECT partnership_id FROM proposals WHERE id = $1`, p.ID).Scan(&pid); err != nil {
		return err
	}
	if allowed, _, err := proxyRule(ctx, tx.db, tx, pid); err != nil {
		return err
	} else if !allowed {
		return pk.Errorf(pk.ECONFLICT, "decision.error.proxies_not_allowed", nil)
	}
	ok, err := seated(ctx, tx, pid, p.BodyID, giver, day(tx.now))
	if err != nil {
		return err
	}
	if !ok {
		return pk.FieldInvalid("for_user_id", "decision.validation.proxy_giver_gone", nil)
	}
	return nil
}

// GiveProxy gives the asker's vote on an open proposal to another voter
// seated in the same body (replacing a proxy they gave before).
func (store *DecisionStore) GiveProxy(ctx context.Context, pid, id string, in pk.ProxyInput) (*pk.Proposal, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionGiveProxy); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		p, err := loadProposal(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if !p.Open(tx.now) {
			return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
		}
		allowed, most, err := proxyRule(ctx, store.db, tx, pid)
		if err != nil {
			return err
		}
		if !allowed {
			return pk.Errorf(pk.ECONFLICT, "decision.error.proxies_not_allowed", nil)
		}
		if p.Unit != pk.UnitPerson {
			return pk.FieldInvalid("holder_id", "decision.validation.proxy_person", nil)
		}
		giver, today := pk.UserIDFromContext(ctx), day(tx.now)
		if ok, err := seated(ctx, tx, pid, p.BodyID, giver, today); err != nil {
			return err
		} else if !ok {
			return pk.Errorf(pk.EFORBIDDEN, "decision.error.not_seated", nil)
		}
		if in.HolderID == giver {
			return pk.FieldInvalid("holder_id", "decision.validation.proxy_self", nil)
		}
		if ok, err := seated(ctx, tx, pid, p.BodyID, in.HolderID, today); err != nil {
			return err
		} else if !ok {
			return pk.FieldInvalid("holder_id", "decision.validation.proxy_holder", nil)
		}
		if voted, err := hasVoted(ctx, tx, p.ID, "u:"+giver); err != nil {
			return err
		} else if voted {
			return pk.Errorf(pk.ECONFLICT, "decision.error.proxy_voted", nil)
		}
		// No chains: a holder who gave their own vote away is not there to
		// carry someone else's.
		var gave, holds int
		if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM proposal_proxies WHERE proposal_id = $1 AND giver_id = $2),
			(SELECT COUNT(*) FROM proposal_proxies WHERE proposal_id = $1 AND holder_id = $2 AND giver_id <> $3)`,
			p.ID, in.HolderID, giver).Scan(&gave, &holds); err != nil {
			return err
		}
		if gave > 0 {
			return pk.FieldInvalid("holder_id", "decision.validation.proxy_chain", nil)
		}
		if holds >= most {
			return pk.FieldInvalid("holder_id", "decision.validation.proxy_full", map[string]any{"Max": most})
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM proposal_proxies WHERE proposal_id = $1 AND giver_id = $2`, p.ID, giver); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO proposal_proxies (proposal_id, giver_id, holder_id, partnership_id, created_at)
			VALUES ($1, $2, $3, $4, $5)`, p.ID, giver, in.HolderID, pid, fmtTime(tx.now)); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "proposal.proxy_give", "proposal", p.ID, p.Title, nil, map[string]any{"holder_id": in.HolderID})
	})
	if err != nil {
		return nil, err
	}
	return store.Proposal(ctx, pid, id)
}

// RevokeProxy takes the asker's proxy back, while the proposal is open
// and their ballot has not been cast (after that, voting themselves
// replaces an open ballot; a secret one cannot be changed by anyone).
func (store *DecisionStore) RevokeProxy(ctx context.Context, pid, id string) (*pk.Proposal, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionGiveProxy); err != nil {
			return err
		}
		p, err := loadProposal(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if !p.Open(tx.now) {
			return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
		}
		giver := pk.UserIDFromContext(ctx)
		if voted, err := hasVoted(ctx, tx, p.ID, "u:"+giver); err != nil {
			return err
		} else if voted {
			return pk.Errorf(pk.ECONFLICT, "decision.error.proxy_used", nil)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM proposal_proxies WHERE proposal_id = $1 AND giver_id = $2`, p.ID, giver)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.Errorf(pk.ECONFLICT, "decision.error.no_proxy", nil)
		}
		return tx.audit(ctx, pid, "proposal.proxy_revoke", "proposal", p.ID, p.Title, nil, nil)
	})
	if err != nil {
		return nil, err
	}
	return store.Proposal(ctx, pid, id)
}

// fillDetails adds what one proposal's page shows beyond the list: the
// proxies, and whether the asker may record a chair's decision.
func (store *DecisionStore) fillDetails(ctx context.Context, q queryer, pid string, role pk.Role, p *pk.Proposal) error {
	uid := pk.UserIDFromContext(ctx)
	if p.AwaitingChair {
		chair, err := isChair(ctx, q, pid, p.BodyID, uid, day(store.db.now()))
		if err != nil {
			return err
		}
		p.MayDecideAsChair = chair || pk.Can(role, pk.ActionCloseProposal)
	}
	allowed, _, err := proxyRule(ctx, store.db, q, pid)
	if err != nil {
		return err
	}
	p.ProxiesAllowed = allowed && p.Unit == pk.UnitPerson
	type row struct {
		pk.Proxy
		voted bool
	}
	rows, err := collect(func(r rowScanner) (row, error) {
		var x row
		return x, r.Scan(&x.GiverID, &x.GiverName, &x.HolderID, &x.HolderName, ts(&x.CreatedAt), &x.voted)
	})(q.QueryContext(ctx, `
		SELECT x.giver_id, g.name, x.holder_id, h.name, x.created_at,
			EXISTS (SELECT 1 FROM ballots b WHERE b.proposal_id = x.proposal_id AND b.voter_key = 'u:' || x.giver_id)
			OR EXISTS (SELECT 1 FROM proposal_voters v WHERE v.proposal_id = x.proposal_id AND v.voter_key = 'u:' || x.giver_id)
		FROM proposal_proxies x JOIN users g ON g.id = x.giver_id JOIN users h ON h.id = x.holder_id
		WHERE x.proposal_id = $1 ORDER BY g.name, x.giver_id LIMIT $2`, p.ID, decisionMaxProxies))
	if err != nil {
		return err
	}
	for _, x := range rows {
		p.Proxies = append(p.Proxies, x.Proxy)
		if x.GiverID == uid {
			mine := x.Proxy
			p.MyProxy = &mine
		}
		if x.HolderID == uid {
			p.HeldProxies = append(p.HeldProxies, pk.HeldProxy{GiverID: x.GiverID, GiverName: x.GiverName, Voted: x.voted})
		}
	}
	if !p.ProxiesAllowed || !p.Voting || p.HasVoted || p.MyProxy != nil {
		return nil
	}
	today := day(store.db.now())
	if ok, err := seated(ctx, q, pid, p.BodyID, uid, today); err != nil || !ok {
		return err
	}
	p.ProxyCandidates, err = collect(func(r rowScanner) (pk.Voter, error) {
		var v pk.Voter
		return v, r.Scan(&v.ID, &v.Name)
	})(q.QueryContext(ctx, `
		SELECT DISTINCT u.id, u.name FROM body_seats s
		JOIN users u ON u.id = s.user_id
		JOIN partnership_people pp ON pp.partnership_id = $4 AND pp.user_id = s.user_id AND pp.role IN ('member', 'coordinator')
		WHERE s.body_id = $1 AND s.user_id <> $2 AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
			AND NOT EXISTS (SELECT 1 FROM proposal_proxies x WHERE x.proposal_id = $5 AND x.giver_id = s.user_id)
		ORDER BY u.name, u.id LIMIT $6`, p.BodyID, uid, today, pid, p.ID, decisionMaxProxies))
	return err
}

// decisionMaxProxies bounds the proxies and candidates one page lists: a
// body's seats, far below it in practice.
const decisionMaxProxies = 500

// isChair reports whether uid holds the chair of body today: a chair's
// seat of their own, or the representative of an organisation that holds
// it (in the partnership for it and belonging to it).
func isChair(ctx context.Context, q queryer, pid, bodyID, uid, today string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM body_seats s
		WHERE s.body_id = $1 AND s.position = 'chair' AND s.from_date <= $3 AND (s.until_date IS NULL OR s.until_date >= $3)
			AND (s.user_id = $2 OR s.organisation_id IN (
				SELECT pp.organisation_id FROM partnership_people pp
				JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
				WHERE pp.partnership_id = $4 AND pp.user_id = $2 AND pp.role IN ('member', 'coordinator')))`,
		bodyID, uid, today, pid).Scan(&n)
	return n > 0, err
}

// RecordChairDecision records the chair's decision on a chair's proposal
// whose consultation has closed: the body's chair records it, or a
// coordinator when the chair cannot.
func (store *DecisionStore) RecordChairDecision(ctx context.Context, pid, id string, in pk.ChairInput) (*pk.Proposal, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionChairDecide)
		if err != nil {
			return err
		}
		p, err := loadProposal(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if p.Method != pk.MethodChair {
			return pk.FieldInvalid("chair_decision", "decision.validation.not_chair", nil)
		}
		if p.Status != pk.ProposalOpen {
			return pk.Errorf(pk.ECONFLICT, "decision.error.closed", nil)
		}
		if p.Open(tx.now) {
			return pk.Errorf(pk.ECONFLICT, "decision.error.consulting", nil)
		}
		chair, err := isChair(ctx, tx, pid, p.BodyID, pk.UserIDFromContext(ctx), day(tx.now))
		if err != nil {
			return err
		}
		if !chair && !pk.Can(part.MyRole, pk.ActionCloseProposal) {
			return pk.Errorf(pk.EFORBIDDEN, "decision.error.not_the_chair", nil)
		}
		var v pk.Validator
		v.OneOf("chair_decision", in.Decision, true, []string{"passed", "rejected"})
		if err := v.Err(); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "proposal.chair_decision", "proposal", p.ID, p.Title, nil,
			map[string]any{"decision": in.Decision, "as_chair": chair}); err != nil {
			return err
		}
		return tx.closeProposal(ctx, pid, p, in.Decision)
	})
	if err != nil {
		return nil, err
	}
	return store.Proposal(ctx, pid, id)
}

// nameOrganisations puts the organisations' names to a commitment tally's
// gaps and levels, and orders the levels from least to most committed.
func nameOrganisations(ctx context.Context, q queryer, t *pk.Tally) error {
	if t == nil || (len(t.Gaps) == 0 && len(t.Levels) == 0) {
		return nil
	}
	names := map[string]string{}
	for _, list := range [][]pk.Gap{t.Gaps, t.Levels} {
		for i := range list {
			id := list[i].OrganisationID
			if _, ok := names[id]; !ok {
				var name string
				err := q.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, id).Scan(&name)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
				names[id] = name
			}
			list[i].Name = names[id]
		}
	}
	sortLevels(t.Gaps)
	sortLevels(t.Levels)
	return nil
}
