package sqldb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A map bigger than its stated maxima: positions, lines and the timeline
// each stop at their maximum and say so, and the signal counts only what
// the reader may see, so that a cut never hints at a sensitive actor.
func TestWholeMapReadsSayWhenCut(t *testing.T) {
	if pk.MaxMapTimeline%pk.MaxMapActors != 0 || pk.MaxMapLines >= pk.MaxMapActors*(pk.MaxMapActors-1) {
		t.Fatal("the seeding below assumes the timeline is a whole number of assessments per actor")
	}
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx, pid := context.Background(), w.Partnership.ID
		m, err := db.Maps.CreateMap(w.Coordinator.Ctx, pid, pk.MapInput{Title: "Every youth group in the region"})
		if err != nil {
			t.Fatal(err)
		}
		// MaxMapActors visible actors and one sensitive one (sorting last),
		// exactly MaxMapLines lines among the visible ones and one more to
		// the sensitive actor.
		n := pk.MaxMapActors
		actors := make([]sqldb.SeedActor, n+1)
		for i := range n {
			actors[i] = sqldb.SeedActor{Name: fmt.Sprintf("Group %05d", i), Kind: "group"}
		}
		actors[n] = sqldb.SeedActor{Name: "Zz shelter", Kind: "group", Sensitive: true}
		var rels []sqldb.SeedRelationship
		for len(rels) < pk.MaxMapLines {
			i, k := len(rels)%n, len(rels)/n+1
			typ := "cooperates_with"
			if k%2 == 0 {
				typ = "in_conflict_with"
			}
			rels = append(rels, sqldb.SeedRelationship{From: i, To: (i + k) % n, Type: typ})
		}
		rels = append(rels, sqldb.SeedRelationship{From: 0, To: n, Type: "cooperates_with"})
		seeder := sqldb.NewSeeder(db)
		ids, err := seeder.SeedActors(ctx, pid, actors, rels)
		if err != nil {
			t.Fatal(err)
		}
		hidden := ids[n]
		rows := make([]sqldb.SeedAssessment, len(ids))
		for i, id := range ids {
			rows[i] = sqldb.SeedAssessment{ActorID: id, Support: i%5 - 2, Influence: i%5 + 1, At: w.Clock.Now().Add(-time.Duration(len(ids)-i) * time.Minute)}
		}
		if err := seeder.SeedAssessments(ctx, pid, m.ID, rows); err != nil {
			t.Fatal(err)
		}
		// Visible assessments: exactly MaxMapTimeline.
		if err := sqldb.CopyAssessmentsForTest(ctx, db, m.ID, pk.MaxMapTimeline/n-1); err != nil {
			t.Fatal(err)
		}

		for _, c := range []struct {
			who     *sqldbtest.Person
			wantCut bool
		}{{w.Member, false}, {w.Coordinator, true}} {
			pos, err := db.Maps.PositionList(c.who.Ctx, pid, m.ID, time.Time{})
			if err != nil || len(pos.Positions) != n || pos.Cut != c.wantCut {
				t.Fatalf("%s: %d positions, cut %v, %v", c.who.Name, len(pos.Positions), pos.Cut, err)
			}
			if old, err := db.Maps.Positions(c.who.Ctx, pid, m.ID, time.Time{}); err != nil || len(old) != n {
				t.Fatalf("%s: Positions %d, %v", c.who.Name, len(old), err)
			}
			lines, err := db.Maps.MapLineList(c.who.Ctx, pid, m.ID)
			if err != nil || len(lines.Lines) != pk.MaxMapLines || lines.Cut != c.wantCut {
				t.Fatalf("%s: %d lines, cut %v, %v", c.who.Name, len(lines.Lines), lines.Cut, err)
			}
			tl, err := db.Maps.TimelineList(c.who.Ctx, pid, m.ID)
			if err != nil || len(tl.Assessments) != pk.MaxMapTimeline || tl.Cut != c.wantCut {
				t.Fatalf("%s: %d assessments in the timeline, cut %v, %v", c.who.Name, len(tl.Assessments), tl.Cut, err)
			}
			page, err := db.Maps.MapPage(c.who.Ctx, pid, m.ID)
			if err != nil || len(page.Positions) != n || page.PositionsCut != c.wantCut || page.TacticsCut {
				t.Fatalf("%s: map page %d positions, cut %v, %v", c.who.Name, len(page.Positions), page.PositionsCut, err)
			}
		}

		// The sensitive actor is past the cut, yet its own page on the map
		// finds where it stands (for those who may see it).
		ap, err := db.Maps.MapActorPage(w.Coordinator.Ctx, pid, m.ID, hidden, pk.PageRequest{})
		if err != nil || ap.Current == nil || ap.Current.ActorID != hidden {
			t.Fatalf("coordinator: the actor past the cut has no position on its page (%+v, %v)", ap, err)
		}
		_, err = db.Maps.MapActorPage(w.Member.Ctx, pid, m.ID, hidden, pk.PageRequest{})
		wantCode(t, err, pk.ENOTFOUND)
	})
}

// Lists of a map, a prospect, a self-analysis, the register's tags and an
// account stop at their maxima and say so; under the maximum nothing
// changes.
func TestSmallerListsSayWhenCut(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx, pid := context.Background(), w.Partnership.ID
		at := func(i int) string { return sqldb.TimeForTest(w.Clock.Now().Add(time.Duration(i) * time.Second)) }

		// Maps, newest first.
		before, err := db.Maps.MapList(w.Member.Ctx, pid)
		if err != nil || before.Cut || len(before.Maps) == 0 {
			t.Fatalf("%+v %v", before, err)
		}
		extra := pk.MaxMaps + 1 - len(before.Maps)
		if err := sqldb.InsertRowsForTest(ctx, db, "maps", []string{"id", "partnership_id", "title", "created_at"}, extra,
			func(i int) []any {
				return []any{fmt.Sprintf("seeded-map-%04d", i), pid, fmt.Sprintf("Map %04d", i), at(i + 1)}
			}); err != nil {
			t.Fatal(err)
		}
		ml, err := db.Maps.MapList(w.Member.Ctx, pid)
		if err != nil || len(ml.Maps) != pk.MaxMaps || !ml.Cut || ml.Maps[0].ID != fmt.Sprintf("seeded-map-%04d", extra-1) {
			t.Fatalf("maps: %d, cut %v, first %v, %v", len(ml.Maps), ml.Cut, ml.Maps[0].ID, err)
		}
		// Observers see shared maps only: none of the seeded ones.
		if ol, err := db.Maps.MapList(w.Observer.Ctx, pid); err != nil || ol.Cut || len(ol.Maps) >= pk.MaxMaps {
			t.Fatalf("observer: %d maps, cut %v, %v", len(ol.Maps), ol.Cut, err)
		}

		// Tactics: MaxMapTactics about a visible actor and one about a
		// sensitive actor, which only coordinators count.
		f := w.Maps()
		mid := f.Map.ID
		visible, secret := f.Actors["City Council"], f.Actors[sqldbtest.SensitiveActorName]
		old, err := db.Maps.TacticList(w.Coordinator.Ctx, pid, mid)
		if err != nil || old.Cut {
			t.Fatalf("%+v %v", old, err)
		}
		if err := sqldb.InsertRowsForTest(ctx, db, "tactics", []string{"id", "partnership_id", "map_id", "actor_id", "title", "status", "created_at"},
			pk.MaxMapTactics+1-len(old.Tactics), func(i int) []any {
				actor := visible
				if i == 0 {
					actor = secret
				}
				return []any{fmt.Sprintf("seeded-tactic-%04d", i), pid, mid, actor, fmt.Sprintf("Tactic %04d", i), "planned", at(i)}
			}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			who     *sqldbtest.Person
			wantLen int
			wantCut bool
		}{{w.Member, pk.MaxMapTactics - countAbout(old.Tactics, secret), false}, {w.Coordinator, pk.MaxMapTactics, true}} {
			tl, err := db.Maps.TacticList(c.who.Ctx, pid, mid)
			if err != nil || len(tl.Tactics) != c.wantLen || tl.Cut != c.wantCut {
				t.Fatalf("%s: %d tactics, cut %v, %v", c.who.Name, len(tl.Tactics), tl.Cut, err)
			}
			page, err := db.Maps.MapPage(c.who.Ctx, pid, mid)
			if err != nil || page.TacticsCut != c.wantCut || page.PositionsCut {
				t.Fatalf("%s: map page tactics cut %v, %v", c.who.Name, page.TacticsCut, err)
			}
		}
		// One actor's page lists its own tactics however long the map's list.
		ap, err := db.Maps.MapActorPage(w.Member.Ctx, pid, mid, visible, pk.PageRequest{})
		if want := pk.MaxMapTactics - len(old.Tactics) + countAbout(old.Tactics, visible); err != nil || len(ap.Tactics) != want {
			t.Fatalf("actor page: %d tactics, %v", len(ap.Tactics), err)
		}

		// A prospect's history: the latest changes, oldest first.
		prid := w.Playbook().Prospect.ID
		h, err := db.Prospects.ProspectHistoryList(w.Member.Ctx, pid, prid)
		if err != nil || h.Cut || len(h.Changes) == 0 {
			t.Fatalf("%+v %v", h, err)
		}
		opening := h.Changes[0]
		if err := sqldb.InsertRowsForTest(ctx, db, "prospect_status_changes", []string{"id", "partnership_id", "prospect_id", "seq", "from_status", "to_status", "note", "changed_at"},
			pk.MaxProspectHistory, func(i int) []any {
				return []any{fmt.Sprintf("seeded-change-%04d", i), pid, prid, 1000 + i, "agreed", "agreed", fmt.Sprintf("Call %04d", i), at(i + 1)}
			}); err != nil {
			t.Fatal(err)
		}
		h, err = db.Prospects.ProspectHistoryList(w.Member.Ctx, pid, prid)
		if err != nil || len(h.Changes) != pk.MaxProspectHistory || !h.Cut {
			t.Fatalf("history: %d, cut %v, %v", len(h.Changes), h.Cut, err)
		}
		if first, last := h.Changes[0], h.Changes[len(h.Changes)-1]; first.Note != "Call 0000" || last.Note != fmt.Sprintf("Call %04d", pk.MaxProspectHistory-1) || first.Note == opening.Note {
			t.Fatalf("history runs from %q to %q: want the latest, oldest first", first.Note, last.Note)
		}

		// The partnership's self-analysis: the latest contributions.
		sa, err := db.Preparation.SelfAnalysis(w.Member.Ctx, pid)
		if err != nil || sa.Cut {
			t.Fatalf("%+v %v", sa, err)
		}
		section := sa.Sections[0].ID
		if err := sqldb.InsertRowsForTest(ctx, db, "self_analysis_entries", []string{"id", "partnership_id", "section", "body", "created_at", "updated_at"},
			pk.MaxSelfAnalysisEntries+1, func(i int) []any {
				return []any{fmt.Sprintf("seeded-entry-%05d", i), pid, section, fmt.Sprintf("Strength %05d", i), at(i + 1), at(i + 1)}
			}); err != nil {
			t.Fatal(err)
		}
		sa, err = db.Preparation.SelfAnalysis(w.Member.Ctx, pid)
		if err != nil || !sa.Cut {
			t.Fatalf("self-analysis cut %v, %v", sa.Cut, err)
		}
		total := 0
		for _, s := range sa.Sections {
			total += len(s.Entries)
		}
		got := sa.Sections[0].Entries
		if total != pk.MaxSelfAnalysisEntries || got[0].Text != "Strength 00001" || got[len(got)-1].Text != fmt.Sprintf("Strength %05d", pk.MaxSelfAnalysisEntries) {
			t.Fatalf("self-analysis: %d entries from %q to %q: want the latest, oldest first", total, got[0].Text, got[len(got)-1].Text)
		}
		// An organisation's own self-analysis is a list of its own.
		if osa, err := db.Preparation.OrganisationSelfAnalysis(w.Member.Ctx, w.MemberOrg.ID); err != nil || osa.Cut {
			t.Fatalf("organisation self-analysis cut %v, %v", osa != nil && osa.Cut, err)
		}

		// Tags offered for filtering the register.
		tags, err := db.Actors.ActorTagList(w.Member.Ctx, pid)
		if err != nil || tags.Cut {
			t.Fatalf("%+v %v", tags, err)
		}
		if err := sqldb.InsertRowsForTest(ctx, db, "actor_tags", []string{"actor_id", "partnership_id", "tag"}, pk.MaxTagChoices+1-len(tags.Tags),
			func(i int) []any { return []any{visible, pid, fmt.Sprintf("zz-%04d", i)} }); err != nil {
			t.Fatal(err)
		}
		tags, err = db.Actors.ActorTagList(w.Member.Ctx, pid)
		if err != nil || len(tags.Tags) != pk.MaxTagChoices || !tags.Cut {
			t.Fatalf("tags: %d, cut %v, %v", len(tags.Tags), tags.Cut, err)
		}
		if old, err := db.Actors.ActorTags(w.Member.Ctx, pid); err != nil || len(old) != pk.MaxTagChoices {
			t.Fatalf("ActorTags: %d, %v", len(old), err)
		}

		// An account's tokens: the newest MaxTokens.
		if err := sqldb.InsertRowsForTest(ctx, db, "api_tokens", []string{"id", "user_id", "name", "secret_hash", "created_at"}, pk.MaxTokens+1,
			func(i int) []any {
				return []any{fmt.Sprintf("seeded-token-%04d", i), w.Member.ID, "script", fmt.Sprintf("hash-%04d", i), at(i + 1)}
			}); err != nil {
			t.Fatal(err)
		}
		toks, err := db.Accounts.Tokens(w.Member.Ctx)
		if err != nil || len(toks) != pk.MaxTokens || toks[0].ID != fmt.Sprintf("seeded-token-%04d", pk.MaxTokens) {
			t.Fatalf("tokens: %d, %v", len(toks), err)
		}
	})
}

// countAbout counts the tactics about actor among ts.
func countAbout(ts []*pk.Tactic, actor string) int {
	n := 0
	for _, x := range ts {
		if x.ActorID == actor {
			n++
		}
	}
	return n
}
