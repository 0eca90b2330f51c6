package reportview_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/reportview/reportviewtest"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

var (
	sources = reportviewtest.Sources
	world   = reportviewtest.World
)

// build makes the report as ctx's person at db's clock.
func build(t *testing.T, db *sqldb.DB, kept bool, ctx context.Context, pid string) *pk.PartnershipReport {
	t.Helper()
	now := db.Now()
	r, err := reportview.Build(ctx, sources(db, kept), pid, reportview.DefaultPeriod(now), now)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// same says whether two reports show the same, when they were made aside,
// and shows both when they do not.
func same(t *testing.T, a, b *pk.PartnershipReport) bool {
	t.Helper()
	if !alike(t, a, b) {
		t.Logf("kept:  %s\nfresh: %s", jsonOf(t, a), jsonOf(t, b))
		return false
	}
	return true
}

func jsonOf(t *testing.T, r *pk.PartnershipReport) string {
	t.Helper()
	j, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

// alike says whether two reports show the same, when they were made aside.
func alike(t *testing.T, a, b *pk.PartnershipReport) bool {
	t.Helper()
	x, y := *a, *b
	x.GeneratedAt, y.GeneratedAt = time.Time{}, time.Time{}
	for _, r := range []*pk.PartnershipReport{&x, &y} {
		if r.Health != nil && r.Health.Signals != nil {
			h, s := *r.Health, *r.Health.Signals
			s.At, h.Signals = time.Time{}, &s
			r.Health = &h
		}
	}
	jx, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	jy, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	return string(jx) == string(jy)
}

// A second person of the same role is given the kept report; people of
// roles that see different sections never get each other's: each gets
// exactly what the report worked out afresh for them shows.
func TestKeptReportByRole(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := world(t, db)
		pid := w.Partnership.ID
		ctx := context.Background()
		u, err := db.Accounts.CreateUser(ctx, pk.SignUpInput{Email: "second.member@example.org", Name: "Sami Member", Password: sqldbtest.Password}, false)
		if err != nil {
			t.Fatal(err)
		}
		second := pk.NewContextWithUser(ctx, u)
		inv, err := db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: u.Email, Role: "member", OrganisationID: w.MemberOrg.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Members.AcceptInvitation(second, inv.ID, ""); err != nil {
			t.Fatal(err)
		}

		observer := build(t, db, true, w.Observer.Ctx, pid)
		first := build(t, db, true, w.Member.Ctx, pid)
		w.Clock.Advance(time.Second)
		again := build(t, db, true, second, pid)
		if !again.GeneratedAt.Equal(first.GeneratedAt) {
			t.Errorf("a second member's report was worked out again (at %v, first at %v)", again.GeneratedAt, first.GeneratedAt)
		}
		coordinator := build(t, db, true, w.Coordinator.Ctx, pid)
		observerAgain := build(t, db, true, w.Observer.Ctx, pid)

		if observer.Budget != nil || observer.Health != nil {
			t.Errorf("an observer sees the budget or health: %v, %v", observer.Budget != nil, observer.Health != nil)
		}
		if first.Budget == nil || first.Health == nil || coordinator.Budget == nil || coordinator.Health == nil {
			t.Error("a member or coordinator is missing the budget or health")
		}
		for _, c := range []struct {
			name string
			ctx  context.Context
			kept *pk.PartnershipReport
		}{
			{"observer", w.Observer.Ctx, observer}, {"observer again", w.Observer.Ctx, observerAgain},
			{"member", w.Member.Ctx, first}, {"second member", second, again}, {"coordinator", w.Coordinator.Ctx, coordinator},
		} {
			if !same(t, c.kept, build(t, db, false, c.ctx, pid)) {
				t.Errorf("%s: the kept report differs from the one worked out afresh", c.name)
			}
		}
	})
}

// A write shows in the next report (a new measurement, a new ballot), on
// the instance it was made on and on another that kept the report before.
func TestKeptReportFollowsWrites(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := world(t, db)
		pid := w.Partnership.ID
		others := []*sqldb.DB{db}
		if db.Dialect == sqldb.Postgres {
			others = append(others, sqldbtest.AnotherInstance(t, db))
		}
		check := func(what string) {
			t.Helper()
			for i, on := range others {
				if !same(t, build(t, on, true, w.Member.Ctx, pid), build(t, on, false, w.Member.Ctx, pid)) {
					t.Errorf("after %s, instance %d serves a stale report", what, i)
				}
			}
		}
		for _, on := range others {
			build(t, on, true, w.Member.Ctx, pid) // kept on each
		}
		before := build(t, db, true, w.Member.Ctx, pid)

		ind := w.Indicators().Reached
		w.Clock.Advance(time.Minute)
		value := 42.0
		if _, err := db.Indicators.RecordMeasurement(w.Coordinator.Ctx, pid, ind.ID, pk.MeasurementInput{Date: db.Now().Format(time.DateOnly), Value: &value}); err != nil {
			t.Fatal(err)
		}
		check("a new measurement")
		if after := build(t, db, true, w.Member.Ctx, pid); after.Indicators.MeasuredInPeriod == before.Indicators.MeasuredInPeriod &&
			alike(t, after, before) {
			t.Error("the new measurement does not show")
		}

		open := w.Decisions().Open
		if _, err := db.Decisions.CastBallot(w.Member.Ctx, pid, open.ID, pk.BallotInput{Choice: "object", Reason: "Not before the tenants' union agrees."}); err != nil {
			t.Fatal(err)
		}
		check("a changed ballot")
		if _, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, open.ID, pk.ChairInput{}); err != nil {
			t.Fatal(err)
		}
		check("a proposal closed")
		if after := build(t, db, true, w.Member.Ctx, pid); len(after.Decisions.Items) != len(before.Decisions.Items)+1 {
			t.Errorf("%d decisions after the close, want %d", len(after.Decisions.Items), len(before.Decisions.Items)+1)
		}

		// Time alone passing the start of the next meeting changes what
		// the report counts as held: the kept report must follow.
		starts := w.Meetings().Next.StartsAt
		if !starts.After(db.Now()) {
			t.Fatalf("the next meeting began at %s, before %s", starts, db.Now())
		}
		for _, on := range others {
			build(t, on, true, w.Member.Ctx, pid) // kept before the meeting begins
		}
		w.Clock.Set(starts.Add(30 * time.Second))
		check("a meeting begun")
		w.Clock.Set(starts.Add(90 * time.Second))
		check("a minute into a meeting")
	})
}

// The decisions say whether the asker supports reopening each: one
// member's are never another's.
func TestKeptDecisionsByPerson(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := world(t, db)
		pid := w.Partnership.ID
		dec := reportviewtest.SupportReopening(t, db, w)
		supported := func(r *pk.PartnershipReport) bool {
			for _, d := range r.Decisions.Items {
				if d.ID == dec {
					return d.Supported
				}
			}
			t.Fatal("the decision is not in the report")
			return false
		}
		member := build(t, db, true, w.Member.Ctx, pid)
		coordinator := build(t, db, true, w.Coordinator.Ctx, pid)
		memberAgain := build(t, db, true, w.Member.Ctx, pid)
		if !supported(member) || !supported(memberAgain) || supported(coordinator) {
			t.Errorf("supported: member %v then %v, coordinator %v; want true, true, false",
				supported(member), supported(memberAgain), supported(coordinator))
		}
	})
}
