package sqldb_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// dump reads rows exactly as stored, every column, one line per row, so
// that a restore can be compared with what was there before.
func dump(t *testing.T, db *sqldb.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := sqldb.RawForTest(db).Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, c := range cols {
			v := vals[i]
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v ", c, v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameRows(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s after restore:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// binItemFor finds the coordinator's bin item about subject.
func binItemFor(t *testing.T, db *sqldb.DB, w *sqldbtest.World, subject string) *pk.BinItem {
	t.Helper()
	items, _, err := db.Bin.BinItems(w.Coordinator.Ctx, w.Partnership.ID, pk.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.SubjectID == subject {
			return it
		}
	}
	t.Fatalf("nothing in the bin about %s (%d items)", subject, len(items))
	return nil
}

// auditAfter returns the detail of the newest entry of action, as the
// coordinator reads the log, or nil.
func auditAfter(t *testing.T, db *sqldb.DB, w *sqldbtest.World, action string) map[string]any {
	t.Helper()
	es, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, w.Partnership.ID, pk.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Action == action {
			var m map[string]any
			if err := json.Unmarshal([]byte(e.After), &m); err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			return m
		}
	}
	return nil
}

// A member deletes an actor with a sensitive tie to a sensitive actor, map
// positions and a tactic. Nothing is lost: the coordinator finds it all in
// the bin and restores it exactly, while the member never sees the
// sensitive part, neither in the bin nor in the activity feed.
func TestBinKeepsWhatAMemberCouldNotSee(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		mf, af := w.Maps(), w.Actors()
		// Start from an empty bin: the world's own bin item is for the pages.
		_, err := db.Bin.EmptyBin(c, pid)
		must(t, err)
		desk, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Harbour Welcome Desk", Kind: "organisation", Tags: []string{"port", "city"},
			OrganisationID: w.Org.ID})
		must(t, err)
		secret, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Safe House Contact", Kind: "individual", Sensitive: true})
		must(t, err)
		hiddenTie, err := db.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: desk.ID, To: secret.ID, Type: "cooperates_with",
			Strength: 3, Note: "Meets on Tuesdays", FromDate: "2025-01-01", Sensitive: true})
		must(t, err)
		_, err = db.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: af.Actor.ID, To: desk.ID, Type: "funds", Directed: true, Strength: 1})
		must(t, err)
		for _, s := range []int{-1, 1} {
			_, err := db.Maps.AddAssessment(m, pid, mf.Map.ID, pk.AssessmentInput{ActorID: desk.ID, Support: s, Influence: 3, Interest: 2, Note: "After the meeting"})
			must(t, err)
			w.Clock.Advance(time.Hour)
		}
		// A newer assessment of another actor, so that the restored ones
		// must keep their place (seq) in the map's history.
		_, err = db.Maps.AddAssessment(m, pid, mf.Map.ID, pk.AssessmentInput{ActorID: af.Actor.ID, Support: 2, Influence: 4})
		must(t, err)
		tactic, err := db.Maps.CreateTactic(m, pid, mf.Map.ID, pk.TacticInput{ActorID: desk.ID, Title: "Ask for a desk at the port",
			Status: "planned", Due: "2026-05-01", OwnerID: w.Member.ID})
		must(t, err)
		if _, err := db.Actors.Relationship(m, pid, hiddenTie.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("the member sees the sensitive tie: %v", err)
		}

		queries := []struct{ table, query string }{
			{"actors", `SELECT * FROM actors WHERE id = $1`},
			{"actor_tags", `SELECT * FROM actor_tags WHERE actor_id = $1 ORDER BY tag`},
			{"relationships", `SELECT * FROM relationships WHERE from_actor = $1 OR to_actor = $1 ORDER BY id`},
			{"assessments", `SELECT * FROM assessments WHERE actor_id = $1 ORDER BY seq`},
			{"tactics", `SELECT * FROM tactics WHERE actor_id = $1 ORDER BY id`},
		}
		before := map[string][]string{}
		for _, q := range queries {
			before[q.table] = dump(t, db, q.query, desk.ID)
			if len(before[q.table]) == 0 {
				t.Fatalf("no %s to delete", q.table)
			}
		}

		must(t, db.Actors.DeleteActor(m, pid, desk.ID, desk.Version))
		for _, q := range queries {
			if rows := dump(t, db, q.query, desk.ID); len(rows) != 0 {
				t.Fatalf("%s left after the delete: %v", q.table, rows)
			}
		}

		// The member: no bin at all, and nothing sensitive in the feed.
		_, _, err = db.Bin.BinItems(m, pid, pk.PageRequest{})
		wantCode(t, err, pk.EFORBIDDEN)
		_, _, err = db.Bin.BinItems(w.Observer.Ctx, pid, pk.PageRequest{})
		wantCode(t, err, pk.EFORBIDDEN)
		_, _, err = db.Bin.BinItems(w.Outsider.Ctx, pid, pk.PageRequest{})
		wantCode(t, err, pk.ENOTFOUND)
		item := binItemFor(t, db, w, desk.ID)
		_, err = db.Bin.BinItem(m, pid, item.ID)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Bin.RestoreBinItem(m, pid, item.ID)
		wantCode(t, err, pk.EFORBIDDEN)
		wantCode(t, db.Bin.PurgeBinItem(m, pid, item.ID), pk.EFORBIDDEN)
		_, err = db.Bin.EmptyBin(m, pid)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Bin.BinItem(w.Outsider.Ctx, w.Other.ID, item.ID)
		wantCode(t, err, pk.ENOTFOUND)
		feed, err := db.Partnerships.Dashboard(m, pid)
		must(t, err)
		for _, e := range feed.Recent {
			if e.Action == "bin.hidden" || strings.Contains(e.Summary, secret.Name) || strings.Contains(e.After, secret.Name) {
				t.Errorf("the member's feed shows %+v", e)
			}
		}

		// The coordinator: everything, counted, and flagged sensitive.
		if item.Kind != pk.BinActor || item.Title != desk.Name || !item.Sensitive || item.DeletedBy != w.Member.ID ||
			item.DeletedByName != w.Member.Name || !item.ExpiresAt.Equal(item.DeletedAt.Add(pk.BinRetention)) {
			t.Errorf("bin item %+v", item)
		}
		if want := map[string]int{"relationships": 2, "assessments": 2, "tactics": 1}; !maps.Equal(item.Counts, want) {
			t.Errorf("counts %v, want %v", item.Counts, want)
		}
		// The delete's own entry (members read it) counts what they could
		// see; the hidden tie is counted in an entry for coordinators only.
		if got := fmt.Sprint(auditAfter(t, db, w, "actor.delete")["to_bin"]); got != "map[assessments:2 relationships:1 tactics:1]" {
			t.Errorf("actor.delete counts %s", got)
		}
		if got := fmt.Sprint(auditAfter(t, db, w, "bin.hidden")["to_bin"]); got != "map[relationships:1]" {
			t.Errorf("bin.hidden counts %s", got)
		}

		restored, err := db.Bin.RestoreBinItem(c, pid, item.ID)
		must(t, err)
		if restored.ID != item.ID {
			t.Errorf("restored %+v", restored)
		}
		for _, q := range queries {
			sameRows(t, q.table, dump(t, db, q.query, desk.ID), before[q.table])
		}
		if _, err := db.Actors.Relationship(c, pid, hiddenTie.ID); err != nil {
			t.Errorf("sensitive tie not back: %v", err)
		}
		if _, err := db.Maps.Tactic(m, pid, mf.Map.ID, tactic.ID); err != nil {
			t.Errorf("tactic not back: %v", err)
		}
		if items, _, _ := db.Bin.BinItems(c, pid, pk.PageRequest{}); len(items) != 0 {
			t.Errorf("bin after restore: %+v", items)
		}
		_, err = db.Bin.RestoreBinItem(c, pid, item.ID)
		wantCode(t, err, pk.ENOTFOUND)
		// The restore is for coordinators only too: the item was sensitive.
		feed, err = db.Partnerships.Dashboard(m, pid)
		must(t, err)
		if feed.Recent[0].Action == "bin.restore" {
			t.Errorf("the member's feed shows the restore of a sensitive item")
		}
	})
}

// Restoring a tie whose actor was deleted since is a conflict and changes
// nothing; once the actor is back, the tie comes back too.
func TestBinRestoreNeedsWhatItDependsOn(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		af := w.Actors()
		tie := `SELECT * FROM relationships WHERE id = $1`
		before := dump(t, db, tie, af.Relationship.ID)
		must(t, db.Actors.DeleteRelationship(m, pid, af.Relationship.ID, af.Relationship.Version))
		tieItem := binItemFor(t, db, w, af.Relationship.ID)
		if tieItem.Kind != pk.BinRelationship || tieItem.Sensitive || len(tieItem.Counts) != 0 {
			t.Errorf("tie item %+v", tieItem)
		}
		must(t, db.Actors.DeleteActor(c, pid, af.Org.ID, af.Org.Version))
		orgItem := binItemFor(t, db, w, af.Org.ID)

		_, err := db.Bin.RestoreBinItem(c, pid, tieItem.ID)
		wantCode(t, err, pk.ECONFLICT)
		if e, _ := pk.AsError(err); e.Key != "bin.error.actor_gone" {
			t.Errorf("conflict %v", err)
		}
		if rows := dump(t, db, tie, af.Relationship.ID); len(rows) != 0 {
			t.Fatalf("a refused restore wrote %v", rows)
		}
		binItemFor(t, db, w, af.Relationship.ID) // still there

		_, err = db.Bin.RestoreBinItem(c, pid, orgItem.ID)
		must(t, err)
		_, err = db.Bin.RestoreBinItem(c, pid, tieItem.ID)
		must(t, err)
		sameRows(t, "relationship", dump(t, db, tie, af.Relationship.ID), before)
		// The org's own ties came back with it, the sensitive ones included.
		for _, r := range []*pk.Relationship{af.SensitiveTie, af.HiddenEnd} {
			if _, err := db.Actors.Relationship(c, pid, r.ID); err != nil {
				t.Errorf("%s: %v", r.Type, err)
			}
		}
	})
}

// Deleting a map takes its assessments of sensitive actors along: they go
// to the bin and come back in their place in the history.
func TestBinMap(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		mf := w.Maps()
		assessments := `SELECT * FROM assessments WHERE map_id = $1 ORDER BY seq`
		tactics := `SELECT * FROM tactics WHERE map_id = $1 ORDER BY id`
		mapRow := `SELECT * FROM maps WHERE id = $1`
		want := map[string][]string{}
		for _, q := range []string{assessments, tactics, mapRow} {
			want[q] = dump(t, db, q, mf.Map.ID)
		}
		positions, err := db.Maps.Positions(c, pid, mf.Map.ID, time.Time{})
		must(t, err)

		must(t, db.Maps.DeleteMap(m, pid, mf.Map.ID, mf.Map.Version))
		item := binItemFor(t, db, w, mf.Map.ID)
		if item.Kind != pk.BinMap || !item.Sensitive || item.Title != mf.Map.Title ||
			!maps.Equal(item.Counts, map[string]int{"assessments": 5, "tactics": 1}) {
			t.Errorf("map item %+v", item)
		}
		// Members read map.delete: it counts the four assessments of actors
		// they see; the one of the hidden informant is counted apart.
		if got := fmt.Sprint(auditAfter(t, db, w, "map.delete")["to_bin"]); got != "map[assessments:4 tactics:1]" {
			t.Errorf("map.delete counts %s", got)
		}
		if got := fmt.Sprint(auditAfter(t, db, w, "bin.hidden")["to_bin"]); got != "map[assessments:1]" {
			t.Errorf("bin.hidden counts %s", got)
		}

		_, err = db.Bin.RestoreBinItem(c, pid, item.ID)
		must(t, err)
		for q, rows := range want {
			sameRows(t, q, dump(t, db, q, mf.Map.ID), rows)
		}
		again, err := db.Maps.Positions(c, pid, mf.Map.ID, time.Time{})
		must(t, err)
		if fmt.Sprint(names(again)) != fmt.Sprint(names(positions)) {
			t.Errorf("positions %v, want %v", names(again), names(positions))
		}
	})
}

// A merge destroys the duplicate's own record and the ties between the
// two; they wait in the bin, while what moved over stays moved.
func TestBinMerge(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		keep, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Radio Blau", Kind: "organisation"})
		must(t, err)
		dup, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Radio Blau e.V.", Kind: "organisation", Notes: "Arabic programme on Fridays",
			Tags: []string{"media"}})
		must(t, err)
		between, err := db.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: dup.ID, To: keep.ID, Type: "member_of", Directed: true})
		must(t, err)
		moved, err := db.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: dup.ID, To: w.Actors().Actor.ID, Type: "cooperates_with"})
		must(t, err)
		actorRow, tieRow := `SELECT * FROM actors WHERE id = $1`, `SELECT * FROM relationships WHERE id = $1`
		wantActor, wantTie := dump(t, db, actorRow, dup.ID), dump(t, db, tieRow, between.ID)

		_, err = db.Actors.MergeActors(m, pid, keep.ID, dup.ID)
		must(t, err)
		item := binItemFor(t, db, w, dup.ID)
		if item.Kind != pk.BinMerge || item.Title != dup.Name || item.Sensitive || !maps.Equal(item.Counts, map[string]int{"relationships": 1}) {
			t.Errorf("merge item %+v", item)
		}
		_, err = db.Bin.RestoreBinItem(c, pid, item.ID)
		must(t, err)
		sameRows(t, "duplicate", dump(t, db, actorRow, dup.ID), wantActor)
		sameRows(t, "tie between", dump(t, db, tieRow, between.ID), wantTie)
		if r, err := db.Actors.Relationship(c, pid, moved.ID); err != nil || r.From != keep.ID {
			t.Errorf("moved tie %+v %v", r, err)
		}
		if a, err := db.Actors.Actor(c, pid, dup.ID); err != nil || len(a.Tags) != 1 {
			t.Errorf("duplicate %+v %v", a, err)
		}
	})
}

// Items wait 30 days: then they are gone from the list, cannot be
// restored, and the purge destroys them.
func TestBinExpiresAndPurges(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		ctx := context.Background()
		af := w.Actors()
		// Start from an empty bin: the world's own bin item is for the pages.
		_, err := db.Bin.EmptyBin(c, pid)
		must(t, err)
		must(t, db.Actors.DeleteActor(m, pid, af.Actor.ID, af.Actor.Version))
		old := binItemFor(t, db, w, af.Actor.ID)
		w.Clock.Advance(10 * 24 * time.Hour)
		must(t, db.Actors.DeleteRelationship(c, pid, af.HiddenEnd.ID, af.HiddenEnd.Version))
		newer := binItemFor(t, db, w, af.HiddenEnd.ID)
		items, _, err := db.Bin.BinItems(c, pid, pk.PageRequest{Limit: 1})
		must(t, err)
		if len(items) != 1 || items[0].ID != newer.ID {
			t.Fatalf("newest first: %+v", items)
		}
		_, next, err := db.Bin.BinItems(c, pid, pk.PageRequest{Limit: 1})
		must(t, err)
		items, _, err = db.Bin.BinItems(c, pid, pk.PageRequest{Limit: 1, Cursor: next})
		must(t, err)
		if len(items) != 1 || items[0].ID != old.ID {
			t.Fatalf("second page: %+v", items)
		}
		_, _, err = db.Bin.BinItems(c, pid, pk.PageRequest{Cursor: "!!"})
		wantCode(t, err, pk.EINVALID)

		if n, err := db.Bin.PurgeExpiredBin(ctx); err != nil || n != 0 {
			t.Fatalf("purged %d too early, %v", n, err)
		}
		w.Clock.Advance(20*24*time.Hour + time.Minute)
		items, _, err = db.Bin.BinItems(c, pid, pk.PageRequest{})
		must(t, err)
		if len(items) != 1 || items[0].ID != newer.ID {
			t.Fatalf("after 30 days: %+v", items)
		}
		_, err = db.Bin.RestoreBinItem(c, pid, old.ID)
		wantCode(t, err, pk.ENOTFOUND)
		if n, err := db.Bin.PurgeExpiredBin(ctx); err != nil || n != 1 {
			t.Fatalf("purged %d, %v", n, err)
		}
		if rows := dump(t, db, `SELECT id FROM bin_items WHERE id = $1`, old.ID); len(rows) != 0 {
			t.Errorf("expired item kept: %v", rows)
		}

		// Purging one and emptying the rest.
		must(t, db.Actors.DeleteActor(c, pid, af.Org.ID, af.Org.Version))
		must(t, db.Bin.PurgeBinItem(c, pid, newer.ID))
		wantCode(t, db.Bin.PurgeBinItem(c, pid, newer.ID), pk.ENOTFOUND)
		n, err := db.Bin.EmptyBin(c, pid)
		if err != nil || n != 1 {
			t.Fatalf("emptied %d, %v", n, err)
		}
		if items, _, _ := db.Bin.BinItems(c, pid, pk.PageRequest{}); len(items) != 0 {
			t.Errorf("bin after emptying: %+v", items)
		}
	})
}

// The privacy lookup of tactic audit entries fails closed: when it cannot
// answer, it says "sensitive" with an error, which aborts the write, where
// it used to say "not sensitive" and let the entry reach members' feed.
func TestTacticSensitiveFailsClosed(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid, c := w.Partnership.ID, w.Coordinator.Ctx
		mf := w.Maps()
		hidden, err := db.Maps.CreateTactic(c, pid, mf.Map.ID, pk.TacticInput{ActorID: mf.Actors[sqldbtest.SensitiveActorName],
			Title: "Meet in a safe place", Status: "planned"})
		must(t, err)
		for _, x := range []struct {
			id        string
			sensitive bool
			fails     bool
		}{{mf.Tactic.ID, false, false}, {hidden.ID, true, false}, {"no-such-tactic", true, true}} {
			got, err := sqldb.TacticSensitiveForTest(c, db, x.id)
			if got != x.sensitive || (err != nil) != x.fails {
				t.Errorf("%s: sensitive %v, error %v; want %v, failing %v", x.id, got, err, x.sensitive, x.fails)
			}
		}
		// And the tactic about the sensitive actor stays out of the feed.
		feed, err := db.Partnerships.Dashboard(w.Member.Ctx, pid)
		must(t, err)
		for _, e := range feed.Recent {
			if e.SubjectID == hidden.ID {
				t.Errorf("the member's feed shows %+v", e)
			}
		}
	})
}

// A preview of a 10,000-row import does not hold the writer: while it
// runs (the hook is called inside it, after the file is read and checked),
// another person's small write completes.
func TestImportPreviewLeavesTheWriterFree(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid := w.Partnership.ID
		var b strings.Builder
		b.WriteString("name,kind,sector,tags\n")
		for i := range 10000 {
			fmt.Fprintf(&b, "Neighbourhood group %05d,group,civil society,\"street, youth\"\n", i)
		}
		before, err := db.Actors.CountActors(w.Coordinator.Ctx, pid, pk.ActorFilter{})
		must(t, err)
		ran := false
		ctx := sqldb.WithImportHook(w.Member.Ctx, func() {
			ran = true
			// Were the preview inside the single writer's transaction, this
			// would wait for it, and give up when the deadline passes.
			wctx, cancel := context.WithTimeout(w.Coordinator.Ctx, 20*time.Second)
			defer cancel()
			if _, err := db.Actors.CreateActor(wctx, pid, pk.ActorInput{Name: "Created during the preview", Kind: "individual"}); err != nil {
				t.Errorf("a write during the preview: %v", err)
			}
		})
		prev, err := db.Actors.ImportActors(ctx, pid, []byte(b.String()), nil, true)
		must(t, err)
		if !ran || prev.Rows != 10000 || len(prev.Errors) != 0 || prev.Imported != 0 {
			t.Fatalf("hook ran %v, preview %d rows, %d errors, %d imported", ran, prev.Rows, len(prev.Errors), prev.Imported)
		}
		after, err := db.Actors.CountActors(w.Coordinator.Ctx, pid, pk.ActorFilter{})
		must(t, err)
		if after != before+1 {
			t.Errorf("%d actors, want %d: the preview wrote, or the write did not", after, before+1)
		}
	})
}
