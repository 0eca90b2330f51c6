package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The power map page is drawn once per kept positions and language: the
// drawing a coordinator made is never shown to a member (who may not see
// the sensitive actor), each language gets its own, and an assessment
// shows in the next page.
func TestPowerMapDrawingKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := e.Maps()
		pid, mid := e.Partnership.ID, f.Map.ID
		page := "/p/" + pid + "/maps/" + mid + "/powermap"
		council := f.Actors["City Council"]

		for range 2 { // drawn, then found
			if res := e.do(t, "coordinator", "GET", page, nil); res.Status != 200 || !strings.Contains(res.Body, sqldbtest.SensitiveActorName) {
				t.Fatalf("coordinator: %d, no sensitive actor", res.Status)
			}
			if res := e.do(t, "member", "GET", page, nil); res.Status != 200 || strings.Contains(res.Body, sqldbtest.SensitiveActorName) {
				t.Fatalf("member: %d, or shown the sensitive actor", res.Status)
			}
		}
		// Each language its own drawing: the segment names in the
		// tables are those of the page's language.
		en := e.do(t, "member", "GET", page, nil, "Accept-Language", "en").Body
		ar := e.do(t, "member", "GET", page, nil, "Accept-Language", "ar").Body
		for lang, body := range map[string]string{"en": en, "ar": ar} {
			other := map[string]string{"en": ar, "ar": en}[lang]
			name := bundle.Localizer(lang).T(spectrum.Segments[0].Message())
			if !strings.Contains(body, "<td>"+name+"</td>") || strings.Contains(other, "<td>"+name+"</td>") {
				t.Errorf("%s: the tables are not drawn in the page's language (%q)", lang, name)
			}
		}

		// The council's row follows each new assessment to its strategy.
		api := "/api/v1/partnerships/" + pid + "/maps/" + mid + "/assessments"
		for _, c := range []struct{ body, group string }{
			{`"support":-2,"influence":5`, "awareness_raising"},
			{`"support":2,"influence":5`, "partner"},
		} {
			if res := e.do(t, "member", "POST", api, `{"actor":"`+council+`",`+c.body+`}`); res.Status != http.StatusCreated {
				t.Fatalf("assess: %d %s", res.Status, res.Body)
			}
			body := e.do(t, "member", "GET", page, nil).Body
			i := strings.Index(body, `/actors/`+council)
			if i < 0 {
				t.Fatalf("the council is not on the page")
			}
			if g := body[strings.LastIndex(body[:i], `<section aria-labelledby="g-`):i]; !strings.HasPrefix(g, `<section aria-labelledby="g-`+c.group+`"`) {
				t.Errorf("after %s the council is not under %s: %.60s", c.body, c.group, g)
			}
		}
	})
}
