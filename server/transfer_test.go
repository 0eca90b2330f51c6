package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/web"
)

// decoded undoes the answer's Content-Encoding.
func decoded(t *testing.T, res response) string {
	t.Helper()
	var rd io.Reader = strings.NewReader(res.Body)
	switch res.Header.Get("Content-Encoding") {
	case "br":
		rd = brotli.NewReader(rd)
	case "gzip":
		zr, err := gzip.NewReader(rd)
		if err != nil {
			t.Fatal(err)
		}
		rd = zr
	case "":
	default:
		t.Fatalf("unexpected encoding %q", res.Header.Get("Content-Encoding"))
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Pages travel compressed and revalidate with their ETag, keep the strict
// CSP, and link the static files by content-hashed names cached for a year.
func TestPagesCompressedAndRevalidated(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		page := "/p/" + e.Partnership.ID
		plain := e.do(t, "coordinator", "GET", page, nil, "Accept-Encoding", "identity")
		if plain.Status != 200 || plain.Header.Get("Content-Encoding") != "" || len(plain.Body) < httpx.CompressMinSize {
			t.Fatalf("identity: %d %q, %d bytes", plain.Status, plain.Header.Get("Content-Encoding"), len(plain.Body))
		}
		// A browser takes both and gets gzip, cheaper to make per answer.
		// The maps, the network and the report place kept drawings, sent
		// compressed as they were kept (web.KeptHTML): they read the same.
		mp := page + "/maps/" + w.Maps().Map.ID
		for _, pg := range []string{page, mp + "/powermap", mp + "/spectrum", page + "/network", page + "/report",
			"/api/v1/partnerships/" + e.Partnership.ID + "/report", "/api/v1/partnerships/" + e.Partnership.ID + "/maps/" + w.Maps().Map.ID + "/powermap"} {
			plain := e.do(t, "coordinator", "GET", pg, nil, "Accept-Encoding", "identity")
			for accept, coding := range map[string]string{"br": "br", "gzip": "gzip", "gzip, deflate, br, zstd": "gzip"} {
				res := e.do(t, "coordinator", "GET", pg, nil, "Accept-Encoding", accept)
				if res.Status != 200 || res.Header.Get("Content-Encoding") != coding || len(res.Body) >= len(plain.Body) {
					t.Errorf("%s, %s: %d, encoding %q, %d bytes from %d", pg, coding, res.Status, res.Header.Get("Content-Encoding"), len(res.Body), len(plain.Body))
				}
				if got := decoded(t, res); got != plain.Body {
					t.Errorf("%s, %s: the decoded page differs from the identity page", pg, coding)
				}
				if res.Header.Get("Content-Security-Policy") != httpx.ContentSecurityPolicy || res.Header.Get("X-Frame-Options") != "DENY" {
					t.Errorf("%s, %s: security headers lost: %v", pg, coding, res.Header)
				}
			}
		}

		// Kept privately, revalidated each time: a matching tag gets 304,
		// whether the browser kept the identity or a compressed copy.
		etag := plain.Header.Get("ETag")
		if plain.Header.Get("Cache-Control") != httpx.RevalidatePrivate || etag == "" {
			t.Fatalf("Cache-Control %q, ETag %q", plain.Header.Get("Cache-Control"), etag)
		}
		for _, inm := range []string{etag, "W/" + etag} {
			res := e.do(t, "coordinator", "GET", page, nil, "Accept-Encoding", "br", "If-None-Match", inm)
			if res.Status != http.StatusNotModified || res.Body != "" {
				t.Errorf("If-None-Match %s: %d, %d bytes", inm, res.Status, len(res.Body))
			}
		}
		// Someone else asking with that tag gets their own page, not 304:
		// the tag is a hash of what was rendered for the asker.
		if res := e.do(t, "observer", "GET", page, nil, "If-None-Match", etag); res.Status != 200 {
			t.Errorf("observer with the coordinator's tag: %d", res.Status)
		}
		// Signed out, the stored page is not confirmed: the sign-in
		// redirect comes instead.
		if res := e.do(t, "", "GET", page, nil, "If-None-Match", etag); res.Status == http.StatusNotModified {
			t.Error("a signed-out browser got 304 for a private page")
		}

		// Static files by hashed name only.
		if regexp.MustCompile(`"/static/[a-z]+\.(css|js|svg)"`).MatchString(plain.Body) {
			t.Error("the page still links a static file by its plain name")
		}
		links := regexp.MustCompile(`"(/static/[a-z]+\.[0-9a-f]{10}\.(?:css|js|svg))"`).FindAllStringSubmatch(plain.Body, -1)
		if len(links) != 3 {
			t.Fatalf("want the stylesheet, icon and script by hashed name, found %v", links)
		}
		for _, l := range links {
			res := e.do(t, "", "GET", l[1], nil, "Accept-Encoding", "br")
			if res.Status != 200 || res.Header.Get("Cache-Control") != web.ImmutableCache {
				t.Errorf("%s: %d %q", l[1], res.Status, res.Header.Get("Cache-Control"))
			}
		}
	})
}

// Answers that are never stored: a form shown again after a POST (it may
// hold what was typed, or a secret shown once) and error pages.
func TestUnstoredAnswers(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	e := newEnv(t, w)
	res := e.do(t, "coordinator", "POST", "/p/"+e.Partnership.ID+"/actors", url.Values{"name": {""}, "kind": {"robot"}})
	if res.Status != http.StatusUnprocessableEntity || res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("ETag") != "" {
		t.Errorf("form again: %d %q %q", res.Status, res.Header.Get("Cache-Control"), res.Header.Get("ETag"))
	}
	res = e.do(t, "outsider", "GET", "/p/"+e.Partnership.ID, nil)
	if res.Status != http.StatusNotFound || res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("ETag") != "" {
		t.Errorf("not found: %d %q %q", res.Status, res.Header.Get("Cache-Control"), res.Header.Get("ETag"))
	}
	// Signing out asks the browser to forget the pages it kept.
	res = e.do(t, "member", "POST", "/signout", url.Values{})
	if res.Status != http.StatusSeeOther || res.Header.Get("Clear-Site-Data") != `"cache"` {
		t.Errorf("sign-out: %d Clear-Site-Data %q", res.Status, res.Header.Get("Clear-Site-Data"))
	}
}

// Exports revalidate like pages; text formats are compressed, XLSX (a ZIP
// already) is not; JSON is compressed too.
func TestExportsCompressedAndRevalidated(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	e := newEnv(t, w)
	base := "/api/v1/partnerships/" + e.Partnership.ID
	csv := e.do(t, "member", "GET", base+"/actors/export.csv", nil, "Accept-Encoding", "identity")
	etag := csv.Header.Get("ETag")
	if csv.Status != 200 || etag == "" || csv.Header.Get("Cache-Control") != httpx.RevalidatePrivate {
		t.Fatalf("csv: %d etag %q cache %q", csv.Status, etag, csv.Header.Get("Cache-Control"))
	}
	if res := e.do(t, "member", "GET", base+"/actors/export.csv", nil, "If-None-Match", etag); res.Status != http.StatusNotModified {
		t.Errorf("csv revalidation: %d", res.Status)
	}
	xlsx := e.do(t, "member", "GET", base+"/actors/export.xlsx", nil, "Accept-Encoding", "br, gzip")
	if xlsx.Status != 200 || xlsx.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix([]byte(xlsx.Body), []byte("PK")) {
		t.Errorf("xlsx: %d encoding %q", xlsx.Status, xlsx.Header.Get("Content-Encoding"))
	}
	for _, p := range []string{"/api/v1/openapi.json", base + "/network.graphml", base + "/network.gexf"} {
		plain := e.do(t, "member", "GET", p, nil, "Accept-Encoding", "identity")
		res := e.do(t, "member", "GET", p, nil, "Accept-Encoding", "gzip")
		if plain.Status != 200 || len(plain.Body) < httpx.CompressMinSize {
			t.Errorf("%s: %d, %d bytes: too small to show compression", p, plain.Status, len(plain.Body))
			continue
		}
		if res.Header.Get("Content-Encoding") != "gzip" || decoded(t, res) != plain.Body {
			t.Errorf("%s: encoding %q, or the decoded body differs", p, res.Header.Get("Content-Encoding"))
		}
	}
}
