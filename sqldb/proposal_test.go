package sqldb_test

import (
	"context"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestProposalsFollowTheCharter(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		g := w.Governance()
		closes := w.Clock.Now().Add(48 * time.Hour)
		in := func() pk.ProposalInput {
			return pk.ProposalInput{Title: "Budget 2027", Text: "Adopt the budget.", BodyID: g.Committee.ID, Area: pk.AreaBudget, ClosesAt: closes}
		}
		// The budget is the committee's: gradients, by organisation.
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, in())
		if err != nil || p.Method != pk.MethodGradients || p.Unit != pk.UnitOrganisation || p.Quorum != 0.5 || p.Status != pk.ProposalOpen ||
			p.Outcome != nil || p.Eligible != 1 || p.Results != pk.ResultsAfterClose || p.TimeZone != "UTC" {
			t.Fatalf("proposal: %v %+v", err, p)
		}
		// A member may not choose another method; a coordinator a stricter
		// one only.
		x := in()
		x.Method = pk.MethodConsent
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "method")
		x.Method = pk.MethodMajority
		_, err = db.Decisions.CreateProposal(w.Coordinator.Ctx, pid, x)
		wantField(t, err, "method")
		// The agreement's changes are the committee's; the action group
		// may not decide them.
		x = in()
		x.BodyID, x.Area = g.Group.ID, pk.AreaAgreementChanges
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "area")
		x = in()
		x.Area = "unknown_area"
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "area")
		x = in()
		x.ClosesAt = w.Clock.Now().Add(-time.Hour)
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "closes_at")
		// Secret needs at least five who may vote.
		x = in()
		x.Secret = true
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "secret")
		x = in()
		x.Options = []string{"a"}
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "options")
		x.Method, x.Options = "score", []string{"Housing", "Jobs", "Housing"}
		_, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, x)
		wantField(t, err, "options")
		// Observers read, they do not propose; outsiders see nothing.
		if _, err := db.Decisions.CreateProposal(w.Observer.Ctx, pid, in()); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer proposed: %v", err)
		}
		if _, err := db.Decisions.Proposal(w.Outsider.Ctx, pid, p.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		if _, err := db.Decisions.Proposal(w.Outsider.Ctx, w.Other.ID, p.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider in their own partnership: %v", err)
		}
		list, err := db.Decisions.Proposals(w.Observer.Ctx, pid)
		// Three of the world's (the evaluations fixtures bring the third
		// open one) and this test's.
		if err != nil || len(list.Items) != 4 || list.Items[0].Status != pk.ProposalOpen || list.Items[3].Status != pk.ProposalClosed {
			t.Fatalf("list: %v %+v", err, list)
		}
	})
}

func TestBallotsCloseIntoADecision(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		g, f := w.Governance(), w.Decisions()
		voters := w.AddVoters(t, g.Group.ID, 2, false)
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Rent a room", Text: "Rent the room.",
			BodyID: g.Group.ID, Results: pk.ResultsAfterVoting, ClosesAt: w.Clock.Now().Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		// An objection needs its reason; an unknown choice names the field.
		_, err = db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "object"})
		wantField(t, err, "reason")
		_, err = db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "yes"})
		wantField(t, err, "choice")
		// Not seated in the body: no vote (the coordinator's seat ended).
		if _, err := db.Decisions.CastBallot(w.Coordinator.Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("unseated coordinator voted: %v", err)
		}
		if _, err := db.Decisions.CastBallot(w.Observer.Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer voted: %v", err)
		}
		got, err := db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "object", Reason: "Too dear for us."})
		if err != nil || !got.HasVoted || got.MyChoice != "object" || got.Tally == nil || got.Tally.Outcome != "" || got.BallotsCast != 1 {
			t.Fatalf("after voting: %v %+v", err, got)
		}
		// Changing one's vote until close.
		got, err = db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"})
		if err != nil || got.MyChoice != "consent" || got.BallotsCast != 1 {
			t.Fatalf("changed: %v %+v", err, got)
		}
		// Results after voting: someone who has not voted sees none yet.
		seen, err := db.Decisions.Proposal(voters[1].Ctx, pid, p.ID)
		if err != nil || seen.Tally != nil || seen.ResultsHidden != pk.ResultsAfterVoting || seen.Eligible != 3 {
			t.Fatalf("not voted yet: %v %+v", err, seen)
		}
		if _, err := db.Decisions.CastBallot(voters[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "stand_aside"}); err != nil {
			t.Fatal(err)
		}
		// Members do not close; the coordinator does.
		if _, err := db.Decisions.CloseProposal(w.Member.Ctx, pid, p.ID, pk.ChairInput{}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member closed: %v", err)
		}
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{})
		if err != nil || closed.Status != pk.ProposalClosed || closed.Outcome == nil || *closed.Outcome != "passed" ||
			closed.Tally == nil || closed.Tally.Cast != 2 || closed.Tally.Eligible != 3 || !closed.Tally.QuorumMet || closed.DecisionID == "" {
			t.Fatalf("closed: %v %+v %+v", err, closed, closed.Tally)
		}
		if _, err := db.Decisions.CastBallot(voters[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("voted after close: %v", err)
		}
		if _, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("closed twice: %v", err)
		}
		// The log, of the partnership and of a body.
		all, err := db.Decisions.Decisions(w.Observer.Ctx, pid, "")
		if err != nil || len(all.Items) != 2 || all.Items[0].ProposalID != p.ID && all.Items[1].ProposalID != p.ID {
			t.Fatalf("log: %v %+v", err, all)
		}
		mine, err := db.Decisions.Decisions(w.Observer.Ctx, pid, g.Committee.ID)
		if err != nil || len(mine.Items) != 0 {
			t.Fatalf("committee's log: %v %+v", err, mine)
		}
		d, err := db.Decisions.Decision(w.Observer.Ctx, pid, closed.DecisionID)
		if err != nil || d.Method != pk.MethodConsent || d.BodyName != g.Group.Name || d.DecidedOn != "2026-03-02" || d.ReviewOn == "" {
			t.Fatalf("decision: %v %+v", err, d)
		}
		if _, err := db.Decisions.Decision(w.Outsider.Ctx, pid, f.Decision.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
	})
}

func TestProposalsCloseAtTheirTime(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Decisions()
		w.Clock.Advance(8 * 24 * time.Hour)
		p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, f.Open.ID)
		if err != nil || p.Status != pk.ProposalClosed || p.Outcome == nil || *p.Outcome != "passed" || p.DecisionID == "" {
			t.Fatalf("after its time: %v %+v", err, p)
		}
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 5})
		if err != nil || entries[0].Action != "proposal.close" || entries[0].UserID != "" {
			t.Fatalf("audit: %v %+v", err, entries[0])
		}
	})
}

// The first close among the open proposals is kept under the data
// version: a proposal opened afterwards that closes sooner still closes at
// its time, and the one kept stays open until its own.
func TestProposalOpenedLaterClosesAtItsTime(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f, g := w.DB, w.Partnership.ID, w.Decisions(), w.Governance()
		if p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, f.Open.ID); err != nil || p.Status != pk.ProposalOpen {
			t.Fatalf("before its time: %v %+v", err, p)
		}
		sooner, err := db.Decisions.CreateProposal(w.Coordinator.Ctx, pid, pk.ProposalInput{Title: "Book the hall", Text: "Book it.",
			BodyID: g.Committee.ID, Area: pk.AreaAdmission, Results: pk.ResultsAfterVoting, ClosesAt: w.Clock.Now().Add(2 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if !sooner.ClosesAt.Before(f.Open.ClosesAt) {
			t.Fatalf("the new proposal closes at %s, not before %s", sooner.ClosesAt, f.Open.ClosesAt)
		}
		w.Clock.Advance(3 * time.Hour)
		if p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, sooner.ID); err != nil || p.Status != pk.ProposalClosed {
			t.Fatalf("the sooner one after its time: %v %+v", err, p)
		}
		if p, err := db.Decisions.Proposal(w.Observer.Ctx, pid, f.Open.ID); err != nil || p.Status != pk.ProposalOpen {
			t.Fatalf("the first one before its time: %v %+v", err, p)
		}
	})
}

func TestOrganisationsVoteByTheirRepresentative(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		p, err := db.Decisions.CreateProposal(w.Coordinator.Ctx, pid, pk.ProposalInput{Title: "Admit the Tenants' Union", Text: "Admit them.",
			BodyID: g.Committee.ID, Area: pk.AreaAdmission, Results: pk.ResultsAfterVoting, ClosesAt: w.Clock.Now().Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		// The coordinator is in the partnership for Bridges Youth, which
		// holds no seat in the committee.
		_, err = db.Decisions.CastBallot(w.Coordinator.Ctx, pid, p.ID, pk.BallotInput{Choice: "endorse"})
		wantField(t, err, "organisation_id")
		_, err = db.Decisions.CastBallot(w.Member.Ctx, pid, p.ID, pk.BallotInput{Choice: "endorse", OrganisationID: w.Org.ID})
		wantField(t, err, "organisation_id")
		got, err := db.Decisions.CastBallot(w.Member.Ctx, pid, p.ID, pk.BallotInput{Choice: "endorse"})
		if err != nil || !got.HasVoted || got.Tally == nil || got.Tally.Eligible != 1 || got.Tally.Cast != 1 {
			t.Fatalf("by organisation: %v %+v", err, got)
		}
	})
}

func TestReopeningNeedsTheCharter(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f, g := w.DB, w.Partnership.ID, w.Decisions(), w.Governance()
		// The world's charter allows no re-opening.
		if _, err := db.Decisions.SupportReopening(w.Member.Ctx, pid, f.Decision.ID); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("re-opened without a rule: %v", err)
		}
		c := g.Charter
		in := pk.CharterInput{Version: c.Version, AdoptedOn: "2026-03-01", AdoptedByBody: c.AdoptedByBody, Rules: c.Rules, Areas: c.Areas,
			CharterText: c.CharterText}
		in.ReopenShare, in.ReopenAfterMonths = 0.5, 1
		if _, err := db.Charter.AdoptCharter(w.Coordinator.Ctx, pid, in); err != nil {
			t.Fatal(err)
		}
		// Two of the partnership's members and coordinators are half.
		d, err := db.Decisions.SupportReopening(w.Member.Ctx, pid, f.Decision.ID)
		if err != nil || d.ReopenSupporters != 1 || d.ReopenNeeded != 1 || !d.Supported || d.ReopenedBy != "" || d.ReopenFrom != "2026-04-02" {
			t.Fatalf("first supporter: %v %+v", err, d)
		}
		if _, err := db.Decisions.SupportReopening(w.Member.Ctx, pid, f.Decision.ID); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("supported twice: %v", err)
		}
		// Not before a month: the threshold is met, the time not yet.
		w.Clock.Advance(31 * 24 * time.Hour)
		d, err = db.Decisions.SupportReopening(w.Coordinator.Ctx, pid, f.Decision.ID)
		if err != nil || d.ReopenedBy == "" || d.ReopenAllowed {
			t.Fatalf("re-opened: %v %+v", err, d)
		}
		p, err := db.Decisions.Proposal(w.Member.Ctx, pid, d.ReopenedBy)
		if err != nil || p.Status != pk.ProposalOpen || p.ReopensDecisionID != f.Decision.ID || p.Title != f.Decided.Title {
			t.Fatalf("new proposal: %v %+v", err, p)
		}
	})
}

func TestReminderGoesToThoseWhoHaveNotVoted(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		voters := w.AddVoters(t, g.Group.ID, 2, false)
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Reminded", Text: "x", BodyID: g.Group.ID,
			ClosesAt: w.Clock.Now().Add(72 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"}); err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(48*time.Hour + time.Minute)
		done := func(context.Context, []byte) error { return nil }
		n := db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{
			sqldb.ProposalReminderJob: db.Decisions.RemindNonVoters, sqldb.EventsDerivedJob: db.Events.Derive,
			"mail": done, sqldb.NotifyEmailJob: done, sqldb.WebhookFanoutJob: done,
		}, nil)
		// The reminder is an event in the inbox of those who have not
		// voted (mail and webhooks take it from there), once.
		if err := db.Events.Tick(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		reminded := func(v *sqldbtest.Person) int {
			list, _, err := db.Notifications.Notifications(v.Ctx, false, pk.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			count := 0
			for _, x := range list {
				if x.Event.Kind == pk.EventProposalClosing && x.Event.SubjectID == p.ID {
					count++
				}
			}
			return count
		}
		if n == 0 || reminded(voters[1]) != 1 || reminded(voters[0]) != 0 || reminded(w.Outsider) != 0 {
			t.Fatalf("reminders: %d jobs; %d for the one who has not voted, %d for the one who has", n, reminded(voters[1]), reminded(voters[0]))
		}
	})
}
