package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/server"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

var bundle = i18n.MustLoad()

// env is a running server on a fresh test world, with a signed-in browser
// session and an API token for each person.
type env struct {
	*sqldbtest.World
	Srv     *server.Server
	HTTP    *httptest.Server
	cookies map[string]string
	tokens  map[string]string
}

var roles = []string{"outsider", "observer", "member", "coordinator"}

// newEnv starts a server on w, a fresh world (sqldbtest.OpenWorld).
func newEnv(t testing.TB, w *sqldbtest.World) *env {
	t.Helper()
	db := w.DB
	db.SignupOpen = true
	srv, err := server.New(server.Config{DB: db, Bundle: bundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	e := &env{World: w, Srv: srv, HTTP: hs, cookies: map[string]string{}, tokens: map[string]string{}}
	for _, role := range roles {
		p := w.As(role)
		_, secret, err := db.Accounts.SignIn(context.Background(), p.Email, sqldbtest.Password, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		e.cookies[role] = secret
		tok, err := db.Accounts.CreateToken(p.Ctx, "test")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[role] = tok.Secret
	}
	return e
}

// response is what a test reads of an answer.
type response struct {
	Status int
	Header http.Header
	Body   string
}

// do sends a request as role ("" for nobody). API paths use the role's
// bearer token, pages its session cookie. A string body is sent as is with
// contentType; url.Values as a form.
func (e *env) do(t testing.TB, role, method, path string, body any, header ...string) response {
	t.Helper()
	var rd io.Reader
	contentType := ""
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
		contentType = "application/json"
	case url.Values:
		rd = strings.NewReader(b.Encode())
		contentType = "application/x-www-form-urlencoded"
	}
	req, err := http.NewRequest(method, e.HTTP.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if role != "" {
		// The API takes the token; /api/docs is a page, read with the
		// session like every page (a token would be marked used).
		if strings.HasPrefix(path, "/api/v1/") {
			req.Header.Set("Authorization", "Bearer "+e.tokens[role])
		} else {
			req.AddCookie(&http.Cookie{Name: "pk_session", Value: e.cookies[role]})
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

// browser is a cookie-keeping client, for flows that sign in through pages.
func (e *env) browser(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar}
}
