package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The closed lists answer each code with its text in the asker's
// language; a list that does not exist is not found.
func TestListsAnswerTextsInTheAskersLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	type code struct{ Code, Text string }
	type list struct {
		Name  string
		Items []code
	}
	textOf := func(l list, c string) string {
		for _, it := range l.Items {
			if it.Code == c {
				return it.Text
			}
		}
		return ""
	}
	for lang, want := range map[string]string{"en": "Organisation", "ar": "منظمة", "fr": "Organisation"} {
		res := e.do(t, "observer", "GET", "/api/v1/lists/actor_kind", nil, "Accept-Language", lang)
		var l list
		if err := json.Unmarshal([]byte(res.Body), &l); err != nil || res.Status != http.StatusOK {
			t.Fatalf("%s: %d %v %s", lang, res.Status, err, res.Body)
		}
		if l.Name != "actor_kind" || len(l.Items) != len(pk.ActorKinds) || textOf(l, "organisation") != want {
			t.Errorf("%s: %+v, want organisation as %q", lang, l, want)
		}
	}
	res := e.do(t, "member", "GET", "/api/v1/lists", nil, "Accept-Language", "ar")
	var all struct{ Lists []list }
	if err := json.Unmarshal([]byte(res.Body), &all); err != nil || res.Status != http.StatusOK || len(all.Lists) != len(pk.Enums) {
		t.Fatalf("all lists: %d %v, %d lists", res.Status, err, len(all.Lists))
	}
	for _, l := range all.Lists {
		if l.Name == "task_status" && textOf(l, "todo") == "todo" {
			t.Errorf("task_status answered without its Arabic text: %+v", l)
		}
	}
	if res := e.do(t, "member", "GET", "/api/v1/lists/no_such_list", nil); res.Status != http.StatusNotFound {
		t.Errorf("an unknown list: %d %s", res.Status, res.Body)
	}
	// A request field that takes a code names its list.
	if doc := e.do(t, "", "GET", "/api/v1/openapi.json", nil); !strings.Contains(doc.Body, `"x-list":"actor_kind"`) {
		t.Errorf("the OpenAPI document does not name the actor's kind's list")
	}
	if res := e.do(t, "", "GET", "/api/v1/lists", nil); res.Status != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", res.Status)
	}
}
