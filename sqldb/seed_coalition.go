package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
)

// CoalitionSize is how much a seeded coalition holds. Every count is exact:
// a test checks that the database holds what the size says.
type CoalitionSize struct {
	Organisations int // member organisations, all active
	People        int // members' people (coordinators, members, observers)
	Actors        int // stakeholder register
	Relationships int // ties between actors
	Maps          int // power maps, each placing MapActors actors
	MapActors     int
	// AssessmentRounds is how often each actor on a map was assessed,
	// spread evenly over the two years before now.
	AssessmentRounds int
	ActionGroups     int // besides one strategic and one executive committee
	Proposals        int // with ballots; nine in ten closed with their decision
	Meetings         int // with attendance and minutes
	Goals            int
	Plans            int
	Tasks            int
	Contributions    int
	Indicators       int // each with a target and a measurement a quarter
	SurveyAnswers    int // per survey; two surveys
	HealthRounds     int // health check rounds; one trust round besides
	HealthRaters     int // people who rated each round
}

// Divide returns the size with every count divided by n (at least one of
// each), for tests that want the large coalition's shape at a tenth of it.
func (s CoalitionSize) Divide(n int) CoalitionSize {
	d := func(x int) int { return max(1, x/n) }
	return CoalitionSize{
		Organisations: d(s.Organisations), People: d(s.People), Actors: max(2, s.Actors/n), Relationships: d(s.Relationships),
		Maps: d(s.Maps), MapActors: d(s.MapActors), AssessmentRounds: s.AssessmentRounds, ActionGroups: d(s.ActionGroups),
		Proposals: d(s.Proposals), Meetings: d(s.Meetings), Goals: d(s.Goals), Plans: d(s.Plans), Tasks: d(s.Tasks),
		Contributions: d(s.Contributions), Indicators: d(s.Indicators), SurveyAnswers: d(s.SurveyAnswers),
		HealthRounds: d(s.HealthRounds), HealthRaters: d(s.HealthRaters),
	}
}

// Coalition says what SeedCoalition writes and as whom.
type Coalition struct {
	Size CoalitionSize
	// Seed makes the content the same every time.
	Seed uint64
	// OwnerID is the person recorded as having made the records.
	OwnerID string
	// Password is every seeded person's password; EmailDomain their
	// addresses' domain (person0001@EmailDomain, …).
	Password, EmailDomain string
}

// SeededCoalition names what SeedCoalition made, in order.
type SeededCoalition struct {
	OrganisationIDs, UserIDs, ActorIDs, MapIDs, BodyIDs     []string
	ProposalIDs, MeetingIDs, PlanIDs, TaskIDs, IndicatorIDs []string
	SurveyIDs, RoundIDs                                     []string
	Emails                                                  []string
}

// seeding is one SeedCoalition run: the random source, the time span and
// what earlier steps made.
type seeding struct {
	c     Coalition
	pid   string
	rng   *rand.Rand
	start time.Time // two years before now
	now   time.Time
	out   *SeededCoalition
	// roles and organisations of the seeded people, by index.
	roles []pk.Role
	orgOf []int
	// seats of each body: people indexes (organisations for the strategic committee).
	seats [][]int
}

// SeedCoalition writes a large, believable coalition straight into
// partnership pid with multi-row INSERTs in a few transactions, without
// permission checks or audit entries: member organisations and their
// people, the stakeholder register and its ties, power maps with two years
// of assessments, governance bodies with seats and a new charter version,
// proposals with ballots and decisions, meetings with attendance and
// minutes, goals, plans, tasks and contributions, indicators with
// measurements, two surveys with answers, and health and trust rounds.
// It exists for the large demonstration, tests and benchmarks; never call
// it from a page or the API.
func (store *Seeder) SeedCoalition(ctx context.Context, pid string, c Coalition) (*SeededCoalition, error) {
	now := store.db.now()
	s := &seeding{c: c, pid: pid, rng: rand.New(rand.NewPCG(c.Seed, 2026)), now: now,
		start: now.AddDate(-2, 0, 0), out: &SeededCoalition{}}
	steps := []struct {
		name string
		fn   func(ctx context.Context, tx *Tx) error
	}{
		{"people", s.people}, {"network", s.network}, {"governance", s.governance}, {"meetings", s.meetings},
		{"proposals", s.proposals}, {"plans", s.plans}, {"indicators", s.indicators}, {"surveys", s.surveys},
		{"health", s.health},
	}
	for _, step := range steps {
		if err := store.db.inTx(ctx, func(tx *Tx) error { return step.fn(ctx, tx) }); err != nil {
			return nil, fmt.Errorf("seed %s: %w", step.name, err)
		}
	}
	return s.out, nil
}

// at is a time i/n of the way through the two years.
func (s *seeding) at(i, n int) time.Time {
	span := s.now.Sub(s.start)
	return s.start.Add(time.Duration(float64(span) * float64(i) / float64(max(1, n)))).Truncate(time.Minute)
}

func (s *seeding) pick(list []string) string { return list[s.rng.IntN(len(list))] }

var (
	seedPlaces = []string{"Leipzig", "Dresden", "Halle", "Chemnitz", "Erfurt", "Jena", "Magdeburg", "Zwickau", "Plauen", "Gera"}
	seedFirst  = []string{"Amal", "Bilal", "Clara", "Dana", "Emre", "Farah", "Goran", "Hana", "Idris", "Jana", "Karim", "Lina", "Milan", "Nour", "Omar", "Petra", "Rania", "Sami", "Tara", "Yara"}
	seedLast   = []string{"Ahmadi", "Berger", "Celik", "Dabbagh", "Engel", "Fischer", "Haddad", "Ibrahim", "Jovanovic", "Khalil", "Lehmann", "Mansour", "Nowak", "Osman", "Popescu", "Rahimi", "Schulz", "Toma", "Vogel", "Zaman"}
	seedWhat   = []string{"Youth", "Women's", "Refugee", "Diaspora", "Migrant", "Neighbourhood", "Student", "Parents'", "Tenants'", "Sports"}
	seedHow    = []string{"Network", "Initiative", "Association", "Collective", "Council", "Forum", "Circle", "Alliance", "Club", "Centre"}
	// The register's own sectors: the pages name a sector by its key.
	seedSectors = pk.ActorSectors
	seedTopics  = []string{"housing", "language classes", "school places", "work permits", "youth centres", "health care", "legal advice", "sport", "transport", "culture"}
)

// people writes the member organisations, their people (with the
// coordinator's password) and their places in the partnership.
func (s *seeding) people(ctx context.Context, tx *Tx) error {
	n, m := s.c.Size.Organisations, s.c.Size.People
	now := fmtTime(s.now)
	orgKinds := pk.OrganisationKinds
	s.out.OrganisationIDs = newIDs(n)
	err := tx.bulkInsert(ctx, `INSERT INTO organisations (id, name, kind, country, city, mission, refugee_led, youth_led, created_by, created_at) VALUES `,
		10, n, func(i int) []any {
			name := fmt.Sprintf("%s %s %s %d", seedPlaces[i%len(seedPlaces)], seedWhat[(i/10)%len(seedWhat)], seedHow[(i/100)%len(seedHow)], i+1)
			return []any{s.out.OrganisationIDs[i], name, orgKinds[i%len(orgKinds)], "Germany", seedPlaces[i%len(seedPlaces)],
				"Works on " + seedTopics[i%len(seedTopics)] + " with and for newcomers.", i%3 == 0, i%4 == 0, nullString(s.c.OwnerID), now}
		})
	if err != nil {
		return err
	}
	err = tx.bulkInsert(ctx, `INSERT INTO partnership_organisations (partnership_id, organisation_id, status, since) VALUES `,
		4, n, func(i int) []any { return []any{s.pid, s.out.OrganisationIDs[i], "active", fmtTime(s.at(i, n))} })
	if err != nil {
		return err
	}
	hash := tx.db.Hasher.Hash(s.c.Password)
	s.out.UserIDs = newIDs(m)
	s.roles = make([]pk.Role, m)
	s.orgOf = make([]int, m)
	for i := range m {
		s.orgOf[i] = i % n
		switch {
		case i%50 == 0:
			s.roles[i] = pk.RoleCoordinator
		case i%10 == 9:
			s.roles[i] = pk.RoleObserver
		default:
			s.roles[i] = pk.RoleMember
		}
		s.out.Emails = append(s.out.Emails, fmt.Sprintf("person%04d@%s", i+1, s.c.EmailDomain))
	}
	err = tx.bulkInsert(ctx, `INSERT INTO users (id, email, name, password_hash, email_verified, lived_experience, young, created_at) VALUES `,
		8, m, func(i int) []any {
			name := seedFirst[i%len(seedFirst)] + " " + seedLast[(i/len(seedFirst))%len(seedLast)] + " " + strconv.Itoa(i+1)
			lived, young := "", ""
			if i%3 == 0 {
				lived = "yes"
			}
			if i%4 == 0 {
				young = "yes"
			}
			return []any{s.out.UserIDs[i], s.out.Emails[i], name, hash, true, lived, young, now}
		})
	if err != nil {
		return err
	}
	err = tx.bulkInsert(ctx, `INSERT INTO organisation_people (organisation_id, user_id, admin) VALUES `,
		3, m, func(i int) []any { return []any{s.out.OrganisationIDs[s.orgOf[i]], s.out.UserIDs[i], i < n} })
	if err != nil {
		return err
	}
	return tx.bulkInsert(ctx, `INSERT INTO partnership_people (partnership_id, user_id, role, organisation_id, since) VALUES `,
		5, m, func(i int) []any {
			return []any{s.pid, s.out.UserIDs[i], string(s.roles[i]), s.out.OrganisationIDs[s.orgOf[i]], fmtTime(s.at(i, m))}
		})
}

// network writes the register, its ties and the maps with their history.
func (s *seeding) network(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	now := fmtTime(s.now)
	s.out.ActorIDs = newIDs(z.Actors)
	err := tx.bulkInsert(ctx, `INSERT INTO actors (id, partnership_id, name, kind, sector, motivation, sensitive, created_by, created_at, updated_at) VALUES `,
		10, z.Actors, func(i int) []any {
			name := seedFirst[s.rng.IntN(len(seedFirst))] + " " + seedLast[s.rng.IntN(len(seedLast))] + " (" + strconv.Itoa(i+1) + ")"
			kind := network.Kinds[s.rng.IntN(len(network.Kinds))]
			if kind != "individual" {
				name = seedPlaces[s.rng.IntN(len(seedPlaces))] + " " + seedTopics[s.rng.IntN(len(seedTopics))] + " " + kind + " " + strconv.Itoa(i+1)
			}
			return []any{s.out.ActorIDs[i], s.pid, name, kind, s.pick(seedSectors), "Cares about " + s.pick(seedTopics) + ".",
				s.rng.IntN(50) == 0, nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	err = tx.bulkInsert(ctx, `INSERT INTO relationships (id, partnership_id, from_actor, to_actor, type, directed, strength, sensitive, created_at) VALUES `,
		9, z.Relationships, func(int) []any {
			from := s.rng.IntN(z.Actors)
			to := s.rng.IntN(z.Actors - 1)
			if to >= from {
				to++
			}
			return []any{newID(), s.pid, s.out.ActorIDs[from], s.out.ActorIDs[to], network.Types[s.rng.IntN(len(network.Types))],
				s.rng.IntN(3) == 0, 1 + s.rng.IntN(3), s.rng.IntN(50) == 0, now}
		})
	if err != nil {
		return err
	}
	s.out.MapIDs = newIDs(z.Maps)
	err = tx.bulkInsert(ctx, `INSERT INTO maps (id, partnership_id, title, objective, shared, created_at) VALUES `,
		6, z.Maps, func(i int) []any {
			topic := seedTopics[i%len(seedTopics)]
			return []any{s.out.MapIDs[i], s.pid, fmt.Sprintf("Who decides on %s? (%d)", topic, i+1),
				"Win the city's commitment on " + topic + ".", i%2 == 0, fmtTime(s.start)}
		})
	if err != nil {
		return err
	}
	// Each map places a window of the register; every actor on it was
	// assessed AssessmentRounds times, drifting a step at a time.
	per := min(z.MapActors, z.Actors)
	rounds := max(1, z.AssessmentRounds)
	type place struct{ support, influence int }
	for mi, mid := range s.out.MapIDs {
		first := (mi * per) % z.Actors
		places := make([]place, per)
		for a := range places {
			places[a] = place{s.rng.IntN(5) - 2, 1 + s.rng.IntN(5)}
		}
		err := tx.bulkInsert(ctx, `INSERT INTO assessments (id, partnership_id, map_id, actor_id, support, influence, assessed_by, assessed_at) VALUES `,
			8, per*rounds, func(i int) []any {
				r, a := i/per, i%per
				p := &places[a]
				if r > 0 {
					p.support = min(2, max(-2, p.support+s.rng.IntN(3)-1))
					p.influence = min(5, max(1, p.influence+s.rng.IntN(3)-1))
				}
				return []any{newID(), s.pid, mid, s.out.ActorIDs[(first+a)%z.Actors], p.support, p.influence,
					nullString(s.c.OwnerID), fmtTime(s.at(r, rounds).Add(time.Duration(a) * time.Second))}
			})
		if err != nil {
			return err
		}
	}
	return nil
}

func newIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = newID()
	}
	return ids
}
