package sqldb_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// amendCharter adopts a new version of the world's charter with change
// applied to its text.
func amendCharter(t *testing.T, w *sqldbtest.World, change func(*pk.CharterText)) {
	t.Helper()
	c, err := w.DB.Charter.Charter(w.Coordinator.Ctx, w.Partnership.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := pk.CharterInput{Version: c.Version, AdoptedOn: "2026-03-01", AdoptedByBody: c.AdoptedByBody, Rules: c.Rules, Areas: c.Areas,
		CharterText: c.CharterText}
	change(&in.CharterText)
	if _, err := w.DB.Charter.AdoptCharter(w.Coordinator.Ctx, w.Partnership.ID, in); err != nil {
		t.Fatal(err)
	}
}

func TestProxies(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		v := w.AddVoters(t, g.Group.ID, 4, false)
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Rent a van", Text: "For the festival.",
			BodyID: g.Group.ID, ClosesAt: w.Clock.Now().Add(72 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		// The world's charter allows no proxies.
		if _, err := db.Decisions.GiveProxy(v[0].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("proxy without the charter: %v", err)
		}
		amendCharter(t, w, func(c *pk.CharterText) { c.ProxiesAllowed, c.MaxProxiesPerHolder = true, 1 })
		got, err := db.Decisions.Proposal(v[0].Ctx, pid, p.ID)
		if err != nil || !got.ProxiesAllowed || len(got.ProxyCandidates) != 4 { // three voters and the member
			t.Fatalf("before: %v %+v", err, got)
		}
		wantField(t, second(db.Decisions.GiveProxy(v[0].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[0].ID})), "holder_id")
		wantField(t, second(db.Decisions.GiveProxy(v[0].Ctx, pid, p.ID, pk.ProxyInput{HolderID: w.Coordinator.ID})), "holder_id") // not seated
		wantField(t, second(db.Decisions.GiveProxy(v[0].Ctx, pid, p.ID, pk.ProxyInput{})), "holder_id")
		got, err = db.Decisions.GiveProxy(v[0].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID})
		if err != nil || got.MyProxy == nil || got.MyProxy.HolderID != v[1].ID || len(got.Proxies) != 1 || got.ProxyCandidates != nil {
			t.Fatalf("given: %v %+v", err, got)
		}
		// One each at most, and no chains.
		wantField(t, second(db.Decisions.GiveProxy(v[2].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID})), "holder_id")
		wantField(t, second(db.Decisions.GiveProxy(v[2].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[0].ID})), "holder_id")
		// Someone else cannot vote with it.
		wantField(t, second(db.Decisions.CastBallot(v[2].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent", ForUserID: v[0].ID})), "for_user_id")
		// The holder votes for the giver; the giver sees their vote was cast.
		got, err = db.Decisions.CastBallot(v[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "stand_aside", ForUserID: v[0].ID})
		if err != nil || got.HasVoted || len(got.HeldProxies) != 1 || !got.HeldProxies[0].Voted || got.BallotsCast != 1 {
			t.Fatalf("holder after voting for the giver: %v %+v", err, got)
		}
		got, err = db.Decisions.Proposal(v[0].Ctx, pid, p.ID)
		if err != nil || !got.HasVoted || !got.CastByProxy || got.MyChoice != "stand_aside" {
			t.Fatalf("giver: %v %+v", err, got)
		}
		if _, err := db.Decisions.RevokeProxy(v[0].Ctx, pid, p.ID); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("revoked a used proxy: %v", err)
		}
		// The holder may change the ballot they cast.
		if got, err = db.Decisions.CastBallot(v[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent", ForUserID: v[0].ID}); err != nil || got.BallotsCast != 1 {
			t.Fatalf("holder changing the giver's ballot: %v %+v", err, got)
		}
		// The giver votes themselves: their vote replaces the holder's, who
		// can no longer change it.
		got, err = db.Decisions.CastBallot(v[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "consent"})
		if err != nil || got.CastByProxy || got.MyChoice != "consent" || got.BallotsCast != 1 {
			t.Fatalf("giver voting: %v %+v", err, got)
		}
		if _, err := db.Decisions.CastBallot(v[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "object", Reason: "x", ForUserID: v[0].ID}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("holder overrode the giver: %v", err)
		}
		// The log says who voted and who changed a vote, the refused
		// override left out.
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var votes []string
		for _, e := range entries {
			if strings.HasPrefix(e.Action, "proposal.vote") && e.SubjectID == p.ID {
				votes = append(votes, e.Action)
			}
		}
		if want := []string{"proposal.vote_change", "proposal.vote_change", "proposal.vote"}; !slices.Equal(votes, want) {
			t.Fatalf("audit %v, want %v (newest first)", votes, want)
		}
		// Revocable before it is used.
		if _, err := db.Decisions.GiveProxy(v[2].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[3].ID}); err != nil {
			t.Fatal(err)
		}
		got, err = db.Decisions.RevokeProxy(v[2].Ctx, pid, p.ID)
		if err != nil || got.MyProxy != nil || len(got.Proxies) != 1 {
			t.Fatalf("revoked: %v %+v", err, got)
		}
		if _, err := db.Decisions.RevokeProxy(v[2].Ctx, pid, p.ID); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("revoked twice: %v", err)
		}
		// Observers give nothing; outsiders see nothing.
		if _, err := db.Decisions.GiveProxy(w.Observer.Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer: %v", err)
		}
		if _, err := db.Decisions.GiveProxy(w.Outsider.Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID}); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		// Closed: nothing moves.
		if _, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decisions.GiveProxy(v[3].Ctx, pid, p.ID, pk.ProxyInput{HolderID: v[1].ID}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("proxy after close: %v", err)
		}
	})
}

func second[T any](_ T, err error) error { return err }

// A secret ballot cast by proxy goes into the anonymous tally: the list of
// who voted says it was cast by the holder, and nothing says what.
func TestSecretProxyBallot(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		p, voters, _ := castSecretly(t, w, 4)
		amendCharter(t, w, func(c *pk.CharterText) { c.ProxiesAllowed = true })
		if _, err := db.Decisions.GiveProxy(voters[5].Ctx, pid, p.ID, pk.ProxyInput{HolderID: voters[0].ID}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "block", ForUserID: voters[5].ID})
		if err != nil || got.BallotsCast != 5 || got.Tally != nil {
			t.Fatalf("secret proxy ballot: %v %+v", err, got)
		}
		// Cast once: neither the holder nor the giver can change it.
		if _, err := db.Decisions.CastBallot(voters[5].Ctx, pid, p.ID, pk.BallotInput{Choice: "endorse"}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("giver changed a secret proxy ballot: %v", err)
		}
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{})
		if err != nil || closed.Tally == nil || closed.Tally.Cast != 5 || closed.OutcomeCode() != "blocked" {
			t.Fatalf("closed: %v %+v", err, closed)
		}
	})
}

func TestLevelOfCommitment(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		v := w.AddVoters(t, g.Committee.ID, 3, true)
		base := pk.ProposalInput{Title: "Joint campaign on housing", Text: "Each organisation says how far it will carry it.",
			BodyID: g.Committee.ID, Method: pk.MethodCommitment, Minimum: "help_happen", ClosesAt: w.Clock.Now().Add(72 * time.Hour)}
		for _, c := range []struct {
			change func(*pk.ProposalInput)
			field  string
		}{
			{func(in *pk.ProposalInput) { in.Minimum = "" }, "minimum"},
			{func(in *pk.ProposalInput) { in.Minimum = "against" }, "minimum"},
			{func(in *pk.ProposalInput) { in.Secret = true }, "secret"},
			{func(in *pk.ProposalInput) { in.Area = pk.AreaBudget }, "method"},
			{func(in *pk.ProposalInput) { in.Method = "" }, "minimum"},
		} {
			in := base
			c.change(&in)
			wantField(t, second(db.Decisions.CreateProposal(w.Member.Ctx, pid, in)), c.field)
		}
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, base)
		if err != nil || p.Method != pk.MethodCommitment || p.Unit != pk.UnitOrganisation || p.Minimum != "help_happen" {
			t.Fatalf("created: %v %+v", err, p)
		}
		for i, choice := range []string{"make_happen", "let_happen", "against"} {
			if _, err := db.Decisions.CastBallot(v[i].Ctx, pid, p.ID, pk.BallotInput{Choice: choice}); err != nil {
				t.Fatal(err)
			}
		}
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{})
		if err != nil || closed.OutcomeCode() != "rejected" || closed.Tally == nil {
			t.Fatalf("closed: %v %+v", err, closed)
		}
		gaps := closed.Tally.Gaps
		if len(gaps) != 2 || gaps[0].Name != "Voters' Association 3" || gaps[0].Choice != "against" ||
			gaps[1].Name != "Voters' Association 2" || gaps[1].Choice != "let_happen" || closed.Tally.Minimum != "help_happen" {
			t.Fatalf("gaps %+v", gaps)
		}
		if len(closed.Tally.Levels) != 3 || closed.Tally.Levels[2].Choice != "make_happen" {
			t.Fatalf("levels %+v", closed.Tally.Levels)
		}
	})
}

func TestLenses(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		set, err := db.Decisions.Lenses(w.Observer.Ctx, pid)
		if err != nil || !set.Default || len(set.Lenses) != 6 || set.Lenses[0].Name != "decision.lens.urgency" {
			t.Fatalf("default: %v %+v", err, set)
		}
		in := pk.LensSetInput{Lenses: []pk.LensInput{
			{Key: "urgency", Weight: 2},
			{Key: "impact", Name: "Change for young refugees", Weight: 1},
			{Name: "Our visibility", Weight: 0.5},
		}}
		if _, err := db.Decisions.SetLenses(w.Member.Ctx, pid, in); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member edited lenses: %v", err)
		}
		bad := in
		bad.Lenses = append(slices.Clone(in.Lenses), pk.LensInput{Name: "", Weight: 1})
		wantField(t, second(db.Decisions.SetLenses(w.Coordinator.Ctx, pid, bad)), "lenses.3.name")
		bad.Lenses = append(slices.Clone(in.Lenses), pk.LensInput{Key: "luck", Name: "Luck", Weight: 1})
		wantField(t, second(db.Decisions.SetLenses(w.Coordinator.Ctx, pid, bad)), "lenses.3.key")
		bad.Lenses = append(slices.Clone(in.Lenses), pk.LensInput{Name: "Cost", Weight: 11})
		wantField(t, second(db.Decisions.SetLenses(w.Coordinator.Ctx, pid, bad)), "lenses.3.weight")
		set, err = db.Decisions.SetLenses(w.Coordinator.Ctx, pid, in)
		if err != nil || set.Default || set.Version != 1 || len(set.Lenses) != 3 || set.Lenses[0].Name != "decision.lens.urgency" ||
			set.Lenses[1].Name != "Change for young refugees" || set.Lenses[2].Key == "" {
			t.Fatalf("set: %v %+v", err, set)
		}
		own := set.Lenses[2].Key
		if _, err := db.Decisions.SetLenses(w.Coordinator.Ctx, pid, in); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("stale version: %v", err)
		}
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "What first", Text: "Put these in order.",
			BodyID: g.Group.ID, Method: "lenses", Options: []string{"Campaign", "Training"}, ClosesAt: w.Clock.Now().Add(72 * time.Hour)})
		if err != nil || len(p.Lenses) != 3 {
			t.Fatalf("proposal: %v %+v", err, p)
		}
		// Later edits leave the proposal's lenses as they were.
		again := pk.LensSetInput{Version: 1, Lenses: []pk.LensInput{{Key: "urgency", Weight: 1}}}
		if _, err := db.Decisions.SetLenses(w.Coordinator.Ctx, pid, again); err != nil {
			t.Fatal(err)
		}
		got, err := db.Decisions.CastBallot(w.Member.Ctx, pid, p.ID, pk.BallotInput{LensScores: map[string]map[string]float64{
			"Campaign": {"urgency": 4, "impact": 2, own: 4}, "Training": {"urgency": 1, "impact": 5}}})
		if err != nil {
			t.Fatal(err)
		}
		wantField(t, second(db.Decisions.CastBallot(w.Member.Ctx, pid, p.ID, pk.BallotInput{LensScores: map[string]map[string]float64{
			"Campaign": {"resources": 4}}})), "lens_scores")
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, got.ID, pk.ChairInput{})
		if err != nil || closed.Tally == nil || len(closed.Tally.Ranking) != 2 {
			t.Fatalf("closed: %v %+v", err, closed)
		}
		r := closed.Tally.Ranking[0]
		if r.Option != "Campaign" || r.Total != 12 || r.Contributions["urgency"] != 8 || r.Contributions[own] != 2 {
			t.Fatalf("ranking %+v", closed.Tally.Ranking)
		}
	})
}

func TestChairDecidesAfterConsultation(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, g := w.DB, w.Partnership.ID, w.Governance()
		v := append(w.AddVoters(t, g.Committee.ID, 1, false), w.AddVoters(t, g.Group.ID, 1, false)...)
		if _, err := db.Bodies.AddSeat(w.Coordinator.Ctx, pid, g.Group.ID, pk.SeatInput{UserID: v[0].ID, Position: pk.PositionChair, From: "2026-01-01"}); err != nil {
			t.Fatal(err)
		}
		p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Statement on evictions", Text: "We publish it.",
			BodyID: g.Group.ID, Area: pk.AreaExternalStatements, ClosesAt: w.Clock.Now().Add(48 * time.Hour)})
		if err != nil || p.Method != pk.MethodChair {
			t.Fatalf("created: %v %+v", err, p)
		}
		if _, err := db.Decisions.RecordChairDecision(v[0].Ctx, pid, p.ID, pk.ChairInput{Decision: "passed"}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("decided while consulting: %v", err)
		}
		if _, err := db.Decisions.CastBallot(v[1].Ctx, pid, p.ID, pk.BallotInput{Choice: "yes"}); err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(49 * time.Hour)
		got, err := db.Decisions.Proposal(v[1].Ctx, pid, p.ID)
		if err != nil || !got.AwaitingChair || got.MayDecideAsChair || got.Status != pk.ProposalOpen || got.Voting {
			t.Fatalf("awaiting, as a voter: %v %+v", err, got)
		}
		got, err = db.Decisions.Proposal(v[0].Ctx, pid, p.ID)
		if err != nil || !got.MayDecideAsChair {
			t.Fatalf("awaiting, as the chair: %v %+v", err, got)
		}
		if _, err := db.Decisions.RecordChairDecision(v[1].Ctx, pid, p.ID, pk.ChairInput{Decision: "passed"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("a voter decided as chair: %v", err)
		}
		wantField(t, second(db.Decisions.RecordChairDecision(v[0].Ctx, pid, p.ID, pk.ChairInput{Decision: "maybe"})), "chair_decision")
		got, err = db.Decisions.RecordChairDecision(v[0].Ctx, pid, p.ID, pk.ChairInput{Decision: "rejected"})
		if err != nil || got.Status != pk.ProposalClosed || got.OutcomeCode() != "rejected" || got.AwaitingChair {
			t.Fatalf("decided: %v %+v", err, got)
		}
		if _, err := db.Decisions.RecordChairDecision(v[0].Ctx, pid, p.ID, pk.ChairInput{Decision: "passed"}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("decided twice: %v", err)
		}
		// Not a chair's proposal.
		wantField(t, second(db.Decisions.RecordChairDecision(v[0].Ctx, pid, w.Decisions().Open.ID, pk.ChairInput{Decision: "passed"})), "chair_decision")
	})
}

func TestReopensOnItsDayWithoutAnyoneActing(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Decisions()
		amendCharter(t, w, func(c *pk.CharterText) { c.ReopenShare, c.ReopenAfterMonths = 0.5, 1 })
		for _, who := range []*sqldbtest.Person{w.Member, w.Coordinator} {
			if _, err := db.Decisions.SupportReopening(who.Ctx, pid, f.Decision.ID); err != nil {
				t.Fatal(err)
			}
		}
		d, err := db.Decisions.Decision(w.Member.Ctx, pid, f.Decision.ID)
		if err != nil || d.ReopenedBy != "" {
			t.Fatalf("re-opened too early: %v %+v", err, d)
		}
		run := func() int {
			return db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{sqldb.DecisionReopenJob: db.Decisions.ReopenDue,
				sqldb.ProposalReminderJob: db.Decisions.RemindNonVoters, "mail": func(context.Context, []byte) error { return nil }}, nil)
		}
		run()
		if d, _ = db.Decisions.Decision(w.Member.Ctx, pid, f.Decision.ID); d.ReopenedBy != "" {
			t.Fatal("re-opened before its day")
		}
		w.Clock.Advance(32 * 24 * time.Hour)
		run()
		d, err = db.Decisions.Decision(w.Member.Ctx, pid, f.Decision.ID)
		if err != nil || d.ReopenedBy == "" {
			t.Fatalf("not re-opened on its day: %v %+v", err, d)
		}
		// A second instance running the same job finds nothing to do.
		payload, _ := json.Marshal(sqldb.DecisionReopen{PartnershipID: pid, DecisionID: f.Decision.ID})
		if err := db.Decisions.ReopenDue(context.Background(), payload); err != nil {
			t.Fatal(err)
		}
		list, err := db.Decisions.Proposals(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range list.Items {
			if p.ReopensDecisionID == f.Decision.ID {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d proposals re-open the decision", n)
		}
	})
}
