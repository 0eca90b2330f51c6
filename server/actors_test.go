package server_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/tabular"
)

func actorsJSON(t *testing.T, res response, want int, v any) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("%d, want %d: %s", res.Status, want, res.Body)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(res.Body), v); err != nil {
			t.Fatalf("decode %q: %v", res.Body, err)
		}
	}
}

// upload builds a multipart body with a file and an optional mapping.
func upload(t *testing.T, name string, data []byte, mapping string) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	if mapping != "" {
		mw.WriteField("mapping", mapping)
	}
	mw.Close()
	return buf.String(), mw.FormDataContentType()
}

func TestActorsAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		base := "/api/v1/partnerships/" + e.Partnership.ID + "/actors"
		var a pk.Actor
		actorsJSON(t, e.do(t, "member", "POST", base, `{"name":"Leipziger Volkszeitung","kind":"organisation","sector":"media","tags":["press","daily"],"motivation":"Stories"}`),
			http.StatusCreated, &a)
		if a.ID == "" || a.Version != 1 || a.Sector != "media" || len(a.Tags) != 2 {
			t.Fatalf("created %+v", a)
		}
		res := e.do(t, "member", "POST", base, `{"name":"","kind":"robot"}`)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `"field":"kind"`) || !strings.Contains(res.Body, `"field":"name"`) {
			t.Errorf("invalid create: %d %s", res.Status, res.Body)
		}
		// PATCH keeps what it does not name; a stale version changes nothing.
		var up pk.Actor
		actorsJSON(t, e.do(t, "member", "PATCH", base+"/"+a.ID, `{"notes":"Editor met us in May"}`, "If-Match", `"1"`), http.StatusOK, &up)
		if up.Version != 2 || up.Notes == "" || up.Name != a.Name || len(up.Tags) != 2 {
			t.Errorf("patched %+v", up)
		}
		res = e.do(t, "coordinator", "PATCH", base+"/"+a.ID, `{"name":"Overwritten","version":1}`)
		if res.Status != http.StatusConflict || !strings.Contains(res.Body, `"version":2`) {
			t.Errorf("stale patch: %d %s", res.Status, res.Body)
		}
		var got pk.Actor
		actorsJSON(t, e.do(t, "member", "GET", base+"/"+a.ID, nil), http.StatusOK, &got)
		if got.Name != a.Name {
			t.Errorf("stale patch changed the name to %q", got.Name)
		}
		// Filters and pages.
		var list struct {
			Items      []pk.Actor `json:"items"`
			NextCursor string     `json:"next_cursor"`
		}
		actorsJSON(t, e.do(t, "member", "GET", base+"?q=volks&sector=media&tag=PRESS", nil), http.StatusOK, &list)
		if len(list.Items) != 1 || list.Items[0].ID != a.ID {
			t.Errorf("filtered list %+v", list.Items)
		}
		actorsJSON(t, e.do(t, "member", "GET", base+"?limit=2", nil), http.StatusOK, &list)
		if len(list.Items) != 2 || list.NextCursor == "" {
			t.Fatalf("first page %+v", list)
		}
		first := list.Items[0].ID
		actorsJSON(t, e.do(t, "member", "GET", base+"?limit=2&cursor="+url.QueryEscape(list.NextCursor), nil), http.StatusOK, &list)
		if len(list.Items) == 0 || list.Items[0].ID == first {
			t.Errorf("second page %+v", list.Items)
		}
		res = e.do(t, "member", "GET", base+"?kind=robot", nil)
		if res.Status != http.StatusUnprocessableEntity {
			t.Errorf("bad filter: %d", res.Status)
		}
		if res := e.do(t, "member", "GET", base+"?map="+e.Maps().Map.ID+"&strategy=partner", nil); res.Status != http.StatusOK {
			t.Errorf("strategy filter: %d %s", res.Status, res.Body)
		}
		// Relationships through the API.
		rbase := "/api/v1/partnerships/" + e.Partnership.ID + "/relationships"
		var r pk.Relationship
		actorsJSON(t, e.do(t, "member", "POST", rbase, `{"from":"`+a.ID+`","to":"`+e.Actors().Actor.ID+`","type":"cooperates_with","strength":3,"from_date":"2024-01-01","note":"Joint press conference"}`),
			http.StatusCreated, &r)
		if r.Strength != 3 || r.FromDate != "2024-01-01" || r.ToName != sqldbtest.ActorName {
			t.Errorf("relationship %+v", r)
		}
		res = e.do(t, "member", "POST", rbase, `{"from":"`+a.ID+`","to":"`+a.ID+`","type":"family","strength":0,"until_date":"2024-13-01"}`)
		for _, f := range []string{`"field":"to"`, `"field":"strength"`, `"field":"until_date"`} {
			if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, f) {
				t.Errorf("invalid relationship lacks %s: %d %s", f, res.Status, res.Body)
			}
		}
		var rel pk.Relationship
		actorsJSON(t, e.do(t, "member", "PATCH", rbase+"/"+r.ID, `{"until_date":"2025-06-30","version":1}`), http.StatusOK, &rel)
		if rel.UntilDate != "2025-06-30" || rel.Note != "Joint press conference" || rel.Version != 2 {
			t.Errorf("patched relationship %+v", rel)
		}
		var rels struct{ Items []pk.Relationship }
		actorsJSON(t, e.do(t, "member", "GET", rbase+"?type=cooperates_with", nil), http.StatusOK, &rels)
		for _, x := range rels.Items {
			if x.Type != "cooperates_with" {
				t.Errorf("type filter let %s through", x.Type)
			}
		}
		if res := e.do(t, "member", "DELETE", rbase+"/"+r.ID, nil); res.Status != http.StatusUnprocessableEntity {
			t.Errorf("delete without version: %d", res.Status)
		}
		if res := e.do(t, "member", "DELETE", rbase+"/"+r.ID+"?version=2", nil); res.Status != http.StatusNoContent {
			t.Errorf("delete relationship: %d %s", res.Status, res.Body)
		}
		// Merge: the path actor is kept, the body names the duplicate.
		var dup pk.Actor
		actorsJSON(t, e.do(t, "member", "POST", base, `{"name":"LVZ","kind":"organisation","contribution":"Column space"}`), http.StatusCreated, &dup)
		var kept pk.Actor
		actorsJSON(t, e.do(t, "member", "POST", base+"/"+a.ID+"/merge", `{"duplicate":"`+dup.ID+`"}`), http.StatusOK, &kept)
		if kept.ID != a.ID || kept.Contribution != "Column space" {
			t.Errorf("merged %+v", kept)
		}
		if res := e.do(t, "member", "GET", base+"/"+dup.ID, nil); res.Status != http.StatusNotFound {
			t.Errorf("duplicate still there: %d", res.Status)
		}
		if res := e.do(t, "member", "POST", base+"/"+a.ID+"/merge", `{"into":"x"}`); res.Status != http.StatusUnprocessableEntity {
			t.Errorf("merge with an unknown field: %d", res.Status)
		}
		if res := e.do(t, "member", "DELETE", base+"/"+a.ID, nil, "If-Match", strconv.Itoa(kept.Version)); res.Status != http.StatusNoContent {
			t.Errorf("delete actor: %d %s", res.Status, res.Body)
		}
		// The OpenAPI document describes the register.
		res = e.do(t, "", "GET", "/api/v1/openapi.json", nil)
		for _, p := range []string{"/partnerships/{pid}/actors/import", "/partnerships/{pid}/actors/{aid}/merge", "/partnerships/{pid}/relationships/{rid}"} {
			if !strings.Contains(res.Body, p) {
				t.Errorf("openapi lacks %s", p)
			}
		}
	})
}

func TestActorImportAndExportHTTP(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		base := "/api/v1/partnerships/" + e.Partnership.ID + "/actors"
		// A French file with a BOM and semicolons; one bad row.
		bad := "\uFEFFNom;Type;Secteur\nMairie;institution;public\n;groupe;\nRadio;robot;médias\n"
		body, ct := upload(t, "acteurs.csv", []byte(bad), "")
		var prev pk.ActorImport
		actorsJSON(t, e.do(t, "member", "POST", base+"/import?dry_run=true", body, "Content-Type", ct), http.StatusOK, &prev)
		if prev.Rows != 3 || len(prev.Errors) != 2 || prev.Errors[0].Field != "row 3.name" || prev.Errors[0].Message == "" || prev.Mapping[0] != "name" {
			t.Errorf("preview %+v", prev)
		}
		res := e.do(t, "member", "POST", base+"/import", body, "Content-Type", ct)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `"row 3.name"`) || !strings.Contains(res.Body, `"row 4.kind"`) {
			t.Errorf("bad import: %d %s", res.Status, res.Body)
		}
		var list struct{ Items []pk.Actor }
		actorsJSON(t, e.do(t, "member", "GET", base+"?q=Mairie", nil), http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Error("a refused import wrote rows")
		}
		// The same file with a mapping that ignores the bad kind column and
		// the empty row fixed is imported.
		good := strings.Replace(bad, ";groupe;\n", "Jugendhaus;groupe;\n", 1)
		body, ct = upload(t, "acteurs.csv", []byte(good), `{"Type":"ignore"}`)
		var imp pk.ActorImport
		actorsJSON(t, e.do(t, "member", "POST", base+"/import", body, "Content-Type", ct), http.StatusOK, &imp)
		if imp.Imported != 3 {
			t.Errorf("imported %+v", imp)
		}
		broken, bct := upload(t, "broken.csv", []byte("name\nok\n\"broken\n"), "")
		res = e.do(t, "member", "POST", base+"/import", broken, "Content-Type", bct)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `"field":"row 3"`) || !strings.Contains(res.Body, "Row 3") {
			t.Errorf("broken file: %d %s", res.Status, res.Body)
		}
		if res := e.do(t, "member", "POST", base+"/import", `{}`); res.Status != http.StatusUnsupportedMediaType {
			t.Errorf("import of a JSON body: %d", res.Status)
		}
		big, ct := upload(t, "big.csv", bytes.Repeat([]byte("x"), tabular.MaxBytes+10), "")
		if res := e.do(t, "member", "POST", base+"/import", big, "Content-Type", ct); res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `"file"`) {
			t.Errorf("too large: %d %s", res.Status, res.Body)
		}
		// Exports are files and recorded.
		res = e.do(t, "member", "GET", base+"/export.csv?sector=public", nil)
		if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !strings.Contains(res.Body, "Mairie") {
			t.Errorf("csv export: %d %s", res.Status, res.Body)
		}
		res = e.do(t, "member", "GET", base+"/export.xlsx", nil)
		if tb, err := tabular.Read([]byte(res.Body)); err != nil || len(tb.Rows) == 0 {
			t.Errorf("xlsx export: %v", err)
		}
		res = e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+e.Partnership.ID+"/audit?limit=3", nil)
		if !strings.Contains(res.Body, "actor.export") || !strings.Contains(res.Body, `sensitive_included`) {
			t.Errorf("audit lacks the export: %s", res.Body)
		}
		// The pages: upload, preview with the file carried along, confirm.
		page := "/p/" + e.Partnership.ID + "/actors/import"
		body, ct = upload(t, "acteurs.csv", []byte("Name,Kind\nStadtbibliothek,institution\n"), "")
		res = e.do(t, "member", "POST", page, body, "Content-Type", ct)
		m := regexp.MustCompile(`name="file" value="([^"]+)"`).FindStringSubmatch(res.Body)
		if res.Status != http.StatusOK || m == nil {
			t.Fatalf("preview page: %d %s", res.Status, res.Body)
		}
		form := url.Values{"file": {m[1]}, "columns": {"2"}, "column_0": {"Name"}, "map_0": {"name"}, "column_1": {"Kind"}, "map_1": {"kind"}}
		res = e.do(t, "member", "POST", page+"/confirm", form)
		if res.Status != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "flash.actors_imported_one") {
			t.Errorf("confirm: %d %s", res.Status, res.Header.Get("Location"))
		}
		form.Set("map_1", "sector")
		res = e.do(t, "member", "POST", page+"/confirm", form)
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Row 2") {
			t.Errorf("confirm with a bad mapping: %d", res.Status)
		}
	})
}

// A member never sees the sensitive actor, or a tie that is sensitive or
// touches it, through any route of the register: lists, pages, API answers,
// exports and counts leave it out, and its IDs are not found.
func TestActorsSensitiveNeverLeak(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := e.Actors()
		pid := e.Partnership.ID
		secrets := []string{sqldbtest.SensitiveActorName2, f.Sensitive.ID, f.SensitiveTie.ID, f.HiddenEnd.ID, "No papers"}
		mine := regexp.MustCompile(`^(/api/v1/partnerships/\{pid\}|/p/\{pid\})/(actors|relationships)`)
		checked := 0
		for _, rt := range e.Srv.Router.Routes() {
			if !mine.MatchString(rt.Pattern) {
				continue
			}
			for _, ids := range []map[string]string{
				{"aid": f.Sensitive.ID, "rid": f.SensitiveTie.ID},
				{"aid": f.Sensitive.ID, "rid": f.HiddenEnd.ID},
			} {
				params := map[string]string{"pid": pid}
				for k, v := range ids {
					params[k] = v
				}
				path, _ := fill(t, rt.Pattern, params)
				var body any
				if rt.Method != "GET" {
					body = url.Values{"version": {"1"}, "duplicate": {f.Actor.ID}}
					if rt.API {
						body = `{"version":1}`
						if strings.HasSuffix(rt.Pattern, "/merge") {
							body = `{"duplicate":"` + f.Actor.ID + `"}`
						}
					}
				}
				res := e.do(t, "member", rt.Method, path, body)
				checked++
				hasID := strings.Contains(rt.Pattern, "{aid}") || strings.Contains(rt.Pattern, "{rid}")
				if hasID && res.Status != http.StatusNotFound {
					t.Errorf("member %s %s: %d, want 404", rt.Method, path, res.Status)
				}
				text := res.Body
				if strings.HasSuffix(rt.Pattern, ".xlsx") {
					if tb, err := tabular.Read([]byte(res.Body)); err == nil {
						text = strings.Join(tb.Header, ",")
						for _, r := range tb.Rows {
							text += strings.Join(r, ",")
						}
					}
				}
				for _, s := range secrets {
					// The error page repeats the requested path; that is no leak.
					if strings.Contains(text, s) && !strings.Contains(path, s) {
						t.Errorf("member %s %s shows %q", rt.Method, path, s)
					}
				}
			}
		}
		if checked < 30 {
			t.Errorf("only %d requests checked", checked)
		}
		// Merging the sensitive actor into a visible one is not found either.
		res := e.do(t, "member", "POST", "/api/v1/partnerships/"+pid+"/actors/"+f.Actor.ID+"/merge", `{"duplicate":"`+f.Sensitive.ID+`"}`)
		if res.Status != http.StatusNotFound {
			t.Errorf("merge of a sensitive duplicate: %d", res.Status)
		}
		// The same pages for a coordinator do show it.
		res = e.do(t, "coordinator", "GET", "/p/"+pid+"/actors", nil)
		if !strings.Contains(res.Body, sqldbtest.SensitiveActorName2) {
			t.Error("coordinator's list lacks the sensitive actor")
		}
		res = e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+pid+"/relationships/"+f.SensitiveTie.ID, nil)
		if res.Status != http.StatusOK {
			t.Errorf("coordinator's sensitive tie: %d", res.Status)
		}
		// Observers do not see the register at all.
		for _, p := range []string{"/p/" + pid + "/actors", "/api/v1/partnerships/" + pid + "/actors", "/api/v1/partnerships/" + pid + "/actors/export.csv"} {
			if res := e.do(t, "observer", "GET", p, nil); res.Status != http.StatusForbidden {
				t.Errorf("observer %s: %d", p, res.Status)
			}
		}
	})
}

func TestActorPages(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := e.Actors()
		pid := e.Partnership.ID
		res := e.do(t, "member", "POST", "/p/"+pid+"/actors", url.Values{"name": {"Caritas Leipzig"}, "kind": {"organisation"},
			"sector": {"faith_based"}, "tags": {"welfare, advice"}})
		if res.Status != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "/p/"+pid+"/actors/") {
			t.Fatalf("create: %d %s", res.Status, res.Body)
		}
		loc, _ := url.Parse(res.Header.Get("Location"))
		res = e.do(t, "member", "GET", loc.Path, nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Body, "Caritas Leipzig") || !strings.Contains(res.Body, "welfare") {
			t.Errorf("actor page: %d", res.Status)
		}
		res = e.do(t, "member", "POST", "/p/"+pid+"/actors", url.Values{"name": {""}, "kind": {"organisation"}})
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `aria-invalid="true"`) {
			t.Errorf("invalid create: %d", res.Status)
		}
		// A stale edit is refused and shows the current version.
		res = e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID, url.Values{"name": {"Renamed"}, "kind": {"institution"}, "version": {"1"}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("edit: %d %s", res.Status, res.Body)
		}
		res = e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID, url.Values{"name": {"Again"}, "kind": {"institution"}, "version": {"1"}})
		if res.Status != http.StatusConflict || !strings.Contains(res.Body, `name="version" value="2"`) {
			t.Errorf("stale edit: %d", res.Status)
		}
		// Filters on the list page, kept in the next-page link.
		res = e.do(t, "member", "GET", "/p/"+pid+"/actors?sector=faith_based&q=caritas", nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Body, "Caritas Leipzig") || strings.Contains(res.Body, "Renamed") {
			t.Errorf("filtered list: %d", res.Status)
		}
		// Relationship from the actor page, then its key individuals.
		res = e.do(t, "member", "POST", "/p/"+pid+"/actors", url.Values{"name": {"Dr. Weber"}, "kind": {"individual"}})
		loc, _ = url.Parse(res.Header.Get("Location"))
		weber := strings.TrimPrefix(loc.Path, "/p/"+pid+"/actors/")
		res = e.do(t, "member", "POST", "/p/"+pid+"/relationships", url.Values{"from": {weber}, "to": {f.Actor.ID}, "type": {"works_at"},
			"directed": {"on"}, "strength": {"3"}, "back": {weber}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("relationship: %d %s", res.Status, res.Body)
		}
		res = e.do(t, "member", "GET", "/p/"+pid+"/actors/"+f.Actor.ID, nil)
		if !strings.Contains(res.Body, "Dr. Weber") {
			t.Error("key individual not shown")
		}
		res = e.do(t, "member", "POST", "/p/"+pid+"/relationships", url.Values{"from": {weber}, "to": {weber}, "type": {"family"}, "until_date": {"soon"}})
		if res.Status != http.StatusUnprocessableEntity {
			t.Errorf("bad relationship: %d", res.Status)
		}
		for _, p := range []string{"/p/" + pid + "/relationships?type=works_at", "/p/" + pid + "/actors/import", "/p/" + pid + "/actors/new"} {
			if res := e.do(t, "member", "GET", p, nil); res.Status != http.StatusOK {
				t.Errorf("GET %s: %d", p, res.Status)
			}
		}
		// The next-page link keeps the filters.
		seed := make([]sqldb.SeedActor, 60)
		for i := range seed {
			seed[i] = sqldb.SeedActor{Name: "Verein " + strconv.Itoa(100+i), Kind: "group"}
		}
		if _, err := sqldb.NewSeeder(e.DB).SeedActors(e.Coordinator.Ctx, pid, seed, nil); err != nil {
			t.Fatal(err)
		}
		res = e.do(t, "member", "GET", "/p/"+pid+"/actors?kind=group&q=verein", nil)
		m := regexp.MustCompile(`href="\?([^"]+)" rel="next"`).FindStringSubmatch(res.Body)
		if m == nil {
			t.Fatal("no next-page link")
		}
		next := strings.ReplaceAll(m[1], "&amp;", "&")
		if q, err := url.ParseQuery(next); err != nil || q.Get("kind") != "group" || q.Get("q") != "verein" || q.Get("cursor") == "" {
			t.Fatalf("next link %q", next)
		}
		res = e.do(t, "member", "GET", "/p/"+pid+"/actors?"+next, nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Body, "Verein 159") || strings.Contains(res.Body, "Verein 100<") {
			t.Errorf("second page: %d", res.Status)
		}
		// One click adds the member organisations.
		res = e.do(t, "member", "POST", "/p/"+pid+"/actors/add-members", url.Values{})
		if res.Status != http.StatusSeeOther {
			t.Errorf("add members: %d", res.Status)
		}
		res = e.do(t, "member", "GET", "/p/"+pid+"/actors?q="+url.QueryEscape(e.MemberOrg.Name), nil)
		if !strings.Contains(res.Body, e.MemberOrg.Name) {
			t.Error("member organisation not added")
		}
	})
}
