package server_test

import (
	"net/url"
	"strings"
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

// A coordinator adds a body from the page; a bad quorum comes back with the
// message and the typed name kept; members are not offered the form.
func TestGovernanceBodyForm(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID + "/governance"
	res := e.do(t, "coordinator", "POST", base+"/bodies", url.Values{"name": {"Monitoring group"}, "kind": {"monitoring_group"}, "quorum": {"half"}})
	prepStatus(t, "bad quorum", res, 422)
	prepBody(t, "bad quorum", res, "field-error", `value="Monitoring group"`)
	prepStatus(t, "add", e.do(t, "coordinator", "POST", base+"/bodies", url.Values{"name": {"Monitoring group"}, "kind": {"monitoring_group"}, "quorum": {"0,5"}}), 303)
	prepBody(t, "listed", e.do(t, "observer", "GET", base, nil), "Monitoring group")
	prepStatus(t, "member", e.do(t, "member", "POST", base+"/bodies", url.Values{"name": {"Mine"}, "kind": {"custom"}}), 403)
	if strings.Contains(e.do(t, "member", "GET", base, nil).Body, `action="`+base+`/bodies"`) {
		t.Fatal("members are offered the form")
	}
}

// A coordinator seats a member organisation from the body's page; a seat
// with no start date comes back with the message.
func TestGovernanceSeatForm(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	page := "/p/" + e.Partnership.ID + "/governance/bodies/" + g.Group.ID
	prepBody(t, "form", e.do(t, "coordinator", "GET", page, nil), `value="o:`+e.Org.ID+`"`, `value="u:`+e.Member.ID+`"`)
	res := e.do(t, "coordinator", "POST", page+"/seats", url.Values{"holder": {"o:" + e.Org.ID}, "position": {"member"}})
	prepStatus(t, "no date", res, 422)
	prepBody(t, "no date", res, "field-error")
	prepStatus(t, "seat", e.do(t, "coordinator", "POST", page+"/seats", url.Values{"holder": {"o:" + e.Org.ID}, "position": {"member"}, "from": {"2026-02-01"}}), 303)
	prepBody(t, "seated", e.do(t, "observer", "GET", page, nil), e.Org.Name, "2026-02-01")
	prepStatus(t, "observer", e.do(t, "observer", "POST", page+"/seats", url.Values{"holder": {"o:" + e.Org.ID}, "position": {"member"}, "from": {"2026-02-01"}}), 403)
}
