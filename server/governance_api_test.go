package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Every governance route through HTTP: who may read and write, the codes,
// and the rule answer in the shape the decisions module will read.
func TestGovernanceAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	base := "/api/v1/partnerships/" + e.Partnership.ID
	body := base + "/bodies/" + g.Committee.ID

	prepStatus(t, "observer lists bodies", e.do(t, "observer", "GET", base+"/bodies", nil), 200)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", base+"/bodies", nil), 404)
	prepStatus(t, "member may not add", e.do(t, "member", "POST", base+"/bodies", `{"name":"Mine","kind":"custom"}`), 403)
	res := e.do(t, "coordinator", "POST", base+"/bodies", `{"name":"Monitoring group","kind":"monitoring_group","quorum":0.6,"parent_id":"`+g.Committee.ID+`"}`)
	prepStatus(t, "add", res, 201)
	var b pk.Body
	json.Unmarshal([]byte(res.Body), &b)
	if b.Quorum != 0.6 || b.ParentName != g.Committee.Name {
		t.Fatalf("added %+v", b)
	}
	prepStatus(t, "bad kind", e.do(t, "coordinator", "POST", base+"/bodies", `{"name":"X","kind":"cabal"}`), 422)
	prepStatus(t, "quorum past one", e.do(t, "coordinator", "POST", base+"/bodies", `{"name":"X","kind":"custom","quorum":3}`), 422)
	prepStatus(t, "one body", e.do(t, "observer", "GET", body, nil), 200)
	prepStatus(t, "no such body", e.do(t, "observer", "GET", base+"/bodies/nope", nil), 404)
	prepStatus(t, "patch", e.do(t, "coordinator", "PATCH", body, `{"cadence":"monthly"}`, "If-Match", "1"), 200)
	prepStatus(t, "stale patch", e.do(t, "coordinator", "PATCH", body, `{"cadence":"weekly"}`, "If-Match", "1"), 409)

	prepStatus(t, "seats", e.do(t, "observer", "GET", body+"/seats", nil), 200)
	prepStatus(t, "seat", e.do(t, "coordinator", "POST", body+"/seats", `{"organisation_id":"`+e.Org.ID+`","position":"vice_chair","from":"2026-02-01"}`), 201)
	prepStatus(t, "seat for nobody", e.do(t, "coordinator", "POST", body+"/seats", `{"position":"member","from":"2026-02-01"}`), 422)
	res = e.do(t, "coordinator", "PATCH", body+"/seats/"+g.Seat.ID, `{"until":"2026-02-28"}`, "If-Match", "1")
	prepStatus(t, "end a seat", res, 200)
	prepBody(t, "end a seat", res, `"until":"2026-02-28"`, `"user_id":"`+e.Member.ID+`"`)
	prepStatus(t, "seat of another body", e.do(t, "coordinator", "PATCH", base+"/bodies/"+g.Group.ID+"/seats/"+g.Seat.ID, `{"until":"2026-02-28"}`, "If-Match", "2"), 404)

	res = e.do(t, "observer", "GET", base+"/charter", nil)
	prepStatus(t, "charter", res, 200)
	var c pk.Charter
	json.Unmarshal([]byte(res.Body), &c)
	if c.Version != 1 || len(c.Areas) != 4 {
		t.Fatalf("charter %+v", c)
	}
	prepStatus(t, "versions", e.do(t, "observer", "GET", base+"/charter/versions", nil), 200)
	res = e.do(t, "observer", "GET", base+"/charter/rule?body="+g.Group.ID+"&area=agreement_changes", nil)
	prepStatus(t, "rule", res, 200)
	var rule map[string]any
	json.Unmarshal([]byte(res.Body), &rule)
	if rule["body_id"] != g.Committee.ID || rule["method"] != "two_thirds" || rule["unit"] != "organisation" || rule["quorum"] != 2.0/3 || len(rule) != 4 {
		t.Fatalf("rule %v", rule)
	}
	prepStatus(t, "rule for an unknown area", e.do(t, "observer", "GET", base+"/charter/rule?area=lunch", nil), 404)
	prepBody(t, "rule without a question", e.do(t, "observer", "GET", base+"/charter/rule", nil), `"body_id":"`+g.Committee.ID+`"`, `"method":"gradients"`)

	// A new version: the areas rewritten whole; one area with no body and
	// one claimed twice are refused.
	areas, _ := json.Marshal(c.Areas)
	rules, _ := json.Marshal(c.Rules)
	put := func(version, areas string) string {
		return `{"version":` + version + `,"adopted_on":"2026-03-01","adopted_by_body_id":"` + g.Committee.ID + `","rules":` + string(rules) + `,"areas":` + areas + `}`
	}
	prepStatus(t, "observer may not adopt", e.do(t, "observer", "PUT", base+"/charter", put("1", string(areas))), 403)
	prepStatus(t, "stale", e.do(t, "coordinator", "PUT", base+"/charter", put("0", string(areas))), 409)
	twice := strings.TrimSuffix(string(areas), "]") + `,{"area":"budget","body_id":"` + g.Group.ID + `","method":"consent","unit":"person"}]`
	res = e.do(t, "coordinator", "PUT", base+"/charter", put("1", twice))
	prepStatus(t, "claimed twice", res, 422)
	prepBody(t, "claimed twice", res, "areas.4.area")
	noBody := strings.Replace(string(areas), `"body_id":"`+g.Committee.ID+`"`, `"body_id":""`, 1)
	prepStatus(t, "no body", e.do(t, "coordinator", "PUT", base+"/charter", put("1", noBody)), 422)
	res = e.do(t, "coordinator", "PUT", base+"/charter", put("1", string(areas)))
	prepStatus(t, "new version", res, 200)
	prepBody(t, "new version", res, `"version":2`)
}
