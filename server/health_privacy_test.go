package server_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// No route, export or audit entry gives anyone another person's health
// ratings or another organisation's trust ratings. Five people rate (the
// world's coordinator and member, and three more, each for an organisation
// of their own), each with a comment of their own; then every GET route of
// the pages and the API is read as each of them and as the observer. A
// comment may appear only on a round's results (without names) and on its
// author's own ratings; a trust rating row only in the asker's own
// organisation's sheet; the audit log holds neither.
func TestNoRatingLeaksThroughAnyRoute(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	db, pid, f := e.DB, e.Partnership.ID, e.Health()
	type rater struct {
		id, name, token, org, comment, role string
	}
	raters := []rater{
		{id: e.Coordinator.ID, name: e.Coordinator.Name, token: e.tokens["coordinator"], org: e.Org.ID, comment: "Ideas flow; money less so.", role: "coordinator"},
		{id: e.Member.ID, name: e.Member.Name, token: e.tokens["member"], org: e.MemberOrg.ID, comment: "The same voices decide.", role: "member"},
	}
	for i, v := range e.AddVoters(t, e.Governance().Committee.ID, 3, true) {
		tok, err := db.Accounts.CreateToken(v.Ctx, "test")
		if err != nil {
			t.Fatal(err)
		}
		sheet, err := db.Health.TrustSheet(v.Ctx, pid, "", "")
		if err != nil {
			t.Fatal(err)
		}
		r := rater{id: v.ID, name: v.Name, token: tok.Secret, org: sheet.OrganisationID, comment: fmt.Sprintf("comment-of-voter-%d", i)}
		if _, err := db.Health.RateHealth(v.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{
			{Item: "sharing", Score: 1 + i, Comment: r.comment}, {Item: "equal_opportunity", Score: 2}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Health.RateTrust(v.Ctx, pid, pk.TrustRatingInput{OrganisationID: r.org, Ratings: []pk.TrustRating{
			{RatedID: e.Org.ID, Openness: 1 + i, Reliability: 2, Mission: 3, Power: 4, Resources: 1, Involvement: 2, Intensity: "awareness"}}}); err != nil {
			t.Fatal(err)
		}
		raters = append(raters, r)
	}
	results := map[string]bool{"/api/v1/partnerships/" + pid + "/health/rounds/" + f.Round.ID: true, "/p/" + pid + "/health/rounds/" + f.Round.ID: true}
	own := map[string]bool{"/api/v1/partnerships/" + pid + "/health/rounds/" + f.Round.ID + "/ratings": true,
		"/p/" + pid + "/health/rounds/" + f.Round.ID + "/rate": true}
	trustSheet := map[string]bool{"/api/v1/partnerships/" + pid + "/trust": true, "/p/" + pid + "/trust": true}

	check := func(path string, asker *rater, body string) {
		t.Helper()
		who := "observer"
		if asker != nil {
			who = asker.name
		}
		for _, r := range raters {
			if !strings.Contains(body, r.comment) && !strings.Contains(body, jsonText(r.comment)) {
				continue
			}
			switch {
			case results[path]:
			case own[path] && asker != nil && asker.id == r.id:
			default:
				t.Errorf("%s as %s: %s's comment", path, who, r.name)
			}
		}
		if results[path] {
			for _, r := range raters {
				if (asker == nil || r.id != asker.id) && (strings.Contains(body, r.id) || strings.Contains(body, r.name)) {
					t.Errorf("%s as %s names rater %s", path, who, r.name)
				}
			}
		}
		// (The OpenAPI document describes the field; it holds no rating.)
		if strings.HasPrefix(path, "/api/") && path != "/api/v1/openapi.json" && strings.Contains(body, `"openness"`) {
			var sheet struct {
				OrganisationID string `json:"organisation_id"`
			}
			json.Unmarshal([]byte(body), &sheet)
			if !trustSheet[path] || asker == nil || sheet.OrganisationID != asker.org {
				t.Errorf("%s as %s: trust ratings of %s", path, who, sheet.OrganisationID)
			}
		}
		if strings.Contains(path, "/audit") && (strings.Contains(body, "score") || strings.Contains(body, "openness")) {
			t.Errorf("%s as %s: ratings in the audit log", path, who)
		}
	}
	read := func(path string, asker *rater, res response) {
		t.Helper()
		if res.Status >= 500 {
			t.Errorf("%s: %d", path, res.Status)
		}
		if strings.HasPrefix(res.Header.Get("Content-Type"), "application/zip") {
			zr, err := zip.NewReader(bytes.NewReader([]byte(res.Body)), int64(len(res.Body)))
			if err != nil {
				t.Fatal(err)
			}
			for _, zf := range zr.File {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				check(path+" "+zf.Name, asker, string(b))
			}
			return
		}
		check(path, asker, res.Body)
	}
	routes := 0
	for _, rt := range e.Srv.Router.Routes() {
		if rt.Method != "GET" || rt.Pattern == "/static/" {
			continue
		}
		path, _ := fill(t, rt.Pattern, e.Params)
		routes++
		if rt.API {
			for i := range raters {
				read(path, &raters[i], e.doToken(t, raters[i].token, "GET", path, nil))
			}
			read(path, nil, e.do(t, "observer", "GET", path, nil))
			continue
		}
		read(path, &raters[0], e.do(t, "coordinator", "GET", path, nil))
		read(path, &raters[1], e.do(t, "member", "GET", path, nil))
		read(path, nil, e.do(t, "observer", "GET", path, nil))
	}
	if routes < 100 {
		t.Fatalf("walked only %d GET routes", routes)
	}
	// The results do show the comments and the aggregate (5 raters).
	res := e.do(t, "observer", "GET", "/api/v1/partnerships/"+pid+"/health/rounds/"+f.Round.ID, nil)
	if res.Status != http.StatusForbidden {
		t.Errorf("observer reads the results: %d", res.Status)
	}
	res = e.do(t, "member", "GET", "/api/v1/partnerships/"+pid+"/health/rounds/"+f.Round.ID, nil)
	if !strings.Contains(res.Body, "comment-of-voter-2") || !strings.Contains(res.Body, `"raters":5,"mean":2.4`) {
		t.Errorf("results: %s", res.Body)
	}
	// Another organisation's sheet is refused, not shown.
	res = e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+pid+"/trust?organisation="+e.MemberOrg.ID, nil)
	if res.Status != http.StatusUnprocessableEntity {
		t.Errorf("another organisation's sheet: %d %s", res.Status, res.Body)
	}
}

// jsonText is s as it appears inside a JSON string.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}
