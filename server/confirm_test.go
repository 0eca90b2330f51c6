package server_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// destructive are the last path segments of page forms that destroy or
// take away something; each must ask before it acts.
var destructive = map[string]bool{"delete": true, "remove": true, "revoke": true, "leave": true, "merge": true, "empty": true, "archive": true}

// confirmAs is who posts a destructive form in these tests: someone whose
// role allows it (organisation forms belong to the member's organisation).
func confirmAs(pattern string) string {
	if strings.HasPrefix(pattern, "/organisations/") {
		return "member"
	}
	return "coordinator"
}

// snapshot reads every page of the world a coordinator or the member
// sees, to tell whether anything changed.
func snapshot(t *testing.T, e *env) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rt := range e.Srv.Router.Routes() {
		if rt.API || rt.Method != "GET" || rt.Pattern == "/static/" || rt.Pattern == "/healthz" {
			continue
		}
		path, dummy := fill(t, rt.Pattern, e.Params)
		if dummy {
			continue
		}
		role := confirmAs(rt.Pattern)
		out[role+" "+path] = e.do(t, role, "GET", path, nil).Body
	}
	return out
}

// Every destructive form on a page, posted without confirm=yes, changes
// nothing and answers with a page that asks the question and posts the
// same fields back with confirm=yes. A route added later is found by its
// name, so it cannot forget to ask.
func TestDestructiveFormsAskFirst(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	before := snapshot(t, e)
	asked := 0
	for _, rt := range e.Srv.Router.Routes() {
		seg := rt.Pattern[strings.LastIndex(rt.Pattern, "/")+1:]
		if rt.API || rt.Method != "POST" || !destructive[seg] {
			continue
		}
		asked++
		path, _ := fill(t, rt.Pattern, e.Params)
		dup := e.Actors().Org.ID
		res := e.do(t, confirmAs(rt.Pattern), "POST", path, url.Values{"version": {"1"}, "duplicate": {dup}})
		if res.Status != http.StatusOK {
			t.Errorf("%s without confirm=yes: %d, want the confirmation page", rt.Pattern, res.Status)
			continue
		}
		for _, want := range []string{`<h1>Please confirm</h1>`, `action="` + path + `"`, `name="confirm" value="yes"`,
			`name="version" value="1"`, `name="duplicate" value="` + dup + `"`} {
			if !strings.Contains(res.Body, want) {
				t.Errorf("%s: the confirmation page lacks %s", rt.Pattern, want)
			}
		}
	}
	if asked < 17 {
		t.Fatalf("found %d destructive page forms, want every one of the 17 known", asked)
	}
	after := snapshot(t, e)
	for k, b := range before {
		if after[k] != b {
			t.Errorf("%s changed after posts without confirm=yes", k)
		}
	}
}

// The confirmation page repeats the question in the asker's language,
// names what it is about, and says where it goes.
func TestConfirmationPageSaysWhatHappens(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, f := e.Partnership.ID, e.Actors()
	res := e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID+"/delete", url.Values{"version": {"1"}})
	for _, want := range []string{"Delete this actor with its relationships", sqldbtest.ActorName, "goes to the partnership&#39;s bin",
		`href="/p/` + pid + `/actors/` + f.Actor.ID + `"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("actor delete confirmation lacks %q", want)
		}
	}
	res = e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID+"/delete", url.Values{"version": {"1"}}, "Accept-Language", "fr")
	if !strings.Contains(res.Body, "Veuillez confirmer") {
		t.Error("the confirmation page is not in the asker's language")
	}
	// A merge without a chosen duplicate destroys nothing: the form says
	// what is missing instead of asking.
	res = e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID+"/merge", url.Values{})
	if res.Status != http.StatusUnprocessableEntity {
		t.Errorf("merge without a duplicate: %d, want 422", res.Status)
	}
}

// With confirm=yes each destructive form does what it says.
func TestDestructiveFormsActWhenConfirmed(t *testing.T) {
	yes := func(v url.Values) url.Values { v.Set("confirm", "yes"); return v }
	version := func(n int) url.Values { return url.Values{"version": {strconv.Itoa(n)}} }
	for _, c := range []struct {
		name, role string
		path       func(e *env) string
		form       func(e *env) url.Values
		gone       func(e *env) error
		flash      string
	}{
		{"actor by a coordinator", "coordinator",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/actors/" + e.Actors().Actor.ID + "/delete" },
			func(e *env) url.Values { return version(e.Actors().Actor.Version) },
			func(e *env) error {
				_, err := e.DB.Actors.Actor(e.Coordinator.Ctx, e.Partnership.ID, e.Actors().Actor.ID)
				return err
			},
			"flash.actor_binned"},
		{"actor by a member", "member",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/actors/" + e.Actors().Actor.ID + "/delete" },
			func(e *env) url.Values { return version(e.Actors().Actor.Version) },
			func(e *env) error {
				_, err := e.DB.Actors.Actor(e.Coordinator.Ctx, e.Partnership.ID, e.Actors().Actor.ID)
				return err
			},
			"flash.actor_binned_ask"},
		{"merge", "member",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/actors/" + e.Actors().Actor.ID + "/merge" },
			func(e *env) url.Values { return url.Values{"duplicate": {e.Actors().Org.ID}} },
			func(e *env) error {
				_, err := e.DB.Actors.Actor(e.Coordinator.Ctx, e.Partnership.ID, e.Actors().Org.ID)
				return err
			},
			"flash.merge_binned_ask"},
		{"relationship", "member",
			func(e *env) string {
				return "/p/" + e.Partnership.ID + "/relationships/" + e.Actors().Relationship.ID + "/delete"
			},
			func(e *env) url.Values { return version(e.Actors().Relationship.Version) },
			func(e *env) error {
				_, err := e.DB.Actors.Relationship(e.Coordinator.Ctx, e.Partnership.ID, e.Actors().Relationship.ID)
				return err
			},
			"flash.relationship_binned_ask"},
		{"map", "coordinator",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/maps/" + e.Maps().Map.ID + "/delete" },
			func(e *env) url.Values {
				m, _ := e.DB.Maps.Map(e.Coordinator.Ctx, e.Partnership.ID, e.Maps().Map.ID)
				return version(m.Version)
			},
			func(e *env) error {
				_, err := e.DB.Maps.Map(e.Coordinator.Ctx, e.Partnership.ID, e.Maps().Map.ID)
				return err
			},
			"flash.map_binned"},
		{"tactic", "member",
			func(e *env) string {
				return "/p/" + e.Partnership.ID + "/maps/" + e.Maps().Map.ID + "/tactics/" + e.Maps().Tactic.ID + "/delete"
			},
			func(e *env) url.Values { return version(e.Maps().Tactic.Version) },
			func(e *env) error {
				_, err := e.DB.Maps.Tactic(e.Coordinator.Ctx, e.Partnership.ID, e.Maps().Map.ID, e.Maps().Tactic.ID)
				return err
			},
			"flash.tactic_deleted"},
		{"prospect", "member",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/prospects/" + e.Params["prid"] + "/delete" },
			func(e *env) url.Values {
				x, _ := e.DB.Prospects.Prospect(e.Coordinator.Ctx, e.Partnership.ID, e.Params["prid"])
				return version(x.Version)
			},
			func(e *env) error {
				_, err := e.DB.Prospects.Prospect(e.Coordinator.Ctx, e.Partnership.ID, e.Params["prid"])
				return err
			},
			"flash.prospect_deleted"},
		{"bin item", "coordinator",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/bin/" + e.Bin().Item.ID + "/delete" },
			func(e *env) url.Values { return url.Values{} },
			func(e *env) error {
				_, err := e.DB.Bin.BinItem(e.Coordinator.Ctx, e.Partnership.ID, e.Bin().Item.ID)
				return err
			},
			"flash.bin_purged"},
		{"bin", "coordinator",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/bin/empty" },
			func(e *env) url.Values { return url.Values{} },
			func(e *env) error {
				_, err := e.DB.Bin.BinItem(e.Coordinator.Ctx, e.Partnership.ID, e.Bin().Item.ID)
				return err
			},
			"flash.bin_emptied"},
		{"invitation", "coordinator",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/invitations/" + e.Invitation.ID + "/revoke" },
			func(e *env) url.Values { return url.Values{} },
			func(e *env) error {
				xs, err := e.DB.Members.Invitations(e.Coordinator.Ctx, e.Partnership.ID)
				for _, x := range xs {
					if x.ID == e.Invitation.ID && x.Status == "pending" {
						return nil
					}
				}
				if err != nil {
					return err
				}
				return pk.NotFound()
			},
			"flash.invitation_revoked"},
		{"leaving", "observer",
			func(e *env) string { return "/p/" + e.Partnership.ID + "/leave" },
			func(e *env) url.Values { return url.Values{} },
			func(e *env) error {
				_, err := e.DB.Partnerships.Partnership(e.Observer.Ctx, e.Partnership.ID)
				return err
			},
			"flash.left"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
			res := e.do(t, c.role, "POST", c.path(e), yes(c.form(e)))
			if res.Status != http.StatusSeeOther {
				t.Fatalf("confirmed: %d, want 303 (%s)", res.Status, res.Body)
			}
			if loc := res.Header.Get("Location"); !strings.Contains(loc, "flash="+c.flash) {
				t.Errorf("redirect to %s, want the flash %s", loc, c.flash)
			}
			if err := c.gone(e); pk.ErrorCode(err) != pk.ENOTFOUND {
				t.Errorf("after the confirmed form: %v, want it gone", err)
			}
		})
	}
}
