package server_test

import (
	"encoding/json"
	pk "github.com/partnerkit/partnerkit"
	"net/http"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The network page's picture is drawn once per version of the network and
// language: the coordinator's (with the sensitive actor) is never shown
// to a member, and a new tie shows in the next picture.
func TestNetworkPictureKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		page := "/p/" + f.PID + "/network"
		picture := func(role string, header ...string) string {
			t.Helper()
			res := e.do(t, role, "GET", page, nil, header...)
			if res.Status != 200 {
				t.Fatalf("%s: %d", role, res.Status)
			}
			b := res.Body[strings.Index(res.Body, `<figure`):] // the picture, not the icons
			return b[strings.Index(b, "<svg"):strings.Index(b, "</svg>")]
		}
		for range 2 { // drawn, then found
			if !strings.Contains(picture("coordinator"), f.Secret) {
				t.Fatal("the coordinator's picture lacks the sensitive actor")
			}
			if strings.Contains(picture("member"), f.Secret) {
				t.Fatal("the member is shown the coordinator's picture")
			}
		}
		if en, ar := picture("member", "Accept-Language", "en"), picture("member", "Accept-Language", "ar"); en == ar {
			t.Error("the Arabic page shows the English picture")
		}
		before := strings.Count(picture("member"), "<line")
		tieLonerToChoir(t, e, f)
		if after := strings.Count(picture("member"), "<line"); after != before+1 {
			t.Errorf("ties drawn: %d before the new tie, %d after", before, after)
		}
	})
}

// The network's JSON answer is kept per version, language and query: a
// coordinator's, with the sensitive actor, never reaches a member, each
// query gets its own page, and a new tie shows in the next answer.
func TestNetworkAnswerKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		api := "/api/v1/partnerships/" + f.PID + "/network"
		answer := func(role, query string) netJSON {
			t.Helper()
			var out netJSON
			for range 2 { // encoded, then found
				res := e.do(t, role, "GET", api+query, nil, "Accept-Encoding", "gzip")
				if res.Status != 200 {
					t.Fatalf("%s %s: %d %s", role, query, res.Status, res.Body)
				}
				if err := json.Unmarshal([]byte(decoded(t, res)), &out); err != nil {
					t.Fatal(err)
				}
			}
			return out
		}
		has := func(a netJSON, id string) bool {
			for _, x := range a.Actors {
				if x.ID == id {
					return true
				}
			}
			return false
		}
		if !has(answer("coordinator", "?limit=200"), f.SecretID) {
			t.Fatal("the coordinator's answer lacks the sensitive actor")
		}
		if has(answer("member", "?limit=200"), f.SecretID) {
			t.Fatal("the member is given the coordinator's answer")
		}
		first, last := answer("member", "?sort=name&order=asc&limit=2"), answer("member", "?sort=name&order=desc&limit=2")
		if len(first.Actors) != 2 || len(last.Actors) != 2 || first.Actors[0].ID == last.Actors[0].ID {
			t.Errorf("two queries, one answer: %+v %+v", first.Actors, last.Actors)
		}
		before := answer("member", "").Edges
		tieLonerToChoir(t, e, f)
		if after := answer("member", "").Edges; after != before+1 {
			t.Errorf("ties: %d before the new tie, %d after", before, after)
		}
	})
}

// The network page's body (figures, people, table, exports) is kept per
// version of the network, query and language: a coordinator's table, with
// the sensitive actor, never reaches a member, each order gets its own
// table, a new tie shows in the next figures, and an empty network offers
// to add an actor.
func TestNetworkBodyKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		page := "/p/" + f.PID + "/network"
		body := func(role, query string, header ...string) string {
			t.Helper()
			var out string
			for range 2 { // drawn, then found
				res := e.do(t, role, "GET", page+query, nil, header...)
				if res.Status != 200 {
					t.Fatalf("%s %s: %d", role, query, res.Status)
				}
				b := res.Body[strings.Index(res.Body, `id="net-figures-h"`):]
				if out != "" && b != out {
					t.Fatalf("%s %s: the kept body differs from the drawn one", role, query)
				}
				out = b
			}
			return out
		}
		table := func(b string) string { return b[strings.Index(b, "<tbody>"):strings.Index(b, "</tbody>")] }
		if !strings.Contains(table(body("coordinator", "")), f.Secret) {
			t.Fatal("the coordinator's table lacks the sensitive actor")
		}
		if strings.Contains(body("member", ""), f.Secret) {
			t.Fatal("the member is shown the coordinator's table")
		}
		if en, ar := body("member", "", "Accept-Language", "en"), body("member", "", "Accept-Language", "ar"); en == ar {
			t.Error("the Arabic page shows the English body")
		}
		asc, desc := table(body("member", "?sort=name&order=asc")), table(body("member", "?sort=name&order=desc"))
		if strings.Index(asc, sqldbtest.NetAmina) > strings.Index(asc, sqldbtest.NetLoner) ||
			strings.Index(desc, sqldbtest.NetAmina) < strings.Index(desc, sqldbtest.NetLoner) {
			t.Error("both orders show one table")
		}
		ties := func() string {
			b := body("member", "")
			b = b[strings.Index(b, `<span class="num">`)+len(`<span class="num">`):]
			b = b[strings.Index(b, `<span class="num">`)+len(`<span class="num">`):]
			return b[:strings.Index(b, "<")]
		}
		before := ties()
		tieLonerToChoir(t, e, f)
		if after := ties(); after == before {
			t.Errorf("ties: %s before the new tie and after", before)
		}

		// A cursor that is not one is refused each time: a refusal is
		// never kept.
		for _, query := range []string{"?cursor=not-a-cursor", "?crossers=-1", "?cursor=not-a-cursor"} {
			if res := e.do(t, "member", "GET", page+query, nil); res.Status < 400 || res.Status >= 500 {
				t.Errorf("%s: %d, want a refusal", query, res.Status)
			}
		}

		// An empty network offers to add an actor (everyone who may see
		// the network may add one).
		p, err := w.DB.Partnerships.CreatePartnership(w.Coordinator.Ctx, pk.PartnershipInput{Name: "Empty network", Purpose: "Nobody mapped yet."})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			res := e.do(t, "coordinator", "GET", "/p/"+p.ID+"/network", nil)
			if res.Status != 200 || !strings.Contains(res.Body, `href="/p/`+p.ID+`/actors/new"`) {
				t.Errorf("empty network: %d, no offer to add an actor", res.Status)
			}
		}
	})
}

// tieLonerToChoir has the member tie the lone volunteer to the choir
// through the API: a change to the network's shape.
func tieLonerToChoir(t *testing.T, e *env, f *sqldbtest.NetworkFixture) {
	t.Helper()
	rel := "/api/v1/partnerships/" + f.PID + "/relationships"
	body := `{"from":"` + f.IDs[sqldbtest.NetLoner] + `","to":"` + f.IDs[sqldbtest.NetChoir] + `","type":"cooperates_with"}`
	if res := e.do(t, "member", "POST", rel, body); res.Status != http.StatusCreated {
		t.Fatalf("new tie: %d %s", res.Status, res.Body)
	}
}
