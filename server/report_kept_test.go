package server_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The report's page and JSON are written from what is kept: asked again
// they are the same bytes, in the asker's language; a coordinator's kept
// sections never reach an observer, nor an observer's a coordinator; and a
// result recorded on its page shows in the next report.
func TestReportKeptPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Indicators()
	e.Plans()
	e.Decisions()
	e.Contributions()
	pid := e.Partnership.ID
	page, api := "/p/"+pid+"/report", "/api/v1/partnerships/"+pid+"/report"
	title := map[string]string{"en": "Indicators", "ar": "المؤشرات", "fr": "Indicateurs"}
	for _, role := range []string{"coordinator", "observer", "coordinator"} {
		for _, lang := range []string{"en", "ar", "fr"} {
			first := e.do(t, role, "GET", page, nil, "Accept-Language", lang)
			prepStatus(t, role+" "+lang, first, 200)
			prepBody(t, role+" "+lang, first, `lang="`+lang+`"`, `id="r-dec"`, ">"+title[lang]+"</h3>")
			if again := e.do(t, role, "GET", page, nil, "Accept-Language", lang); again.Body != first.Body {
				t.Errorf("%s %s: the page asked again differs", role, lang)
			}
			if budget := strings.Contains(first.Body, `<dl class="facts">`); budget != (role == "coordinator") {
				t.Errorf("%s %s: the budget shown %v", role, lang, budget)
			}
			first = e.do(t, role, "GET", api, nil, "Accept-Language", lang)
			prepStatus(t, role+" "+lang+" json", first, 200)
			if again := e.do(t, role, "GET", api, nil, "Accept-Language", lang); again.Body != first.Body {
				t.Errorf("%s %s: the answer asked again differs", role, lang)
			}
			if hidden := strings.Contains(first.Body, `"budget":null`); hidden != (role == "observer") {
				t.Errorf("%s %s: the budget hidden %v", role, lang, hidden)
			}
		}
	}
	before := e.do(t, "member", "GET", page, nil)
	res := e.do(t, "member", "POST", "/p/"+pid+"/indicators/"+f.Reached.ID+"/measurements",
		url.Values{"date": {e.DB.Now().Format("2006-01-02")}, "value": {"4242"}})
	prepStatus(t, "record", res, 303)
	// The indicator counts up: 9 before, 4251 now.
	if after := e.do(t, "member", "GET", page, nil); after.Body == before.Body || !strings.Contains(after.Body, "4251") {
		t.Error("the new result does not show in the report")
	}
	prepBody(t, "json after", e.do(t, "observer", "GET", api, nil), `"actual":4251`)
}
