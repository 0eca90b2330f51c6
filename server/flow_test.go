package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// mailLinks runs the queued mail jobs and returns the links they carry.
func mailLinks(t *testing.T, db *sqldb.DB) []string {
	t.Helper()
	var links []string
	db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{"mail": func(_ context.Context, payload []byte) error {
		var j sqldb.MailJob
		if err := json.Unmarshal(payload, &j); err != nil {
			return err
		}
		links = append(links, j.Path)
		return nil
	}}, nil)
	return links
}

func post(t *testing.T, c *http.Client, u string, form url.Values) *http.Response {
	t.Helper()
	res, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// A new person signs up, creates an organisation and a partnership, invites
// a second person who signs up from the emailed link and accepts; both see
// the partnership. Runs on every engine.
func TestJourneyThroughPages(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		db := e.DB
		mailLinks(t, db) // the world's own invitations
		a := e.browser(t)
		// Not the instance's first account and no invitation: the address is
		// confirmed by the emailed link before the first sign-in.
		res := post(t, a, e.HTTP.URL+"/signup", url.Values{"name": {"Rania"}, "email": {"rania@example.org"}, "password": {"a long enough password"}})
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, "rania@example.org") || !strings.Contains(b, "Check your email") {
			t.Fatalf("after sign-up: %d", res.StatusCode)
		}
		verify := mailLinks(t, db)
		if len(verify) != 1 || !strings.HasPrefix(verify[0], "/verify/") {
			t.Fatalf("sign-up mails: %v", verify)
		}
		res, err := a.Get(e.HTTP.URL + verify[0])
		if err != nil {
			t.Fatal(err)
		}
		if b := body(t, res); res.Request.URL.Path != "/signin" || !strings.Contains(b, "You can sign in now") {
			t.Fatalf("after confirming: %s", res.Request.URL)
		}
		res = post(t, a, e.HTTP.URL+"/signin", url.Values{"email": {"rania@example.org"}, "password": {"a long enough password"}})
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, "Rania") {
			t.Fatalf("after sign-in: %d", res.StatusCode)
		}
		res = post(t, a, e.HTTP.URL+"/organisations", url.Values{"name": {"Youth Without Borders"}, "kind": {"youth"}, "youth_led": {"on"}})
		if res.StatusCode != 200 || !strings.Contains(res.Request.URL.Path, "/organisations/") {
			t.Fatalf("create organisation: %d %s", res.StatusCode, res.Request.URL)
		}
		orgID := strings.TrimPrefix(res.Request.URL.Path, "/organisations/")
		body(t, res)
		res = post(t, a, e.HTTP.URL+"/p", url.Values{"name": {"River Alliance"}, "purpose": {"Clean river, fair jobs"}, "form": {"strategic_alliance"}, "organisation_id": {orgID}})
		page := body(t, res)
		if res.StatusCode != 200 || !strings.Contains(page, "River Alliance") || !strings.Contains(page, "Strategic alliance") {
			t.Fatalf("create partnership: %d", res.StatusCode)
		}
		pid := strings.TrimPrefix(res.Request.URL.Path, "/p/")
		res = post(t, a, e.HTTP.URL+"/p/"+pid+"/invitations", url.Values{"email": {"karim@example.org"}, "role": {"member"}, "message": {"Join us"}})
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, "karim@example.org") {
			t.Fatalf("invite: %d", res.StatusCode)
		}
		links := mailLinks(t, db)
		if len(links) != 1 || !strings.HasPrefix(links[0], "/invitations/") {
			t.Fatalf("mails: %v", links)
		}
		invite := links[0]
		// The second person opens the link, signs up from it and accepts.
		b := e.browser(t)
		res, _ = b.Get(e.HTTP.URL + invite)
		if p := body(t, res); !strings.Contains(p, "River Alliance") {
			t.Fatal("invitation page does not name the partnership")
		}
		token := strings.TrimPrefix(invite, "/invitations/")
		res = post(t, b, e.HTTP.URL+"/signup", url.Values{"name": {"Karim"}, "email": {"karim@example.org"}, "password": {"another long password"},
			"invitation": {token}, "next": {invite}})
		body(t, res)
		res = post(t, b, e.HTTP.URL+invite+"/accept", url.Values{})
		if p := body(t, res); res.StatusCode != 200 || !strings.Contains(p, "River Alliance") || res.Request.URL.Path != "/p/"+pid {
			t.Fatalf("accept: %d %s", res.StatusCode, res.Request.URL)
		}
		// Both see it: Rania's member list shows Karim.
		res, _ = a.Get(e.HTTP.URL + "/p/" + pid + "/members")
		if p := body(t, res); !strings.Contains(p, "Karim") || !strings.Contains(p, "Youth Without Borders") {
			t.Fatal("the coordinator does not see the new member")
		}
		res, _ = b.Get(e.HTTP.URL + "/")
		if p := body(t, res); !strings.Contains(p, "River Alliance") {
			t.Fatal("the new member does not see the partnership on the home page")
		}
	})
}

func TestFormErrorKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	res := e.do(t, "member", "POST", "/p", url.Values{"name": {""}, "purpose": {"Typed purpose <kept>"}, "form": {"empire"}})
	if res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.Status)
	}
	for _, want := range []string{"This field is required.", "Typed purpose &lt;kept&gt;", `aria-invalid="true"`, `id="name-error"`, "Choose one of"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// In French, the message is French.
	res = e.do(t, "", "POST", "/signin", url.Values{"email": {"x@example.org"}, "password": {"nope"}}, "Accept-Language", "fr")
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `lang="fr"`) || strings.Contains(res.Body, "The email address or password is not right.") {
		t.Fatalf("French sign-in error: %d", res.Status)
	}
}

func problem(t *testing.T, res response) api.Problem {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("content type %q for %d: %s", ct, res.Status, res.Body)
	}
	var p api.Problem
	if err := json.Unmarshal([]byte(res.Body), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func hasField(p api.Problem, field string) bool {
	for _, f := range p.Errors {
		if f.Field == field && f.Message != "" {
			return true
		}
	}
	return false
}

func TestAPIErrorsNameTheField(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, c := range []struct {
		name, body, field string
		status            int
	}{
		{"empty name", `{"name": ""}`, "name", 422},
		{"wrong type", `{"name": 5}`, "name", 422},
		{"unknown field", `{"name": "x", "colour": "red"}`, "colour", 422},
		{"bad enum", `{"name": "x", "scope": "galactic"}`, "scope", 422},
		{"too long", `{"name": "` + strings.Repeat("é", 201) + `"}`, "name", 422},
		{"malformed", `{"name": `, "", 400},
		{"empty body", ``, "", 400},
		{"two values", `{"name": "x"} {}`, "", 400},
	} {
		res := e.do(t, "member", "POST", "/api/v1/partnerships", c.body)
		p := problem(t, res)
		if res.Status != c.status || (c.field != "" && !hasField(p, c.field)) {
			t.Errorf("%s: %d %+v", c.name, res.Status, p)
		}
	}
	res := e.do(t, "member", "POST", "/api/v1/partnerships", `{"name":"x"}`, "Content-Type", "text/plain")
	if p := problem(t, res); res.Status != 415 || !hasField(p, "Content-Type") {
		t.Errorf("text/plain body: %d %+v", res.Status, p)
	}
	res = e.do(t, "member", "GET", "/api/v1/partnerships?limit=abc", nil)
	if p := problem(t, res); res.Status != 422 || !hasField(p, "limit") {
		t.Errorf("bad limit: %d %+v", res.Status, p)
	}
	res = e.do(t, "", "GET", "/api/v1/me", nil, "Authorization", "Bearer pk_wrong")
	if res.Status != 401 {
		t.Errorf("bad token: %d", res.Status)
	}
	if p := problem(t, e.do(t, "member", "GET", "/api/v1/no/such/thing", nil)); p.Status != 404 {
		t.Errorf("unknown API path: %+v", p)
	}
}

func TestAPIStaleVersionConflicts(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		path := "/api/v1/partnerships/" + e.Partnership.ID
		v := e.Partnership.Version
		res := e.do(t, "coordinator", "PATCH", path, `{"name":"Renamed","version":`+strconv.Itoa(v)+`}`)
		if res.Status != 200 {
			t.Fatalf("update: %d %s", res.Status, res.Body)
		}
		var p pk.Partnership
		json.Unmarshal([]byte(res.Body), &p)
		if p.Version != v+1 || p.Name != "Renamed" {
			t.Fatalf("after update: %+v", p)
		}
		res = e.do(t, "coordinator", "PATCH", path, `{"name":"Lost update","version":`+strconv.Itoa(v)+`}`)
		if pr := problem(t, res); res.Status != 409 || pr.Version != v+1 {
			t.Fatalf("stale: %d %+v", res.Status, pr)
		}
		// If-Match works too, and wins over the body.
		res = e.do(t, "coordinator", "PATCH", path, `{"name":"Via If-Match"}`, "If-Match", `"`+strconv.Itoa(v)+`"`)
		if res.Status != 409 {
			t.Fatalf("stale If-Match: %d", res.Status)
		}
		res = e.do(t, "coordinator", "GET", path, nil)
		json.Unmarshal([]byte(res.Body), &p)
		if p.Name != "Renamed" {
			t.Fatalf("a stale write changed the name to %q", p.Name)
		}
		res = e.do(t, "coordinator", "PATCH", path, `{"name":"Via If-Match"}`, "If-Match", strconv.Itoa(v+1))
		if res.Status != 200 {
			t.Fatalf("If-Match: %d %s", res.Status, res.Body)
		}
	})
}

func TestAPIJourney(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		res := e.do(t, "member", "POST", "/api/v1/partnerships", `{"name":"API network","form":"network","basis":"issue"}`)
		if res.Status != 201 {
			t.Fatalf("create: %d %s", res.Status, res.Body)
		}
		var p pk.Partnership
		json.Unmarshal([]byte(res.Body), &p)
		res = e.do(t, "member", "POST", "/api/v1/partnerships/"+p.ID+"/invitations", `{"email":"`+e.Observer.Email+`","role":"observer"}`)
		if res.Status != 201 {
			t.Fatalf("invite: %d %s", res.Status, res.Body)
		}
		var x pk.Invitation
		json.Unmarshal([]byte(res.Body), &x)
		res = e.do(t, "observer", "GET", "/api/v1/me/invitations", nil)
		if !strings.Contains(res.Body, x.ID) {
			t.Fatalf("my invitations: %s", res.Body)
		}
		if res = e.do(t, "observer", "POST", "/api/v1/invitations/"+x.ID+"/accept", nil); res.Status != 200 {
			t.Fatalf("accept: %d %s", res.Status, res.Body)
		}
		res = e.do(t, "observer", "GET", "/api/v1/partnerships/"+p.ID+"/members", nil)
		var m pk.Members
		json.Unmarshal([]byte(res.Body), &m)
		if len(m.People) != 2 {
			t.Fatalf("members: %s", res.Body)
		}
		for _, person := range m.People {
			if person.Email != "" {
				t.Fatal("an observer received email addresses")
			}
		}
		res = e.do(t, "member", "GET", "/api/v1/partnerships/"+p.ID+"/audit?limit=2", nil)
		var audit struct {
			Items      []pk.AuditEntry `json:"items"`
			NextCursor string          `json:"next_cursor"`
		}
		json.Unmarshal([]byte(res.Body), &audit)
		if len(audit.Items) != 2 || audit.NextCursor == "" || audit.Items[0].Action != "invitation.accept" {
			t.Fatalf("audit: %s", res.Body)
		}
		res = e.do(t, "member", "GET", "/api/v1/partnerships/"+p.ID+"/audit?cursor="+audit.NextCursor, nil)
		json.Unmarshal([]byte(res.Body), &audit)
		if len(audit.Items) != 1 || audit.Items[0].Action != "partnership.create" {
			t.Fatalf("audit page 2: %s", res.Body)
		}
	})
}

// Every registered API route is in the OpenAPI document, with its method.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	res := e.do(t, "", "GET", "/api/v1/openapi.json", nil)
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(res.Body), &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi: %v %s", err, doc.OpenAPI)
	}
	n := 0
	for _, rt := range e.Srv.Router.Routes() {
		if !rt.API || strings.HasSuffix(rt.Pattern, "/openapi.json") {
			continue
		}
		n++
		op, ok := doc.Paths[rt.Pattern][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s %s is missing from the OpenAPI document", rt.Method, rt.Pattern)
			continue
		}
		if op["summary"] == "" || op["responses"] == nil {
			t.Errorf("%s %s has no summary or responses", rt.Method, rt.Pattern)
		}
	}
	if n < 20 {
		t.Fatalf("only %d API routes registered", n)
	}
}

var rawMessageID = regexp.MustCompile(`>\s*[a-z]+(\.[a-z0-9_]+)+\.?\s*<`)

// Every page, in every language, renders without a raw message ID, with
// the right lang and dir, and the security headers.
func TestPagesInEveryLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, lang := range []string{"en", "ar", "fr"} {
		dir := "ltr"
		if lang == "ar" {
			dir = "rtl"
		}
		for _, rt := range e.Srv.Router.Routes() {
			if rt.API || rt.Method != "GET" || rt.Pattern == "/static/" || rt.Pattern == "/healthz" {
				continue
			}
			path, dummy := fill(t, rt.Pattern, e.Params)
			if dummy {
				continue
			}
			// The member runs the world's member organisation; the coordinator the rest.
			who := "coordinator"
			if strings.HasPrefix(rt.Pattern, "/organisations/{oid}") {
				who = "member"
			}
			e.DB.Accounts.SetLanguage(e.As(who).Ctx, lang)
			res := e.do(t, who, "GET", path, nil)
			if res.Status != 200 {
				t.Errorf("%s %s: %d", lang, path, res.Status)
				continue
			}
			if !strings.Contains(res.Body, `<html lang="`+lang+`" dir="`+dir+`">`) {
				t.Errorf("%s %s: wrong lang/dir", lang, path)
			}
			if m := rawMessageID.FindString(res.Body); m != "" {
				t.Errorf("%s %s: untranslated message %s", lang, path, m)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("%s: CSP %q", path, csp)
			}
		}
	}
}

func TestCrossSiteFormIsRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	res := e.do(t, "coordinator", "POST", "/p/"+e.Partnership.ID+"/leave", url.Values{}, "Sec-Fetch-Site", "cross-site")
	if res.Status != http.StatusForbidden {
		t.Fatalf("cross-site post: %d", res.Status)
	}
	if _, err := e.DB.Partnerships.Partnership(e.Coordinator.Ctx, e.Partnership.ID); err != nil {
		t.Fatal("the cross-site post had an effect")
	}
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	if res := e.do(t, "", "GET", "/healthz", nil); res.Status != 200 || res.Body != "ok\n" {
		t.Fatalf("healthz: %d %q", res.Status, res.Body)
	}
}

func TestLanguageSwitcher(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	res := e.do(t, "", "POST", "/language", url.Values{"lang": {"ar"}, "next": {"/signin"}})
	if res.Status != 303 || !strings.Contains(res.Header.Get("Set-Cookie"), "lang=ar") || res.Header.Get("Location") != "/signin" {
		t.Fatalf("switch: %d %v", res.Status, res.Header)
	}
	res = e.do(t, "", "POST", "/language", url.Values{"lang": {"ar"}, "next": {"//evil.example"}})
	if res.Header.Get("Location") != "/" {
		t.Fatalf("open redirect: %s", res.Header.Get("Location"))
	}
	e.do(t, "member", "POST", "/language", url.Values{"lang": {"fr"}, "next": {"/"}})
	if res := e.do(t, "member", "GET", "/", nil); !strings.Contains(res.Body, `lang="fr"`) {
		t.Fatal("the member's language choice was not kept")
	}
}

// A visitor lands on the page that says what Partnerkit does, and the tab
// says so too, in each language; a signed-in person's tab names their
// partnerships.
func TestLandingTitleForVisitors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for lang, want := range map[string]string{"en": "Build partnerships that last", "ar": bundle.Localizer("ar").T("landing.heading")} {
		res := e.do(t, "", "GET", "/", nil, "Accept-Language", lang)
		if title := between(res.Body, "<title>", "</title>"); res.Status != http.StatusOK || !strings.HasPrefix(title, want+" · ") {
			t.Errorf("%s: %d, title %q", lang, res.Status, between(res.Body, "<title>", "</title>"))
		}
	}
	if res := e.do(t, "member", "GET", "/", nil); strings.Contains(res.Body, "<title>Build partnerships") {
		t.Error("a signed-in person's home is titled as the landing page")
	}
}

func between(s, from, to string) string {
	_, after, _ := strings.Cut(s, from)
	in, _, _ := strings.Cut(after, to)
	return in
}
