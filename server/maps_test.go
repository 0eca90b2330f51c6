package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func mapsDecode(t *testing.T, res response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(res.Body), v); err != nil {
		t.Fatalf("decode %q: %v", res.Body, err)
	}
}

func mapsWantStatus(t *testing.T, res response, want int, what string) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("%s: %d, want %d: %s", what, res.Status, want, res.Body)
	}
}

// Every map page and API answer, as each role, leaves out the sensitive
// actor for all but coordinators: names, IDs, counts and lines alike.
func TestMapsSensitiveActorsDoNotLeak(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := e.Maps()
		pid, mid := e.Partnership.ID, f.Map.ID
		hiddenID := f.Actors[sqldbtest.SensitiveActorName]
		base := "/api/v1/partnerships/" + pid + "/maps/" + mid
		page := "/p/" + pid + "/maps/" + mid
		paths := []string{
			base, base + "/powermap", base + "/powermap?lines=1", base + "/powermap.svg", base + "/powermap.svg?lines=1",
			base + "/spectrum", base + "/spectrum?since=2020-01-01", base + "/spectrum.svg", base + "/spectrum/history.svg",
			base + "/assessments", base + "/assessments?actor=" + hiddenID, base + "/tactics", "/api/v1/partnerships/" + pid + "/maps",
			page, page + "/powermap", page + "/powermap?lines=1", page + "/spectrum", page + "/spectrum?since=2020-01-01",
			"/p/" + pid + "/maps", "/p/" + pid,
		}
		// A tactic about the sensitive actor, to be sure tactics are filtered too.
		res := e.do(t, "coordinator", "POST", base+"/tactics", `{"actor":"`+hiddenID+`","title":"Quiet word with the informant"}`)
		mapsWantStatus(t, res, http.StatusCreated, "coordinator's tactic")
		var secretTactic struct {
			ID string `json:"id"`
		}
		mapsDecode(t, res, &secretTactic)
		for _, role := range []string{"member", "observer"} {
			for _, p := range paths {
				res := e.do(t, role, "GET", p, nil)
				if res.Status != http.StatusOK {
					t.Errorf("%s GET %s: %d", role, p, res.Status)
				}
				for _, secret := range []string{sqldbtest.SensitiveActorName, hiddenID, "Quiet word"} {
					if strings.Contains(res.Body, secret) {
						t.Errorf("%s GET %s shows %q", role, p, secret)
					}
				}
			}
			for _, p := range []string{page + "/actors/" + hiddenID, page + "/tactics/" + secretTactic.ID} {
				if res := e.do(t, role, "GET", p, nil); res.Status != http.StatusNotFound {
					t.Errorf("%s: GET %s: %d, want 404", role, p, res.Status)
				}
			}
			if res := e.do(t, role, "PATCH", base+"/tactics/"+secretTactic.ID, `{"status":"done","version":1}`); res.Status != http.StatusNotFound {
				t.Errorf("%s: PATCH the sensitive actor's tactic: %d, want 404", role, res.Status)
			}
		}
		// Coordinators do see it: the filter is not simply broken.
		for _, p := range []string{base + "/powermap", base + "/powermap.svg", base + "/spectrum", base + "/spectrum.svg", page + "/powermap", page + "/actors/" + hiddenID} {
			if res := e.do(t, "coordinator", "GET", p, nil); !strings.Contains(res.Body, sqldbtest.SensitiveActorName) {
				t.Errorf("coordinator GET %s: %d, no sensitive actor", p, res.Status)
			}
		}
		// Counts and lines differ by role.
		var pmM, pmC struct {
			Actors []json.RawMessage `json:"actors"`
			Lines  []json.RawMessage `json:"lines"`
		}
		mapsDecode(t, e.do(t, "member", "GET", base+"/powermap?lines=1", nil), &pmM)
		mapsDecode(t, e.do(t, "coordinator", "GET", base+"/powermap?lines=1", nil), &pmC)
		if len(pmM.Actors) != 4 || len(pmC.Actors) != 5 || len(pmM.Lines) != 2 || len(pmC.Lines) != 4 {
			t.Errorf("member %d actors %d lines; coordinator %d actors %d lines", len(pmM.Actors), len(pmM.Lines), len(pmC.Actors), len(pmC.Lines))
		}
		var sp struct {
			Segments map[string]struct {
				Count int `json:"count"`
			} `json:"segments"`
		}
		mapsDecode(t, e.do(t, "member", "GET", base+"/spectrum", nil), &sp)
		if sp.Segments["passive_ally"].Count != 0 || sp.Segments["active_ally"].Count != 1 {
			t.Errorf("member's spectrum counts the sensitive actor: %+v", sp.Segments)
		}
	})
}

// Observers see shared maps only; an unshared map is not found for them,
// in pages and API alike.
func TestMapsObserversSeeSharedOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Maps()
	pid, priv := e.Partnership.ID, f.Private.ID
	for _, p := range []string{"/api/v1/partnerships/" + pid + "/maps/" + priv, "/api/v1/partnerships/" + pid + "/maps/" + priv + "/powermap",
		"/api/v1/partnerships/" + pid + "/maps/" + priv + "/spectrum.svg", "/p/" + pid + "/maps/" + priv, "/p/" + pid + "/maps/" + priv + "/spectrum"} {
		if res := e.do(t, "observer", "GET", p, nil); res.Status != http.StatusNotFound {
			t.Errorf("observer GET %s: %d", p, res.Status)
		}
		if res := e.do(t, "member", "GET", p, nil); res.Status != http.StatusOK {
			t.Errorf("member GET %s: %d", p, res.Status)
		}
	}
	if res := e.do(t, "observer", "GET", "/p/"+pid+"/maps", nil); strings.Contains(res.Body, f.Private.Title) || !strings.Contains(res.Body, f.Map.Title) {
		t.Errorf("observer's map list shows the unshared map or hides the shared one")
	}
	// Sharing is for coordinators.
	path := "/api/v1/partnerships/" + pid + "/maps/" + priv
	mapsWantStatus(t, e.do(t, "member", "PATCH", path, `{"shared":true,"version":1}`), http.StatusForbidden, "member shares")
	mapsWantStatus(t, e.do(t, "coordinator", "PATCH", path, `{"shared":true,"version":1}`), http.StatusOK, "coordinator shares")
	mapsWantStatus(t, e.do(t, "observer", "GET", path, nil), http.StatusOK, "observer sees the shared map")
}

func TestMapsAPIFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Maps()
	pid := e.Partnership.ID
	list := "/api/v1/partnerships/" + pid + "/maps"

	res := e.do(t, "member", "POST", list, `{"title":"Safe access to the job centre","objective":"Young newcomers are served without fear."}`)
	mapsWantStatus(t, res, http.StatusCreated, "create map")
	var m struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	}
	mapsDecode(t, res, &m)
	base := list + "/" + m.ID
	mapsWantStatus(t, e.do(t, "member", "POST", list, `{"title":""}`), http.StatusUnprocessableEntity, "map without title")
	res = e.do(t, "member", "PATCH", base, `{"objective":"Served in their language.","version":1}`)
	mapsWantStatus(t, res, http.StatusOK, "patch objective")
	mapsWantStatus(t, e.do(t, "member", "PATCH", base, `{"title":"Again","version":1}`), http.StatusConflict, "stale patch")

	council, club := f.Actors["City Council"], f.Actors["Youth Club East"]
	for _, b := range []string{
		`{"actor":"` + council + `","support":-2,"influence":5,"note":"Voted against the motion"}`,
		`{"actor":"` + club + `","support":1,"influence":2,"interest":4}`,
	} {
		mapsWantStatus(t, e.do(t, "member", "POST", base+"/assessments", b), http.StatusCreated, "assess")
	}
	e.Clock.Advance(40 * 24 * 3600 * 1e9)
	mapsWantStatus(t, e.do(t, "member", "POST", base+"/assessments", `{"actor":"`+council+`","support":-1,"influence":5}`), http.StatusCreated, "reassess")
	res = e.do(t, "member", "POST", base+"/assessments", `{"actor":"`+council+`","support":5,"influence":0}`)
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "bad scales")
	if !strings.Contains(res.Body, `"support"`) || !strings.Contains(res.Body, `"influence"`) {
		t.Errorf("bad scales do not name the fields: %s", res.Body)
	}
	mapsWantStatus(t, e.do(t, "observer", "POST", list+"/"+f.Map.ID+"/assessments", `{"actor":"`+council+`","support":1,"influence":1}`), http.StatusForbidden, "observer assesses")

	// History: both assessments of the council, newest first.
	var hist struct {
		Items []struct {
			Support int    `json:"support"`
			Note    string `json:"note"`
		} `json:"items"`
	}
	mapsDecode(t, e.do(t, "member", "GET", base+"/assessments?actor="+council, nil), &hist)
	if len(hist.Items) != 2 || hist.Items[0].Support != -1 || hist.Items[1].Note != "Voted against the motion" {
		t.Errorf("history: %+v", hist.Items)
	}

	var pm struct {
		Actors []struct {
			Name           string `json:"name"`
			Kind           string `json:"kind"`
			Support        int    `json:"support"`
			Influence      int    `json:"influence"`
			Interest       int    `json:"interest"`
			Strategy       string `json:"strategy"`
			NotFirstTarget bool   `json:"not_first_target"`
		} `json:"actors"`
	}
	mapsDecode(t, e.do(t, "member", "GET", base+"/powermap", nil), &pm)
	if len(pm.Actors) != 2 || pm.Actors[0].Name != "City Council" || pm.Actors[0].Strategy != "awareness_raising" || pm.Actors[0].NotFirstTarget ||
		pm.Actors[1].Strategy != "capacity_development" || pm.Actors[1].Interest != 4 || pm.Actors[1].Kind != "group" {
		t.Errorf("power map: %+v", pm.Actors)
	}

	// The spectrum now, as it stood on the first day, and who moved since.
	first := e.Clock.Now().AddDate(0, 0, -40).Format("2006-01-02")
	var sp struct {
		Segments map[string]struct {
			Count  int `json:"count"`
			Actors []struct {
				Name string `json:"name"`
			} `json:"actors"`
		} `json:"segments"`
		Moves []struct {
			Name      string `json:"name"`
			Direction string `json:"direction"`
		} `json:"moves"`
	}
	mapsDecode(t, e.do(t, "member", "GET", base+"/spectrum?at="+first, nil), &sp)
	if sp.Segments["active_opposition"].Count != 1 || sp.Segments["passive_opposition"].Count != 0 || len(sp.Segments) != 5 {
		t.Errorf("spectrum at %s: %+v", first, sp.Segments)
	}
	sp.Segments = nil
	mapsDecode(t, e.do(t, "member", "GET", base+"/spectrum?since="+e.Clock.Now().AddDate(0, 0, -1).Format("2006-01-02"), nil), &sp)
	if sp.Segments["passive_opposition"].Count != 1 || len(sp.Moves) != 1 || sp.Moves[0].Direction != "towards" {
		t.Errorf("spectrum since: %+v moves %+v", sp.Segments, sp.Moves)
	}
	res = e.do(t, "member", "GET", base+"/spectrum?at=yesterday", nil)
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "bad at")
	if !strings.Contains(res.Body, `"field":"at"`) {
		t.Errorf("bad at does not name the parameter: %s", res.Body)
	}
	mapsWantStatus(t, e.do(t, "member", "GET", base+"/spectrum.svg?at=2026-13-01", nil), http.StatusUnprocessableEntity, "bad at on svg")

	for _, p := range []string{"/powermap.svg", "/powermap.svg?lines=1", "/spectrum.svg", "/spectrum.svg?at=" + first, "/spectrum/history.svg"} {
		res := e.do(t, "member", "GET", base+p, nil)
		if res.Status != 200 || res.Header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(res.Body, `role="img"`) ||
			!strings.Contains(res.Body, "<title") || strings.Contains(res.Body, "style=") {
			t.Errorf("%s: %d %s", p, res.Status, res.Header.Get("Content-Type"))
		}
	}

	// Tactics: create, change with version, delete with version.
	res = e.do(t, "member", "POST", base+"/tactics", `{"actor":"`+council+`","title":"Meet the integration commissioner","due":"2026-06-01","owner":"`+e.Member.ID+`"}`)
	mapsWantStatus(t, res, http.StatusCreated, "create tactic")
	var tac struct {
		ID      string `json:"id"`
		Status  string `json:"status"`
		Version int    `json:"version"`
		Support *int   `json:"support"`
		Target  *int   `json:"target"`
	}
	mapsDecode(t, res, &tac)
	if tac.Status != "planned" || tac.Support == nil || *tac.Support != -1 || *tac.Target != 0 {
		t.Errorf("tactic: %+v", tac)
	}
	mapsWantStatus(t, e.do(t, "member", "POST", base+"/tactics", `{"actor":"`+council+`","title":"x","status":"someday","due":"June"}`), http.StatusUnprocessableEntity, "bad tactic")
	res = e.do(t, "member", "PATCH", base+"/tactics/"+tac.ID, `{"status":"in_progress","version":1}`)
	mapsWantStatus(t, res, http.StatusOK, "patch tactic")
	mapsDecode(t, res, &tac)
	if tac.Status != "in_progress" || tac.Version != 2 {
		t.Errorf("patched tactic: %+v", tac)
	}
	mapsWantStatus(t, e.do(t, "member", "PATCH", base+"/tactics/"+tac.ID, `{"status":"done","version":1}`), http.StatusConflict, "stale tactic")
	mapsWantStatus(t, e.do(t, "member", "DELETE", base+"/tactics/"+tac.ID, nil, "If-Match", "1"), http.StatusConflict, "stale delete")
	mapsWantStatus(t, e.do(t, "member", "DELETE", base+"/tactics/"+tac.ID, nil, "If-Match", "2"), http.StatusNoContent, "delete tactic")
	var tl struct {
		Items []json.RawMessage `json:"items"`
	}
	mapsDecode(t, e.do(t, "member", "GET", base+"/tactics", nil), &tl)
	if len(tl.Items) != 0 {
		t.Errorf("tactics after delete: %d", len(tl.Items))
	}
	mapsWantStatus(t, e.do(t, "member", "DELETE", base, `{"version":2}`), http.StatusNoContent, "delete map")
	mapsWantStatus(t, e.do(t, "member", "GET", base, nil), http.StatusNotFound, "deleted map")
}

func TestMapsPagesWithoutJavaScript(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Maps()
	pid := e.Partnership.ID
	page := "/p/" + pid + "/maps/" + f.Map.ID
	council := f.Actors["City Council"]

	// The power map page: SVG, table with strategies and advice, and a form.
	res := e.do(t, "member", "GET", page+"/powermap", nil)
	for _, want := range []string{`role="img"`, "City Council", `name="support"`, `action="` + page + `/assessments"`, "Raise awareness", "Not a first target"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("power map page lacks %q", want)
		}
	}
	if !strings.Contains(res.Body, `data-editable="1"`) || !strings.Contains(res.Body, `data-api="/api/v1/partnerships/`+pid+`/maps/`+f.Map.ID+`/assessments"`) {
		t.Error("members' power map is not marked for dragging")
	}
	if res := e.do(t, "observer", "GET", page+"/powermap", nil); strings.Contains(res.Body, `name="support"`) || strings.Contains(res.Body, "data-editable") {
		t.Error("observers get the assessment form or dragging")
	}
	// What the dragging script sends: JSON with the session cookie, same origin.
	req, _ := http.NewRequest("POST", e.HTTP.URL+"/api/v1/partnerships/"+pid+"/maps/"+f.Map.ID+"/assessments",
		strings.NewReader(`{"actor":"`+council+`","support":1,"influence":4,"interest":3}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(&http.Cookie{Name: "pk_session", Value: e.cookies["member"]})
	if r, err := http.DefaultClient.Do(req); err != nil || r.StatusCode != http.StatusCreated {
		t.Errorf("drag as the script sends it: %v %v", r, err)
	} else {
		r.Body.Close()
	}
	// Assess through the form.
	res = e.do(t, "member", "POST", page+"/assessments", url.Values{"actor": {council}, "support": {"0"}, "influence": {"5"}, "note": {"Listened at the hearing"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "assess by form")
	res = e.do(t, "member", "POST", page+"/assessments", url.Values{"actor": {council}, "support": {"9"}, "influence": {"5"}})
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "bad form")
	if !strings.Contains(res.Body, `aria-invalid="true"`) {
		t.Error("form error not shown next to the field")
	}
	// The actor's page shows the history, never overwritten.
	res = e.do(t, "member", "GET", page+"/actors/"+council, nil)
	if !strings.Contains(res.Body, "Listened at the hearing") || !strings.Contains(res.Body, "First look") {
		t.Errorf("actor page lacks the history")
	}
	// The spectrum page: at, since, chart, tactics.
	res = e.do(t, "member", "GET", page+"/spectrum?since=2020-01-01", nil)
	for _, want := range []string{`class="chart spectrum"`, "Invite the editor", `href="` + page + `/tactics/new"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("spectrum page lacks %q", want)
		}
	}
	mapsWantStatus(t, e.do(t, "member", "GET", page+"/spectrum?at=31-12-2026", nil), http.StatusUnprocessableEntity, "bad at on the page")
	// Tactics by form: a page of their own offers the map's actors and the
	// members as owners; an observer may not plan one.
	res = e.do(t, "member", "GET", page+"/tactics/new?actor="+council, nil)
	mapsWantStatus(t, res, http.StatusOK, "new tactic page")
	for _, want := range []string{`action="` + page + `/tactics"`, `<option value="` + council + `" selected>`, `<option value="` + e.Member.ID + `">`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("new tactic page lacks %q", want)
		}
	}
	mapsWantStatus(t, e.do(t, "observer", "GET", page+"/tactics/new", nil), http.StatusForbidden, "observer's new tactic page")
	res = e.do(t, "member", "POST", page+"/tactics", url.Values{"actor": {council}, "status": {"planned"}})
	mapsWantStatus(t, res, http.StatusUnprocessableEntity, "tactic without a title")
	if !strings.Contains(res.Body, `action="`+page+`/tactics"`) || !strings.Contains(res.Body, `aria-invalid="true"`) {
		t.Error("a refused tactic does not come back as its form with the message")
	}
	res = e.do(t, "member", "POST", page+"/tactics", url.Values{"actor": {council}, "title": {"Letter to the council"}, "status": {"planned"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "tactic by form")
	tid := e.Maps().Tactic.ID
	res = e.do(t, "member", "POST", page+"/tactics/"+tid, url.Values{"actor": {f.Actors["Local Newspaper"]}, "title": {"Invite the editor"}, "status": {"done"}, "version": {"1"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "tactic update by form")
	mapsWantStatus(t, e.do(t, "member", "POST", page+"/tactics/"+tid+"/delete", url.Values{"version": {"1"}, "confirm": {"yes"}}), http.StatusConflict, "stale tactic delete")
	mapsWantStatus(t, e.do(t, "member", "POST", page+"/tactics/"+tid+"/delete", url.Values{"version": {"2"}, "confirm": {"yes"}}), http.StatusSeeOther, "tactic delete")
	// Maps by form: create, rename, share (coordinator), delete.
	res = e.do(t, "member", "POST", "/p/"+pid+"/maps", url.Values{"title": {"Safe access to the job centre"}})
	mapsWantStatus(t, res, http.StatusSeeOther, "create map by form")
	loc := res.Header.Get("Location")
	mid := strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/p/"+pid+"/maps/")
	mapsWantStatus(t, e.do(t, "member", "POST", "/p/"+pid+"/maps/"+mid, url.Values{"title": {"Job centre"}, "version": {"1"}}), http.StatusSeeOther, "rename")
	mapsWantStatus(t, e.do(t, "coordinator", "POST", "/p/"+pid+"/maps/"+mid, url.Values{"title": {"Job centre"}, "share_field": {"1"}, "shared": {"on"}, "version": {"2"}}), http.StatusSeeOther, "share")
	mapsWantStatus(t, e.do(t, "observer", "GET", "/p/"+pid+"/maps/"+mid, nil), http.StatusOK, "observer sees shared")
	mapsWantStatus(t, e.do(t, "member", "POST", "/p/"+pid+"/maps/"+mid+"/delete", url.Values{"version": {strconv.Itoa(3)}, "confirm": {"yes"}}), http.StatusSeeOther, "delete map")
}

// BenchmarkMapsLarge measures the map pages and API on a large partnership:
// 2,000 actors (one in twenty sensitive), 10,000 relationships and five
// assessments per actor spread over a year. Run with
// go test ./server/ -run '^$' -bench Maps -benchtime 20x
// (on PostgreSQL too when PARTNERKIT_TEST_POSTGRES is set).
func BenchmarkMapsLarge(b *testing.B) {
	for _, engine := range sqldbtest.Engines() {
		b.Run(engine, func(b *testing.B) { benchmarkMapsLarge(b, engine) })
	}
}

func benchmarkMapsLarge(b *testing.B, engine string) {
	e := newEnv(b, sqldbtest.OpenWorld(b, engine))
	db := e.DB
	ctx := e.Coordinator.Ctx
	pid := e.Partnership.ID
	const nActors, nRels, perActor = 2000, 10000, 5
	actors := make([]sqldb.SeedActor, nActors)
	for i := range actors {
		actors[i] = sqldb.SeedActor{Name: "Actor " + strconv.Itoa(i), Kind: []string{"organisation", "group", "institution", "individual"}[i%4], Sensitive: i%20 == 0}
	}
	rels := make([]sqldb.SeedRelationship, nRels)
	types := []string{"cooperates_with", "in_conflict_with", "funds", "member_of"}
	for i := range rels {
		rels[i] = sqldb.SeedRelationship{From: (i * 7) % nActors, To: (i*13 + 1) % nActors, Type: types[i%4], Sensitive: i%50 == 0}
	}
	ids, err := sqldb.NewSeeder(db).SeedActors(ctx, pid, actors, rels)
	if err != nil {
		b.Fatal(err)
	}
	m, err := db.Maps.CreateMap(ctx, pid, pk.MapInput{Title: "Large campaign"})
	if err != nil {
		b.Fatal(err)
	}
	start := e.Clock.Now().AddDate(-1, 0, 0)
	var rows []sqldb.SeedAssessment
	for k := 0; k < perActor; k++ {
		for i, id := range ids {
			rows = append(rows, sqldb.SeedAssessment{ActorID: id, Support: (i+k)%5 - 2, Influence: (i*3+k)%5 + 1, Interest: (i + k) % 6,
				At: start.AddDate(0, 0, k*70+i%60)})
		}
	}
	if err := sqldb.NewSeeder(db).SeedAssessments(ctx, pid, m.ID, rows); err != nil {
		b.Fatal(err)
	}
	api := "/api/v1/partnerships/" + pid + "/maps/" + m.ID
	page := "/p/" + pid + "/maps/" + m.ID
	for _, c := range []struct{ name, path string }{
		{"api_powermap", api + "/powermap"},
		{"api_powermap_svg_lines", api + "/powermap.svg?lines=1"},
		{"api_spectrum_since", api + "/spectrum?since=" + start.AddDate(0, 6, 0).Format("2006-01-02")},
		{"api_spectrum_svg_at", api + "/spectrum.svg?at=" + start.AddDate(0, 3, 0).Format("2006-01-02")},
		{"api_history_svg", api + "/spectrum/history.svg"},
		{"page_powermap_lines", page + "/powermap?lines=1"},
		{"page_spectrum_since", page + "/spectrum?since=" + start.AddDate(0, 6, 0).Format("2006-01-02")},
	} {
		for _, role := range []string{"member", "coordinator"} {
			b.Run(c.name+"/"+role, func(b *testing.B) {
				for b.Loop() {
					if res := e.do(b, role, "GET", c.path, nil); res.Status != http.StatusOK {
						b.Fatalf("%s: %d", c.path, res.Status)
					}
				}
			})
		}
	}
}
