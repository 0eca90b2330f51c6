package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The attack: next=/%09/evil.example answered Location: /<TAB>/evil.example,
// which browsers follow to another host. Every redirect that takes a path
// from the request must stay on this site.
func TestRedirectsStayOnThisSite(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, next := range []string{"/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example"} {
		t.Run(url.QueryEscape(next), func(t *testing.T) {
			res := e.do(t, "", "POST", "/language", url.Values{"lang": {"fr"}, "next": {next}})
			if loc := res.Header.Get("Location"); res.Status != http.StatusSeeOther || loc != "/" {
				t.Errorf("language: %d Location %q, want /", res.Status, loc)
			}
			res = e.do(t, "", "POST", "/signin", url.Values{"email": {e.Member.Email}, "password": {sqldbtest.Password}, "next": {next}})
			if loc := res.Header.Get("Location"); res.Status != http.StatusSeeOther || !strings.HasPrefix(loc, "/?") && loc != "/" {
				t.Errorf("sign-in: %d Location %q, want /", res.Status, loc)
			}
			res = e.do(t, "", "GET", "/signup?next="+url.QueryEscape(next), nil)
			if strings.Contains(res.Body, "evil.example") {
				t.Errorf("sign-up form carries the foreign next")
			}
			res = e.do(t, "", "GET", "/signin?next="+url.QueryEscape(next), nil)
			if strings.Contains(res.Body, "evil.example") {
				t.Errorf("sign-in form carries the foreign next")
			}
		})
	}
	// A path on this site is kept.
	res := e.do(t, "", "POST", "/language", url.Values{"lang": {"fr"}, "next": {"/p/x/actors?q=a"}})
	if loc := res.Header.Get("Location"); loc != "/p/x/actors?q=a" {
		t.Errorf("own path: Location %q", loc)
	}
}
