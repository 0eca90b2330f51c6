package server_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// othersParams fills the outsider's partnership (the test world's Other)
// with one record of every kind a route names, and returns their IDs by
// path parameter, so that the fuzz test can ask for them through our own
// partnership, or through theirs, and expect "not found" every time. The
// secrets' IDs ({sid}, {tid}) are the outsider's own session and token.
func othersParams(t *testing.T, e *env) map[string]string {
	t.Helper()
	o := e.Outsider.Ctx
	pid := e.Other.ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := map[string]string{"pid": pid, "uid": e.Outsider.ID}
	a, err := e.DB.Actors.CreateActor(o, pid, pk.ActorInput{Name: "Their council", Kind: "institution"})
	must(err)
	b, err := e.DB.Actors.CreateActor(o, pid, pk.ActorInput{Name: "Their informant", Kind: "individual", Sensitive: true})
	must(err)
	p["aid"], p["maid"] = a.ID, b.ID
	r, err := e.DB.Actors.CreateRelationship(o, pid, pk.RelationshipInput{From: a.ID, To: b.ID, Type: "cooperates_with"})
	must(err)
	p["rid"] = r.ID
	m, err := e.DB.Maps.CreateMap(o, pid, pk.MapInput{Title: "Their map", Shared: true})
	must(err)
	p["mid"] = m.ID
	tac, err := e.DB.Maps.CreateTactic(o, pid, m.ID, pk.TacticInput{ActorID: a.ID, Title: "Their tactic", Status: "planned"})
	must(err)
	p["tacid"] = tac.ID
	sa, err := e.DB.Preparation.AddSelfAnalysis(o, pid, pk.SelfAnalysisInput{Section: "strengths", Text: "Their strength."})
	must(err)
	p["said"] = sa.ID
	st, err := e.DB.Preparation.CreateChangeStatement(o, pid, pk.ChangeStatementInput{Level: "vision", Then: "Their vision."})
	must(err)
	p["stid"] = st.ID
	pr, err := e.DB.Prospects.CreateProspect(o, pid, pk.ProspectInput{Name: "Their prospect", Kind: "organisation", UserID: e.Outsider.ID})
	must(err)
	p["prid"] = pr.ID
	inv, err := e.DB.Members.Invite(o, pid, pk.InvitationInput{Email: "their-newcomer@example.org", Role: "member"})
	must(err)
	p["iid"] = inv.ID
	org, err := e.DB.Organisations.CreateOrganisation(o, pk.OrganisationInput{Name: "Their organisation", Kind: "diaspora"})
	must(err)
	p["oid"] = org.ID
	gone, err := e.DB.Actors.CreateActor(o, pid, pk.ActorInput{Name: "Their deleted actor", Kind: "group"})
	must(err)
	must(e.DB.Actors.DeleteActor(o, pid, gone.ID, gone.Version))
	bin, _, err := e.DB.Bin.BinItems(o, pid, pk.PageRequest{Limit: 1})
	must(err)
	if len(bin) == 0 {
		t.Fatal("the outsider's deleted actor is not in their bin")
	}
	p["bid"] = bin[0].ID
	tok, err := e.DB.Accounts.CreateToken(o, "theirs")
	must(err)
	p["tid"] = tok.ID
	sessions, err := e.DB.Accounts.Sessions(o)
	must(err)
	if len(sessions) == 0 {
		t.Fatal("the outsider has no session")
	}
	p["sid"] = sessions[0].ID
	return p
}
