package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// dummyParams are path parameters a route takes that no fixture can fill
// meaningfully (secrets of links, other people's sessions); such routes are
// only checked for access, not for success.
var dummyParams = map[string]string{"token": "i_not-a-real-token", "sid": "no-such-session", "tid": "no-such-token"}

func fill(t *testing.T, pattern string, params map[string]string) (string, bool) {
	t.Helper()
	path := pattern
	dummy := false
	for _, p := range httpx.PathParams(pattern) {
		v, ok := params[p]
		if !ok {
			v, ok = dummyParams[p]
			dummy = true
		}
		if !ok {
			t.Fatalf("%s: no test fixture for {%s}; add one to the test world's Params", pattern, p)
		}
		path = strings.Replace(path, "{"+p+"}", url.PathEscape(v), 1)
	}
	return strings.TrimSuffix(path, "{$}"), dummy
}

// TestPermissionMatrix walks every registered route as nobody, an outsider,
// an observer, a member and a coordinator, each on a fresh world (writes
// must not leak into the next check), and checks the answer against the
// route's declared access: outsiders get 404 for anything in a partnership,
// roles below the route's get 403, the others get through, nobody gets 5xx.
func TestPermissionMatrix(t *testing.T) {
	t.Parallel()
	probe := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, rt := range probe.Srv.Router.Routes() {
		if rt.Pattern == "/static/" || rt.Method == "" {
			continue
		}
		t.Run(rt.Method+" "+rt.Pattern, func(t *testing.T) {
			// Each route gets a world of its own, so the routes can be
			// walked side by side.
			t.Parallel()
			e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
			path, dummy := fill(t, rt.Pattern, e.Params)
			body := func() any {
				if rt.Method == "GET" {
					return nil
				}
				if rt.API {
					return "{}"
				}
				return url.Values{}
			}
			// Nobody signed in.
			res := e.do(t, "", rt.Method, path, body())
			if rt.Access.SignedIn {
				if rt.API && res.Status != http.StatusUnauthorized {
					t.Errorf("anonymous: %d, want 401", res.Status)
				}
				if !rt.API && (res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/signin")) {
					t.Errorf("anonymous: %d %s, want a redirect to sign in", res.Status, res.Header.Get("Location"))
				}
			} else if res.Status >= 500 {
				t.Errorf("anonymous: %d", res.Status)
			}
			for _, role := range roles {
				res := e.do(t, role, rt.Method, path, body())
				if res.Status >= 500 {
					t.Errorf("%s: %d %s", role, res.Status, res.Body)
					continue
				}
				if rt.Access.Role == pk.RoleNone {
					continue
				}
				have := pk.Role(role)
				switch {
				case role == "outsider":
					if res.Status != http.StatusNotFound {
						t.Errorf("outsider: %d, want 404", res.Status)
					}
				case !have.AtLeast(rt.Access.Role):
					if res.Status != http.StatusForbidden {
						t.Errorf("%s: %d, want 403", role, res.Status)
					}
				default:
					if res.Status == http.StatusForbidden || res.Status == http.StatusNotFound || res.Status == http.StatusUnauthorized {
						t.Errorf("%s: %d, want access (%s)", role, res.Status, res.Body)
					}
					if rt.Method == "GET" && !dummy && res.Status != http.StatusOK {
						t.Errorf("%s: GET answered %d, want 200", role, res.Status)
					}
				}
			}
			// The same route in someone else's partnership is not found.
			if rt.Access.Role != pk.RoleNone {
				params := map[string]string{}
				for k, v := range e.Params {
					params[k] = v
				}
				params["pid"] = e.Other.ID
				other, _ := fill(t, rt.Pattern, params)
				if res := e.do(t, "coordinator", rt.Method, other, body()); res.Status != http.StatusNotFound {
					t.Errorf("coordinator in another partnership: %d, want 404", res.Status)
				}
			}
		})
	}
}
