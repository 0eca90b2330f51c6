package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// An actor's page shows at most MaxActorTies ties and says when there were
// more; the signal counts only what the reader may see, so a cut never
// hints at a hidden (sensitive) tie.
func TestActorListsSayWhenCut(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid := w.Partnership.ID
		// A hub tied to MaxActorTies visible actors and one sensitive one.
		actors := []sqldb.SeedActor{{Name: "Hub", Kind: "organisation"}}
		var rels []sqldb.SeedRelationship
		for i := 1; i <= pk.MaxActorTies+1; i++ {
			actors = append(actors, sqldb.SeedActor{Name: fmt.Sprintf("Seeded %04d", i), Kind: "group", Sensitive: i == pk.MaxActorTies+1})
			rels = append(rels, sqldb.SeedRelationship{From: 0, To: i, Type: "cooperates_with"})
		}
		ids, err := sqldb.NewSeeder(db).SeedActors(context.Background(), pid, actors, rels)
		if err != nil {
			t.Fatal(err)
		}
		hub, hidden := ids[0], ids[len(ids)-1]

		page, err := db.Actors.ActorPage(w.Member.Ctx, pid, hub)
		if err != nil || len(page.Relationships) != pk.MaxActorTies || page.RelationshipsCut {
			t.Fatalf("member: %d ties, cut %v, %v", len(page.Relationships), page.RelationshipsCut, err)
		}
		page, err = db.Actors.ActorPage(w.Coordinator.Ctx, pid, hub)
		if err != nil || len(page.Relationships) != pk.MaxActorTies || !page.RelationshipsCut {
			t.Fatalf("coordinator: %d ties, cut %v, %v", len(page.Relationships), page.RelationshipsCut, err)
		}

		// Choices: the register without the actor itself, cut at the
		// maximum, sensitive actors for coordinators only.
		for _, who := range []*sqldbtest.Person{w.Member, w.Coordinator} {
			c, err := db.Actors.ActorChoices(who.Ctx, pid, hub)
			if err != nil || len(c.Actors) != pk.MaxActorChoices || !c.Cut {
				t.Fatalf("%s: %d choices, cut %v, %v", who.Name, len(c.Actors), c.Cut, err)
			}
			if slices.ContainsFunc(c.Actors, func(a *pk.ActorChoice) bool { return a.ID == hub }) {
				t.Errorf("%s: an actor is offered to merge with itself", who.Name)
			}
			m, err := db.Maps.MapActorList(who.Ctx, pid)
			if err != nil || len(m.Actors) != pk.MaxActorChoices || !m.Cut {
				t.Fatalf("%s: %d map choices, cut %v, %v", who.Name, len(m.Actors), m.Cut, err)
			}
			old, err := db.Maps.MapActors(who.Ctx, pid)
			if err != nil || len(old) != pk.MaxActorChoices {
				t.Fatalf("%s: MapActors %d, %v", who.Name, len(old), err)
			}
			pc, err := db.Prospects.ProspectChoices(who.Ctx, pid)
			if err != nil || len(pc.Actors) != pk.MaxChoices || !pc.ActorsCut || pc.PeopleCut || pc.OrganisationsCut {
				t.Fatalf("%s: prospect choices %d, %+v, %v", who.Name, len(pc.Actors), pc, err)
			}
		}
		// The sensitive actor sorts last; make it first to check that a
		// member's choices never hold it.
		if _, err := db.Actors.UpdateActor(w.Coordinator.Ctx, pid, hidden, pk.ActorInput{Name: "AAA hidden", Kind: "group", Sensitive: true, Version: 1}); err != nil {
			t.Fatal(err)
		}
		c, err := db.Actors.ActorChoices(w.Member.Ctx, pid, hub)
		if err != nil || slices.ContainsFunc(c.Actors, func(a *pk.ActorChoice) bool { return a.ID == hidden }) {
			t.Fatalf("a member is offered the sensitive actor (%v)", err)
		}
		c, err = db.Actors.ActorChoices(w.Coordinator.Ctx, pid, hub)
		if err != nil || c.Actors[0].ID != hidden {
			t.Fatalf("the coordinator is not offered the sensitive actor first (%v)", err)
		}

		// A small register is offered whole.
		other, err := db.Actors.ActorChoices(w.Outsider.Ctx, w.Other.ID, "")
		if err != nil || other.Cut {
			t.Fatalf("%+v %v", other, err)
		}
		// And nobody outside the partnership learns anything.
		_, err = db.Actors.ActorChoices(w.Outsider.Ctx, pid, "")
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Maps.MapActorList(w.Observer.Ctx, pid)
		wantCode(t, err, pk.EFORBIDDEN)
	})
}

// Members and invitations are listed up to their maxima and say when cut.
func TestMemberListsSayWhenCut(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		pid := w.Partnership.ID
		check := func(wantCut bool) {
			t.Helper()
			m, err := db.Members.Members(w.Coordinator.Ctx, pid)
			if err != nil || m.PeopleCut != wantCut || m.OrganisationsCut || len(m.People) > pk.MaxMemberPeople {
				t.Fatalf("members: %d people, cut %v, %v", len(m.People), m.PeopleCut, err)
			}
			l, err := db.Members.InvitationList(w.Coordinator.Ctx, pid)
			if err != nil || l.Cut != wantCut || len(l.Invitations) > pk.MaxInvitations {
				t.Fatalf("invitations: %d, cut %v, %v", len(l.Invitations), l.Cut, err)
			}
			old, err := db.Members.Invitations(w.Coordinator.Ctx, pid)
			if err != nil || len(old) != len(l.Invitations) {
				t.Fatalf("Invitations: %d, %v", len(old), err)
			}
		}
		check(false)
		if err := sqldb.SeedMembersForTest(context.Background(), db, pid, pk.MaxMemberPeople, pk.MaxInvitations); err != nil {
			t.Fatal(err)
		}
		check(true)
		m, err := db.Members.Members(w.Coordinator.Ctx, pid)
		if err != nil || len(m.People) != pk.MaxMemberPeople {
			t.Fatalf("%d people, %v", len(m.People), err)
		}
		// Seeded observers are no points of contact: that list is whole.
		pc, err := db.Prospects.ProspectChoices(w.Member.Ctx, pid)
		if err != nil || pc.PeopleCut || len(pc.People) != 2 {
			t.Fatalf("%+v %v", pc, err)
		}
	})
}
