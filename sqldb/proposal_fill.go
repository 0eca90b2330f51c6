package sqldb

import (
	"context"
	"database/sql"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// fill adds to one proposal what depends on the asker and on the ballots.
func (store *DecisionStore) fill(ctx context.Context, q queryer, pid string, p *pk.Proposal) error {
	return store.fillAll(ctx, q, pid, []*pk.Proposal{p})
}

// fillAll adds what depends on the asker and on the ballots: whether they
// voted (and their open choice), how many voted, how many may, the outcome
// and the tally when the proposal's rule lets the asker see them. It reads
// them for the whole list at once (a fixed few statements whatever its
// length); only the running tally of an open ballot the asker already voted
// in, shown when its results are shown after voting, is read one by one.
func (store *DecisionStore) fillAll(ctx context.Context, q queryer, pid string, ps []*pk.Proposal) error {
	if len(ps) == 0 {
		return nil
	}
	now := store.db.now()
	byID := make(map[string]*pk.Proposal, len(ps))
	ids := make([]string, len(ps))
	bodies, byOrg := []string{}, false
	seenBody := map[string]bool{}
	for i, p := range ps {
		if p.Links == nil {
			p.Links = []string{}
		}
		if p.Options == nil {
			p.Options = []string{}
		}
		p.Voting = p.Open(now)
		p.AwaitingChair = p.Status == pk.ProposalOpen && p.Method == decision.Chair && !p.Voting
		if p.Proxies == nil {
			p.Proxies, p.HeldProxies = []pk.Proxy{}, []pk.HeldProxy{}
		}
		byID[p.ID], ids[i] = p, p.ID
		if p.Status != pk.ProposalClosed && !seenBody[p.BodyID] {
			seenBody[p.BodyID] = true
			bodies = append(bodies, p.BodyID)
		}
		byOrg = byOrg || p.Unit == pk.UnitOrganisation
	}
	// The asker's voter keys: themselves, and the organisation they are in
	// the partnership for where the unit is the organisation.
	userKey, orgKey := "u:"+pk.UserIDFromContext(ctx), ""
	if byOrg {
		var err error
		if orgKey, err = askerKey(ctx, q, pid, pk.UnitOrganisation); err != nil {
			return err
		}
	}
	keyOf := func(p *pk.Proposal) string {
		if p.Unit == pk.UnitOrganisation {
			return orgKey
		}
		return userKey
	}
	// One statement reads, for the whole list: how many voted (an open
	// ballot is in ballots; a secret one leaves only its voter in
	// proposal_voters), whether the asker did and how, and the recorded
	// decisions. Every row has the same columns; its first says which
	// facts it carries.
	var a args
	in := a.inList(ids)
	keys := a.inList([]string{userKey, orgKey})
	err := forEachRow(func(rows *sql.Rows) error {
		var fact, id, key, choice, tally string
		var n int
		var proxy, tooFew bool
		var outcome sql.NullString
		if err := rows.Scan(&fact, &id, &n, &key, &choice, &proxy, &outcome, &tally, &tooFew); err != nil {
			return err
		}
		p := byID[id]
		if p == nil {
			return nil
		}
		switch fact {
		case "count", "count_secret":
			if (fact == "count_secret") == p.Secret {
				p.BallotsCast = n
			}
		case "mine", "mine_secret":
			if key == "" || key != keyOf(p) || (fact == "mine_secret") != p.Secret {
				return nil
			}
			p.HasVoted = true
			if !p.Secret {
				p.MyChoice, p.CastByProxy = choice, proxy
			}
		case "decision":
			if p.Status == pk.ProposalClosed {
				return showDecision(p, outcome, tally, tooFew)
			}
		}
		return nil
	})(q.QueryContext(ctx, `
		SELECT 'count', proposal_id, COUNT(*), '', '', FALSE, CAST(NULL AS TEXT), '', FALSE FROM ballots WHERE proposal_id IN (`+in+`) GROUP BY proposal_id
		UNION ALL
		SELECT 'count_secret', proposal_id, COUNT(*), '', '', FALSE, NULL, '', FALSE FROM proposal_voters WHERE proposal_id IN (`+in+`) GROUP BY proposal_id
		UNION ALL
		SELECT 'mine', proposal_id, 0, voter_key, choice, cast_by IS NOT NULL, NULL, '', FALSE FROM ballots WHERE proposal_id IN (`+in+`) AND voter_key IN (`+keys+`)
		UNION ALL
		SELECT 'mine_secret', proposal_id, 0, voter_key, '', FALSE, NULL, '', FALSE FROM proposal_voters WHERE proposal_id IN (`+in+`) AND voter_key IN (`+keys+`)
		UNION ALL
		SELECT 'decision', proposal_id, 0, '', '', FALSE, outcome, tally, too_few FROM decisions WHERE proposal_id IN (`+in+`)`, a...))
	if err != nil {
		return err
	}
	// Who may vote today, by body: the seated people, or the seated
	// member organisations where the unit is the organisation.
	seated := map[string][2]int{}
	if len(bodies) > 0 {
		a = nil
		in := a.inList(bodies)
		today := a.add(day(now))
		err = forEachRow(func(rows *sql.Rows) error {
			var id string
			var people, orgs int
			if err := rows.Scan(&id, &people, &orgs); err != nil {
				return err
			}
			seated[id] = [2]int{people, orgs}
			return nil
		})(q.QueryContext(ctx, `SELECT body_id, COUNT(DISTINCT user_id), COUNT(DISTINCT organisation_id) FROM body_seats
			WHERE body_id IN (`+in+`) AND from_date <= `+today+` AND (until_date IS NULL OR until_date >= `+today+`) GROUP BY body_id`, a...))
		if err != nil {
			return err
		}
	}
	for _, p := range ps {
		if p.Status == pk.ProposalClosed {
			continue
		}
		p.Eligible = seated[p.BodyID][0]
		if p.Unit == pk.UnitOrganisation {
			p.Eligible = seated[p.BodyID][1]
		}
		switch {
		case p.Secret || p.Results == pk.ResultsAfterClose:
			p.ResultsHidden = pk.ResultsAfterClose
		case p.Results == pk.ResultsNever:
			p.ResultsHidden = pk.ResultsNever
		case !p.HasVoted:
			p.ResultsHidden = pk.ResultsAfterVoting
		default:
			// An open ballot whose voter has voted: the tally so far.
			bs, err := openBallots(ctx, q, p.ID)
			if err != nil {
				return err
			}
			t, err := tallyOf(p, p.Eligible, bs)
			if err != nil {
				return err
			}
			t.Outcome = "" // nothing is decided while voting goes on
			if err := nameOrganisations(ctx, q, t); err != nil {
				return err
			}
			p.Tally = t
		}
	}
	return nil
}

// showDecision shows a closed proposal's recorded decision: the outcome,
// and the tally unless it is never shown or a secret one had too few
// ballots.
func showDecision(p *pk.Proposal, outcome sql.NullString, tally string, tooFew bool) error {
	if outcome.Valid {
		p.Outcome = &outcome.String
	}
	t, err := parseTally(tally)
	if err != nil {
		return err
	}
	if t != nil {
		p.Eligible = t.Eligible
	}
	switch {
	case tooFew:
		p.ResultsHidden = "too_few"
	case p.Results == pk.ResultsNever:
		p.ResultsHidden = pk.ResultsNever
	default:
		p.Tally = t
	}
	return nil
}

// forEachRow runs fn on every row of a query's answer.
func forEachRow(fn func(*sql.Rows) error) func(*sql.Rows, error) error {
	return func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}
