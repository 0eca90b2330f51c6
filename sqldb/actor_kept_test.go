package sqldb_test

import (
	"context"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The register's first page, its count and its tags are kept between
// visits; every way of writing what they show shows on the next visit,
// each asker keeps their own view, and what one is handed cannot change
// what the next is given.
func TestActorRegisterKeptFollowsWrites(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		type view struct {
			names []string
			count int
			tags  []string
		}
		read := func(who *sqldbtest.Person, f pk.ActorFilter) view {
			t.Helper()
			got, _, err := db.Actors.Actors(who.Ctx, pid, f, pk.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			n, err := db.Actors.CountActors(who.Ctx, pid, f)
			if err != nil {
				t.Fatal(err)
			}
			tags, err := db.Actors.ActorTagList(who.Ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			return view{actorNames(got), n, tags.Tags}
		}
		all := pk.ActorFilter{}
		member, coordinator := read(w.Member, all), read(w.Coordinator, all)
		hidden := sqldbtest.SensitiveActorName2
		if slices.Contains(member.names, hidden) || slices.Contains(member.tags, "youth") || !slices.Contains(coordinator.names, hidden) ||
			coordinator.count != member.count+2 { // the two sensitive actors of the fixtures
			t.Fatalf("member %v (%d), coordinator %v (%d)", member.names, member.count, coordinator.names, coordinator.count)
		}
		// A caller changing what it was given changes nothing kept.
		got, _, _ := db.Actors.Actors(w.Member.Ctx, pid, all, pk.PageRequest{})
		got[0].Name = "Changed by a caller"
		got[0].Tags = append(got[0].Tags, "changed")
		tags, _ := db.Actors.ActorTagList(w.Member.Ctx, pid)
		tags.Tags[0] = "changed"
		if again := read(w.Member, all); !slices.Equal(again.names, member.names) || !slices.Equal(again.tags, member.tags) {
			t.Fatalf("a caller's change reached the next reader: %v %v", again.names, again.tags)
		}
		first, _, _ := db.Actors.Actors(w.Member.Ctx, pid, all, pk.PageRequest{})
		if slices.Contains(first[0].Tags, "changed") {
			t.Fatal("a caller's appended tag reached the next reader")
		}

		steps := []struct {
			name  string
			write func() error
			check func(v view) bool
		}{
			{"an actor added", func() error {
				_, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Aaron First Actor", Kind: "individual", Sector: "public", Tags: []string{"aa-new"}})
				return err
			}, func(v view) bool {
				return v.names[0] == "Aaron First Actor" && v.count == member.count+1 && slices.Contains(v.tags, "aa-new")
			}},
			{"its tags and name edited", func() error {
				a := findActor(t, db, c, pid, "Aaron First Actor")
				_, err := db.Actors.UpdateActor(c, pid, a.ID, pk.ActorInput{Name: "Aaron Renamed", Kind: "individual", Sector: "public", Tags: []string{"aa-edited"}, Version: a.Version})
				return err
			}, func(v view) bool {
				return v.names[0] == "Aaron Renamed" && slices.Contains(v.tags, "aa-edited") && !slices.Contains(v.tags, "aa-new")
			}},
			{"a tag written on its own", func() error {
				a := findActor(t, db, c, pid, "Aaron Renamed")
				return sqldb.InsertRowsForTest(context.Background(), db, "actor_tags", []string{"actor_id", "partnership_id", "tag"}, 1,
					func(int) []any { return []any{a.ID, pid, "aa-direct"} })
			}, func(v view) bool { return slices.Contains(v.tags, "aa-direct") }},
			{"the actor deleted", func() error {
				a := findActor(t, db, c, pid, "Aaron Renamed")
				return db.Actors.DeleteActor(c, pid, a.ID, a.Version)
			}, func(v view) bool {
				return slices.Equal(v.names, member.names) && v.count == member.count && !slices.Contains(v.tags, "aa-direct")
			}},
		}
		for _, s := range steps {
			if err := s.write(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if v := read(w.Member, all); !s.check(v) {
				t.Fatalf("%s: the member's register shows %v (%d), tags %v", s.name, v.names, v.count, v.tags)
			}
		}

		// An actor's page: each asker's own, and it follows the ties and
		// the names of the actors at their other ends.
		af := w.Actors()
		page := func(who *sqldbtest.Person) *pk.ActorPage {
			t.Helper()
			ap, err := db.Actors.ActorPage(who.Ctx, pid, af.Org.ID)
			if err != nil {
				t.Fatal(err)
			}
			return ap
		}
		ties := func(ap *pk.ActorPage) (names []string) {
			for _, r := range ap.Relationships {
				names = append(names, r.FromName+" "+r.Type)
			}
			return names
		}
		memberPage, coordinatorPage := page(w.Member), page(w.Coordinator)
		if len(memberPage.Relationships) != 1 || len(coordinatorPage.Relationships) != 3 {
			t.Fatalf("ties on the member's page %v, on the coordinator's %v", ties(memberPage), ties(coordinatorPage))
		}
		memberPage.Relationships[0].FromName, memberPage.Actor.Name = "changed", "changed"
		if again := page(w.Member); again.Relationships[0].FromName != sqldbtest.ActorName || again.Actor.Name != sqldbtest.OrgActorName {
			t.Fatalf("a caller's change reached the next reader: %v", ties(again))
		}
		x, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Newly Tied", Kind: "individual", Sector: "public"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: x.ID, To: af.Org.ID, Type: "works_at"}); err != nil {
			t.Fatal(err)
		}
		if ap := page(w.Member); len(ap.Relationships) != 2 || len(ap.KeyIndividuals) != 1 || ap.KeyIndividuals[0].Name != "Newly Tied" {
			t.Fatalf("after a new tie: %v, key individuals %d", ties(ap), len(ap.KeyIndividuals))
		}
		if _, err := db.Actors.UpdateActor(c, pid, x.ID, pk.ActorInput{Name: "Renamed Tied", Kind: "individual", Sector: "public", Version: x.Version}); err != nil {
			t.Fatal(err)
		}
		if ap := page(w.Member); !slices.Contains(ties(ap), "Renamed Tied works_at") || ap.KeyIndividuals[0].Name != "Renamed Tied" {
			t.Fatalf("after renaming the tied actor: %v", ties(ap))
		}

		// A map's filter follows the assessments.
		mf := w.Maps()
		if mf == nil {
			return
		}
		partners := pk.ActorFilter{MapID: mf.Map.ID, Strategy: "partner"}
		before := read(w.Member, partners)
		if _, err := db.Maps.AddAssessment(c, pid, mf.Map.ID, pk.AssessmentInput{ActorID: mf.Actors["Job Centre"], Support: 2, Influence: 4}); err != nil {
			t.Fatal(err)
		}
		if after := read(w.Member, partners); !slices.Contains(after.names, "Job Centre") || after.count != before.count+1 {
			t.Errorf("partners after an assessment: %v (%d), before %v", after.names, after.count, before.names)
		}
	})
}

func findActor(t *testing.T, db *sqldb.DB, ctx context.Context, pid, name string) *pk.Actor {
	t.Helper()
	got, _, err := db.Actors.Actors(ctx, pid, pk.ActorFilter{Query: name}, pk.PageRequest{})
	if err != nil || len(got) != 1 {
		t.Fatalf("actor %q: %d found, %v", name, len(got), err)
	}
	return got[0]
}
