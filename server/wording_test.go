package server_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

var (
	h1Re          = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tagRe         = regexp.MustCompile(`<[^>]*>`)
	currentLinkRe = regexp.MustCompile(`<a [^>]*aria-current="page"[^>]*>([^<]*)</a>`)
	detailsRe     = regexp.MustCompile(`(?s)<details class="about-method">.*?</details>`)
)

// text is an element's readable text.
func text(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(s, "")))
}

// newPartnership creates an empty partnership through the pages as the
// world's coordinator and returns its ID and the overview's address with
// the flash the creation sent.
func newPartnership(t *testing.T, e *env, name string) (string, string) {
	t.Helper()
	res := e.do(t, "coordinator", "POST", "/p", url.Values{"name": {name}, "organisation_id": {e.Org.ID}})
	mapsWantStatus(t, res, http.StatusSeeOther, "create partnership")
	loc := res.Header.Get("Location")
	return strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/p/"), loc
}

// Each section of a partnership has one name: the navigation's word is the
// page's heading, in every language.
func TestOneNamePerSection(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID
	overview := e.do(t, "coordinator", "GET", base, nil).Body
	sections := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="(`+regexp.QuoteMeta(base)+`/[a-z-]+)"`).FindAllStringSubmatch(overview, -1) {
		sections[m[1]] = true
	}
	if len(sections) < 8 {
		t.Fatalf("the overview links %d sections", len(sections))
	}
	for _, lang := range []string{"en", "ar", "fr"} {
		checked := 0
		for p := range sections {
			res := e.do(t, "coordinator", "GET", p, nil, "Cookie", "lang="+lang)
			nav := currentLinkRe.FindStringSubmatch(res.Body)
			h1 := h1Re.FindStringSubmatch(res.Body)
			if res.Status != http.StatusOK || nav == nil || h1 == nil {
				continue // not a section of the navigation
			}
			if text(h1[1]) == e.Partnership.Name {
				continue // the overview and the profile are headed by the partnership's own name
			}
			checked++
			if got, want := text(h1[1]), text(nav[1]); got != want {
				t.Errorf("%s (%s): heading %q, navigation %q", p, lang, got, want)
			}
		}
		if checked < 8 {
			t.Errorf("%s: only %d sections checked", lang, checked)
		}
	}
}

// Academic citations stand behind "About this method", not in the text.
func TestCitationsBehindAboutThisMethod(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID
	m := base + "/maps/" + e.Maps().Map.ID
	for _, c := range []struct{ path, cite string }{
		{base + "/actors", "KA2"},
		{m + "/powermap", "Bosco"},
		{m + "/spectrum", "Lakey"},
		{base + "/network", "Freeman"},
		{base + "/form-choice", "ROADMAP"},
		{base + "/prospects", "Voices of Young Refugees"},
		{base + "/settings", "ROADMAP"},
	} {
		res := e.do(t, "coordinator", "GET", c.path, nil)
		if res.Status != http.StatusOK {
			t.Fatalf("%s: %d", c.path, res.Status)
		}
		main := detailsRe.ReplaceAllString(res.Body, "")
		if strings.Contains(main, c.cite) {
			t.Errorf("%s: %q stands in the main text", c.path, c.cite)
		}
		if c.path != base+"/settings" && !strings.Contains(strings.Join(detailsRe.FindAllString(res.Body, -1), ""), c.cite) {
			t.Errorf("%s: %q is not behind About this method", c.path, c.cite)
		}
	}
}

// Every empty list says how to start and offers the action that starts
// it; an empty register shows no filters or downloads. The overview's
// welcome points to its own "Next to do".
func TestEmptyListsSayHowToStart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, overview := newPartnership(t, e, "Fresh Start Network")
	base := "/p/" + pid

	res := e.do(t, "coordinator", "GET", overview, nil)
	flash := regexp.MustCompile(`<p class="flash"[^>]*>([^<]*)</p>`).FindStringSubmatch(res.Body)
	next := bundle.Localizer("en").T("dashboard.next")
	if flash == nil || !strings.Contains(html.UnescapeString(flash[1]), next) || !strings.Contains(res.Body, ">"+next+"<") {
		t.Errorf("the welcome does not point to %q: %v", next, flash)
	}

	for _, c := range []struct {
		path, action string
		absent       []string
	}{
		{base + "/actors", `href="` + base + `/actors/new"`, []string{"export.csv", `role="search"`, "Nothing found"}},
		{base + "/maps", `action="` + base + `/maps"`, nil},
		{base + "/network", `href="` + base + `/actors/new"`, nil},
		{base + "/prospects", `href="` + base + `/prospects/new"`, nil},
	} {
		res := e.do(t, "coordinator", "GET", c.path, nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Body, `class="empty"`) && !strings.Contains(res.Body, "empty-start") {
			t.Errorf("%s: %d, no empty state", c.path, res.Status)
		}
		if !strings.Contains(res.Body, c.action) {
			t.Errorf("%s: the action that starts the list is missing", c.path)
		}
		for _, a := range c.absent {
			if strings.Contains(res.Body, a) {
				t.Errorf("%s: an empty list still shows %q", c.path, a)
			}
		}
	}

	// A map with no actor to place sends the person to add the first one,
	// and an actor's page with no map offers to start one.
	res = e.do(t, "coordinator", "POST", base+"/maps", url.Values{"title": {"First campaign"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "create map")
	res = e.do(t, "coordinator", "GET", strings.SplitN(res.Header.Get("Location"), "?", 2)[0], nil)
	if !strings.Contains(res.Body, `href="`+base+`/actors/new"`) {
		t.Error("an empty map in an empty register does not offer to add an actor")
	}
	if r := e.do(t, "coordinator", "GET", base+"/actors", nil); !strings.Contains(r.Body, "empty-start") {
		t.Error("the register is not empty")
	}
	other, _ := newPartnership(t, e, "Second Start Network")
	res = e.do(t, "coordinator", "POST", "/p/"+other+"/actors", url.Values{"name": {"Job Centre"}, "kind": {"institution"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "add actor")
	res = e.do(t, "coordinator", "GET", strings.SplitN(res.Header.Get("Location"), "?", 2)[0], nil)
	if !strings.Contains(res.Body, `href="/p/`+other+`/maps#new-map-h"`) {
		t.Error("an actor's page with no map does not offer to start one")
	}
	// A filtered register that finds nothing keeps its filters.
	if r := e.do(t, "coordinator", "GET", base+"/actors?q=nobody", nil); strings.Contains(r.Body, "empty-start") || !strings.Contains(r.Body, `role="search"`) {
		t.Error("a search that finds nothing loses its filters")
	}
}
