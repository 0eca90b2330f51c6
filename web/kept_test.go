package web

import (
	"bytes"
	"compress/gzip"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// Kept HTML placed on a page reads the same as the HTML written into it,
// compressed or not, with former members named in the reader's words
// around it; a small piece, and one that names a former member, are
// written in as they are; and the page's ETag does not depend on the
// coding.
func TestPlacedHTMLReadsAsWritten(t *testing.T) {
	mod := NewTemplates(fstest.MapFS{
		"templates/page.html": {Data: []byte(`{{define "content"}}<p>` + pk.FormerMemberName + `</p>{{range .Data}}<div>{{.}}</div>{{end}}<p>after</p>{{end}}`)},
	})
	h, err := New(Config{Bundle: testBundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	big := []byte(strings.Repeat(`<circle cx="1" cy="2" r="3"/><text>الجهات الفاعلة &amp; co</text>`, 200))
	parts := []KeptHTML{NewKeptHTML(big), NewKeptHTML([]byte("<b>small</b>")),
		NewKeptHTML(append([]byte(template.HTMLEscapeString(pk.FormerMemberName)), big...)), NewKeptHTML(append([]byte("<i>second</i>"), big...))}
	serve := func(place bool, accept string) (body []byte, etag string) {
		r := httptest.NewRequest("GET", "/x", nil)
		r.Header.Set("Accept-Encoding", accept)
		v := h.View(r, "error.title")
		var data []template.HTML
		for _, k := range parts {
			if place {
				data = append(data, v.Place(k))
			} else {
				data = append(data, k.HTML())
			}
		}
		if place && len(v.placed) != 2 {
			t.Errorf("%d pieces placed, want the two large ones without a former member", len(v.placed))
		}
		v.Data = data
		rec := httptest.NewRecorder()
		httpx.Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.Render(w, r, 200, mod, "page", v) })).ServeHTTP(rec, r)
		b := rec.Body.Bytes()
		if rec.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		return b, strings.TrimPrefix(rec.Header().Get("ETag"), "W/")
	}
	want, _ := serve(false, "")
	if !bytes.Contains(want, []byte("<p>a former member</p>")) || bytes.Count(want, big) != 3 || !bytes.Contains(want, []byte("<i>second</i>")) {
		t.Fatalf("the page as written: %.300s", want)
	}
	var etags []string
	for _, accept := range []string{"gzip", ""} {
		got, etag := serve(true, accept)
		if !bytes.Equal(got, want) {
			t.Errorf("%q: the page with pieces placed differs (%d bytes, want %d)", accept, len(got), len(want))
		}
		etags = append(etags, etag)
	}
	if etags[0] == "" || etags[0] != etags[1] {
		t.Errorf("ETags %v", etags)
	}
}
