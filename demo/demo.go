// Package demo loads a believable demonstration: a city network of
// refugee-led, diaspora and youth organisations, with people in every role.
// It goes through the same services as the pages, so the audit log and every
// number shown are real. Modules add their own demonstration content with
// register (see the other files of this package).
package demo

import (
	"context"
	"fmt"
	"sort"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// The demonstration coordinator's sign-in.
const (
	Email    = "amina@demo.partnerkit.example"
	Password = "partnerkit-demo"
)

// World is what the demonstration made, for the modules' loaders.
type World struct {
	Partnership *pk.Partnership
	// People by first name, each with a context that acts as them.
	People map[string]*Person
	// Organisations by short key.
	Orgs map[string]*pk.Organisation
}

// Person is a demonstration user.
type Person struct {
	User *pk.User
	Ctx  context.Context
	Role pk.Role
}

// loader adds one module's content; order sorts them.
type loader struct {
	order int
	name  string
	fn    func(ctx context.Context, db *sqldb.DB, w *World) error
}

var loaders []loader

// register adds a module's demonstration loader; lower order runs first.
func register(order int, name string, fn func(ctx context.Context, db *sqldb.DB, w *World) error) {
	loaders = append(loaders, loader{order, name, fn})
}

const loadedKey = "demo_loaded"

// Load builds the (small) demonstration once; it reports whether it did.
func Load(ctx context.Context, db *sqldb.DB) (bool, error) {
	return loadSized(ctx, db, sqldb.CoalitionSize{})
}

// runLoaders adds every module's content in order.
func runLoaders(ctx context.Context, db *sqldb.DB, w *World) error {
	sort.SliceStable(loaders, func(i, j int) bool { return loaders[i].order < loaders[j].order })
	for _, l := range loaders {
		if err := l.fn(ctx, db, w); err != nil {
			return fmt.Errorf("%s: %w", l.name, err)
		}
	}
	return nil
}

type personSpec struct {
	first, name, email, lang, org string
	role                          pk.Role
}

var people = []personSpec{
	{"Amina", "Amina Haddad", Email, "", "bridges", pk.RoleCoordinator},
	{"Yusuf", "Yusuf Darwish", "yusuf@demo.partnerkit.example", "ar", "diaspora", pk.RoleCoordinator},
	{"Chloe", "Chloé Martin", "chloe@demo.partnerkit.example", "fr", "welcome", pk.RoleMember},
	{"Jonas", "Jonas Weber", "jonas@demo.partnerkit.example", "", "youthcouncil", pk.RoleMember},
	{"Leila", "Leila Mansour", "leila@demo.partnerkit.example", "ar", "bridges", pk.RoleMember},
	{"Samuel", "Samuel Okoye", "samuel@demo.partnerkit.example", "", "opendoors", pk.RoleObserver},
}

var orgs = []struct {
	key string
	in  pk.OrganisationInput
}{
	{"bridges", pk.OrganisationInput{Name: "Bridges Refugee Youth Network", Kind: "refugee_led", Country: "Germany", City: "Leipzig",
		Mission: "Young refugees and migrants supporting each other to study, work and take part in city life.", RefugeeLed: true, YouthLed: true,
		Website: "https://bridges.example.org"}},
	{"diaspora", pk.OrganisationInput{Name: "Syrian Diaspora Voices", Kind: "diaspora", Country: "Germany", City: "Leipzig",
		Mission: "Cultural and advocacy work of the Syrian community; homework clubs and legal information evenings.", RefugeeLed: true}},
	{"welcome", pk.OrganisationInput{Name: "Neighbourhood Welcome Centre", Kind: "community_group", Country: "Germany", City: "Leipzig",
		Mission: "A drop-in centre in the east of the city: language cafés, counselling, a tool library."}},
	{"youthcouncil", pk.OrganisationInput{Name: "City Youth Council", Kind: "youth", Country: "Germany", City: "Leipzig",
		Mission: "Elected young people advising the city council on youth policy.", YouthLed: true}},
	{"opendoors", pk.OrganisationInput{Name: "Open Doors Foundation", Kind: "funder", Country: "Germany", City: "Berlin",
		Mission: "Funds inclusion projects led by the communities they serve."}},
}

func build(ctx context.Context, db *sqldb.DB) (*World, error) {
	w := &World{People: map[string]*Person{}, Orgs: map[string]*pk.Organisation{}}
	for _, p := range people {
		u, err := db.Accounts.CreateUser(ctx, pk.SignUpInput{Email: p.email, Name: p.name, Password: Password, Language: p.lang}, false)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", p.email, err)
		}
		w.People[p.first] = &Person{User: u, Ctx: pk.NewContextWithUser(ctx, u), Role: p.role}
	}
	owners := map[string]string{"bridges": "Amina", "diaspora": "Yusuf", "welcome": "Chloe", "youthcouncil": "Jonas", "opendoors": "Samuel"}
	for _, o := range orgs {
		org, err := db.Organisations.CreateOrganisation(w.People[owners[o.key]].Ctx, o.in)
		if err != nil {
			return nil, fmt.Errorf("organisation %s: %w", o.in.Name, err)
		}
		w.Orgs[o.key] = org
	}
	if err := db.Organisations.AddOrganisationPerson(w.People["Amina"].Ctx, w.Orgs["bridges"].ID, "leila@demo.partnerkit.example", false); err != nil {
		return nil, err
	}
	amina := w.People["Amina"].Ctx
	p, err := db.Partnerships.CreatePartnership(amina, pk.PartnershipInput{
		Name:    "Welcome City Coalition",
		Purpose: "Refugee-led, diaspora and youth organisations of Leipzig working together so that young newcomers have a say in the city's integration and youth policy.",
		Form:    "network", Basis: "geography", Scope: "local", Structure: "informal", OrganisationID: w.Orgs["bridges"].ID,
	})
	if err != nil {
		return nil, err
	}
	w.Partnership = p
	for _, spec := range people[1:] {
		x, err := db.Members.Invite(amina, p.ID, pk.InvitationInput{Email: spec.email, Role: string(spec.role), OrganisationID: w.Orgs[spec.org].ID,
			Message: "We would love to have you with us in the coalition."})
		if err != nil {
			return nil, fmt.Errorf("invite %s: %w", spec.email, err)
		}
		if _, err := db.Members.AcceptInvitation(w.People[spec.first].Ctx, x.ID, ""); err != nil {
			return nil, fmt.Errorf("accept %s: %w", spec.email, err)
		}
	}
	// One invitation still waiting, to show the pipeline.
	if _, err := db.Members.Invite(amina, p.ID, pk.InvitationInput{Email: "contact@roma-youth.example.org", Role: "member",
		Message: "Your work with Roma youth would add a lot to the coalition."}); err != nil {
		return nil, err
	}
	return w, nil
}
