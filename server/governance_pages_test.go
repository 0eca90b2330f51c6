package server_test

import (
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The governance pages: observers read them; the chart sits beside a table
// that marks the member sitting in two bodies; a body shows its ended seats.
func TestGovernancePages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	base := "/p/" + e.Partnership.ID + "/governance"
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "bodies", res, 200)
	prepBody(t, "bodies", res, "<svg", g.Committee.Name, g.Group.Name, e.Member.Name, "in several bodies")
	res = e.do(t, "observer", "GET", base+"/bodies/"+g.Committee.ID, nil)
	prepStatus(t, "body", res, 200)
	prepBody(t, "body", res, g.Ended.From, g.Ended.Until, "Secretary", "Chair")
	res = e.do(t, "observer", "GET", base+"/charter", nil)
	prepStatus(t, "charter", res, 200)
	prepBody(t, "charter", res, "Two-thirds majority", "Tell the trusted person")
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", base, nil), 404)
	prepStatus(t, "other body", e.do(t, "observer", "GET", base+"/bodies/nope", nil), 404)
	res = e.do(t, "observer", "GET", "/p/"+e.Other.ID+"/governance", nil)
	prepStatus(t, "another partnership", res, 404)
}
