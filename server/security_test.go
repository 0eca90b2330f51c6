package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/server"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The attack: a NUL byte or invalid UTF-8 anywhere in a request made
// PostgreSQL answer 500 where SQLite answered 404/422, and a version of
// 2^31 failed to encode. The examples are the issue's own; every one must
// be a clean refusal on both engines, problem+json under /api/.
func TestOddBytesAreRefusedAtTheEdge(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		e := newEnv(t, w)
		pid := e.Partnership.ID
		statements := func() int {
			toc, err := db.Preparation.TheoryOfChange(e.Member.Ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			return len(toc.Statements)
		}
		before := statements()
		var upload bytes.Buffer
		mw := multipart.NewWriter(&upload)
		mw.WriteField("mapping", "{\"a\x00\": \"name\"}")
		fw, _ := mw.CreateFormFile("file", "actors.csv")
		fw.Write([]byte("name\nA\n"))
		mw.Close()
		for _, c := range []struct {
			name, role, method, path string
			body                     any
			header                   []string
			want                     int
		}{
			{"NUL in a path ID", "member", "GET", "/api/v1/partnerships/%00", nil, nil, 404},
			{"invalid UTF-8 in a path ID", "member", "GET", "/api/v1/partnerships/%ff", nil, nil, 404},
			{"NUL in a page path", "member", "GET", "/p/%00/actors", nil, nil, 404},
			{"NUL in a query", "member", "GET", "/api/v1/partnerships/" + pid + "/actors?q=%00", nil, nil, 400},
			{"invalid UTF-8 in a page query", "member", "GET", "/p/" + pid + "/actors?q=%C3%28", nil, nil, 400},
			{"NUL in a sign-in form", "", "POST", "/signin", url.Values{"email": {"a\x00b@example.org"}, "password": {"x"}}, nil, 400},
			{"invalid UTF-8 in a form", "member", "POST", "/account/profile", url.Values{"name": {"\xff\xfe"}, "version": {"1"}}, nil, 400},
			{"NUL escape in a JSON string", "member", "POST", "/api/v1/partnerships/" + pid + "/theory-of-change",
				`{"level":"goal","if":"a","then":"b","because":"c","leads":["a\u0000"]}`, nil, 400},
			{"invalid UTF-8 in a JSON string", "member", "POST", "/api/v1/partnerships/" + pid + "/actors",
				"{\"name\":\"\xc3\x28\",\"kind\":\"organisation\"}", nil, 400},
			{"NUL in a multipart text field", "member", "POST", "/api/v1/partnerships/" + pid + "/actors/import",
				upload.String(), []string{"Content-Type", mw.FormDataContentType()}, 400},
			{"version 2^31 in the body", "member", "PATCH", "/api/v1/me", `{"name":"Omar","version":2147483648}`, nil, 422},
			{"version 2^31 in If-Match", "member", "PATCH", "/api/v1/me", `{"name":"Omar"}`, []string{"If-Match", "2147483648"}, 422},
		} {
			t.Run(c.name, func(t *testing.T) {
				res := e.do(t, c.role, c.method, c.path, c.body, c.header...)
				if res.Status != c.want {
					t.Fatalf("%s %s: %d, want %d: %s", c.method, c.path, res.Status, c.want, res.Body)
				}
				if strings.HasPrefix(c.path, "/api/") {
					var p struct {
						Status int    `json:"status"`
						Title  string `json:"title"`
					}
					if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") || json.Unmarshal([]byte(res.Body), &p) != nil ||
						p.Status != c.want || p.Title == "" {
						t.Fatalf("not a problem+json with a message (%s): %s", ct, res.Body)
					}
				}
			})
		}
		// Nothing of the refused requests was stored.
		if after := statements(); after != before {
			t.Fatalf("statements %d → %d after refused requests", before, after)
		}
		// Clean text that merely looks odd still passes: an escaped
		// backslash before u0000 is the six characters \u0000, not NUL.
		res := e.do(t, "member", "POST", "/api/v1/partnerships/"+pid+"/actors", `{"name":"C:\\u0000 folder","kind":"organisation"}`)
		if res.Status != 201 {
			t.Fatalf("an escaped backslash was taken for NUL: %d %s", res.Status, res.Body)
		}
	})
}

// HTTPS deployments tell browsers to stay on HTTPS; plain HTTP ones do not
// (the header would mean nothing there).
func TestHSTSWhenServedOverHTTPS(t *testing.T) {
	db := sqldbtest.Open(t, "sqlite")
	for base, want := range map[string]string{"https://partners.example.org": httpx.HSTSHeader, "http://127.0.0.1:8080": "", "": ""} {
		srv, err := server.New(server.Config{DB: db, Bundle: bundle, Log: slog.New(slog.DiscardHandler), BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/healthz", "/signin", "/api/v1/me", "/no-such-page"} {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if got := rec.Header().Get("Strict-Transport-Security"); got != want {
				t.Errorf("base %q, %s: Strict-Transport-Security %q, want %q", base, path, got, want)
			}
		}
	}
}
