package demo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The demonstration loads on both engines, once, and what it shows is
// reachable through the services as the demo coordinator.
func TestLoad(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		loaded, err := Load(ctx, db)
		if err != nil || !loaded {
			t.Fatalf("load: %v %v", loaded, err)
		}
		if again, err := Load(ctx, db); err != nil || again {
			t.Fatalf("a second load must do nothing: %v %v", again, err)
		}
		uctx := signInAs(t, db, Email)
		ps, _, err := db.Partnerships.Partnerships(uctx, pk.PageRequest{}, false)
		if err != nil || len(ps) != 1 || ps[0].MyRole != pk.RoleCoordinator {
			t.Fatalf("partnerships: %+v %v", ps, err)
		}
		pid := ps[0].ID
		d, err := db.Partnerships.Dashboard(uctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if d.ActiveOrganisations != 5 || d.PeopleByRole["coordinator"] != 2 || d.PeopleByRole["observer"] != 1 || d.PendingInvitations != 2 { // one to a new member, one to an agreed prospect
			t.Fatalf("dashboard %+v", d)
		}
		actors, _, err := db.Actors.Actors(uctx, pid, pk.ActorFilter{}, pk.PageRequest{})
		if err != nil || len(actors) < 20 {
			t.Fatalf("register: %d actors, %v", len(actors), err)
		}
		// One decision was taken in the room at a meeting, and an upcoming
		// meeting has the open proposal on its agenda.
		log, err := db.Decisions.Decisions(uctx, pid, "")
		if err != nil {
			t.Fatal(err)
		}
		inRoom := 0
		for _, x := range log.Items {
			if x.MeetingID != "" && x.InRoom && x.OutcomeCode() == "passed" {
				inRoom++
			}
		}
		props, err := db.Decisions.Proposals(uctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		onAgenda := 0
		for _, p := range props.Items {
			if p.Status == pk.ProposalOpen {
				if full, err := db.Decisions.Proposal(uctx, pid, p.ID); err == nil && len(full.Meetings) == 1 {
					onAgenda++
				}
			}
		}
		if inRoom != 1 || onAgenda != 2 {
			t.Errorf("decided in the room %d, open proposals on an agenda %d", inRoom, onAgenda)
		}
		// The inbox is full from the first sign-in.
		if n, err := db.Notifications.UnreadCount(uctx); err != nil || n == 0 {
			t.Errorf("the coordinator's inbox after loading: %d unread, %v", n, err)
		}
	})
}

// The demonstration's agreement is signed by three of the coalition's five
// member organisations.
func TestDemoAgreement(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		list, err := db.Agreements.Agreements(uctx, pid)
		if err != nil || len(list.Items) != 1 {
			t.Fatalf("agreements: %v %+v", err, list)
		}
		a, err := db.Agreements.Agreement(uctx, pid, list.Items[0].ID)
		if err != nil || len(a.SignedBy) != 3 || len(a.Missing) != 2 || a.Status != "signing" {
			t.Fatalf("agreement: %v signed %v missing %v %s", err, a.SignedBy, a.Missing, a.Status)
		}
		// Drafted after the charter: decision-making names its bodies.
		for _, sec := range a.Sections {
			if sec.ID == "decisions" && !strings.Contains(sec.Body, "Who decides what") {
				t.Errorf("decision-making not drafted from the charter:\n%s", sec.Body)
			}
		}
		comments, err := db.Agreements.AgreementComments(uctx, pid, a.ID)
		if err != nil || len(comments.Items) != 4 {
			t.Fatalf("comments: %v %+v", err, comments)
		}
	})
}

// The demonstration's implementation: three goals, four plans, forty tasks
// (some done, some overdue, one from a meeting's action item), and every
// goal's progress rolled up from its plans.
func TestDemoPlans(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		goals, _, err := db.Goals.Goals(uctx, pid)
		if err != nil || len(goals) != 3 {
			t.Fatalf("goals: %v %d", err, len(goals))
		}
		plans, _, err := db.Plans.Plans(uctx, pid, "")
		if err != nil || len(plans) != 4 {
			t.Fatalf("plans: %v %d", err, len(plans))
		}
		all, _, err := db.Tasks.Tasks(uctx, pid, pk.TaskFilter{}, pk.PageRequest{Limit: 100})
		if err != nil || len(all) != 40 {
			t.Fatalf("tasks: %v %d", err, len(all))
		}
		over, _, _ := db.Tasks.Tasks(uctx, pid, pk.TaskFilter{Overdue: true}, pk.PageRequest{Limit: 100})
		done, _, _ := db.Tasks.Tasks(uctx, pid, pk.TaskFilter{Status: pk.TaskDone}, pk.PageRequest{Limit: 100})
		linked := 0
		for _, x := range all {
			if x.ActionItemID != "" {
				linked++
			}
		}
		if len(over) < 3 || len(done) < 5 || linked != 1 {
			t.Fatalf("overdue %d, done %d, from action items %d", len(over), len(done), linked)
		}
		for _, g := range goals {
			if g.Progress == nil {
				t.Errorf("goal %q has no progress", g.Title)
			}
		}
	})
}

// The demonstration's budget has a contribution from every member
// organisation, and its roll-ups add up two months of reports.
func TestDemoContributions(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		cs, _, err := db.Contributions.Contributions(uctx, pid, pk.ContributionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		orgs := map[string]bool{}
		for _, c := range cs {
			orgs[c.OrganisationID] = true
		}
		if len(orgs) != 5 {
			t.Errorf("contributions from %d organisations, want every one of 5", len(orgs))
		}
		b, err := db.Contributions.Budget(uctx, pid)
		if err != nil || !b.LargestFunder.Dominant || len(b.Plans) < 2 {
			t.Errorf("budget: %+v %v", b, err)
		}
		rs, _, err := db.Reports.Reports(uctx, pid, pk.ReportFilter{})
		if err != nil || len(rs) < 3 {
			t.Fatalf("reports: %d %v", len(rs), err)
		}
		rollups, _, err := db.Reports.Rollups(uctx, pid)
		if err != nil || len(rollups) != 2 {
			t.Fatalf("roll-ups: %d %v", len(rollups), err)
		}
		for _, r := range rollups {
			full, err := db.Reports.Rollup(uctx, pid, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			sum, err := pk.SumReports(full.Reports)
			if err != nil || full.Totals.Reports == 0 || full.Totals.Spent == 0 || sum != full.Totals {
				t.Errorf("roll-up %s: %+v, its reports add up to %+v %v", r.Period, full.Totals, sum, err)
			}
		}
	})
}

// The demonstration's indicators show every status a reader should meet:
// on track, over, under, not reporting, and a qualitative one not rated.
func TestDemoIndicators(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		list, cut, err := db.Indicators.Indicators(uctx, pid, pk.IndicatorFilter{})
		if err != nil || cut || len(list) != 5 {
			t.Fatalf("indicators: %v %v %d", err, cut, len(list))
		}
		by := map[string]int{}
		for _, ind := range list {
			by[ind.Status]++
			if ind.Kind != "qualitative" && ind.Measurements < 3 {
				t.Errorf("%s: %d results", ind.Name, ind.Measurements)
			}
		}
		want := map[string]int{"on_track": 1, "over": 1, "under": 1, "not_reporting": 1, "not_rated": 1}
		for s, n := range want {
			if by[s] != n {
				t.Errorf("status %s: %d, want %d (all %v)", s, by[s], n, by)
			}
		}
	})
}

// The large demonstration holds what issue 16 asks of a national coalition.
func TestLargeSize(t *testing.T) {
	z := Sizes["large"]
	if z.Organisations != 500 || z.People != 2000 || z.Actors != 10000 || z.Relationships != 50000 || z.Maps != 20 ||
		z.Proposals != 500 || z.Meetings != 1000 || z.Plans != 300 || z.Tasks != 5000 || z.Indicators != 200 {
		t.Errorf("large: %+v", z)
	}
	if Sizes["small"] != (sqldb.CoalitionSize{}) {
		t.Error("the small demonstration must stay the city network alone")
	}
}

// signedIn loads the demonstration into db and returns its coordinator's
// context, signed in, and the ID of the one partnership it holds.
func signedIn(t *testing.T, db *sqldb.DB) (context.Context, string) {
	t.Helper()
	ctx := context.Background()
	if _, err := Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	uctx := signInAs(t, db, Email)
	ps, _, err := db.Partnerships.Partnerships(uctx, pk.PageRequest{}, false)
	if err != nil || len(ps) != 1 || ps[0].MyRole != pk.RoleCoordinator {
		t.Fatalf("partnerships: %+v %v", ps, err)
	}
	return uctx, ps[0].ID
}

// signInAs signs one of the demonstration's people in and returns their
// context.
func signInAs(t *testing.T, db *sqldb.DB, email string) context.Context {
	t.Helper()
	ctx := context.Background()
	_, secret, err := db.Accounts.SignIn(ctx, email, Password, "127.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	u, _, err := db.Accounts.UserBySession(ctx, secret)
	if err != nil {
		t.Fatal(err)
	}
	return pk.NewContextWithUser(ctx, u)
}

// A demonstration with a coalition, a hundredth of the large one here, has
// its inboxes made after the coalition: its people are reminded of what
// the seeded dates make due.
func TestCoalitionInboxes(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		if loaded, err := loadSized(ctx, db, Large.Divide(100)); err != nil || !loaded {
			t.Fatalf("load: %v %v", loaded, err)
		}
		reminded := 0
		for i := 1; i <= Large.Divide(100).People; i++ {
			if n, err := db.Notifications.UnreadCount(signInAs(t, db, fmt.Sprintf("person%04d@%s", i, LargeDomain))); err != nil {
				t.Fatal(err)
			} else if n > 0 {
				reminded++
			}
		}
		if reminded == 0 {
			t.Errorf("none of the coalition's %d people has a notification", Large.Divide(100).People)
		}
	})
}
