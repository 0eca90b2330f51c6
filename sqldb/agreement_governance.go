package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/charter"
)

// agreementGovernance gathers what the decision-making and roles sections
// say from the charter in force: the bodies with the organisations that
// hold their seats today (an organisation's seat, or the organisation a
// seated person represents in the partnership), each body's own rule, each
// area's body and rule as the charter's rule function answers it, the
// escalation ladder and re-opening. Nil without a charter.
func agreementGovernance(ctx context.Context, db *DB, q queryer, pid, today string) (*agreement.Governance, error) {
	c, err := loadCharter(ctx, db, q, pid)
	if isNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	bodies, err := collect(scanBody)(q.QueryContext(ctx, bodySelect+`WHERE b.partnership_id = $1 ORDER BY b.name, b.id LIMIT $2`, pid, pk.MaxBodies))
	if err != nil {
		return nil, err
	}
	type seatOrg struct{ body, org string }
	orgs, err := collect(func(r rowScanner) (seatOrg, error) {
		var s seatOrg
		return s, r.Scan(&s.body, &s.org)
	})(q.QueryContext(ctx, `
		SELECT DISTINCT s.body_id, o.name FROM body_seats s
		LEFT JOIN partnership_people pp ON pp.partnership_id = s.partnership_id AND pp.user_id = s.user_id
		JOIN organisations o ON o.id = COALESCE(s.organisation_id, pp.organisation_id)
		WHERE s.partnership_id = $1 AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2)
		ORDER BY s.body_id, o.name LIMIT $3`, pid, today, pk.MaxChartSeats))
	if err != nil {
		return nil, err
	}
	g := &agreement.Governance{
		CharterVersion: c.Version, AdoptedOn: c.AdoptedOn,
		Discussion: c.EscalationDiscussion, Mediator: c.EscalationMediator, Arbiter: c.EscalationArbiter,
		ReopenOnNewInformation: c.ReopenOnNewInformation, ReopenShare: c.ReopenShare,
		ReopenOrganisations: c.ReopenOrganisations, ReopenAfterMonths: c.ReopenAfterMonths,
	}
	names := map[string]string{}
	for _, b := range bodies {
		names[b.ID] = b.Name
		gb := agreement.GovernanceBody{Name: b.Name, Kind: b.Kind, Mandate: b.Mandate}
		for _, s := range orgs {
			if s.body == b.ID {
				gb.Organisations = append(gb.Organisations, s.org)
			}
		}
		if r, err := charter.Lookup(c, b.ID, ""); err == nil {
			gb.Rule = decisionRule(r)
		} else if !isNotFound(err) {
			return nil, err
		}
		g.Bodies = append(g.Bodies, gb)
	}
	g.AdoptedBy = names[c.AdoptedByBody]
	for _, a := range c.Areas {
		r, err := charter.Lookup(c, "", a.Area)
		if isNotFound(err) {
			continue // an area whose body lost its rule decides nothing
		} else if err != nil {
			return nil, err
		}
		g.Areas = append(g.Areas, agreement.AreaDecision{Area: a.Area, Body: names[r.BodyID], Rule: decisionRule(r)})
	}
	return g, nil
}

func decisionRule(r pk.Rule) agreement.DecisionRule {
	return agreement.DecisionRule{Method: r.Method, Quorum: r.Quorum, Unit: r.Unit}
}

func isNotFound(err error) bool {
	e, ok := pk.AsError(err)
	return ok && e.Code == pk.ENOTFOUND
}
