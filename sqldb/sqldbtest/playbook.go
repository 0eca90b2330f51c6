package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// PlaybookFixture is what the playbook and outreach fixtures made in a world.
type PlaybookFixture struct {
	// Step is ticked off by the member; Question answered by the member.
	Step, Question string
	// Prospect is agreed (message written, contact email known), with the
	// member as point of contact; Early is only identified.
	Prospect, Early *pk.Prospect
}

// Fixture IDs in the default playbook (action_plan).
const (
	PlaybookStep     = "connect.needs"
	PlaybookQuestion = "connect.needs.q1"
)

// Playbook returns the playbook and outreach fixtures of a world.
func (w *World) Playbook() *PlaybookFixture {
	f, _ := w.fixture("playbook").(*PlaybookFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		pid := w.Partnership.ID
		f := &PlaybookFixture{Step: PlaybookStep, Question: PlaybookQuestion}
		_, err := w.DB.Playbooks.SetStepDone(w.Member.Ctx, pid, PlaybookStep, true)
		must(t, err)
		_, err = w.DB.Playbooks.AnswerQuestion(w.Member.Ctx, pid, PlaybookQuestion, pk.PlaybookAnswerInput{Text: "Yes: none of us can change the youth policy alone."})
		must(t, err)
		f.Prospect, err = w.DB.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "Roma Youth Leipzig", Kind: "organisation",
			UserID: w.Member.ID, ContactName: "Dana Ion", ContactEmail: "dana@roma-youth.example.org", ContactRole: "Chair",
			Record: "Runs a homework club since 2019.", Message: "A seat in the coalition's youth panel and shared rooms.",
			NextStep: "Send the draft agreement", NextStepDue: "2026-03-10", Status: pk.ProspectAgreed})
		must(t, err)
		f.Early, err = w.DB.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "Mosque Community East", Kind: "organisation",
			UserID: w.Coordinator.ID, NextStep: "Ask the youth leader for a meeting", NextStepDue: "2026-02-20"})
		must(t, err)
		w.setFixture("playbook", f)
		w.Params["step"] = PlaybookStep
		w.Params["question"] = PlaybookQuestion
		w.Params["prid"] = f.Prospect.ID
	})
}
