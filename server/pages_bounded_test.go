package server_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// selectOptions counts the options of the select with the id (the empty
// "choose" option aside).
func selectOptions(t *testing.T, body, id string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<select id="` + id + `"[^>]*>(.*?)</select>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no select #%s", id)
	}
	var out []string
	for _, o := range regexp.MustCompile(`<option value="([^"]+)"`).FindAllStringSubmatch(m[1], -1) {
		out = append(out, o[1])
	}
	return out
}

// A register bigger than a drop-down: the pages offer a bounded list, say
// that it is cut, and a name search reaches the others.
func TestCutListsSaySoAndSearchReachesTheRest(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	f := e.Maps()
	n := pk.MaxPageSize + 5
	seed := make([]sqldb.SeedActor, n)
	for i := range seed {
		seed[i] = sqldb.SeedActor{Name: fmt.Sprintf("Aaa Verein %03d", i), Kind: "group"}
	}
	ids, err := sqldb.NewSeeder(e.DB).SeedActors(context.Background(), pid, seed, nil)
	if err != nil {
		t.Fatal(err)
	}

	// The power map's placing form.
	page := "/p/" + pid + "/maps/" + f.Map.ID + "/powermap"
	res := e.do(t, "member", "GET", page, nil)
	opts := selectOptions(t, res.Body, "f-actor")
	if len(opts) != pk.MapActorChoiceLimit {
		t.Errorf("placing form offers %d actors, want %d", len(opts), pk.MapActorChoiceLimit)
	}
	if !strings.Contains(res.Body, fmt.Sprintf("Only the first %d actors not yet on this map", pk.MapActorChoiceLimit)) {
		t.Error("the power map does not say its list of actors is cut")
	}
	for _, o := range opts {
		if o == f.Actors["City Council"] {
			t.Error("an actor already on the map is offered for placing")
		}
	}
	res = e.do(t, "member", "GET", page+"?find=Verein+204", nil)
	if opts := selectOptions(t, res.Body, "f-actor"); len(opts) != 1 || opts[0] != ids[204] {
		t.Errorf("search offers %v, want only Verein 204", opts)
	}
	if strings.Contains(res.Body, "Only the first") {
		t.Error("a search that finds one actor says the list is cut")
	}

	// An actor's merge and tie choices.
	actor := "/p/" + pid + "/actors/" + f.Actors["City Council"]
	res = e.do(t, "member", "GET", actor, nil)
	if got := len(selectOptions(t, res.Body, "f-duplicate")); got != pk.MaxPageSize-1 && got != pk.MaxPageSize {
		t.Errorf("merge offers %d actors", got)
	}
	if !strings.Contains(res.Body, fmt.Sprintf("Only the first %d actors are offered", pk.MaxPageSize)) {
		t.Error("the actor page does not say its choices are cut")
	}
	res = e.do(t, "member", "GET", actor+"?find=Verein+204", nil)
	if opts := selectOptions(t, res.Body, "f-duplicate"); len(opts) != 1 || opts[0] != ids[204] {
		t.Errorf("search offers %v for merging, want only Verein 204", opts)
	}
	// A search the register refuses still shows the page.
	if res := e.do(t, "member", "GET", actor+"?find="+strings.Repeat("x", 5000), nil); res.Status != 200 {
		t.Errorf("overlong search: %d", res.Status)
	}
}
