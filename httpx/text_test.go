package httpx

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
)

var bundle = i18n.MustLoad()

// serve runs a request through ValidText and returns the status and what
// the handler behind it read of the body ("" when it was not reached).
func serve(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	var got string
	h := ValidText(bundle, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			t.Fatal(err)
		}
		got = string(b)
		if got == "" {
			got = "(reached)"
		}
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, got
}

func TestValidTextPassesCleanRequestsWithTheirBodies(t *testing.T) {
	for _, c := range []struct{ path, ct, body string }{
		{"/api/v1/x", "application/json", `{"name":"Café مرحبا","note":"C:\\u0000 is six characters"}`},
		{"/api/v1/x", "", `{"a":"\\\\"}`},
		{"/p/x", "application/x-www-form-urlencoded", "name=Caf%C3%A9&next=%2Fp%2Fx"},
		{"/p/x?q=caf%C3%A9", "text/csv", "a\x00b"}, // bodies of other types are not text fields
	} {
		req := httptest.NewRequest("POST", c.path, strings.NewReader(c.body))
		if c.ct != "" {
			req.Header.Set("Content-Type", c.ct)
		}
		status, got := serve(t, req)
		if status != http.StatusOK || got != c.body {
			t.Errorf("%s %q: %d, handler read %q", c.path, c.body, status, got)
		}
	}
}

func TestValidTextRefuses(t *testing.T) {
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	mw.WriteField("mapping", "\xff")
	mw.Close()
	for _, c := range []struct {
		name, path, ct, body string
		want                 int
	}{
		{"NUL in the path", "/api/v1/partnerships/%00", "", "", 404},
		{"invalid UTF-8 in the path", "/p/%C3%28", "", "", 404},
		{"NUL in a query name", "/p/x?a%00=1", "", "", 400},
		{"NUL after a malformed pair", "/p/x?a=%zz&b=%00", "", "", 400},
		{"raw NUL in JSON", "/api/v1/x", "application/json", "{\"a\":\"\x00\"}", 400},
		{"NUL escape in a JSON key", "/api/v1/x", "application/json", `{"a\u0000":1}`, 400},
		{"NUL escape after an escaped quote", "/api/v1/x", "", `{"a":"\"\u0000"}`, 400},
		{"invalid UTF-8 in JSON", "/api/v1/x", "application/merge-patch+json", "{\"a\":\"\xed\xa0\x80\"}", 400},
		{"invalid UTF-8 in a form", "/signin", "application/x-www-form-urlencoded", "email=%ff", 400},
		{"invalid UTF-8 in a multipart field", "/api/v1/x", mw.FormDataContentType(), mp.String(), 400},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/", strings.NewReader(c.body))
			req.URL.Path, req.URL.RawQuery, _ = strings.Cut(c.path, "?")
			req.URL.Path = must(unescape(req.URL.Path))
			if c.ct != "" {
				req.Header.Set("Content-Type", c.ct)
			}
			status, got := serve(t, req)
			if status != c.want || got != "" {
				t.Fatalf("%d (handler read %q), want %d", status, got, c.want)
			}
		})
	}
}

// A JSON body is checked as far as the API's decoder reads it: a character
// cut by the cap is not an error, and the whole body still reaches the
// handler (which refuses what is too long).
func TestValidTextJSONAtTheCap(t *testing.T) {
	body := `{"a":"` + strings.Repeat("é", maxCheckedJSON) + `"}`
	req := httptest.NewRequest("POST", "/api/v1/x", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if status, got := serve(t, req); status != http.StatusOK || got != body {
		t.Fatalf("%d, handler read %d of %d bytes", status, len(got), len(body))
	}
	huge := "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n" + strings.Repeat("x", maxCheckedMultipart)
	req = httptest.NewRequest("POST", "/api/v1/x", strings.NewReader(huge))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	if status, _ := serve(t, req); status != http.StatusRequestEntityTooLarge {
		t.Fatalf("an upload above every cap: %d", status)
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

func unescape(p string) (string, error) { return url.PathUnescape(p) }
