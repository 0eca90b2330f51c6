package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The attack: sign-up said whether an address already had an account. Now
// the page answers the same for a taken address as for a new one (the email
// tells the owner), and neither is signed in before confirming the address.
func TestSignUpDoesNotTellWhoHasAnAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	mailLinks(t, e.DB) // the world's own mail
	answer := func(email string) (int, string, bool) {
		b := e.browser(t)
		res := post(t, b, e.HTTP.URL+"/signup", url.Values{"name": {"Someone"}, "email": {email}, "password": {"a long enough password"}})
		page := strings.ReplaceAll(body(t, res), email, "ADDRESS")
		u, _ := url.Parse(e.HTTP.URL)
		signedIn := false
		for _, c := range b.Jar.Cookies(u) {
			signedIn = signedIn || c.Name == "pk_session"
		}
		return res.StatusCode, page, signedIn
	}
	newStatus, newPage, newSignedIn := answer("new.person@example.org")
	takenStatus, takenPage, takenSignedIn := answer(e.Member.Email)
	if newStatus != http.StatusOK || takenStatus != newStatus {
		t.Errorf("statuses differ: new %d, taken %d", newStatus, takenStatus)
	}
	if newPage != takenPage {
		t.Errorf("the pages differ for a new and a taken address")
	}
	if newSignedIn || takenSignedIn {
		t.Errorf("signed in before confirming the address: new %v, taken %v", newSignedIn, takenSignedIn)
	}
	// Each address got its own email: a confirmation link for the new one,
	// a note with a reset link for the owner of the taken one.
	links := mailLinks(t, e.DB)
	if len(links) != 2 || !strings.HasPrefix(links[0], "/verify/") || !strings.HasPrefix(links[1], "/reset/") {
		t.Errorf("mails: %v", links)
	}
}
