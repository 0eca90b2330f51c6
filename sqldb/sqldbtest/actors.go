package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// ActorFixture is what the stakeholder-register fixtures made in a world.
type ActorFixture struct {
	// Actor is a plain institution; Org an organisation actor linked to
	// the world's Org; Sensitive an individual only coordinators see.
	Actor, Org, Sensitive *pk.Actor
	// Relationship (Actor cooperates with Org) is plain; SensitiveTie
	// (Actor funds Org) is marked sensitive; HiddenEnd (Actor with
	// Sensitive) is plain but has a sensitive end.
	Relationship, SensitiveTie, HiddenEnd *pk.Relationship
}

// Names of the fixtures' actors.
const (
	ActorName           = "City Integration Office"
	OrgActorName        = "Bridges Youth"
	SensitiveActorName2 = "Protected Youth Activist"
)

// Actors returns the register fixtures of a world.
func (w *World) Actors() *ActorFixture {
	f, _ := w.fixture("actors").(*ActorFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid := w.Coordinator.Ctx, w.Partnership.ID
		f := &ActorFixture{}
		var err error
		f.Actor, err = w.DB.Actors.CreateActor(c, pid, pk.ActorInput{Name: ActorName, Kind: "institution", Sector: "public",
			Tags: []string{"city", "decision maker"}, Motivation: "Show that integration policy works.", Contribution: "Rooms and a seat on the council."})
		must(t, err)
		f.Org, err = w.DB.Actors.CreateActor(c, pid, pk.ActorInput{Name: OrgActorName, Kind: "organisation", Sector: "civil_society",
			Tags: []string{"member"}, OrganisationID: w.Org.ID})
		must(t, err)
		f.Sensitive, err = w.DB.Actors.CreateActor(c, pid, pk.ActorInput{Name: SensitiveActorName2, Kind: "individual", Sector: "individual",
			Tags: []string{"youth"}, Notes: "No papers; never name in public.", Sensitive: true})
		must(t, err)
		f.Relationship, err = w.DB.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: f.Actor.ID, To: f.Org.ID, Type: "cooperates_with", Strength: 2})
		must(t, err)
		f.SensitiveTie, err = w.DB.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: f.Actor.ID, To: f.Org.ID, Type: "funds",
			Directed: true, Strength: 1, Sensitive: true})
		must(t, err)
		f.HiddenEnd, err = w.DB.Actors.CreateRelationship(c, pid, pk.RelationshipInput{From: f.Sensitive.ID, To: f.Org.ID, Type: "member_of", Directed: true})
		must(t, err)
		w.setFixture("actors", f)
		w.Params["aid"] = f.Actor.ID
		w.Params["rid"] = f.Relationship.ID
	})
}
