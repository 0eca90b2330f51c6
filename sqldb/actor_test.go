package sqldb_test

import (
	"fmt"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func actorNames(as []*pk.Actor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestActorLifecycle(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, m := w.Partnership.ID, w.Member.Ctx
		// Observers and outsiders may not write; outsiders learn nothing.
		_, err := db.Actors.CreateActor(w.Observer.Ctx, pid, pk.ActorInput{Name: "X", Kind: "group"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Actors.CreateActor(w.Outsider.Ctx, pid, pk.ActorInput{})
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Actors.CreateActor(m, pid, pk.ActorInput{Name: "", Kind: "robot"})
		wantField(t, err, "kind")
		_, err = db.Actors.CreateActor(m, pid, pk.ActorInput{Name: "X", Kind: "group", OrganisationID: w.Other.ID})
		wantField(t, err, "organisation_id")

		a, err := db.Actors.CreateActor(m, pid, pk.ActorInput{Name: " Mosque Association Al-Nour ", Kind: "group", Sector: "faith_based",
			Tags: []string{"faith", "Youth", "youth"}, Motivation: "Their young people find work.", Contribution: "Rooms for homework clubs."})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Actors.Actor(m, pid, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Mosque Association Al-Nour" || got.Version != 1 || !slices.Equal(got.Tags, []string{"Youth", "faith"}) || got.Motivation == "" {
			t.Errorf("read back %+v", got)
		}
		// Updates need the current version; a stale one changes nothing.
		in := pk.ActorInput{Name: "Mosque Association", Kind: "group", Sector: "faith_based", Tags: []string{"faith"}, Version: 1}
		up, err := db.Actors.UpdateActor(m, pid, a.ID, in)
		if err != nil || up.Version != 2 {
			t.Fatalf("update: %v %+v", err, up)
		}
		in.Name = "Overwritten"
		_, err = db.Actors.UpdateActor(w.Coordinator.Ctx, pid, a.ID, in)
		wantCode(t, err, pk.ECONFLICT)
		if e, _ := pk.AsError(err); e.Version != 2 {
			t.Errorf("conflict carries version %d, want 2", e.Version)
		}
		got, _ = db.Actors.Actor(m, pid, a.ID)
		if got.Name != "Mosque Association" || !slices.Equal(got.Tags, []string{"faith"}) {
			t.Errorf("after stale update: %+v", got)
		}
		// Another partnership's coordinator cannot reach it through theirs.
		_, err = db.Actors.Actor(w.Outsider.Ctx, w.Other.ID, a.ID)
		wantCode(t, err, pk.ENOTFOUND)
		wantCode(t, db.Actors.DeleteActor(m, pid, a.ID, 1), pk.ECONFLICT)
		wantField(t, db.Actors.DeleteActor(m, pid, a.ID, 0), "version")
		if err := db.Actors.DeleteActor(m, pid, a.ID, 2); err != nil {
			t.Fatal(err)
		}
		_, err = db.Actors.Actor(m, pid, a.ID)
		wantCode(t, err, pk.ENOTFOUND)
		es, _, _ := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 10})
		var actions []string
		for _, e := range es {
			actions = append(actions, e.Action)
		}
		for _, want := range []string{"actor.create", "actor.update", "actor.delete"} {
			if !slices.Contains(actions, want) {
				t.Errorf("audit lacks %s: %v", want, actions)
			}
		}
	})
}

func TestActorFiltersAndPages(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, c := w.Partnership.ID, w.Coordinator.Ctx
		for i := range 7 {
			_, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: fmt.Sprintf("Zeitung %d", i), Kind: "organisation", Sector: "media", Tags: []string{"press"}})
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range []string{"جمعية الشباب 50%", "École des Parents", "مركز أحمد"} {
			if _, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: name, Kind: "group", Sector: "civil_society"}); err != nil {
				t.Fatal(err)
			}
		}
		for _, cs := range []struct {
			name string
			f    pk.ActorFilter
			want int
		}{
			{"name contains, any case", pk.ActorFilter{Query: "zEITung"}, 7},
			{"arabic", pk.ActorFilter{Query: "الشباب"}, 1},
			{"percent is literal", pk.ActorFilter{Query: "50%"}, 1},
			{"accents and capitals ignored", pk.ActorFilter{Query: "ecole"}, 1},
			{"capital accent", pk.ActorFilter{Query: "ÉCOLE DES"}, 1},
			{"hamza ignored", pk.ActorFilter{Query: "احمد"}, 1},
			{"underscore is literal", pk.ActorFilter{Query: "_"}, 0},
			{"sector", pk.ActorFilter{Sector: "media"}, 7},
			{"kind", pk.ActorFilter{Kind: "institution"}, 2}, // fixtures: integration office, maps' city council/job centre
			{"tag any case", pk.ActorFilter{Tag: "PRESS"}, 7},
			{"tag and kind", pk.ActorFilter{Tag: "press", Kind: "group"}, 0},
		} {
			t.Run(cs.name, func(t *testing.T) {
				n, err := db.Actors.CountActors(w.Member.Ctx, pid, cs.f)
				if err != nil {
					t.Fatal(err)
				}
				if cs.name == "kind" {
					// Count whatever institutions the fixtures made, checked against the list.
					all, _, _ := db.Actors.Actors(w.Member.Ctx, pid, cs.f, pk.PageRequest{Limit: 200})
					for _, a := range all {
						if a.Kind != "institution" {
							t.Errorf("kind filter let %s through", a.Name)
						}
					}
					if len(all) != n || n == 0 {
						t.Errorf("count %d, list %d", n, len(all))
					}
					return
				}
				if n != cs.want {
					t.Errorf("count %d, want %d", n, cs.want)
				}
			})
		}
		// Pages of 3 walk the seven newspapers in name order without repeats.
		var seen []string
		cursor := ""
		for range 5 {
			page, next, err := db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{Sector: "media"}, pk.PageRequest{Limit: 3, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			seen = append(seen, actorNames(page)...)
			if next == "" {
				break
			}
			cursor = next
		}
		if len(seen) != 7 || !slices.IsSorted(seen) || seen[0] != "Zeitung 0" {
			t.Errorf("pages gave %v", seen)
		}
		_, _, err := db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{}, pk.PageRequest{Cursor: "!!"})
		wantField(t, err, "cursor")
		_, _, err = db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{Segment: "neutral"}, pk.PageRequest{})
		wantField(t, err, "map")
		tags, err := db.Actors.ActorTags(w.Member.Ctx, pid)
		if err != nil || !slices.Contains(tags, "press") || slices.Contains(tags, "youth") && !slices.Contains(tags, "press") {
			t.Errorf("tags %v %v", tags, err)
		}
	})
}

func TestActorMapFilters(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		mf := w.Maps()
		if mf == nil {
			t.Skip("no maps fixtures")
		}
		pid, c := w.Partnership.ID, w.Coordinator.Ctx
		// The maps fixtures assess (support, influence): City Council (-1,5),
		// Youth Club East (2,2), Job Centre (-2,4), Local Newspaper (0,3),
		// Hidden Informant (1,1, sensitive). A later assessment wins.
		if _, err := db.Maps.AddAssessment(c, pid, mf.Map.ID, pk.AssessmentInput{ActorID: mf.Actors["Local Newspaper"], Support: 1, Influence: 3}); err != nil {
			t.Fatal(err)
		}
		for _, cs := range []struct {
			f      pk.ActorFilter
			member []string
			coord  []string
		}{
			{pk.ActorFilter{Strategy: "partner"}, []string{"Local Newspaper"}, nil},
			{pk.ActorFilter{Strategy: "awareness_raising"}, []string{"City Council", "Job Centre"}, nil},
			{pk.ActorFilter{Strategy: "capacity_development"}, []string{"Youth Club East"}, []string{"Hidden Informant", "Youth Club East"}},
			{pk.ActorFilter{Strategy: "monitor"}, nil, nil},
			{pk.ActorFilter{Segment: "active_opposition"}, []string{"Job Centre"}, nil},
			{pk.ActorFilter{Segment: "neutral"}, nil, nil},
			{pk.ActorFilter{Segment: "passive_ally", Strategy: "partner"}, []string{"Local Newspaper"}, nil},
		} {
			cs.f.MapID = mf.Map.ID
			if cs.coord == nil {
				cs.coord = cs.member
			}
			for who, want := range map[*sqldbtest.Person][]string{w.Member: cs.member, w.Coordinator: cs.coord} {
				got, _, err := db.Actors.Actors(who.Ctx, pid, cs.f, pk.PageRequest{})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(actorNames(got), want) {
					t.Errorf("%+v as %s: got %v, want %v", cs.f, who.Name, actorNames(got), want)
				}
			}
		}
		_, _, err := db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{MapID: "nope", Strategy: "partner"}, pk.PageRequest{})
		wantField(t, err, "map")
	})
}

// Members never see a sensitive actor or a tie to one, by any service.
func TestActorPrivacy(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Actors()
		pid, m, c := w.Partnership.ID, w.Member.Ctx, w.Coordinator.Ctx
		_, err := db.Actors.Actor(m, pid, f.Sensitive.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Actors.ActorPage(m, pid, f.Sensitive.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Actors.UpdateActor(m, pid, f.Sensitive.ID, pk.ActorInput{Name: "x", Kind: "group", Version: 1})
		wantCode(t, err, pk.ENOTFOUND)
		wantCode(t, db.Actors.DeleteActor(m, pid, f.Sensitive.ID, 1), pk.ENOTFOUND)
		_, err = db.Actors.MergeActors(m, pid, f.Actor.ID, f.Sensitive.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Actors.MergeActors(m, pid, f.Sensitive.ID, f.Actor.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: f.Actor.ID, To: f.Sensitive.ID, Type: "family"})
		wantField(t, err, "to")
		all, _, err := db.Actors.Actors(m, pid, pk.ActorFilter{}, pk.PageRequest{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range all {
			if a.Sensitive {
				t.Errorf("member sees sensitive actor %s", a.Name)
			}
		}
		nm, _ := db.Actors.CountActors(m, pid, pk.ActorFilter{})
		nc, _ := db.Actors.CountActors(c, pid, pk.ActorFilter{})
		if nm != len(all) || nc <= nm {
			t.Errorf("counts member %d (list %d), coordinator %d", nm, len(all), nc)
		}
		if tags, _ := db.Actors.ActorTags(m, pid); slices.Contains(tags, "youth") {
			t.Errorf("member sees the sensitive actor's tag: %v", tags)
		}
		rels, _, err := db.Actors.Relationships(m, pid, pk.RelationshipFilter{}, pk.PageRequest{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rels {
			if r.ID == f.SensitiveTie.ID || r.ID == f.HiddenEnd.ID || r.Sensitive {
				t.Errorf("member sees relationship %+v", r)
			}
		}
		for _, id := range []string{f.SensitiveTie.ID, f.HiddenEnd.ID} {
			_, err = db.Actors.Relationship(m, pid, id)
			wantCode(t, err, pk.ENOTFOUND)
			wantCode(t, db.Actors.DeleteRelationship(m, pid, id, 1), pk.ENOTFOUND)
		}
		page, err := db.Actors.ActorPage(m, pid, f.Org.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Relationships) != 1 || page.Relationships[0].ID != f.Relationship.ID {
			t.Errorf("member's actor page shows %d relationships", len(page.Relationships))
		}
		// The coordinator sees all three, and the activity feed never names
		// the sensitive actor.
		page, err = db.Actors.ActorPage(c, pid, f.Org.ID)
		if err != nil || len(page.Relationships) != 3 {
			t.Fatalf("coordinator's page: %v %d", err, len(page.Relationships))
		}
		d, err := db.Partnerships.Dashboard(m, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Recent {
			if e.Summary == sqldbtest.SensitiveActorName2 {
				t.Errorf("activity feed names the sensitive actor: %+v", e)
			}
		}
	})
}

func TestRelationshipLifecycle(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Actors()
		pid, m := w.Partnership.ID, w.Member.Ctx
		person, err := db.Actors.CreateActor(m, pid, pk.ActorInput{Name: "Frau Schmidt", Kind: "individual", Sector: "public"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: person.ID, To: f.Actor.ID, Type: "works_at", FromDate: "2025-02-01", UntilDate: "2025-01-01"})
		wantField(t, err, "until_date")
		_, err = db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: person.ID, To: "nobody", Type: "works_at"})
		wantField(t, err, "to")
		r, err := db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: person.ID, To: f.Actor.ID, Type: "works_at", Directed: true,
			Strength: 3, FromDate: "2021-09-01", Note: "Head of the integration office"})
		if err != nil {
			t.Fatal(err)
		}
		if r.FromName != "Frau Schmidt" || r.ToName != sqldbtest.ActorName || r.FromDate != "2021-09-01" || r.UntilDate != "" {
			t.Errorf("created %+v", r)
		}
		// She is a key individual of the office.
		page, err := db.Actors.ActorPage(m, pid, f.Actor.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.KeyIndividuals) != 1 || page.KeyIndividuals[0].ID != person.ID {
			t.Errorf("key individuals %v", actorNames(page.KeyIndividuals))
		}
		up, err := db.Actors.UpdateRelationship(m, pid, r.ID, pk.RelationshipInput{From: person.ID, To: f.Actor.ID, Type: "works_at", Directed: true,
			Strength: 2, FromDate: "2021-09-01", UntilDate: "2026-01-31", Version: 1})
		if err != nil || up.Version != 2 || up.UntilDate != "2026-01-31" {
			t.Fatalf("update %v %+v", err, up)
		}
		_, err = db.Actors.UpdateRelationship(m, pid, r.ID, pk.RelationshipInput{From: person.ID, To: f.Actor.ID, Type: "family", Version: 1})
		wantCode(t, err, pk.ECONFLICT)
		works, _, err := db.Actors.Relationships(m, pid, pk.RelationshipFilter{Type: "works_at"}, pk.PageRequest{})
		if err != nil || len(works) != 1 || works[0].Type != "works_at" {
			t.Errorf("type filter: %v %d", err, len(works))
		}
		_, _, err = db.Actors.Relationships(m, pid, pk.RelationshipFilter{Type: "friends"}, pk.PageRequest{})
		wantField(t, err, "type")
		wantCode(t, db.Actors.DeleteRelationship(m, pid, r.ID, 1), pk.ECONFLICT)
		if err := db.Actors.DeleteRelationship(m, pid, r.ID, 2); err != nil {
			t.Fatal(err)
		}
		_, err = db.Actors.Relationship(m, pid, r.ID)
		wantCode(t, err, pk.ENOTFOUND)
		// Pagination over relationships.
		for i := range 5 {
			x, err := db.Actors.CreateActor(m, pid, pk.ActorInput{Name: fmt.Sprintf("Verein %d", i), Kind: "group"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: x.ID, To: f.Org.ID, Type: "neighbourhood"}); err != nil {
				t.Fatal(err)
			}
		}
		var ids []string
		cursor := ""
		for range 5 {
			page, next, err := db.Actors.Relationships(m, pid, pk.RelationshipFilter{Type: "neighbourhood"}, pk.PageRequest{Limit: 2, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page {
				ids = append(ids, x.ID)
			}
			if cursor = next; next == "" {
				break
			}
		}
		if len(ids) != 5 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 5 {
			t.Errorf("pages gave %v", ids)
		}
	})
}

func TestMergeActors(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Actors()
		pid, c, m := w.Partnership.ID, w.Coordinator.Ctx, w.Member.Ctx
		dup, err := db.Actors.CreateActor(m, pid, pk.ActorInput{Name: "Integration office (city)", Kind: "institution", Tags: []string{"City", "funder"},
			Notes: "Duplicate typed at the workshop."})
		if err != nil {
			t.Fatal(err)
		}
		other, _ := db.Actors.CreateActor(m, pid, pk.ActorInput{Name: "Sports club", Kind: "group"})
		r1, _ := db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: other.ID, To: dup.ID, Type: "cooperates_with"})
		r2, _ := db.Actors.CreateRelationship(m, pid, pk.RelationshipInput{From: dup.ID, To: f.Actor.ID, Type: "cooperates_with"}) // becomes a loop
		var mf = w.Maps()
		if mf != nil {
			if _, err := db.Maps.AddAssessment(c, pid, mf.Map.ID, pk.AssessmentInput{ActorID: dup.ID, Support: 1, Influence: 4}); err != nil {
				t.Fatal(err)
			}
		}
		_, err = db.Actors.MergeActors(m, pid, f.Actor.ID, f.Actor.ID)
		wantField(t, err, "duplicate")
		_, err = db.Actors.MergeActors(m, pid, f.Actor.ID, "")
		wantField(t, err, "duplicate")
		kept, err := db.Actors.MergeActors(m, pid, f.Actor.ID, dup.ID)
		if err != nil {
			t.Fatal(err)
		}
		if kept.Notes != "Duplicate typed at the workshop." || kept.Motivation == "" || kept.Version != f.Actor.Version+1 {
			t.Errorf("merged fields %+v", kept)
		}
		if !slices.Equal(kept.Tags, []string{"city", "decision maker", "funder"}) {
			t.Errorf("merged tags %v", kept.Tags)
		}
		_, err = db.Actors.Actor(m, pid, dup.ID)
		wantCode(t, err, pk.ENOTFOUND)
		moved, err := db.Actors.Relationship(m, pid, r1.ID)
		if err != nil || moved.To != f.Actor.ID {
			t.Errorf("relationship not moved: %v %+v", err, moved)
		}
		_, err = db.Actors.Relationship(m, pid, r2.ID)
		wantCode(t, err, pk.ENOTFOUND)
		if mf != nil {
			hist, _, err := db.Maps.Assessments(c, pid, mf.Map.ID, f.Actor.ID, pk.PageRequest{})
			if err != nil || len(hist) != 1 || hist[0].Influence != 4 {
				t.Errorf("assessment history not moved: %v %d", err, len(hist))
			}
		}
		// Merging a sensitive duplicate makes the kept actor sensitive.
		if _, err := db.Actors.MergeActors(c, pid, f.Org.ID, f.Sensitive.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.Actors.Actor(m, pid, f.Org.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestAddMemberOrganisations(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		// The world's Org is in the register already; the member's joins.
		n, err := db.Actors.AddMemberOrganisations(w.Member.Ctx, pid)
		if err != nil || n != 1 {
			t.Fatalf("added %d, %v", n, err)
		}
		n, err = db.Actors.AddMemberOrganisations(w.Member.Ctx, pid)
		if err != nil || n != 0 {
			t.Fatalf("second time added %d, %v", n, err)
		}
		got, _, _ := db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{Query: w.MemberOrg.Name}, pk.PageRequest{})
		if len(got) != 1 || got[0].OrganisationID != w.MemberOrg.ID || got[0].Kind != "organisation" {
			t.Errorf("got %+v", got)
		}
	})
}
