package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// NetworkFixture is a small network in the world's partnership with one
// sensitive actor and one sensitive relationship, for tests of the network
// pages, API and storage.
type NetworkFixture struct {
	// IDs of the actors by name.
	IDs map[string]string
	// Secret is the sensitive actor's name; SecretID its ID.
	Secret, SecretID string
	MapID            string
	// PID is the fixture's own partnership, where the world's coordinator,
	// member and observer hold the same roles; it has nothing else in it, so
	// that other modules' fixtures do not change the measures.
	PID string
}

// Names of the fixture's actors, in seeding order.
const (
	NetAmina   = "Amina Haddad"      // individual, works at Bridges, member of the choir, tied to the council
	NetBridges = "Bridges Youth eV"  // organisation
	NetChoir   = "Neighbours Choir"  // group
	NetCouncil = "Leipzig Council"   // institution
	NetSecret  = "Quiet Informant Z" // individual, SENSITIVE, tied to Bridges and the council
	NetLoner   = "Lone Volunteer"    // individual without ties
)

// SeedNetwork writes the fixture into a partnership of its own (and a decoy
// actor into w.Other, which must never show).
func SeedNetwork(t testing.TB, w *World) *NetworkFixture {
	t.Helper()
	ctx := context.Background()
	seed := sqldb.NetworkSeed{
		Actors: []sqldb.SeedNetworkActor{
			{Name: NetAmina, Kind: "individual", Sector: "civil_society"},
			{Name: NetBridges, Kind: "organisation", Sector: "civil_society"},
			{Name: NetChoir, Kind: "group", Sector: "academic"},
			{Name: NetCouncil, Kind: "institution", Sector: "public"},
			{Name: NetSecret, Kind: "individual", Sector: "individual", Sensitive: true},
			{Name: NetLoner, Kind: "individual"},
		},
		Relationships: []sqldb.SeedNetworkRelationship{
			{From: 0, To: 1, Type: "works_at", Directed: true, Strength: 3},
			{From: 0, To: 2, Type: "member_of", Directed: true, Strength: 2},
			{From: 0, To: 3, Type: "cooperates_with", Strength: 2},
			{From: 4, To: 1, Type: "cooperates_with", Strength: 1},
			{From: 4, To: 3, Type: "cooperates_with", Strength: 1},
			// A sensitive relationship between two visible actors.
			{From: 3, To: 1, Type: "funds", Directed: true, Strength: 3, Sensitive: true},
		},
		MapTitle: "Who moves the welcome policy",
		Assessments: []sqldb.SeedNetworkAssessment{
			{Actor: 0, Support: 0, Influence: 1},
			{Actor: 0, Support: 2, Influence: 4}, // newer: partner, active ally
			{Actor: 3, Support: -1, Influence: 5},
			{Actor: 2, Support: 1, Influence: 2},
		},
	}
	p, err := w.DB.Partnerships.CreatePartnership(w.Coordinator.Ctx, pk.PartnershipInput{Name: "Network test", Purpose: "Know who is tied to whom.",
		Form: "network", Basis: "geography", Scope: "local", Structure: "informal"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		who  *Person
		role string
	}{{w.Member, "member"}, {w.Observer, "observer"}} {
		inv, err := w.DB.Members.Invite(w.Coordinator.Ctx, p.ID, pk.InvitationInput{Email: x.who.Email, Role: x.role})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.DB.Members.AcceptInvitation(x.who.Ctx, inv.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	s, err := sqldb.NewSeeder(w.DB).SeedNetwork(ctx, p.ID, seed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqldb.NewSeeder(w.DB).SeedNetwork(ctx, w.Other.ID, sqldb.NetworkSeed{Actors: []sqldb.SeedNetworkActor{{Name: "Other Partnership Actor", Kind: "group"}}}); err != nil {
		t.Fatal(err)
	}
	f := &NetworkFixture{IDs: map[string]string{}, Secret: NetSecret, MapID: s.MapID, PID: p.ID}
	for i, a := range seed.Actors {
		f.IDs[a.Name] = s.ActorIDs[i]
	}
	f.SecretID = f.IDs[NetSecret]
	return f
}
