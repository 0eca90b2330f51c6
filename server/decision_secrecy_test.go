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
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A secret proposal's ballots, read back through every GET route of the
// API as the coordinator and as each voter (the account export and the
// partnership archive among them): no answer holds an object that names
// one voter beside that voter's choice or reason.
func TestSecretBallotsStaySecretThroughTheAPI(t *testing.T) {
	t.Parallel()
	for _, engine := range sqldbtest.Engines() {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, sqldbtest.OpenWorld(t, engine))
			db, pid := e.DB, e.Partnership.ID
			body, err := db.Bodies.CreateBody(e.Coordinator.Ctx, pid, pk.BodyInput{Name: "Election committee", Kind: pk.BodyCustom})
			if err != nil {
				t.Fatal(err)
			}
			c := e.Governance().Charter
			in := pk.CharterInput{Version: c.Version, AdoptedOn: "2026-03-01", AdoptedByBody: c.AdoptedByBody, Areas: c.Areas,
				CharterText: c.CharterText, Rules: append(c.Rules, pk.BodyRule{BodyID: body.ID, Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitPerson})}
			if _, err := db.Charter.AdoptCharter(e.Coordinator.Ctx, pid, in); err != nil {
				t.Fatal(err)
			}
			voters := e.AddVoters(t, body.ID, 5, false)
			closes := e.Clock.Now().Add(48 * time.Hour).Format(time.RFC3339)
			res := e.do(t, "coordinator", "POST", "/api/v1/partnerships/"+pid+"/proposals",
				`{"title":"Elect the treasurer","text":"Amina as treasurer.","body_id":"`+body.ID+`","secret":true,"closes_at":"`+closes+`"}`)
			if res.Status != http.StatusCreated {
				t.Fatalf("create: %d %s", res.Status, res.Body)
			}
			var p pk.Proposal
			json.Unmarshal([]byte(res.Body), &p)
			choices := []string{"endorse", "agree_minor", "support_reservations", "dislike_support", "more_discussion"}
			type vote struct{ id, token, choice, reason string }
			var votes []vote
			for i, v := range voters {
				tok, err := db.Accounts.CreateToken(v.Ctx, "test")
				if err != nil {
					t.Fatal(err)
				}
				x := vote{id: v.ID, token: tok.Secret, choice: choices[i], reason: fmt.Sprintf("reason-%d-of-this-voter", i)}
				res := e.doToken(t, x.token, "POST", "/api/v1/partnerships/"+pid+"/proposals/"+p.ID+"/ballots",
					`{"choice":"`+x.choice+`","reason":"`+x.reason+`"}`)
				if res.Status != http.StatusOK || !strings.Contains(res.Body, `"has_voted":true`) || !strings.Contains(res.Body, `"tally":null`) {
					t.Fatalf("vote: %d %s", res.Status, res.Body)
				}
				votes = append(votes, x)
			}
			res = e.do(t, "coordinator", "POST", "/api/v1/partnerships/"+pid+"/proposals/"+p.ID+"/close", `{}`)
			if res.Status != http.StatusOK || !strings.Contains(res.Body, `"status":"closed"`) || !strings.Contains(res.Body, `"ballots_cast":5`) {
				t.Fatalf("close: %d %s", res.Status, res.Body)
			}
			json.Unmarshal([]byte(res.Body), &p)
			e.Params["propid"], e.Params["decid"] = p.ID, p.DecisionID

			check := func(where, text string) {
				t.Helper()
				var doc any
				if json.Unmarshal([]byte(text), &doc) != nil {
					return
				}
				var walk func(x any) []string
				walk = func(x any) []string {
					var texts []string
					switch y := x.(type) {
					case map[string]any:
						for k, c := range y {
							texts = append(texts, k)
							texts = append(texts, walk(c)...)
						}
						all := strings.Join(texts, "\x00")
						named := 0
						for _, v := range votes {
							if strings.Contains(all, v.id) {
								named++
							}
						}
						for _, v := range votes {
							if named == 1 && strings.Contains(all, v.id) && (strings.Contains(all, v.reason) || containsText(texts, v.choice) ||
								strings.Contains(all, `"`+v.choice+`"`)) {
								t.Errorf("%s: voter %s beside their ballot: %.300v", where, v.id, y)
							}
						}
					case []any:
						for _, c := range y {
							texts = append(texts, walk(c)...)
						}
					case string:
						texts = append(texts, y)
					}
					return texts
				}
				walk(doc)
			}
			routes := 0
			for _, rt := range e.Srv.Router.Routes() {
				if !rt.API || rt.Method != "GET" || !strings.HasPrefix(rt.Pattern, "/api/v1/") {
					continue
				}
				path, _ := fill(t, rt.Pattern, e.Params)
				routes++
				askers := []string{e.tokens["coordinator"]}
				for _, v := range votes {
					askers = append(askers, v.token)
				}
				for _, tok := range askers {
					res := e.doToken(t, tok, "GET", path, nil)
					if res.Status >= 500 {
						t.Errorf("%s: %d", path, res.Status)
					}
					if strings.HasPrefix(res.Header.Get("Content-Type"), "application/zip") {
						zr, err := zip.NewReader(bytes.NewReader([]byte(res.Body)), int64(len(res.Body)))
						if err != nil {
							t.Fatal(err)
						}
						for _, f := range zr.File {
							rc, _ := f.Open()
							b, _ := io.ReadAll(rc)
							rc.Close()
							check(path+" "+f.Name, string(b))
						}
						continue
					}
					check(path, res.Body)
				}
			}
			if routes < 40 {
				t.Fatalf("walked only %d GET routes", routes)
			}
			// The answer after close carries the tally, and nobody's name.
			res = e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+pid+"/proposals/"+p.ID, nil)
			if !strings.Contains(res.Body, `"outcome":`) || !strings.Contains(res.Body, `"choice":"endorse","n":1`) {
				t.Fatalf("closed secret proposal: %s", res.Body)
			}
		})
	}
}

func containsText(texts []string, s string) bool {
	for _, t := range texts {
		if t == s {
			return true
		}
	}
	return false
}

// doToken sends an API request with a bearer token of one's own.
func (e *env) doToken(t testing.TB, token, method, path string, body any) response {
	t.Helper()
	var rd io.Reader
	if s, ok := body.(string); ok {
		rd = strings.NewReader(s)
	}
	req, err := http.NewRequest(method, e.HTTP.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}
