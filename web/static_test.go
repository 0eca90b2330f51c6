package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestHashedNameFollowsContent(t *testing.T) {
	t.Parallel()
	a := HashedName("app.css", []byte("body{color:black}"))
	b := HashedName("app.css", []byte("body{color:navy}"))
	if a == b {
		t.Errorf("different content, same name %s", a)
	}
	if a != HashedName("app.css", []byte("body{color:black}")) {
		t.Error("the same content must keep its name")
	}
	if !regexp.MustCompile(`^app\.[0-9a-f]{10}\.css$`).MatchString(a) {
		t.Errorf("hashed name %q: want app.<10 hex>.css", a)
	}
}

func getStatic(t *testing.T, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	Static().ServeHTTP(w, r)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func TestStaticServesHashedAndPlainNames(t *testing.T) {
	t.Parallel()
	css, err := staticFS.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	url, err := StaticURL("app.css")
	if err != nil || url != "/static/"+HashedName("app.css", css) {
		t.Fatalf("StaticURL(app.css) = %q, %v", url, err)
	}
	if _, err := StaticURL("nosuch.css"); err == nil {
		t.Error("an unknown file must be an error, not a broken link")
	}

	res, body := getStatic(t, url)
	if res.StatusCode != 200 || !bytes.Equal(body, css) || res.Header.Get("Cache-Control") != ImmutableCache ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("hashed: %d %q %q", res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Content-Type"))
	}
	// The old plain address keeps working, with a short cache.
	res, body = getStatic(t, "/static/app.css")
	if res.StatusCode != 200 || !bytes.Equal(body, css) || res.Header.Get("Cache-Control") != PlainCache {
		t.Errorf("plain: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	// Another release's hash gets today's file, but never the immutable
	// promise.
	res, body = getStatic(t, "/static/app.0123456789.css")
	if res.StatusCode != 200 || !bytes.Equal(body, css) || res.Header.Get("Cache-Control") != PlainCache {
		t.Errorf("other hash: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	for _, p := range []string{"/static/nosuch.css", "/static/nosuch.0123456789.css", "/static/app.zz23456789.css", "/static/", "/static/../web.go"} {
		if res, _ := getStatic(t, p); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
}

func TestStaticPrecompressed(t *testing.T) {
	t.Parallel()
	js, _ := staticFS.ReadFile("static/app.js")
	url, _ := StaticURL("app.js")
	for _, c := range []struct{ accept, coding string }{{"gzip, deflate, br", "br"}, {"gzip", "gzip"}, {"", ""}} {
		res, body := getStatic(t, url, "Accept-Encoding", c.accept)
		if res.Header.Get("Content-Encoding") != c.coding || res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%q: encoding %q vary %q", c.accept, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
		}
		var rd io.Reader = bytes.NewReader(body)
		switch c.coding {
		case "br":
			rd = brotli.NewReader(rd)
		case "gzip":
			rd, _ = gzip.NewReader(rd)
		}
		got, err := io.ReadAll(rd)
		if err != nil || !bytes.Equal(got, js) {
			t.Errorf("%q: decoded body differs from app.js (%v)", c.accept, err)
		}
		// Revalidation: the tag of this variant gives 304.
		etag := res.Header.Get("ETag")
		if again, b := getStatic(t, url, "Accept-Encoding", c.accept, "If-None-Match", etag); again.StatusCode != 304 || len(b) != 0 {
			t.Errorf("%q: If-None-Match %s gave %d", c.accept, etag, again.StatusCode)
		}
	}
}
