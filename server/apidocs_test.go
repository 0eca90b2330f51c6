package server_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// /api/docs is the reference drawn from the OpenAPI document: every
// operation with its rules and examples, in each language, as a page of
// our own (strict CSP, no script, nothing from elsewhere).
func TestAPIDocsPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, lang := range []string{"en", "ar", "fr"} {
		res := e.do(t, "", "GET", "/api/docs", nil, "Accept-Language", lang)
		if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("%s: %d %s", lang, res.Status, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no strict CSP", lang)
		}
		page := res.Body
		if !strings.Contains(page, `lang="`+lang+`"`) || lang == "ar" && !strings.Contains(page, `dir="rtl"`) {
			t.Errorf("%s: the page is not in the asker's language", lang)
		}
		if strings.Contains(page, "apidocs.") {
			t.Errorf("%s: a catalogue key shows instead of its text", lang)
		}
		for _, bad := range []*regexp.Regexp{regexp.MustCompile(`<script`), regexp.MustCompile(` style=`), regexp.MustCompile(`(src|href)="(https?:)?//`)} {
			if bad.MatchString(page) {
				t.Errorf("%s: %s on the page", lang, bad)
			}
		}
		if lang != "en" {
			continue
		}
		// Every operation is there, and says its rules and an example.
		for _, rt := range e.Srv.Router.Routes() {
			if rt.API && rt.Doc != nil && !strings.Contains(page, ">"+rt.Pattern+"<") {
				t.Errorf("%s %s is not on the page", rt.Method, rt.Pattern)
			}
		}
		for _, want := range []string{"one of: individual, group, organisation, institution", "at most 200 characters",
			"from -2 to 2", "Example request", "&#34;name&#34;: &#34;Women for Water&#34;", "Needs an API token", "422"} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
	}
}
