package server_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Every PATCH of the API requires the version it is based on: without one
// it is refused naming the version, and nothing else is said wrong first.
func TestEveryPatchRequiresAVersion(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	n := 0
	for _, rt := range e.Srv.Router.Routes() {
		if !rt.API || rt.Method != "PATCH" {
			continue
		}
		path, _ := fill(t, rt.Pattern, e.Params)
		// A role or a status is the whole of what those two change.
		body := map[string]string{"/api/v1/partnerships/{pid}/members/{uid}": `{"role":"observer"}`,
			"/api/v1/partnerships/{pid}/organisations/{oid}": `{"status":"active"}`}[rt.Pattern]
		if body == "" {
			body = `{}`
		}
		res := e.do(t, "coordinator", "PATCH", path, body)
		if rt.Pattern == "/api/v1/organisations/{oid}" {
			res = e.do(t, "member", "PATCH", path, body)
		}
		if p := problem(t, res); res.Status != http.StatusUnprocessableEntity || !hasField(p, "version") {
			t.Errorf("%s without a version: %d %s", rt.Pattern, res.Status, res.Body)
		}
		n++
	}
	if n < 12 {
		t.Errorf("%d PATCH routes; expected every one", n)
	}
}

// patchJSON sends a PATCH and decodes the answer, which must be 200.
func patchJSON(t *testing.T, e *env, role, path, body string, v any) {
	t.Helper()
	res := e.do(t, role, "PATCH", path, body)
	if res.Status != http.StatusOK {
		t.Fatalf("PATCH %s %s: %d %s", path, body, res.Status, res.Body)
	}
	if err := json.Unmarshal([]byte(res.Body), v); err != nil {
		t.Fatal(err)
	}
}

// A PATCH is a merge patch on every resource that used to take the whole
// record: fields left out keep their value (a partnership's name used to
// be "required"), null clears one, If-Match may carry the version.
func TestPatchIsAMergePatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/api/v1/partnerships/" + e.Partnership.ID

	var p struct {
		Name, Purpose, Scope string
		Version              int
	}
	patchJSON(t, e, "coordinator", base, `{"purpose":"Fewer evictions","version":`+strconv.Itoa(e.Partnership.Version)+`}`, &p)
	if p.Name != e.Partnership.Name || p.Purpose != "Fewer evictions" || p.Scope != e.Partnership.Scope {
		t.Errorf("partnership after a purpose-only patch: %+v", p)
	}
	res := e.do(t, "coordinator", "PATCH", base, `{"purpose":null}`, "If-Match", strconv.Itoa(p.Version))
	if res.Status != http.StatusOK || json.Unmarshal([]byte(res.Body), &p) != nil || p.Purpose != "" || p.Name != e.Partnership.Name {
		t.Errorf("null clears the purpose, keeps the name: %d %s", res.Status, res.Body)
	}
	if res := e.do(t, "coordinator", "PATCH", base, `{"name":null,"version":`+strconv.Itoa(p.Version)+`}`); res.Status != http.StatusUnprocessableEntity || !hasField(problem(t, res), "name") {
		t.Errorf("a cleared name is refused: %d %s", res.Status, res.Body)
	}
	if res := e.do(t, "coordinator", "PATCH", base, `{"nmae":"x","version":`+strconv.Itoa(p.Version)+`}`); res.Status != http.StatusUnprocessableEntity || !hasField(problem(t, res), "nmae") {
		t.Errorf("an unknown field is named: %d %s", res.Status, res.Body)
	}
	if res := e.do(t, "coordinator", "PATCH", base, `{"name":`); res.Status != http.StatusBadRequest {
		t.Errorf("a body that does not parse: %d", res.Status)
	}

	// The signed-in person: the language alone.
	var me struct {
		Name, Language string
		Version        int
	}
	if err := json.Unmarshal([]byte(e.do(t, "member", "GET", "/api/v1/me", nil).Body), &me); err != nil {
		t.Fatal(err)
	}
	name := me.Name
	patchJSON(t, e, "member", "/api/v1/me", `{"language":"fr","version":`+strconv.Itoa(me.Version)+`}`, &me)
	if me.Name != name || me.Language != "fr" {
		t.Errorf("me after a language-only patch: %+v", me)
	}

	// An organisation: the city alone.
	var org struct {
		Name, City, Mission string
		Version             int
	}
	opath := "/api/v1/organisations/" + e.MemberOrg.ID
	if err := json.Unmarshal([]byte(e.do(t, "member", "GET", opath, nil).Body), &org); err != nil {
		t.Fatal(err)
	}
	was := org
	patchJSON(t, e, "member", opath, `{"city":"Tunis","version":`+strconv.Itoa(org.Version)+`}`, &org)
	if org.Name != was.Name || org.Mission != was.Mission || org.City != "Tunis" {
		t.Errorf("organisation after a city-only patch: %+v (was %+v)", org, was)
	}

	// A statement of the theory of change: its "then" alone.
	var st struct {
		Level, If, Then string
		Version         int
	}
	res = e.do(t, "member", "POST", base+"/theory-of-change", `{"level":"outcome","if":"we meet","then":"we agree","because":"trust"}`)
	if res.Status != http.StatusCreated || json.Unmarshal([]byte(res.Body), &st) != nil {
		t.Fatalf("create a statement: %d %s", res.Status, res.Body)
	}
	var created struct{ ID string }
	json.Unmarshal([]byte(res.Body), &created)
	stPath := base + "/theory-of-change/" + created.ID
	patchJSON(t, e, "member", stPath, `{"then":"we act","version":`+strconv.Itoa(st.Version)+`}`, &st)
	if st.Level != "outcome" || st.If != "we meet" || st.Then != "we act" {
		t.Errorf("statement after a then-only patch: %+v", st)
	}

	// A self-analysis contribution: the text alone.
	var sa struct {
		Section, Text string
		Version       int
	}
	var all struct{ Sections []struct{ ID, Kind string } }
	json.Unmarshal([]byte(e.do(t, "member", "GET", base+"/self-analysis", nil).Body), &all)
	section := ""
	for _, s := range all.Sections {
		if s.Kind == "text" && section == "" {
			section = s.ID
		}
	}
	res = e.do(t, "member", "POST", base+"/self-analysis", `{"section":"`+section+`","text":"We listen."}`)
	if res.Status != http.StatusCreated || json.Unmarshal([]byte(res.Body), &sa) != nil {
		t.Fatalf("add a contribution: %d %s", res.Status, res.Body)
	}
	json.Unmarshal([]byte(res.Body), &created)
	patchJSON(t, e, "member", base+"/self-analysis/"+created.ID, `{"text":"We listen well.","version":`+strconv.Itoa(sa.Version)+`}`, &sa)
	if sa.Section != section || sa.Text != "We listen well." {
		t.Errorf("contribution after a text-only patch: %+v", sa)
	}
}
