package server_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/server"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// catalogueIDs is every message ID of every catalogue.
func catalogueIDs(t *testing.T) map[string]bool {
	t.Helper()
	files, err := i18n.MessageIDs()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, list := range files {
		for _, id := range list {
			ids[id] = true
		}
	}
	return ids
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// textFaults lists what is wrong in one decoded JSON answer: a string value
// that is a catalogue key (an integrator would have to reverse-engineer the
// catalogues to show it) and an object key that is not snake_case. Keys of
// maps keyed by data (IDs, user text) are checked like the others: an ID
// of ours is snake_case, and the API has no map keyed by user text.
func textFaults(v any, path string, ids map[string]bool, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if !snakeCase.MatchString(k) {
				out[path+"."+k] = "key " + k + " is not snake_case"
			}
			// A code that is a message ID too (an audit action) is kept
			// for clients to key on, with its text next to it.
			if s, ok := val.(string); ok && ids[s] {
				if text, ok := x[k+"_text"].(string); ok && text != "" && !ids[text] {
					continue
				}
			}
			textFaults(val, path+"."+k, ids, out)
		}
	case []any:
		for _, val := range x {
			textFaults(val, path+"[]", ids, out)
		}
	case string:
		if ids[x] {
			out[path] = "catalogue key " + x
		}
	}
}

// TestAPIAnswersSpeakTheAskersLanguage walks every GET of the API (JSON
// answers) as a coordinator of the test world in each language, and fails
// on any catalogue key left in an answer and any key that is not
// snake_case. Routes added later are walked as they are registered.
func TestAPIAnswersSpeakTheAskersLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	ids := catalogueIDs(t)
	walked := 0
	for _, rt := range e.Srv.Router.Routes() {
		if !rt.API || rt.Method != "GET" || (rt.Doc != nil && rt.Doc.Raw != "") || strings.HasSuffix(rt.Pattern, "/openapi.json") {
			continue
		}
		path, dummy := fill(t, rt.Pattern, e.Params)
		if dummy {
			continue
		}
		for _, lang := range []string{"en", "ar", "fr"} {
			// The first role that may read it (an organisation's own
			// pages are for its people, whatever their role here).
			var res response
			for _, role := range []string{"coordinator", "member", "observer"} {
				if res = e.do(t, role, "GET", path, nil, "Accept-Language", lang); res.Status == 200 {
					break
				}
			}
			if res.Status != 200 {
				t.Errorf("%s (%s): %d %.300s", rt.Pattern, lang, res.Status, res.Body)
				continue
			}
			var v any
			if err := json.Unmarshal([]byte(res.Body), &v); err != nil {
				t.Errorf("%s (%s): %v", rt.Pattern, lang, err)
				continue
			}
			faults := map[string]string{}
			textFaults(v, "", ids, faults)
			for _, k := range slices.Sorted(maps.Keys(faults)) {
				t.Errorf("%s (%s) %s: %s", rt.Pattern, lang, k, faults[k])
			}
			walked++
		}
	}
	if walked < 30 {
		t.Errorf("walked %d answers; expected the whole API", walked)
	}
}

// TestDemoAnswersSpeakTheAskersLanguage walks the API over the
// demonstration partnership, whose content reaches every method text (a
// spectrum with advice, power-map strategies, tactics, a playbook under
// way, prospects), as its coordinator in each language. Path parameters are
// the first item of each list.
func TestDemoAnswersSpeakTheAskersLanguage(t *testing.T) {
	t.Parallel()
	db := sqldbtest.Open(t, "sqlite")
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{DB: db, Bundle: bundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	tok, err := db.Accounts.CreateTokenForEmail(ctx, demo.Email, "walk")
	if err != nil {
		t.Fatal(err)
	}
	pid, err := db.Setting(ctx, "demo_loaded")
	if err != nil || pid == "" {
		t.Fatalf("demo partnership: %q %v", pid, err)
	}
	get := func(path, lang string) (int, any) {
		req, _ := http.NewRequest("GET", hs.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+tok.Secret)
		req.Header.Set("Accept-Language", lang)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var v any
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return res.StatusCode, v
	}
	// Fill the path parameters from the lists.
	params := map[string]string{"pid": pid}
	first := func(param, path string) {
		if _, v := get(path, "en"); v != nil {
			if items, _ := v.(map[string]any)["items"].([]any); len(items) > 0 {
				params[param], _ = items[0].(map[string]any)["id"].(string)
			}
		}
	}
	base := "/api/v1/partnerships/" + pid
	first("mid", base+"/maps")
	first("aid", base+"/actors")
	first("rid", base+"/relationships")
	first("prid", base+"/prospects")
	first("tacid", base+"/maps/"+params["mid"]+"/tactics")
	ids := catalogueIDs(t)
	walked := 0
	for _, rt := range srv.Router.Routes() {
		if !rt.API || rt.Method != "GET" || (rt.Doc != nil && rt.Doc.Raw != "") || strings.HasSuffix(rt.Pattern, "/openapi.json") {
			continue
		}
		path, ok := rt.Pattern, true
		for _, p := range httpx.PathParams(rt.Pattern) {
			if params[p] == "" {
				ok = false
			}
			path = strings.Replace(path, "{"+p+"}", params[p], 1)
		}
		if !ok {
			continue
		}
		for _, lang := range []string{"en", "ar", "fr"} {
			status, v := get(path, lang)
			if status != http.StatusOK {
				t.Errorf("%s (%s): %d %v", rt.Pattern, lang, status, v)
				continue
			}
			faults := map[string]string{}
			textFaults(v, "", ids, faults)
			for _, k := range slices.Sorted(maps.Keys(faults)) {
				t.Errorf("%s (%s) %s: %s", rt.Pattern, lang, k, faults[k])
			}
			walked++
		}
	}
	t.Logf("walked %d answers with parameters %v", walked, params)
	if walked < 60 {
		t.Errorf("walked %d answers; expected the demo's whole API", walked)
	}
}
