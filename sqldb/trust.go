package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/trust"
)

// representedOrgs are the member organisations the asker may rate for, by
// the agreement signing rule: a person of the organisation (in its people)
// who is a member or coordinator of the partnership on its behalf, the
// organisation an active member.
func representedOrgs(ctx context.Context, q queryer, pid, uid string) ([]pk.OrgChoice, error) {
	return collect(scanOrgChoice)(q.QueryContext(ctx, `
		SELECT o.id, o.name FROM partnership_people pp
		JOIN partnership_organisations po ON po.partnership_id = pp.partnership_id AND po.organisation_id = pp.organisation_id AND po.status = 'active'
		JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
		JOIN organisations o ON o.id = pp.organisation_id
		WHERE pp.partnership_id = $1 AND pp.user_id = $2 AND pp.role IN ('member', 'coordinator')
		ORDER BY o.name, o.id`, pid, uid))
}

func scanOrgChoice(r rowScanner) (pk.OrgChoice, error) {
	var c pk.OrgChoice
	return c, r.Scan(&c.ID, &c.Name)
}

// memberOrgs are the partnership's active member organisations by name, up
// to MaxTrustOrganisations (the bool says the list was cut).
func memberOrgs(ctx context.Context, q queryer, pid string) ([]pk.OrgChoice, bool, error) {
	out, err := collect(scanOrgChoice)(q.QueryContext(ctx, `
		SELECT o.id, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, o.id LIMIT $2`, pid, pk.MaxTrustOrganisations+1))
	if err != nil || len(out) <= pk.MaxTrustOrganisations {
		return out, false, err
	}
	return out[:pk.MaxTrustOrganisations], true, nil
}

// trustRound is the round a trust sheet or summary reads: rid when given,
// else the open trust round (for a sheet) or the latest (for a summary).
func trustRound(ctx context.Context, q queryer, pid, rid string, openOnly bool) (*pk.Round, error) {
	if rid != "" {
		return loadRoundOfKind(ctx, q, pid, rid, pk.RoundTrust)
	}
	where := `WHERE r.partnership_id = $1 AND r.kind = 'trust' `
	if openOnly {
		where += `AND r.status = 'open' `
	}
	r, err := scanRound(q.QueryRowContext(ctx, roundSelect+where+`ORDER BY r.opened_at DESC, r.id DESC LIMIT 1`, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.Errorf(pk.ENOTFOUND, "trust.error.no_round", nil)
	}
	return r, err
}

// TrustSheet is an organisation's own ratings in a trust round: only an
// organisation's representatives read them, and only their own.
func (store *HealthStore) TrustSheet(ctx context.Context, pid, rid, oid string) (*pk.TrustSheet, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionRateHealth); err != nil {
		return nil, err
	}
	return trustSheet(ctx, store.db.read, pid, rid, oid, pk.UserIDFromContext(ctx))
}

func trustSheet(ctx context.Context, q queryer, pid, rid, oid, uid string) (*pk.TrustSheet, error) {
	r, err := trustRound(ctx, q, pid, rid, true)
	if err != nil {
		return nil, err
	}
	mine, err := representedOrgs(ctx, q, pid, uid)
	if err != nil {
		return nil, err
	}
	out := &pk.TrustSheet{Round: r, Choices: mine, Ratings: []pk.TrustRating{}}
	for _, c := range mine {
		if oid == "" || c.ID == oid {
			out.OrganisationID = c.ID
			break
		}
	}
	if out.OrganisationID == "" {
		if oid != "" {
			return nil, pk.FieldInvalid("organisation_id", "agreement.validation.not_representative", nil)
		}
		return out, nil
	}
	orgs, cut, err := memberOrgs(ctx, q, pid)
	if err != nil {
		return nil, err
	}
	out.Cut = cut
	given, err := collect(func(row rowScanner) (pk.TrustRating, error) {
		var x pk.TrustRating
		var intensity int
		err := row.Scan(&x.RatedID, &x.Openness, &x.Reliability, &x.Mission, &x.Power, &x.Resources, &x.Involvement, &intensity)
		if intensity > 0 && intensity < len(trust.Intensities) {
			x.Intensity = trust.Intensities[intensity]
		}
		return x, err
	})(q.QueryContext(ctx, `
		SELECT rated_org_id, openness, reliability, mission, power, resources, involvement, intensity
		FROM trust_ratings WHERE round_id = $1 AND rater_org_id = $2`, r.ID, out.OrganisationID))
	if err != nil {
		return nil, err
	}
	byRated := map[string]pk.TrustRating{}
	for _, g := range given {
		byRated[g.RatedID] = g
	}
	for _, o := range orgs {
		if o.ID == out.OrganisationID {
			continue
		}
		x, ok := byRated[o.ID]
		if !ok {
			x = pk.TrustRating{RatedID: o.ID}
		}
		x.RatedName = o.Name
		x.Complete = x.Rule(out.OrganisationID).Complete()
		out.Ratings = append(out.Ratings, x)
	}
	return out, nil
}

// RateTrust saves an organisation's ratings in the open trust round. The
// audit entry names the rating organisation and how many it rated, never
// a score: the log is read by coordinators, who may not see ratings.
func (store *HealthStore) RateTrust(ctx context.Context, pid string, in pk.TrustRatingInput) (*pk.TrustSheet, error) {
	verr := in.Validate()
	var out *pk.TrustSheet
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionRateHealth); err != nil {
			return err
		}
		r, err := trustRound(ctx, tx, pid, "", true)
		if err != nil {
			return err
		}
		if verr != nil {
			return verr
		}
		uid := pk.UserIDFromContext(ctx)
		mine, err := representedOrgs(ctx, tx, pid, uid)
		if err != nil {
			return err
		}
		if !containsOrg(mine, in.OrganisationID) {
			return pk.FieldInvalid("organisation_id", "agreement.validation.not_representative", nil)
		}
		orgs, _, err := memberOrgs(ctx, tx, pid)
		if err != nil {
			return err
		}
		var v pk.Validator
		for i, x := range in.Ratings {
			if !containsOrg(orgs, x.RatedID) {
				v.Add("ratings."+itoa(i)+".rated_id", "trust.validation.not_member", nil)
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		now := fmtTime(tx.now)
		for _, x := range in.Ratings {
			if _, err := tx.ExecContext(ctx, `DELETE FROM trust_ratings WHERE round_id = $1 AND rater_org_id = $2 AND rated_org_id = $3`,
				r.ID, in.OrganisationID, x.RatedID); err != nil {
				return err
			}
			rule := x.Rule(in.OrganisationID)
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO trust_ratings (round_id, partnership_id, rater_org_id, rated_org_id, openness, reliability, mission,
					power, resources, involvement, intensity, updated_by, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
				r.ID, pid, in.OrganisationID, x.RatedID, x.Openness, x.Reliability, x.Mission, x.Power, x.Resources, x.Involvement,
				rule.Intensity, uid, now); err != nil {
				return err
			}
		}
		if out, err = trustSheet(ctx, tx, pid, r.ID, in.OrganisationID, uid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "trust.rate", "health_round", r.ID, r.Title, nil,
			map[string]any{"organisation_id": in.OrganisationID, "rated": len(in.Ratings)})
	})
	return out, err
}

func containsOrg(cs []pk.OrgChoice, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// TrustSummary is a trust round's aggregate, computed by the trust rules
// from every rating of the round; only the aggregate leaves the store.
func (store *HealthStore) TrustSummary(ctx context.Context, pid, rid string) (*pk.TrustSummary, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewHealth); err != nil {
		return nil, err
	}
	r, err := trustRound(ctx, store.db.read, pid, rid, false)
	if err != nil {
		return nil, err
	}
	orgs, cut, err := memberOrgs(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	ratings, err := collect(func(row rowScanner) (trust.Rating, error) {
		var x trust.Rating
		return x, row.Scan(&x.Rater, &x.Rated, &x.Openness, &x.Reliability, &x.Mission, &x.Power, &x.Resources, &x.Involvement, &x.Intensity)
	})(store.db.read.QueryContext(ctx, `
		SELECT rater_org_id, rated_org_id, openness, reliability, mission, power, resources, involvement, intensity
		FROM trust_ratings WHERE round_id = $1`, r.ID))
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	s := trust.Summarise(ids, ratings)
	out := &pk.TrustSummary{Round: r, Cut: cut, Complete: s.Complete, Incomplete: s.Incomplete, Raters: s.Raters, Shown: s.Shown,
		Trust: s.Trust, Value: s.Value, Intensity: map[string]int{}, Ties: s.Ties, Density: s.Density, Centralisation: s.Centralisation}
	for i, name := range pk.TrustIntensities {
		out.Intensity[name] = s.Intensity[i+1]
	}
	for i, o := range s.Orgs {
		out.Orgs = append(out.Orgs, pk.TrustOrg{ID: o.ID, Name: orgs[i].Name, Raters: o.Raters, Shown: o.Shown, Trust: o.Trust, Value: o.Value})
	}
	if out.Orgs == nil {
		out.Orgs = []pk.TrustOrg{}
	}
	return out, nil
}
