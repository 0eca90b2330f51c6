package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func binStatus(t *testing.T, res response, want int, what string) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("%s: %d, want %d: %s", what, res.Status, want, res.Body)
	}
}

// The bin page lists what was deleted, by whom, what it holds and until
// when; only coordinators have it in their navigation.
func TestBinPageForCoordinators(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, f := e.Partnership.ID, e.Actors()
	// Deleting the actor takes its relationships with it (the member sees
	// two of them); it is newer than the fixture's deletion.
	e.Clock.Advance(time.Second)
	binStatus(t, e.do(t, "member", "POST", "/p/"+pid+"/actors/"+f.Actor.ID+"/delete",
		url.Values{"version": {"1"}, "confirm": {"yes"}}), http.StatusSeeOther, "delete an actor")

	res := e.do(t, "coordinator", "GET", "/p/"+pid+"/bin", nil)
	binStatus(t, res, http.StatusOK, "bin page")
	for _, want := range []string{sqldbtest.ActorName, sqldbtest.BinActorName, "Deleted by Omar Member", "Deleted by Nadia Coordinator",
		"Relationships: 2", `href="/p/` + pid + `/bin"`, `action="/p/` + pid + `/bin/empty"`, "1 April 2026"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("bin page lacks %q", want)
		}
	}
	if i, j := strings.Index(res.Body, sqldbtest.ActorName), strings.Index(res.Body, sqldbtest.BinActorName); i > j {
		t.Error("the bin is not newest first")
	}
	// Members and observers have no bin: no entry, no page.
	for _, role := range []string{"member", "observer"} {
		if body := e.do(t, role, "GET", "/p/"+pid, nil).Body; strings.Contains(body, `href="/p/`+pid+`/bin"`) {
			t.Errorf("%s sees the bin in the navigation", role)
		}
		binStatus(t, e.do(t, role, "GET", "/p/"+pid+"/bin", nil), http.StatusForbidden, role+" opens the bin")
	}
}

// The list is read a page at a time with a link to the next; an empty bin
// says what the bin is for.
func TestBinPagePaginatesAndEmpties(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, c := e.Partnership.ID, e.Coordinator.Ctx
	for _, name := range []string{"First gone", "Second gone"} {
		a, err := e.DB.Actors.CreateActor(c, pid, pk.ActorInput{Name: name, Kind: "group", Sector: "civil_society"})
		if err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(time.Second)
		if err := e.DB.Actors.DeleteActor(c, pid, a.ID, a.Version); err != nil {
			t.Fatal(err)
		}
	}
	res := e.do(t, "coordinator", "GET", "/p/"+pid+"/bin?limit=2", nil)
	next := regexp.MustCompile(`href="\?cursor=([^"]+)" rel="next"`).FindStringSubmatch(res.Body)
	if next == nil || !strings.Contains(res.Body, "Second gone") || strings.Contains(res.Body, sqldbtest.BinActorName) {
		t.Fatalf("first page of two: %s", res.Body)
	}
	res = e.do(t, "coordinator", "GET", "/p/"+pid+"/bin?limit=2&cursor="+next[1], nil)
	if !strings.Contains(res.Body, sqldbtest.BinActorName) || strings.Contains(res.Body, "Second gone") || strings.Contains(res.Body, `rel="next"`) {
		t.Fatalf("second page: %s", res.Body)
	}
	// A cursor that means nothing starts again from the newest.
	binStatus(t, e.do(t, "coordinator", "GET", "/p/"+pid+"/bin?cursor=%%%", nil), http.StatusOK, "bad cursor")

	binStatus(t, e.do(t, "coordinator", "POST", "/p/"+pid+"/bin/empty", url.Values{"confirm": {"yes"}}), http.StatusSeeOther, "empty")
	res = e.do(t, "coordinator", "GET", "/p/"+pid+"/bin", nil)
	if !strings.Contains(res.Body, "Nothing has been deleted in the last 30 days.") || !strings.Contains(res.Body, "When an actor, a relationship or a map is deleted") {
		t.Errorf("empty bin page: %s", res.Body)
	}
	if strings.Contains(res.Body, "/bin/empty") {
		t.Error("an empty bin offers to be emptied")
	}
}

// Restoring from an item's page brings the actor back and leads to it; a
// restore that cannot be done says why on the item's page.
func TestBinItemPageRestores(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		e := newEnv(t, w)
		pid, f, c := e.Partnership.ID, e.Actors(), e.Coordinator.Ctx
		item := e.Bin().Item
		res := e.do(t, "coordinator", "GET", "/p/"+pid+"/bin/"+item.ID, nil)
		binStatus(t, res, http.StatusOK, "item page")
		for _, want := range []string{sqldbtest.BinActorName, "Actor", "Nothing else", `/bin/` + item.ID + `/restore"`, `/bin/` + item.ID + `/delete"`, "data-confirm="} {
			if !strings.Contains(res.Body, want) {
				t.Errorf("item page lacks %q", want)
			}
		}
		res = e.do(t, "coordinator", "POST", "/p/"+pid+"/bin/"+item.ID+"/restore", url.Values{})
		binStatus(t, res, http.StatusSeeOther, "restore")
		if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/p/"+pid+"/actors/"+item.SubjectID+"?flash=flash.bin_restored") {
			t.Errorf("restore leads to %s", loc)
		}
		if _, err := db.Actors.Actor(c, pid, item.SubjectID); err != nil {
			t.Errorf("restored actor: %v", err)
		}
		binStatus(t, e.do(t, "coordinator", "GET", "/p/"+pid+"/bin/"+item.ID, nil), http.StatusNotFound, "a restored item")

		// A relationship whose end was deleted since cannot come back.
		if err := db.Actors.DeleteRelationship(c, pid, f.Relationship.ID, f.Relationship.Version); err != nil {
			t.Fatal(err)
		}
		items, _, err := db.Bin.BinItems(c, pid, pk.PageRequest{})
		if err != nil || len(items) == 0 || items[0].Kind != pk.BinRelationship {
			t.Fatalf("bin after deleting a tie: %v", err)
		}
		tie := items[0]
		org, err := db.Actors.Actor(c, pid, f.Org.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Actors.DeleteActor(c, pid, org.ID, org.Version); err != nil {
			t.Fatal(err)
		}
		res = e.do(t, "coordinator", "POST", "/p/"+pid+"/bin/"+tie.ID+"/restore", url.Values{})
		binStatus(t, res, http.StatusConflict, "restore a tie without its actor")
		if !strings.Contains(res.Body, "an actor it belongs to has been deleted since") || !strings.Contains(res.Body, `role="alert"`) {
			t.Errorf("conflict page: %s", res.Body)
		}
	})
}

// The bin's API: the list, one item, restore, purge and empty, in
// snake_case; coordinators only.
func TestBinAPI(t *testing.T) {
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		e := newEnv(t, w)
		pid, f := e.Partnership.ID, e.Actors()
		base := "/api/v1/partnerships/" + pid + "/bin"
		e.Clock.Advance(time.Second)
		binStatus(t, e.do(t, "member", "DELETE", "/api/v1/partnerships/"+pid+"/actors/"+f.Actor.ID, nil, "If-Match", strconv.Itoa(f.Actor.Version)), http.StatusNoContent, "delete an actor")

		res := e.do(t, "coordinator", "GET", base+"?limit=1", nil)
		binStatus(t, res, http.StatusOK, "list")
		var list struct {
			Items      []map[string]any `json:"items"`
			NextCursor string           `json:"next_cursor"`
		}
		if err := json.Unmarshal([]byte(res.Body), &list); err != nil {
			t.Fatal(err)
		}
		if len(list.Items) != 1 || list.NextCursor == "" {
			t.Fatalf("first page: %s", res.Body)
		}
		it := list.Items[0]
		for _, k := range []string{"id", "kind", "subject_id", "title", "counts", "sensitive", "deleted_by", "deleted_by_name", "deleted_at", "expires_at"} {
			if _, ok := it[k]; !ok {
				t.Errorf("item lacks %q: %s", k, res.Body)
			}
		}
		if it["subject_id"] != f.Actor.ID || it["deleted_by_name"] != e.Member.Name || it["sensitive"] != true {
			t.Errorf("newest item: %v", it)
		}
		id := it["id"].(string)
		res = e.do(t, "coordinator", "GET", base+"?limit=1&cursor="+url.QueryEscape(list.NextCursor), nil)
		if !strings.Contains(res.Body, e.Bin().Item.ID) {
			t.Errorf("second page: %s", res.Body)
		}
		binStatus(t, e.do(t, "coordinator", "GET", base+"?limit=0", nil), http.StatusUnprocessableEntity, "limit 0")
		binStatus(t, e.do(t, "coordinator", "GET", base+"/"+id, nil), http.StatusOK, "one item")
		for _, role := range []string{"member", "observer"} {
			binStatus(t, e.do(t, role, "GET", base, nil), http.StatusForbidden, role+" lists the bin")
			binStatus(t, e.do(t, role, "POST", base+"/"+id+"/restore", "{}"), http.StatusForbidden, role+" restores")
		}
		binStatus(t, e.do(t, "outsider", "GET", base, nil), http.StatusNotFound, "outsider")

		var restored pk.BinItem
		res = e.do(t, "coordinator", "POST", base+"/"+id+"/restore", "{}")
		binStatus(t, res, http.StatusOK, "restore")
		if err := json.Unmarshal([]byte(res.Body), &restored); err != nil || restored.SubjectID != f.Actor.ID {
			t.Fatalf("restore answered %s", res.Body)
		}
		if _, err := db.Actors.Relationship(e.Coordinator.Ctx, pid, f.SensitiveTie.ID); err != nil {
			t.Errorf("the sensitive tie the member could not see is not back: %v", err)
		}
		binStatus(t, e.do(t, "coordinator", "POST", base+"/"+id+"/restore", "{}"), http.StatusNotFound, "restore twice")

		binStatus(t, e.do(t, "coordinator", "DELETE", base+"/"+e.Bin().Item.ID, nil), http.StatusNoContent, "purge")
		binStatus(t, e.do(t, "coordinator", "GET", base+"/"+e.Bin().Item.ID, nil), http.StatusNotFound, "purged item")
		if err := db.Actors.DeleteRelationship(e.Coordinator.Ctx, pid, f.Relationship.ID, f.Relationship.Version); err != nil {
			t.Fatal(err)
		}
		res = e.do(t, "coordinator", "DELETE", base, nil)
		binStatus(t, res, http.StatusOK, "empty")
		if strings.TrimSpace(res.Body) != `{"purged":1}` {
			t.Errorf("empty answered %s", res.Body)
		}
	})
}
