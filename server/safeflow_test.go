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

// selectHTML returns the <select> element named name in a page.
func selectHTML(t *testing.T, page, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<select[^>]*name="` + regexp.QuoteMeta(name) + `"[^>]*>.*?</select>`).FindString(page)
	if m == "" {
		t.Fatalf("no select %q in the page", name)
	}
	return m
}

// fieldErrors returns the messages shown beside a field (spans with id
// name-error).
func fieldErrors(page, name string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<span class="field-error" id="`+regexp.QuoteMeta(name)+`-error">([^<]*)</span>`).FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// Choosing only the actor must not record a position: support and
// influence start at "choose" (nothing preselected) and are required.
func TestAssessmentStartsEmptyAndIsRequired(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Maps()
	page := "/p/" + e.Partnership.ID + "/maps/" + f.Map.ID
	res := e.do(t, "member", "GET", page+"/powermap", nil)
	for _, name := range []string{"support", "influence"} {
		sel := selectHTML(t, res.Body, name)
		if strings.Contains(sel, "selected") || !strings.Contains(sel, `<option value="">`) {
			t.Errorf("%s starts with a choice made: %s", name, sel)
		}
	}
	council := f.Actors["City Council"]
	before := e.do(t, "member", "GET", page+"/actors/"+council, nil).Body
	res = e.do(t, "member", "POST", page+"/assessments", url.Values{"actor": {council}, "support": {""}, "influence": {""}, "interest": {""}})
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "assessment with only the actor")
	for _, name := range []string{"support", "influence"} {
		if got := fieldErrors(res.Body, name); len(got) != 1 || got[0] != "This field is required." {
			t.Errorf("%s: messages %q, want the required one", name, got)
		}
	}
	if after := e.do(t, "member", "GET", page+"/actors/"+council, nil).Body; strings.Count(after, "<tr>") != strings.Count(before, "<tr>") {
		t.Error("a refused assessment was recorded")
	}
}

// A new map is empty: its page offers the form that places the first actor,
// and that form leads back to the map with the actor on it.
func TestEmptyMapPlacesFirstActor(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	res := e.do(t, "member", "POST", "/p/"+pid+"/maps", url.Values{"title": {"Safe access to the job centre"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "create map")
	page := strings.SplitN(res.Header.Get("Location"), "?", 2)[0]
	res = e.do(t, "member", "GET", page, nil)
	if !strings.Contains(res.Body, `action="`+page+`/assessments"`) || !strings.Contains(res.Body, `name="back" value="map"`) {
		t.Fatal("an empty map does not offer to place an actor")
	}
	actor := e.Actors().Actor
	if !strings.Contains(selectHTML(t, res.Body, "actor"), actor.Name) {
		t.Errorf("the register's actor %q is not offered", actor.Name)
	}
	if o := e.do(t, "observer", "GET", "/p/"+pid+"/maps/"+e.Maps().Map.ID, nil); strings.Contains(o.Body, `name="back" value="map"`) {
		t.Error("observers are offered the form")
	}
	// A refused placement shows the map again with the messages.
	res = e.do(t, "member", "POST", page+"/assessments", url.Values{"actor": {actor.ID}, "back": {"map"}, "support": {"1"}})
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "placement without influence")
	if len(fieldErrors(res.Body, "influence")) != 1 || !strings.Contains(res.Body, "Safe access to the job centre") {
		t.Error("the map page does not show the message beside influence")
	}
	res = e.do(t, "member", "POST", page+"/assessments", url.Values{"actor": {actor.ID}, "back": {"map"}, "support": {"1"}, "influence": {"4"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "placement")
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, page+"?") {
		t.Errorf("after placing: %s, want the map", loc)
	}
	if res := e.do(t, "member", "GET", page, nil); strings.Contains(res.Body, `name="back" value="map"`) || !strings.Contains(res.Body, "1 actor") {
		t.Error("the map still looks empty after placing an actor")
	}
}

// An actor's page links to the one form that places it on each map.
func TestActorPageOffersPlaceOnMap(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, aid := e.Partnership.ID, e.Actors().Actor.ID
	link := "/p/" + pid + "/maps/" + e.Maps().Map.ID + "/actors/" + aid
	res := e.do(t, "member", "GET", "/p/"+pid+"/actors/"+aid, nil)
	if !strings.Contains(res.Body, `href="`+link+`#assess-h"`) {
		t.Fatal("the actor's page has no way to place it on the map")
	}
	res = e.do(t, "member", "GET", link, nil)
	mapsWantStatus(t, res, http.StatusOK, "the actor on a map it is not on yet")
	if !strings.Contains(res.Body, `action="/p/`+pid+`/maps/`+e.Maps().Map.ID+`/assessments"`) {
		t.Error("the linked page has no assessment form")
	}
	if res := e.do(t, "observer", "GET", "/p/"+pid+"/actors/"+aid, nil); strings.Contains(res.Body, `id="place-h"`) {
		t.Error("observers are offered to place actors")
	}
}

// A date in the address that is not a day shows the page, with the
// navigation, the form and the message beside the field.
func TestBadQueryDateShownBesideField(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	page := "/p/" + e.Partnership.ID + "/maps/" + e.Maps().Map.ID + "/spectrum"
	res := e.do(t, "member", "GET", page+"?at=2026-02-30&since=2020-01-01", nil)
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "impossible date")
	if got := fieldErrors(res.Body, "at"); len(got) != 1 || !strings.Contains(got[0], "date") {
		t.Errorf("messages beside at: %q", got)
	}
	for _, want := range []string{`id="f-at" name="at" type="date" value="2026-02-30" aria-invalid="true"`, `aria-current="page"`, "City Council", `id="moves-h"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if fieldErrors(res.Body, "since") != nil {
		t.Error("the good date is reported too")
	}
}

// No password is ever written back into a page, even when the form is
// refused for another field.
func TestPasswordNeverWrittenBack(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	const secret = "correct horse battery staple"
	for _, c := range []struct {
		path string
		form url.Values
	}{
		{"/signup", url.Values{"name": {"Rania"}, "email": {"not an address"}, "password": {secret}}},
		{"/signin", url.Values{"email": {"nobody@example.org"}, "password": {secret}}},
	} {
		res := e.do(t, "", "POST", c.path, c.form)
		if res.Status < 400 {
			t.Errorf("%s: %d, want the form refused", c.path, res.Status)
		}
		if strings.Contains(res.Body, secret) || !strings.Contains(res.Body, `type="password"`) {
			t.Errorf("%s: the password is written back (or the form is missing)", c.path)
		}
	}
	res := e.do(t, "member", "POST", "/account/password", url.Values{"current_password": {secret}, "new_password": {"short"}})
	if strings.Contains(res.Body, secret) || strings.Contains(res.Body, `value="short"`) {
		t.Error("the account page writes a password back")
	}
}

// A forged choice is answered with the choices by the names the form
// shows, in the reader's language, never with internal codes.
func TestForgedChoiceNamesChoicesInReadersLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	for _, c := range []struct{ lang, want string }{
		{"en", "Choose one of: Individual, "},
		{"fr", "Choisissez parmi : "},
		{"ar", "، "},
	} {
		res := e.do(t, "member", "POST", "/p/"+e.Partnership.ID+"/actors", url.Values{"name": {"Forged"}, "kind": {"robot"}}, "Accept-Language", c.lang, "Cookie", "lang="+c.lang)
		mapsWantStatus(t, res, http.StatusUnprocessableEntity, c.lang+" forged kind")
		got := fieldErrors(res.Body, "kind")
		if len(got) != 1 || !strings.Contains(got[0], c.want) || strings.Contains(got[0], "individual, group") {
			t.Errorf("%s: messages %q, want the named choices (%q)", c.lang, got, c.want)
		}
		if c.lang == "ar" && len(got) == 1 && !strings.Contains(got[0], bundle.Localizer("ar").T("actors.kind.group")) {
			t.Errorf("ar: %q does not name the choices in Arabic", got[0])
		}
	}
	// The API says the same, in the asker's language.
	res := e.do(t, "member", "POST", "/api/v1/partnerships/"+e.Partnership.ID+"/actors", `{"name":"Forged","kind":"robot"}`)
	if !strings.Contains(res.Body, "Individual") || strings.Contains(res.Body, "individual, group") {
		t.Errorf("API: %s", res.Body)
	}
}

// Date fields use the browser's date picker, whose order follows the
// device: no hint or message may name another format.
func TestDateHintsAgreeWithDateInputs(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	for _, p := range []string{"/p/" + pid + "/relationships", "/p/" + pid + "/relationships/" + e.Actors().Relationship.ID + "/edit",
		"/p/" + pid + "/maps/" + e.Maps().Map.ID + "/spectrum?at=2026-02-30"} {
		for _, lang := range []string{"en", "fr", "ar"} {
			res := e.do(t, "member", "GET", p, nil, "Cookie", "lang="+lang)
			if !strings.Contains(res.Body, `type="date"`) {
				t.Fatalf("%s: no date field", p)
			}
			for _, format := range []string{"YYYY", "AAAA", "JJ"} {
				if strings.Contains(res.Body, format) {
					t.Errorf("%s (%s): a hint names the format %s", p, lang, format)
				}
			}
		}
	}
}
