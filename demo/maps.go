package demo

import (
	"context"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Maps: two campaigns of the Welcome City Coalition, each judged several
// times over half a year, so that the history, the moves and the chart have
// something to show. It runs after the stakeholder register (order 10) and
// finds its actors there by name; an actor the register does not hold is
// left out rather than failing the demo.
func init() { register(20, "maps", loadMaps) }

// step is one assessment: who judged which actor how, months after the
// campaign started.
type step struct {
	month     int
	who       string
	actor     string
	support   int
	influence int
	interest  int
	note      string
}

type demoMap struct {
	title, objective string
	shared           bool
	start            int // months after the first map
	steps            []step
	tactics          []demoTactic
}

type demoTactic struct {
	who, actor, title, description, status, owner string
	dueMonths                                     int // after the campaign start; 0 for none
}

var demoMaps = []demoMap{
	{
		title:     "Youth seats on the city's integration council",
		objective: "By next spring, two of the integration council's seats are held by young people who came to Leipzig as refugees, chosen by young newcomers themselves.",
		shared:    true,
		steps: []step{
			{0, "Amina", "City Integration Office", 0, 5, 3, "Runs the council's secretariat; has not taken a position on youth seats."},
			{0, "Amina", "Mayor's Office", -1, 5, 2, "Worried that a change in the statutes delays other business."},
			{0, "Jonas", "Youth Welfare Office", 1, 3, 4, "Likes the idea but waits for the integration office."},
			{0, "Jonas", "Councillor Petra Lang", 2, 4, 5, "Tabled a similar motion in 2023; ready to do it again."},
			{0, "Chloe", "Leipziger Volkszeitung", 0, 4, 2, "Reports on the council only when there is conflict."},
			{0, "Leila", "Radio Blau", 2, 2, 5, "Already runs a monthly show with young newcomers."},
			{0, "Leila", "Journalist Karim Said", 1, 3, 4, "Wrote about youth participation last year."},
			{0, "Yusuf", "St. Nicholas Parish", 1, 2, 3, "Offers rooms for meetings; not yet outspoken."},
			{0, "Yusuf", "Al-Rahman Mosque Association", 0, 2, 3, "Unsure what the council does."},
			{0, "Jonas", "Eastside Sports Club", 0, 1, 2, "Many young newcomers train there; the board has not heard of the campaign."},
			{0, "Amina", "Leipzig Refugee Council", 2, 3, 5, "Co-organises the campaign with us."},
			{0, "Amina", "Heimatschutz Leipzig", -2, 3, 5, "Campaigns against any seats reserved for newcomers."},
			{0, "Jonas", "Neighbourhood Council Leipzig-East", -1, 2, 2, "Fears that the council grows too large."},
			{0, "Leila", "Parents' Circle of Newcomer Families", 1, 1, 4, "Supportive; few parents speak at public meetings yet."},
			{0, "Amina", "Youth activist without papers", 2, 1, 5, "Would speak at the hearing if it is safe for them."},
			// Month 2: the hearing and the first meetings.
			{2, "Amina", "City Integration Office", 1, 5, 4, "After the hearing the head of office asked for our proposal in writing."},
			{2, "Chloe", "Leipziger Volkszeitung", 1, 4, 3, "Published our open letter and an interview."},
			{2, "Yusuf", "Al-Rahman Mosque Association", 1, 2, 4, "Invited us to speak after Friday prayers."},
			{2, "Jonas", "Eastside Sports Club", 1, 1, 3, "The board put the campaign on its agenda."},
			// Month 4: the motion is drafted.
			{4, "Jonas", "Youth Welfare Office", 2, 3, 5, "Co-signs the draft statute change."},
			{4, "Leila", "Journalist Karim Said", 2, 3, 5, "Now moderates our public debates."},
			{4, "Jonas", "Neighbourhood Council Leipzig-East", 0, 2, 3, "Dropped its objection once the council size stays the same."},
			{4, "Amina", "Mayor's Office", 0, 5, 3, "Agrees to put the statute change on the agenda; no commitment yet."},
			// Month 5: the integration office speaks up.
			{5, "Amina", "City Integration Office", 2, 5, 5, "Presented the proposal to the council's committee together with us."},
			{5, "Yusuf", "St. Nicholas Parish", 2, 2, 4, "Hosts the election of the youth candidates."},
		},
		tactics: []demoTactic{
			{"Amina", "Mayor's Office", "Meeting with the mayor's chief of staff", "Bring two young candidates and the council's committee chair; ask for a date for the vote.", "in_progress", "Amina", 6},
			{"Jonas", "Neighbourhood Council Leipzig-East", "Present the proposal at the neighbourhood council", "Show that the council does not grow; answer questions in German and Arabic.", "done", "Jonas", 4},
			{"Chloe", "Leipziger Volkszeitung", "Op-ed by two young newcomers", "Written with the youth group; offered to the weekend edition.", "planned", "Chloe", 7},
			{"Yusuf", "Al-Rahman Mosque Association", "Information evening on the integration council", "What the council decides, who sits on it and how the youth seats would be chosen.", "done", "Yusuf", 3},
			{"Jonas", "Eastside Sports Club", "Candidates' football afternoon", "", "planned", "Leila", 7},
			{"Amina", "Heimatschutz Leipzig", "Fact sheet answering their leaflet", "Not to win them over: to keep passive allies from being put off.", "dropped", "", 0},
		},
	},
	{
		title:     "Safe access to the job centre for young newcomers",
		objective: "Young newcomers can go to the job centre with an interpreter or a companion of their choice, and complaints are answered within two weeks.",
		start:     1,
		steps: []step{
			{0, "Chloe", "Job Centre Leipzig", -1, 5, 3, "Management says companions disturb the appointments."},
			{0, "Chloe", "Chamber of Crafts", 0, 4, 3, "Wants apprentices, has not linked that to the job centre."},
			{0, "Chloe", "Bäckerei Vogel", 1, 1, 4, "Trains two young Syrians; tells us what goes wrong at the job centre."},
			{0, "Chloe", "Leipzig University, Institute of Sociology", 1, 2, 3, "Studies access to public services; could publish our figures."},
			{0, "Amina", "Saxony Future Fund", 1, 3, 2, "Funds counselling projects; might fund companions."},
			{0, "Amina", "Federal Programme Live Democracy", 0, 3, 1, "Not its core topic."},
			{0, "Amina", "Leipzig Refugee Council", 2, 3, 5, "Documents complaints with us."},
			{0, "Amina", "Social worker at the reception centre", 2, 1, 5, "Tells us which young people were turned away; must stay anonymous."},
			{0, "Leila", "Parents' Circle of Newcomer Families", 1, 1, 5, "Parents go along to appointments when they can."},
			// Month 2 and 4: the first results.
			{2, "Chloe", "Chamber of Crafts", 1, 4, 4, "Wrote to the job centre asking for smoother appointments for apprentices."},
			{2, "Amina", "Saxony Future Fund", 2, 3, 4, "Funds a pool of volunteer companions for a year."},
			{4, "Chloe", "Job Centre Leipzig", 0, 5, 4, "Agreed to a pilot: companions welcome on Tuesdays."},
		},
		tactics: []demoTactic{
			{"Chloe", "Job Centre Leipzig", "Evaluate the Tuesday pilot with the job centre", "Count the appointments with companions and the complaints answered in time.", "in_progress", "Chloe", 5},
			{"Chloe", "Chamber of Crafts", "Joint letter with apprentices' employers", "", "done", "Chloe", 3},
			{"Amina", "Federal Programme Live Democracy", "Show how access to services is part of democracy", "A two-page note with the complaints we documented.", "planned", "Amina", 6},
		},
	},
}

func loadMaps(ctx context.Context, db *sqldb.DB, w *World) error {
	amina := w.People["Amina"].Ctx
	pid := w.Partnership.ID
	actors, err := db.Maps.MapActors(amina, pid)
	if err != nil {
		return err
	}
	byName := map[string]string{}
	for _, a := range actors {
		byName[a.Name] = a.ID
	}
	// The history needs dates in the past: the service takes its clock
	// from db.Now, so the loader moves that clock back while it writes and
	// restores it afterwards (the demo loads before the server serves).
	realNow := db.Now
	defer func() { db.Now = realNow }()
	origin := realNow().UTC().AddDate(0, -6, 0)
	at := func(months, day int) {
		t := origin.AddDate(0, months, day)
		db.Now = func() time.Time { return t }
	}
	for _, dm := range demoMaps {
		at(dm.start, 0)
		m, err := db.Maps.CreateMap(amina, pid, pk.MapInput{Title: dm.title, Objective: dm.objective, Shared: dm.shared})
		if err != nil {
			return err
		}
		for i, s := range dm.steps {
			id, ok := byName[s.actor]
			if !ok {
				continue
			}
			at(dm.start+s.month, 1+i%20)
			if _, err := db.Maps.AddAssessment(w.People[s.who].Ctx, pid, m.ID, pk.AssessmentInput{ActorID: id, Support: s.support,
				Influence: s.influence, Interest: s.interest, Note: s.note}); err != nil {
				return err
			}
		}
		at(dm.start+1, 25)
		for _, x := range dm.tactics {
			id, ok := byName[x.actor]
			if !ok {
				continue
			}
			in := pk.TacticInput{ActorID: id, Title: x.title, Description: x.description, Status: "planned"}
			if x.owner != "" {
				in.OwnerID = w.People[x.owner].User.ID
			}
			if x.dueMonths > 0 {
				in.Due = origin.AddDate(0, dm.start+x.dueMonths, 10).Format("2006-01-02")
			}
			t, err := db.Maps.CreateTactic(w.People[x.who].Ctx, pid, m.ID, in)
			if err != nil {
				return err
			}
			if x.status != "planned" {
				at(dm.start+5, 3)
				in.Status, in.Version = x.status, t.Version
				if _, err := db.Maps.UpdateTactic(w.People[x.who].Ctx, pid, m.ID, t.ID, in); err != nil {
					return err
				}
				at(dm.start+1, 25)
			}
		}
	}
	return nil
}
