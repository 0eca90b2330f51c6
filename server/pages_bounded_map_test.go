package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A map holding more actors, lines and assessments than are drawn: its
// overview, power map and spectrum say so and link to the register
// filtered by the map; the API says so with …_cut; a small map says
// nothing.
func TestMapPagesSayWhenCut(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	ctx, pid := context.Background(), e.Partnership.ID
	m, err := e.DB.Maps.CreateMap(e.Coordinator.Ctx, pid, pk.MapInput{Title: "Every youth group in the region"})
	if err != nil {
		t.Fatal(err)
	}
	n := pk.MaxMapActors + 1
	actors := make([]sqldb.SeedActor, n)
	for i := range actors {
		actors[i] = sqldb.SeedActor{Name: fmt.Sprintf("Group %05d", i), Kind: "group"}
	}
	var rels []sqldb.SeedRelationship
	for len(rels) <= pk.MaxMapLines {
		i := len(rels) % n
		rels = append(rels, sqldb.SeedRelationship{From: i, To: (i + len(rels)/n + 1) % n, Type: "cooperates_with"})
	}
	seeder := sqldb.NewSeeder(e.DB)
	ids, err := seeder.SeedActors(ctx, pid, actors, rels)
	if err != nil {
		t.Fatal(err)
	}
	// Enough assessments that the chart cannot read them all, the last
	// ones a day after the others.
	start := e.Clock.Now().Add(-72 * time.Hour)
	var rows []sqldb.SeedAssessment
	for len(rows) <= pk.MaxMapTimeline {
		at := start
		if len(rows) >= pk.MaxMapTimeline-n {
			at = start.Add(24 * time.Hour)
		}
		rows = append(rows, sqldb.SeedAssessment{ActorID: ids[len(rows)%n], Support: 1, Influence: 3, At: at})
	}
	if err := seeder.SeedAssessments(ctx, pid, m.ID, rows); err != nil {
		t.Fatal(err)
	}

	base := "/p/" + pid + "/maps/" + m.ID
	actorsCut := fmt.Sprintf("more than %d actors", pk.MaxMapActors)
	rest := `href="/p/` + pid + `/actors?map=` + m.ID + `"`
	for _, page := range []string{base, base + "/powermap", base + "/spectrum"} {
		res := e.do(t, "member", "GET", page, nil)
		if res.Status != 200 || !strings.Contains(res.Body, actorsCut) || !strings.Contains(res.Body, rest) {
			t.Errorf("%s (%d) does not say the map holds more actors than drawn, with a link to them all", page, res.Status)
		}
	}
	res := e.do(t, "member", "GET", base+"/powermap?lines=1", nil)
	if !strings.Contains(res.Body, fmt.Sprintf("Only the first %d lines", pk.MaxMapLines)) {
		t.Error("the power map does not say its lines are cut")
	}
	res = e.do(t, "member", "GET", base+"/spectrum", nil)
	if end := start.Add(24 * time.Hour).UTC().Format("2006-01-02"); !strings.Contains(res.Body, "the chart ends on "+end) {
		t.Errorf("the spectrum does not say its chart ends on %s", end)
	}

	var pm struct {
		Actors    []json.RawMessage `json:"actors"`
		Lines     []json.RawMessage `json:"lines"`
		ActorsCut bool              `json:"actors_cut"`
		LinesCut  bool              `json:"lines_cut"`
	}
	api := "/api/v1/partnerships/" + pid + "/maps/" + m.ID
	decode(t, e.do(t, "member", "GET", api+"/powermap?lines=1", nil), &pm)
	if len(pm.Actors) != pk.MaxMapActors || !pm.ActorsCut || len(pm.Lines) != pk.MaxMapLines || !pm.LinesCut {
		t.Errorf("API power map: %d actors (cut %v), %d lines (cut %v)", len(pm.Actors), pm.ActorsCut, len(pm.Lines), pm.LinesCut)
	}
	var sp struct {
		ActorsCut bool `json:"actors_cut"`
	}
	decode(t, e.do(t, "member", "GET", api+"/spectrum", nil), &sp)
	if !sp.ActorsCut {
		t.Error("API spectrum: actors_cut is false")
	}

	// The test world's small map says nothing of the kind.
	small := "/p/" + pid + "/maps/" + e.Maps().Map.ID
	for _, page := range []string{small, small + "/powermap?lines=1", small + "/spectrum"} {
		res := e.do(t, "member", "GET", page, nil)
		if res.Status != 200 || strings.Contains(res.Body, actorsCut) || strings.Contains(res.Body, "lines between actors are drawn") ||
			strings.Contains(res.Body, "the chart ends on") {
			t.Errorf("%s (%d) says a list is cut", page, res.Status)
		}
	}
	pm.ActorsCut, pm.LinesCut = true, true
	decode(t, e.do(t, "member", "GET", "/api/v1/partnerships/"+pid+"/maps/"+e.Maps().Map.ID+"/powermap?lines=1", nil), &pm)
	if pm.ActorsCut || pm.LinesCut {
		t.Error("API: a small power map says it is cut")
	}
}

// decode reads a JSON answer, which must be 200.
func decode(t *testing.T, res response, v any) {
	t.Helper()
	if res.Status != 200 {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	if err := json.Unmarshal([]byte(res.Body), v); err != nil {
		t.Fatal(err)
	}
}
