package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Password of every user in the test world.
const Password = "correct horse battery"

// Person is a user of the test world with a context that acts as them.
type Person struct {
	*pk.User
	Ctx context.Context
}

// World is one small, believable setting shared by tests: a partnership
// with a coordinator, a member and an observer, an outsider who runs a
// partnership of their own (for leak tests), and a pending invitation.
type World struct {
	DB          *sqldb.DB
	Clock       *Clock
	Coordinator *Person
	Member      *Person
	Observer    *Person
	Outsider    *Person
	Partnership *pk.Partnership
	// Other is the outsider's partnership, which nobody else may see.
	Other      *pk.Partnership
	Org        *pk.Organisation
	MemberOrg  *pk.Organisation
	Invitation *pk.Invitation
	// Params maps path parameter names to IDs in this world, so that a test
	// can fill any route pattern (modules add theirs in their Extend).
	Params map[string]string
	// fixtures holds each module's own fixtures by module name; the world
	// is built in one goroutine and only read afterwards.
	fixtures map[string]any
}

// setFixture keeps a module's fixtures with the world.
func (w *World) setFixture(module string, v any) { w.fixtures[module] = v }

// fixture returns a module's fixtures, or nil.
func (w *World) fixture(module string) any { return w.fixtures[module] }

// must stops a fixture builder on the first error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// builders let modules add their fixtures to every world.
var builders []func(t testing.TB, w *World)

// Extend registers a function that adds a module's fixtures to every new
// world (call it from an init function in a _test package's helper file or
// from the module's own test-world file).
func Extend(fn func(t testing.TB, w *World)) { builders = append(builders, fn) }

// NewWorld builds the world in db, with a settable clock. Tests usually
// want OpenWorld, which copies a world built once instead of building one.
func NewWorld(t testing.TB, db *sqldb.DB) *World {
	t.Helper()
	ctx := context.Background()
	clock := NewClock()
	db.Now = clock.Now
	// {list} names a closed list (GET /api/v1/lists/{list}), the same in
	// every world.
	w := &World{DB: db, Clock: clock, Params: map[string]string{"list": "actor_kind"}, fixtures: map[string]any{}}
	mk := func(email, name string) *Person {
		u, err := db.Accounts.CreateUser(ctx, pk.SignUpInput{Email: email, Name: name, Password: Password}, false)
		if err != nil {
			t.Fatalf("create user %s: %v", email, err)
		}
		return &Person{User: u, Ctx: pk.NewContextWithUser(ctx, u)}
	}
	w.Coordinator = mk("coordinator@example.org", "Nadia Coordinator")
	w.Member = mk("member@example.org", "Omar Member")
	w.Observer = mk("observer@example.org", "Olga Observer")
	w.Outsider = mk("outsider@example.org", "Otto Outsider")
	var err error
	w.Org, err = db.Organisations.CreateOrganisation(w.Coordinator.Ctx, pk.OrganisationInput{Name: "Bridges Youth", Kind: "refugee_led", City: "Leipzig", RefugeeLed: true, YouthLed: true})
	must(t, err)
	w.MemberOrg, err = db.Organisations.CreateOrganisation(w.Member.Ctx, pk.OrganisationInput{Name: "Diaspora Voices", Kind: "diaspora", City: "Leipzig"})
	must(t, err)
	w.Partnership, err = db.Partnerships.CreatePartnership(w.Coordinator.Ctx, pk.PartnershipInput{Name: "Welcome City", Purpose: "Young newcomers have a say.",
		Form: "network", Basis: "geography", Scope: "local", Structure: "informal", OrganisationID: w.Org.ID})
	must(t, err)
	for _, p := range []struct {
		who  *Person
		role string
		org  string
	}{{w.Member, "member", w.MemberOrg.ID}, {w.Observer, "observer", ""}} {
		x, err := db.Members.Invite(w.Coordinator.Ctx, w.Partnership.ID, pk.InvitationInput{Email: p.who.Email, Role: p.role, OrganisationID: p.org})
		must(t, err)
		_, err = db.Members.AcceptInvitation(p.who.Ctx, x.ID, "")
		must(t, err)
	}
	w.Invitation, err = db.Members.Invite(w.Coordinator.Ctx, w.Partnership.ID, pk.InvitationInput{Email: "newcomer@example.org", Role: "member"})
	must(t, err)
	w.Other, err = db.Partnerships.CreatePartnership(w.Outsider.Ctx, pk.PartnershipInput{Name: "Outsider's own network"})
	must(t, err)
	// Re-read so that versions are current.
	w.Partnership, err = db.Partnerships.Partnership(w.Coordinator.Ctx, w.Partnership.ID)
	must(t, err)
	w.Params["pid"] = w.Partnership.ID
	w.Params["oid"] = w.MemberOrg.ID
	w.Params["uid"] = w.Member.ID
	w.Params["iid"] = w.Invitation.ID
	for _, b := range builders {
		b(t, w)
	}
	return w
}

// As returns the person for a role name: coordinator, member, observer,
// outsider.
func (w *World) As(role string) *Person {
	switch role {
	case "coordinator":
		return w.Coordinator
	case "member":
		return w.Member
	case "observer":
		return w.Observer
	}
	return w.Outsider
}
