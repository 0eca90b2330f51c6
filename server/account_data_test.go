package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A person downloads their own data from the account page and the API:
// one JSON document, without the secrets of their sessions and tokens.
func TestMyDataDownload(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		res := e.do(t, "member", "GET", "/api/v1/me/export", nil)
		if res.Status != http.StatusOK {
			t.Fatalf("API: %d %s", res.Status, res.Body)
		}
		var d pk.PersonalData
		if err := json.Unmarshal([]byte(res.Body), &d); err != nil {
			t.Fatal(err)
		}
		if d.Format != pk.PersonalDataFormat || d.Profile.Email != e.Member.Email || len(d.Partnerships) != 1 || len(d.Tokens) != 1 {
			t.Errorf("API document: %+v", d)
		}
		if strings.Contains(res.Body, e.tokens["member"]) || strings.Contains(res.Body, e.cookies["member"]) {
			t.Error("the document holds a secret")
		}

		// The account page offers it, and posting there downloads a file.
		if page := e.do(t, "member", "GET", "/account", nil); !strings.Contains(page.Body, `action="/account/export"`) {
			t.Error("the account page does not offer the download")
		}
		res = e.do(t, "member", "POST", "/account/export", url.Values{})
		if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") ||
			!strings.Contains(res.Body, `"format": "`+pk.PersonalDataFormat+`"`) {
			t.Errorf("page download: %d %v", res.Status, res.Header)
		}
		if res := e.do(t, "", "GET", "/api/v1/me/export", nil); res.Status != http.StatusUnauthorized {
			t.Errorf("anonymous: %d", res.Status)
		}
	})
}

// The last coordinator and administrator is told what to hand over, on the
// page (with links to where it is done) and in the API (409, naming each).
func TestDeleteAccountAsksForHandOver(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	page := e.do(t, "coordinator", "GET", "/account", nil)
	for _, want := range []string{`href="/p/` + e.Partnership.ID + `/members"`, `href="/organisations/` + e.Org.ID + `"`,
		"make someone else a coordinator", e.Partnership.Name} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("account page lacks %q", want)
		}
	}
	if strings.Contains(page.Body, `action="/account/delete"`) {
		t.Error("the deletion form is offered while something must be handed over")
	}
	res := e.do(t, "coordinator", "DELETE", "/api/v1/me", `{"password":"`+sqldbtest.Password+`"}`)
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, `"partnership:`+e.Partnership.ID+`"`) ||
		!strings.Contains(res.Body, "last coordinator of “"+e.Partnership.Name+"”") || !strings.Contains(res.Body, `"organisation:`+e.Org.ID+`"`) {
		t.Errorf("API: %d %s", res.Status, res.Body)
	}
	// Posted anyway, the page says the same and deletes nothing.
	res = e.do(t, "coordinator", "POST", "/account/delete", url.Values{"confirm": {"yes"}, "delete_password": {sqldbtest.Password}})
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, "Hand over your responsibilities first") ||
		!strings.Contains(res.Body, "make someone else a coordinator") {
		t.Errorf("page: %d", res.Status)
	}
	if res := e.do(t, "coordinator", "GET", "/api/v1/me", nil); res.Status != http.StatusOK {
		t.Errorf("the account went: %d", res.Status)
	}
}

// Deleting over the API needs the password; afterwards the token is dead
// and the partnership's log names a former member: a stable marker in the
// API, words in the reader's language on the pages.
func TestDeleteAccountOverAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		pid := e.Partnership.ID
		if res := e.do(t, "observer", "DELETE", "/api/v1/me", `{"password":"wrong horse"}`); res.Status != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body, `"field":"password"`) {
			t.Fatalf("wrong password: %d %s", res.Status, res.Body)
		}
		if res := e.do(t, "observer", "DELETE", "/api/v1/me", `{"password":"`+sqldbtest.Password+`"}`); res.Status != http.StatusNoContent {
			t.Fatalf("delete: %d %s", res.Status, res.Body)
		}
		if res := e.do(t, "observer", "GET", "/api/v1/me", nil); res.Status != http.StatusUnauthorized {
			t.Errorf("the token still works: %d", res.Status)
		}
		if res := e.do(t, "observer", "GET", "/account", nil); res.Status != http.StatusSeeOther {
			t.Errorf("the session still works: %d", res.Status)
		}
		res := e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+pid+"/audit", nil)
		if !strings.Contains(res.Body, `"user_name":"`+pk.FormerMemberName+`"`) || strings.Contains(res.Body, e.Observer.Name) {
			t.Errorf("API log: %s", res.Body)
		}
		for lang, words := range map[string]string{"en": "a former member", "fr": "un ancien membre", "ar": "عضو سابق"} {
			res := e.do(t, "coordinator", "GET", "/p/"+pid+"/audit", nil, "Accept-Language", lang)
			if !strings.Contains(res.Body, words) || strings.Contains(res.Body, pk.FormerMemberName) || strings.Contains(res.Body, e.Observer.Name) {
				t.Errorf("%s: the log page does not say %q", lang, words)
			}
		}
	})
}

// On the page, deleting asks for confirmation first, then for the right
// password; then the person is signed out and the account is gone.
func TestDeleteAccountOnThePage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	form := url.Values{"delete_password": {sqldbtest.Password}}
	res := e.do(t, "observer", "POST", "/account/delete", form)
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Delete your account for good?") || !strings.Contains(res.Body, `name="confirm" value="yes"`) {
		t.Fatalf("no confirmation asked: %d", res.Status)
	}
	form.Set("confirm", "yes")
	form.Set("delete_password", "wrong horse")
	res = e.do(t, "observer", "POST", "/account/delete", form)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `id="delete_password-error"`) {
		t.Fatalf("wrong password: %d", res.Status)
	}
	form.Set("delete_password", sqldbtest.Password)
	res = e.do(t, "observer", "POST", "/account/delete", form)
	if res.Status != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "flash.account_deleted") ||
		!strings.Contains(res.Header.Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("delete: %d %v", res.Status, res.Header)
	}
	if res := e.do(t, "observer", "GET", "/account", nil); res.Status != http.StatusSeeOther {
		t.Errorf("still signed in: %d", res.Status)
	}
	page := e.do(t, "coordinator", "GET", "/p/"+e.Partnership.ID+"/members", nil)
	if strings.Contains(page.Body, e.Observer.Name) {
		t.Error("still listed as a member")
	}
}
