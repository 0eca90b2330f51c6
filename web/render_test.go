package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnerkit/partnerkit/i18n"
)

var testBundle = i18n.MustLoad()

// A module's page sees the kernel's partials and its own, and its
// templates are parsed once per bundle and language however many servers
// render them (tests start hundreds of servers), each language but the
// first when first used.
func TestModuleTemplatesParsedOnceAndShared(t *testing.T) {
	mod := NewTemplates(fstest.MapFS{
		"templates/_own.html": {Data: []byte(`{{define "own"}}<b id="own-partial"></b>{{end}}`)},
		"templates/page.html": {Data: []byte(`{{define "content"}}{{template "own"}}{{template "version" .Form}}{{end}}`)},
	})
	if names, err := mod.Names(); err != nil || len(names) != 1 || names[0] != "page" {
		t.Fatalf("page names %v %v (partials are no pages)", names, err)
	}
	for range 2 {
		h, err := New(Config{Bundle: testBundle, Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/x", nil)
		h.Render(rec, r, 200, mod, "page", h.View(r, "error.title"))
		body, _ := io.ReadAll(rec.Body)
		if rec.Code != 200 || !strings.Contains(string(body), `id="own-partial"`) || !strings.Contains(string(body), `name="version"`) {
			t.Fatalf("render %d: %s", rec.Code, body)
		}
	}
	a, err := mod.set(testBundle, "en")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := mod.set(testBundle, "en")
	if a["page"] != b["page"] {
		t.Error("templates parsed again for the same bundle and language")
	}
	// The first language is parsed at start, another when first shown.
	if len(mod.sets) != 1 {
		t.Errorf("%d parses before a page was shown in another language", len(mod.sets))
	}
	if _, err := mod.set(testBundle, "ar"); err != nil || len(mod.sets) != 2 {
		t.Errorf("after Arabic: %d parses (%v)", len(mod.sets), err)
	}
}
