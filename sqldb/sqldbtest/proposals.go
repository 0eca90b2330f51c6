package sqldbtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// DecisionFixture is what the decisions fixtures made in a world: an open
// proposal to the action group (consent, one voice per person) that the
// member has voted on (closing within a day, so that no reminder waits in
// the world's jobs), and a decided one in the decision log.
type DecisionFixture struct {
	Open     *pk.Proposal
	Decided  *pk.Proposal
	Decision *pk.Decision
}

// Decisions returns the decisions fixtures of a world.
func (w *World) Decisions() *DecisionFixture {
	f, _ := w.fixture("decisions").(*DecisionFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		g := w.Governance()
		f := &DecisionFixture{}
		var err error
		now := w.Clock.Now()
		f.Decided, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Meet in the library on Saturdays",
			Text: "The action group meets in the city library's youth room.", BodyID: g.Group.ID, ClosesAt: now.Add(72 * time.Hour)})
		must(t, err)
		_, err = db.Decisions.CastBallot(w.Member.Ctx, pid, f.Decided.ID, pk.BallotInput{Choice: "consent"})
		must(t, err)
		f.Decided, err = db.Decisions.CloseProposal(c, pid, f.Decided.ID, pk.ChairInput{})
		must(t, err)
		f.Decision, err = db.Decisions.Decision(c, pid, f.Decided.DecisionID)
		must(t, err)
		f.Open, err = db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Youth council statement on housing",
			Text: "We publish the statement drafted at the last meeting.", Background: "Drafted with the tenants' union.",
			Links: []string{"https://example.org/draft"}, BodyID: g.Group.ID, ClosesAt: now.Add(23 * time.Hour), TimeZone: "Europe/Berlin"})
		must(t, err)
		f.Open, err = db.Decisions.CastBallot(w.Member.Ctx, pid, f.Open.ID, pk.BallotInput{Choice: "consent"})
		must(t, err)
		w.setFixture("decisions", f)
		w.Params["propid"] = f.Open.ID // {prid} is a prospect already
		w.Params["decid"] = f.Decision.ID
	})
}

// AddVoters makes n more members of the world's partnership, each in it
// for an organisation of their own and seated in body (themselves, or
// their organisation when byOrganisation), so that tests can vote as
// several people.
func (w *World) AddVoters(t testing.TB, bodyID string, n int, byOrganisation bool) []*Person {
	t.Helper()
	ctx, db, pid := w.Coordinator.Ctx, w.DB, w.Partnership.ID
	var out []*Person
	for i := range n {
		email := fmt.Sprintf("voter%d-%s@example.org", i+1, bodyID[:6])
		u, err := db.Accounts.CreateUser(context.Background(), pk.SignUpInput{Email: email, Name: fmt.Sprintf("Voter %d", i+1), Password: Password}, false)
		must(t, err)
		p := &Person{User: u, Ctx: pk.NewContextWithUser(context.Background(), u)}
		org, err := db.Organisations.CreateOrganisation(p.Ctx, pk.OrganisationInput{Name: fmt.Sprintf("Voters' Association %d", i+1),
			Kind: "community_group", City: "Leipzig"})
		must(t, err)
		x, err := db.Members.Invite(ctx, pid, pk.InvitationInput{Email: email, Role: "member", OrganisationID: org.ID})
		must(t, err)
		_, err = db.Members.AcceptInvitation(p.Ctx, x.ID, "")
		must(t, err)
		seat := pk.SeatInput{UserID: u.ID, Position: pk.PositionMember, From: "2026-01-01"}
		if byOrganisation {
			seat = pk.SeatInput{OrganisationID: org.ID, Position: pk.PositionMember, From: "2026-01-01"}
		}
		_, err = db.Bodies.AddSeat(ctx, pid, bodyID, seat)
		must(t, err)
		out = append(out, p)
	}
	return out
}
