package sqldb_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The choices a filter offers: people and active organisations by name, a
// search in any case narrowing them, the chosen kept; plans as Plans lists
// them. Outsiders learn nothing.
func TestMemberAndPlanChoices(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, w.Member.Ctx
		m, err := db.Members.Members(w.Coordinator.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		all, err := db.Members.MemberChoices(ctx, pid, "")
		if err != nil || all.PeopleCut || all.OrganisationsCut || len(all.People) != len(m.People) {
			t.Fatalf("choices: %v %+v, members %d", err, all, len(m.People))
		}
		for i, p := range m.People {
			if all.People[i] != (pk.Choice{ID: p.UserID, Name: p.Name}) {
				t.Errorf("person %d: %+v, want %s %s", i, all.People[i], p.UserID, p.Name)
			}
		}
		var active []pk.Choice
		for _, o := range m.Organisations {
			if o.Status == "active" {
				active = append(active, pk.Choice{ID: o.OrganisationID, Name: o.Name})
			}
		}
		if !slices.Equal(all.Organisations, active) {
			t.Errorf("organisations %+v, want the active ones %+v", all.Organisations, active)
		}
		who := m.People[0]
		part := strings.ToUpper(who.Name[1 : len(who.Name)-1])
		found, err := db.Members.MemberChoices(ctx, pid, part, m.People[len(m.People)-1].UserID)
		if err != nil || !slices.Contains(found.People, pk.Choice{ID: who.UserID, Name: who.Name}) ||
			!slices.ContainsFunc(found.People, func(c pk.Choice) bool { return c.ID == m.People[len(m.People)-1].UserID }) {
			t.Errorf("searching %q with the last person chosen: %v %+v", part, err, found)
		}
		for _, c := range found.People {
			if c.ID != m.People[len(m.People)-1].UserID && !strings.Contains(strings.ToUpper(c.Name), part) {
				t.Errorf("searching %q offers %s", part, c.Name)
			}
		}
		if none, err := db.Members.MemberChoices(ctx, pid, "%_no such name"); err != nil || len(none.People)+len(none.Organisations) != 0 {
			t.Errorf("a search that matches nobody: %v %+v", err, none)
		}
		if _, err := db.Members.MemberChoices(w.Outsider.Ctx, pid, ""); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}

		checkPlans := func(when string) {
			t.Helper()
			plans, _, err := db.Plans.Plans(ctx, pid, "")
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // read, then kept
				choices, cut, err := db.Plans.PlanChoices(ctx, pid)
				if err != nil || cut || len(choices) != len(plans) || len(plans) == 0 {
					t.Fatalf("%s: plan choices: %v %v %+v, plans %d", when, err, cut, choices, len(plans))
				}
				for i, p := range plans {
					if choices[i] != (pk.Choice{ID: p.ID, Name: p.Title}) {
						t.Errorf("%s: plan %d: %+v, want %s %s", when, i, choices[i], p.ID, p.Title)
					}
				}
			}
		}
		checkPlans("at first")
		if _, err := db.Plans.CreatePlan(w.Coordinator.Ctx, pid, pk.PlanInput{GoalID: w.Plans().Goal.ID, Title: "Another look at housing",
			Status: "draft", Start: "2026-06-01", End: "2026-11-30"}); err != nil {
			t.Fatal(err)
		}
		checkPlans("a plan added")
		if _, _, err := db.Plans.PlanChoices(w.Outsider.Ctx, pid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
	})
}

// The proposals a meeting's agenda may name: a body's, or any, in the
// order of the proposals list.
func TestProposalChoices(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, w.Member.Ctx
		f := w.Decisions()
		list, err := db.Decisions.Proposals(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		all, cut, err := db.Decisions.ProposalChoices(ctx, pid, "")
		if err != nil || cut || len(all) != len(list.Items) || len(all) < 2 {
			t.Fatalf("choices: %v %v %+v", err, cut, all)
		}
		for i, p := range list.Items {
			if all[i] != (pk.ProposalChoice{ID: p.ID, Title: p.Title, Status: string(p.Status)}) {
				t.Errorf("proposal %d: %+v, want %s %s %s", i, all[i], p.ID, p.Title, p.Status)
			}
		}
		ofBody, _, err := db.Decisions.ProposalChoices(ctx, pid, f.Open.BodyID)
		if err != nil || !slices.ContainsFunc(ofBody, func(c pk.ProposalChoice) bool { return c.ID == f.Open.ID }) {
			t.Errorf("the open proposal's body: %v %+v", err, ofBody)
		}
		for _, c := range ofBody {
			i := slices.IndexFunc(list.Items, func(p *pk.Proposal) bool { return p.ID == c.ID })
			if i < 0 || list.Items[i].BodyID != f.Open.BodyID {
				t.Errorf("%s is of another body", c.Title)
			}
		}
		if none, _, err := db.Decisions.ProposalChoices(ctx, pid, "no-such-body"); err != nil || len(none) != 0 {
			t.Errorf("an unknown body: %v %+v", err, none)
		}
		if _, _, err := db.Decisions.ProposalChoices(w.Outsider.Ctx, pid, ""); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
		// The choices are kept; once the open proposal's time is up it is
		// offered as closed, as the list shows it.
		w.Clock.Set(f.Open.ClosesAt.Add(time.Minute))
		for range 2 {
			again, _, err := db.Decisions.ProposalChoices(ctx, pid, f.Open.BodyID)
			i := slices.IndexFunc(again, func(c pk.ProposalChoice) bool { return c.ID == f.Open.ID })
			if err != nil || i < 0 || again[i].Status == string(pk.ProposalOpen) {
				t.Fatalf("after its time: %v %+v", err, again)
			}
		}
	})
}

// The first people and organisations are kept between requests under the
// members' version: a rename, a person leaving and an organisation no
// longer active show at once, as the members list shows them.
func TestMemberChoicesFollowChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		check := func(when string) {
			t.Helper()
			m, err := db.Members.Members(ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			var people, orgs []pk.Choice
			for _, p := range m.People {
				people = append(people, pk.Choice{ID: p.UserID, Name: p.Name})
			}
			for _, o := range m.Organisations {
				if o.Status == "active" {
					orgs = append(orgs, pk.Choice{ID: o.OrganisationID, Name: o.Name})
				}
			}
			for range 2 { // read, then kept
				got, err := db.Members.MemberChoices(w.Member.Ctx, pid, "")
				if err != nil || !slices.Equal(got.People, people) || !slices.Equal(got.Organisations, orgs) {
					t.Errorf("%s: %v people %+v, want %+v; organisations %+v, want %+v", when, err, got.People, people, got.Organisations, orgs)
				}
			}
		}
		check("at first")
		u, err := db.Accounts.UpdateProfile(w.Member.Ctx, pk.ProfileInput{Name: "Aaron First", Language: "en", Version: w.Member.User.Version})
		if err != nil {
			t.Fatal(err)
		}
		check("renamed " + u.Name)
		if err := db.Members.RemovePerson(ctx, pid, w.Observer.User.ID); err != nil {
			t.Fatal(err)
		}
		check("a person removed")
		m, err := db.Members.Members(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range m.Organisations {
			if o.Status == "active" {
				if _, err := db.Members.SetOrganisationStatus(ctx, pid, o.OrganisationID, "left", o.Version); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		check("an organisation left")
	})
}

// The overview's counts of members are kept under the members' version
// too: an organisation marked refugee-led or youth-led, a role changed and
// an organisation leaving show on the next overview, as the members list
// has them.
func TestOverviewCountsFollowChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		check := func(when string) {
			t.Helper()
			m, err := db.Members.Members(ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			want := pk.Dashboard{PeopleByRole: map[string]int{}}
			for _, p := range m.People {
				want.PeopleByRole[string(p.Role)]++
			}
			for _, o := range m.Organisations {
				switch o.Status {
				case "invited":
					want.InvitedOrganisations++
				case "active":
					want.ActiveOrganisations++
					if o.RefugeeLed {
						want.RefugeeLed++
					}
					if o.YouthLed {
						want.YouthLed++
					}
				}
			}
			for range 2 { // read, then kept
				d, err := db.Partnerships.Dashboard(w.Member.Ctx, pid)
				if err != nil {
					t.Fatal(err)
				}
				if d.ActiveOrganisations != want.ActiveOrganisations || d.InvitedOrganisations != want.InvitedOrganisations ||
					d.RefugeeLed != want.RefugeeLed || d.YouthLed != want.YouthLed || !maps.Equal(d.PeopleByRole, want.PeopleByRole) {
					t.Errorf("%s: active %d invited %d refugee-led %d youth-led %d people %v; want %d %d %d %d %v", when,
						d.ActiveOrganisations, d.InvitedOrganisations, d.RefugeeLed, d.YouthLed, d.PeopleByRole,
						want.ActiveOrganisations, want.InvitedOrganisations, want.RefugeeLed, want.YouthLed, want.PeopleByRole)
				}
			}
		}
		check("at first")
		o := w.MemberOrg
		if _, err := db.Organisations.UpdateOrganisation(w.Member.Ctx, o.ID, pk.OrganisationInput{Name: o.Name, Kind: o.Kind, City: o.City,
			RefugeeLed: true, YouthLed: true, Version: o.Version}); err != nil {
			t.Fatal(err)
		}
		check("an organisation marked refugee-led and youth-led")
		m, err := db.Members.Members(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m.People {
			if p.UserID == w.Observer.User.ID {
				if _, err := db.Members.SetRole(ctx, pid, p.UserID, pk.RoleMember, p.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		check("an observer made a member")
		if m, err = db.Members.Members(ctx, pid); err != nil {
			t.Fatal(err)
		}
		for _, mo := range m.Organisations {
			if mo.OrganisationID == o.ID {
				if _, err := db.Members.SetOrganisationStatus(ctx, pid, o.ID, "left", mo.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		check("an organisation left")
	})
}
