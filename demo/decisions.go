package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(60, "decisions", loadDecisions) }

// loadDecisions brings four proposals: three decided by different methods
// (consent in the executive committee, a two-thirds vote of the member
// organisations in the strategic committee, a majority in the action
// group) and one open to the action group by Gradients of Agreement.
func loadDecisions(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	bodies, _, err := db.Bodies.Bodies(w.People["Amina"].Ctx, pid)
	if err != nil {
		return err
	}
	body := map[string]string{}
	for _, b := range bodies {
		body[b.Kind] = b.ID
	}
	now := db.Now()
	type ballot struct{ who, choice, reason string }
	decided := []struct {
		by      string
		in      pk.ProposalInput
		ballots []ballot
	}{
		{"Yusuf", pk.ProposalInput{Title: "Budget for the first half of 2026", BodyID: body[pk.BodyExecutiveCommittee], Area: pk.AreaBudget,
			Text:       "We spend €18,400 from January to June: €9,000 for the youth hearings, €6,400 for interpreting and childcare, €3,000 for the shared coordinator's hours.",
			Background: "The Open Doors Foundation's grant covers two thirds; the rest comes from the members' contributions agreed in the partnership agreement.",
			Links:      []string{"https://bridges.example.org/budget-2026-h1.pdf"}},
			[]ballot{{"Amina", "consent", ""}, {"Yusuf", "consent", ""}, {"Leila", "stand_aside", "I was not at the meeting where the figures were discussed."}}},
		{"Amina", pk.ProposalInput{Title: "Admit the Tenants' Union of Leipzig-East as a member", BodyID: body[pk.BodyStrategicCommittee],
			Area: pk.AreaAdmission, Text: "The Tenants' Union joins the partnership as a member organisation from March.",
			Background: "They have worked with us on the housing hearing since autumn and meet the admission criteria of the charter."},
			[]ballot{{"Amina", "yes", ""}, {"Yusuf", "yes", ""}, {"Chloe", "yes", ""}, {"Jonas", "no", ""}}},
		{"Leila", pk.ProposalInput{Title: "Hold the spring youth hearing in the town hall", BodyID: body[pk.BodyActionGroup],
			Method: pk.MethodMajority, Text: "The spring hearing takes place in the town hall's council chamber, so that councillors come.",
			Background: "The alternative was the Welcome Centre, which is easier to reach but where fewer councillors came last time."},
			[]ballot{{"Leila", "yes", ""}, {"Jonas", "yes", ""}, {"Chloe", "no", ""}}},
	}
	for _, d := range decided {
		d.in.ClosesAt = now.Add(7 * 24 * time.Hour)
		d.in.TimeZone = "Europe/Berlin"
		p, err := db.Decisions.CreateProposal(w.People[d.by].Ctx, pid, d.in)
		if err != nil {
			return fmt.Errorf("proposal %q: %w", d.in.Title, err)
		}
		for _, b := range d.ballots {
			if _, err := db.Decisions.CastBallot(w.People[b.who].Ctx, pid, p.ID, pk.BallotInput{Choice: b.choice, Reason: b.reason}); err != nil {
				return fmt.Errorf("ballot of %s on %q: %w", b.who, d.in.Title, err)
			}
		}
		if _, err := db.Decisions.CloseProposal(w.People["Amina"].Ctx, pid, p.ID, pk.ChairInput{}); err != nil {
			return err
		}
	}
	_, err = db.Decisions.CreateProposal(w.People["Leila"].Ctx, pid, pk.ProposalInput{Title: "Our five demands for the spring youth hearing",
		BodyID: body[pk.BodyActionGroup], Area: "hearing_demands", TimeZone: "Europe/Berlin", ClosesAt: now.Add(10 * 24 * time.Hour),
		Text: "1. Free public transport for under-21s. 2. A youth worker in every district. 3. Interpreters at every council consultation. " +
			"4. Study places open until 22:00. 5. A say in how the youth budget is spent.",
		Background: "Collected at the three district workshops in February; 140 young people took part."})
	if err != nil {
		return err
	}
	return loadLensPrioritisation(ctx, db, w, body[pk.BodyActionGroup])
}

// loadLensPrioritisation gives the partnership lenses of its own (impact
// renamed, visibility added at half weight, resources dropped) and an open
// prioritisation of next autumn's work through them, scored by two.
func loadLensPrioritisation(_ context.Context, db *sqldb.DB, w *World, group string) error {
	pid := w.Partnership.ID
	set, err := db.Decisions.SetLenses(w.People["Amina"].Ctx, pid, pk.LensSetInput{Lenses: []pk.LensInput{
		{Key: "urgency", Weight: 1}, {Key: "building_block", Weight: 1}, {Key: "relationships", Weight: 1},
		{Key: "feasibility", Weight: 1}, {Key: "impact", Name: "Change for young newcomers", Weight: 2},
		{Name: "Our visibility in the city", Weight: 0.5}}})
	if err != nil {
		return fmt.Errorf("lenses: %w", err)
	}
	own := set.Lenses[len(set.Lenses)-1].Key
	options := []string{"Homework clubs in two districts", "A campaign for free transport", "Training for youth spokespeople"}
	p, err := db.Decisions.CreateProposal(w.People["Leila"].Ctx, pid, pk.ProposalInput{Title: "What we take on first in the autumn",
		BodyID: group, Method: "lenses", Options: options, TimeZone: "Europe/Berlin", ClosesAt: db.Now().Add(12 * 24 * time.Hour),
		Text: "Score each idea through each lens; the order guides the action group's autumn plan."})
	if err != nil {
		return fmt.Errorf("lenses proposal: %w", err)
	}
	scores := map[string][][]float64{ // per option: urgency, building block, relationships, feasibility, impact, visibility
		"Leila": {{4, 3, 3, 4, 5, 2}, {5, 2, 4, 2, 4, 5}, {2, 5, 3, 4, 3, 3}},
		"Jonas": {{3, 3, 4, 5, 4, 2}, {4, 2, 3, 2, 5, 4}, {3, 4, 4, 3, 3, 2}},
	}
	keys := []string{"urgency", "building_block", "relationships", "feasibility", "impact", own}
	for _, who := range []string{"Leila", "Jonas"} {
		in := pk.BallotInput{LensScores: map[string]map[string]float64{}}
		for i, o := range options {
			in.LensScores[o] = map[string]float64{}
			for j, k := range keys {
				in.LensScores[o][k] = scores[who][i][j]
			}
		}
		if _, err := db.Decisions.CastBallot(w.People[who].Ctx, pid, p.ID, in); err != nil {
			return fmt.Errorf("lens ballot of %s: %w", who, err)
		}
	}
	return nil
}
