package demo

import (
	"context"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/playbook"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(40, "playbook", loadPlaybook) }

// loadPlaybook puts the coalition on the partnership action plan with the
// Connect stage done and Begin under way, guiding questions answered by
// several people, and eight prospective partners across the whole pipeline
// (one next step overdue, one agreed and invited, one declined with a note),
// linked to the stakeholder register where the actor is in it.
func loadPlaybook(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	as := func(name string) context.Context { return w.People[name].Ctx }
	if _, err := db.Playbooks.SetPlaybook(as("Amina"), pid, playbook.Default); err != nil {
		return err
	}
	p, _ := playbook.Get(playbook.Default)
	// Connect: every step done, by whoever did the work. The coordinators
	// moved on to Begin while the last one (challenges) was still open: until
	// a stage is chosen, the current stage is the first open one, so moving
	// on is recorded only while Connect is current.
	doers := []string{"Amina", "Yusuf", "Chloe", "Jonas", "Leila"}
	connect := p.Stages[0].Steps
	tick := func(i int) error {
		if _, err := db.Playbooks.SetStepDone(as(doers[i%len(doers)]), pid, connect[i].ID, true); err != nil {
			return fmt.Errorf("step %s: %w", connect[i].ID, err)
		}
		return nil
	}
	for i := range connect[:len(connect)-1] {
		if err := tick(i); err != nil {
			return err
		}
	}
	answers := []struct{ who, question, text string }{
		{"Amina", "connect.needs.q1", "Yes. We have each tried alone to get young newcomers heard by the city; together we can keep it up for years."},
		{"Yusuf", "connect.needs.q1", "Yes, as long as the coalition does not take over what each community does on its own."},
		{"Chloe", "connect.needs.q1", "Yes. The welcome centre needs partners who can reach young people we never see."},
		{"Leila", "connect.needs.q2", "By choice. Nobody asked us to do this; the young people at Bridges did."},
		{"Jonas", "connect.capacity.q1", "The youth council can give two evenings a month, more before the spring hearings."},
		{"Chloe", "connect.capacity.q1", "Six hours a month, and the language café room on Thursdays."},
		{"Jonas", "connect.supporters.q1", "Councillor Petra Lang has said in public that she wants young newcomers on the youth council."},
		{"Leila", "connect.supporters.q2", "Samira volunteers at the welcome centre and is a member of Bridges: she knows both from the inside."},
		{"Yusuf", "begin.vision.q1", "A city where young people who came as refugees help decide youth and integration policy, not only receive it."},
		{"Chloe", "begin.vision.q1", "In five years, young newcomers chair at least one of the city's youth policy working groups."},
		{"Amina", "begin.planning_team.q1", "One person from each member organisation; Leila and Jonas prepare the meetings."},
	}
	for _, a := range answers {
		if _, err := db.Playbooks.AnswerQuestion(as(a.who), pid, a.question, pk.PlaybookAnswerInput{Text: a.text}); err != nil {
			return fmt.Errorf("answer %s: %w", a.question, err)
		}
	}
	if _, err := db.Playbooks.AdvanceStage(as("Amina"), pid, p.Stages[0].ID); err != nil {
		return err
	}
	if err := tick(len(connect) - 1); err != nil {
		return err
	}
	for _, st := range []struct{ who, id string }{{"Amina", "begin.planning_team"}, {"Yusuf", "begin.vision"}} {
		if _, err := db.Playbooks.SetStepDone(as(st.who), pid, st.id, true); err != nil {
			return fmt.Errorf("step %s: %w", st.id, err)
		}
	}
	return loadProspects(ctx, db, w)
}

// move is one status change of a demonstration prospect.
type move struct{ to, who, note string }

func loadProspects(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	as := func(name string) context.Context { return w.People[name].Ctx }
	choices, err := db.Prospects.ProspectChoices(as("Amina"), pid)
	if err != nil {
		return err
	}
	actors := map[string]string{}
	for _, c := range choices.Actors {
		actors[c.Name] = c.ID
	}
	day := func(days int) string { return db.Now().UTC().AddDate(0, 0, days).Format(time.DateOnly) }
	prospects := []struct {
		in    pk.ProspectInput
		owner string
		moves []move
	}{
		{pk.ProspectInput{Name: "Leipzig Refugee Council", Kind: "organisation", ContactName: "Martina Roth", ContactRole: "Coordinator of the youth project",
			ContactEmail: "m.roth@refugee-council-leipzig.example.org", Record: "Legal advice and advocacy since 1996; ran the campaign for the municipal reception standards.",
			Statements: "Called for young refugees to be heard in the youth welfare committee (press release, last autumn).",
			WorkedWith: "Bridges took part in their advocacy training; Yusuf knows their board.",
			Message:    "The young people they advise get a place where their proposals reach the city council; the council gets a youth voice for its campaigns.",
			NextStep:   "Second meeting: agree what they would bring to the spring hearing", NextStepDue: day(9)}, "Amina",
			[]move{{"researching", "Amina", "Read their annual report."}, {"approached", "Amina", "Phone call with Martina."}, {"in_dialogue", "Amina", "First meeting went well; they want to see our draft agreement."}}},
		{pk.ProspectInput{Name: "Al-Rahman Mosque Association", Kind: "organisation", ContactName: "Imam Khaled Nasser", ContactRole: "Imam and chair",
			Record:     "Homework club and a Saturday youth group with about forty young people.",
			WorkedWith: "Yusuf's community evenings used their hall twice.",
			Message:    "Their young people can take part in the hearings with our training; the mosque gets a partner when it deals with the city.",
			NextStep:   "Call back after Friday prayers to set a meeting date", NextStepDue: day(-6)}, "Yusuf",
			[]move{{"researching", "Yusuf", ""}, {"approached", "Yusuf", "Met the imam after a community evening; he asked us to call back."}}},
		{pk.ProspectInput{Name: "St. Nicholas Parish", Kind: "organisation", ContactName: "Pastor Anne Braun", ContactRole: "Pastor for youth work",
			ContactEmail: "a.braun@nikolai-leipzig.example.org",
			Record:       "Church asylum cases and a weekly youth café in the city centre.",
			Message:      "Their youth café joins a network that can act on what young newcomers tell them; we offer our languages and their young people a say.",
			NextStep:     "Welcome them at the next coalition meeting", NextStepDue: day(14)}, "Chloe",
			[]move{{"researching", "Chloe", ""}, {"approached", "Chloe", "Letter and visit."}, {"in_dialogue", "Chloe", ""}, {"agreed", "Chloe", "The parish council agreed to join as a member organisation."}}},
		{pk.ProspectInput{Name: "Eastside Sports Club", Kind: "organisation", ContactName: "Dirk Hoffmann", ContactRole: "Youth coach",
			Record:   "Free football training for young newcomers since 2016.",
			NextStep: "Ask around who in the club leads the newcomers' team", NextStepDue: day(5)}, "Jonas",
			[]move{{"researching", "Jonas", "Two youth council members train there."}}},
		{pk.ProspectInput{Name: "Parents' Circle of Newcomer Families", Kind: "organisation",
			NextStep: "Find out who organises their meetings", NextStepDue: day(20)}, "Leila", nil},
		{pk.ProspectInput{Name: "Chamber of Crafts", Kind: "organisation", ContactName: "Dr. Ulrich Weiss", ContactRole: "Head of vocational training",
			Record:  "Apprenticeship programme for refugees with a mentoring scheme.",
			Message: "Direct contact with young people looking for apprenticeships, and their view on what makes training work for them."}, "Chloe",
			[]move{{"researching", "Chloe", ""}, {"approached", "Chloe", "Email and a call."}, {"declined", "Chloe", "They like the idea but cannot join a political coalition; they will send us their training dates."}}},
		{pk.ProspectInput{Name: "Radio Blau", Kind: "organisation", ContactName: "Tarek Aziz", ContactRole: "Editor of the multilingual show",
			Message: "Stories and voices for their multilingual show, and a partner for a regular youth programme."}, "Leila",
			[]move{{"approached", "Leila", ""}, {"paused", "Leila", "Their editorial team changes in spring; we pick it up again then."}}},
		{pk.ProspectInput{Name: "Neighbourhood Council Leipzig-East", Kind: "organisation", ContactName: "Grit Schubert", ContactRole: "Chair",
			Message: "A way to bring the young people of the east side into the neighbourhood's decisions, with our support."}, "Jonas",
			[]move{{"approached", "Jonas", ""}, {"in_dialogue", "Jonas", ""}, {"agreed", "Jonas", ""}, {"joined", "Amina", "They sent a delegate to the last meeting."}}},
	}
	for _, x := range prospects {
		in := x.in
		in.UserID = w.People[x.owner].User.ID
		in.ActorID = actors[in.Name]
		pr, err := db.Prospects.CreateProspect(as(x.owner), pid, in)
		if err != nil {
			return fmt.Errorf("prospect %s: %w", in.Name, err)
		}
		for _, m := range x.moves {
			if pr, err = db.Prospects.SetProspectStatus(as(m.who), pid, pr.ID, pk.ProspectStatusInput{Status: m.to, Note: m.note, Version: pr.Version}); err != nil {
				return fmt.Errorf("prospect %s to %s: %w", in.Name, m.to, err)
			}
		}
		if pr.Status == pk.ProspectAgreed && pr.ContactEmail != "" {
			if _, err := db.Prospects.InviteProspect(as("Amina"), pid, pr.ID, pk.ProspectInviteInput{Role: string(pk.RoleMember),
				Message: "Welcome! We are glad St. Nicholas joins the coalition."}); err != nil {
				return fmt.Errorf("invite %s: %w", in.Name, err)
			}
		}
	}
	return nil
}
