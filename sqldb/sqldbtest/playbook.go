package sqldbtest

import (
	"sync"
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

var (
	playbookFixturesMu sync.Mutex
	playbookFixtures   = map[*World]*PlaybookFixture{}
)

// Playbook returns the playbook and outreach fixtures of a world.
func (w *World) Playbook() *PlaybookFixture {
	playbookFixturesMu.Lock()
	defer playbookFixturesMu.Unlock()
	return playbookFixtures[w]
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		pid := w.Partnership.ID
		f := &PlaybookFixture{Step: PlaybookStep, Question: PlaybookQuestion}
		_, err := w.DB.SetStepDone(w.Member.Ctx, pid, PlaybookStep, true)
		must(err)
		_, err = w.DB.AnswerQuestion(w.Member.Ctx, pid, PlaybookQuestion, pk.PlaybookAnswerInput{Text: "Yes: none of us can change the youth policy alone."})
		must(err)
		f.Prospect, err = w.DB.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "Roma Youth Leipzig", Kind: "organisation",
			UserID: w.Member.ID, ContactName: "Dana Ion", ContactEmail: "dana@roma-youth.example.org", ContactRole: "Chair",
			Record: "Runs a homework club since 2019.", Message: "A seat in the coalition's youth panel and shared rooms.",
			NextStep: "Send the draft agreement", NextStepDue: "2026-03-10", Status: pk.ProspectAgreed})
		must(err)
		f.Early, err = w.DB.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "Mosque Community East", Kind: "organisation",
			UserID: w.Coordinator.ID, NextStep: "Ask the youth leader for a meeting", NextStepDue: "2026-02-20"})
		must(err)
		playbookFixturesMu.Lock()
		playbookFixtures[w] = f
		playbookFixturesMu.Unlock()
		w.Params["step"] = PlaybookStep
		w.Params["question"] = PlaybookQuestion
		w.Params["prid"] = f.Prospect.ID
	})
}
