package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// The stakeholder register of the Welcome City Coalition: who in Leipzig
// has a stake in young newcomers having a say, and how they are tied to
// each other. The maps demonstration assesses these actors by name, so the
// names below are stable.

func init() { register(10, "actors", loadActors) }

type demoActor struct {
	by string // first name of the demo person who enters it
	in pk.ActorInput
}

var demoActors = []demoActor{
	{"Amina", pk.ActorInput{Name: "City Integration Office", Kind: "institution", Sector: "public", Tags: []string{"city", "decision maker"},
		Motivation:   "Wants the new integration strategy to show results before the council reviews it.",
		Contribution: "Rooms in the town hall, a seat on the migration advisory board, small project grants."}},
	{"Amina", pk.ActorInput{Name: "Mayor's Office", Kind: "institution", Sector: "public", Tags: []string{"city", "decision maker"},
		Motivation:   "Keen on a peaceful, welcoming image of the city before the elections.",
		Contribution: "Public backing; can put youth participation on the council's agenda."}},
	{"Jonas", pk.ActorInput{Name: "Youth Welfare Office", Kind: "institution", Sector: "public", Tags: []string{"city", "youth"},
		Motivation:   "Has to reach young people it currently does not reach, and report on it.",
		Contribution: "Youth workers, the youth centres' network, funding for holiday programmes."}},
	{"Jonas", pk.ActorInput{Name: "Councillor Petra Lang", Kind: "individual", Sector: "public", Tags: []string{"city council", "decision maker"},
		Motivation:   "Chairs the youth committee; looking for a project to champion.",
		Contribution: "Can table a motion for youth seats on the integration council."}},
	{"Chloe", pk.ActorInput{Name: "Job Centre Leipzig", Kind: "institution", Sector: "public", Tags: []string{"work"},
		Motivation:   "Measured on placements; young refugees drop out of its programmes.",
		Contribution: "Apprenticeship contacts, language course places."}},
	{"Chloe", pk.ActorInput{Name: "Leipzig University, Institute of Sociology", Kind: "institution", Sector: "academic", Tags: []string{"research"},
		Motivation:   "Wants field access for a study on youth participation.",
		Contribution: "Students for surveys, an evaluation of the coalition's work."}},
	{"Chloe", pk.ActorInput{Name: "Leipziger Volkszeitung", Kind: "organisation", Sector: "media", Tags: []string{"press"},
		Motivation:   "Local stories with faces; fair but looks for conflict.",
		Contribution: "Coverage that the council reads."}},
	{"Leila", pk.ActorInput{Name: "Radio Blau", Kind: "organisation", Sector: "media", Tags: []string{"press", "community"},
		Motivation:   "Community radio that wants more voices in more languages.",
		Contribution: "A weekly slot that young people can run themselves."}},
	{"Leila", pk.ActorInput{Name: "Journalist Karim Said", Kind: "individual", Sector: "media", Tags: []string{"press"},
		Motivation:   "Freelancer writing about migration; trusted in the Arabic-speaking community.",
		Contribution: "Can place stories in national media."}},
	{"Amina", pk.ActorInput{Name: "Saxony Future Fund", Kind: "organisation", Sector: "funder", Tags: []string{"money"},
		Motivation:   "Funds youth participation projects with a regional reach.",
		Contribution: "Grants up to 30,000 euros a year; asks for a partnership agreement."}},
	{"Amina", pk.ActorInput{Name: "Federal Programme Live Democracy", Kind: "institution", Sector: "funder", Tags: []string{"money"},
		Motivation:   "Wants local partnerships against hostility towards groups of people.",
		Contribution: "Multi-year funding through the city's local partnership for democracy."}},
	{"Yusuf", pk.ActorInput{Name: "St. Nicholas Parish", Kind: "group", Sector: "faith_based", Tags: []string{"faith", "rooms"},
		Motivation:   "Long tradition of church asylum and welcome cafés.",
		Contribution: "Rooms, volunteers, credibility with older residents."}},
	{"Yusuf", pk.ActorInput{Name: "Al-Rahman Mosque Association", Kind: "group", Sector: "faith_based", Tags: []string{"faith", "community"},
		Motivation:   "Wants its young members to find work and be seen as part of the city.",
		Contribution: "Reaches families the coalition does not; homework help on Fridays."}},
	{"Jonas", pk.ActorInput{Name: "Eastside Sports Club", Kind: "group", Sector: "civil_society", Tags: []string{"youth", "sport"},
		Motivation:   "Needs young players and coaches.",
		Contribution: "Training grounds, a place where newcomers and locals meet every week."}},
	{"Chloe", pk.ActorInput{Name: "Chamber of Crafts", Kind: "institution", Sector: "private", Tags: []string{"work"},
		Motivation:   "Crafts businesses cannot fill apprenticeships.",
		Contribution: "Apprenticeship fairs, mentors from businesses."}},
	{"Chloe", pk.ActorInput{Name: "Bäckerei Vogel", Kind: "organisation", Sector: "private", Tags: []string{"work"},
		Motivation:   "Trains two refugee apprentices and talks about it.",
		Contribution: "A good example for other businesses."}},
	{"Amina", pk.ActorInput{Name: "Leipzig Refugee Council", Kind: "organisation", Sector: "civil_society", Tags: []string{"advocacy", "legal advice"},
		Motivation:   "Defends the rights of refugees; sceptical of city programmes.",
		Contribution: "Legal advice, political experience."}},
	{"Amina", pk.ActorInput{Name: "Heimatschutz Leipzig", Kind: "group", Sector: "civil_society", Tags: []string{"far right", "opposition"},
		Motivation:   "Far-right group campaigning against the new youth centre and against \"foreign\" youth.",
		Contribution: "None; monitor their rallies and online campaigns.",
		Notes:        "Active opposition. Never share names of young people in public posts."}},
	{"Jonas", pk.ActorInput{Name: "Neighbourhood Council Leipzig-East", Kind: "group", Sector: "civil_society", Tags: []string{"neighbourhood"},
		Motivation:   "Divided: some want the youth centre, some fear noise and conflict.",
		Contribution: "Local legitimacy; meets monthly in public."}},
	{"Leila", pk.ActorInput{Name: "Parents' Circle of Newcomer Families", Kind: "group", Sector: "individual", Tags: []string{"families"},
		Motivation:   "Want their children to finish school and be safe.",
		Contribution: "Trust of the families; interpreters."}},
	// Sensitive: people who could be harmed if others learnt of them.
	{"Amina", pk.ActorInput{Name: "Youth activist without papers", Kind: "individual", Sector: "individual", Tags: []string{"youth"}, Sensitive: true,
		Motivation:   "Speaks for young people without secure status; fears deportation.",
		Contribution: "Knows what young people without papers need; wants to speak, but only anonymously.",
		Notes:        "Contact only through Leila. Never name in minutes, photos or posts."}},
	{"Amina", pk.ActorInput{Name: "Social worker at the reception centre", Kind: "individual", Sector: "public", Tags: []string{"insider"}, Sensitive: true,
		Motivation:   "Wants conditions at the centre to improve; could lose the job for talking to us.",
		Contribution: "Tells us early about transfers and problems at the centre."}},
}

type demoTie struct {
	from, to, kind string
	directed       bool
	strength       int
	since          string
	note           string
	sensitive      bool
}

// Member organisations are named as the platform demo names them.
const (
	orgBridges  = "Bridges Refugee Youth Network"
	orgDiaspora = "Syrian Diaspora Voices"
	orgWelcome  = "Neighbourhood Welcome Centre"
	orgYouth    = "City Youth Council"
	orgFunder   = "Open Doors Foundation"
)

var demoTies = []demoTie{
	{"Mayor's Office", "City Integration Office", "political", true, 3, "", "The office reports to the mayor.", false},
	{"City Integration Office", "Youth Welfare Office", "cooperates_with", false, 2, "2023-01-01", "Joint working group on youth integration.", false},
	{"Councillor Petra Lang", "Mayor's Office", "political", false, 2, "", "Same party; not always on good terms.", false},
	{"Councillor Petra Lang", "Youth Welfare Office", "political", false, 2, "", "Chairs the committee the office reports to.", false},
	{"Councillor Petra Lang", orgYouth, "cooperates_with", false, 3, "2024-03-01", "Invited the youth council to every committee meeting this year.", false},
	{"City Integration Office", orgBridges, "funds", true, 2, "2024-01-01", "Small grant for the peer mentoring project.", false},
	{"City Integration Office", orgWelcome, "funds", true, 2, "2022-06-01", "Rent subsidy for the drop-in centre.", false},
	{"Youth Welfare Office", "Eastside Sports Club", "funds", true, 1, "", "", false},
	{"Youth Welfare Office", orgYouth, "cooperates_with", false, 2, "", "", false},
	{"Job Centre Leipzig", "Chamber of Crafts", "cooperates_with", false, 2, "", "Joint apprenticeship fair each spring.", false},
	{"Bäckerei Vogel", "Chamber of Crafts", "member_of", true, 2, "", "", false},
	{"Job Centre Leipzig", orgBridges, "in_conflict_with", false, 1, "2025-02-01", "Dispute over sanctions for young people who missed appointments.", false},
	{"Leipziger Volkszeitung", "Mayor's Office", "cooperates_with", false, 2, "", "Close contact to the press office.", false},
	{"Journalist Karim Said", "Leipziger Volkszeitung", "works_at", true, 1, "2021-09-01", "Freelance, writes a monthly column.", false},
	{"Journalist Karim Said", orgDiaspora, "neighbourhood", false, 2, "", "Grew up in the same street as Yusuf.", false},
	{"Radio Blau", orgBridges, "cooperates_with", false, 3, "2023-05-01", "Monthly youth programme made by Bridges members.", false},
	{"Saxony Future Fund", orgFunder, "cooperates_with", false, 2, "", "Co-fund projects in Saxony.", false},
	{orgFunder, orgBridges, "funds", true, 3, "2024-01-01", "Core funding for two years.", false},
	{"Federal Programme Live Democracy", "City Integration Office", "funds", true, 3, "2020-01-01", "The city's local partnership for democracy.", false},
	{"St. Nicholas Parish", orgWelcome, "cooperates_with", false, 3, "2016-01-01", "The welcome café started in the parish hall.", false},
	{"Al-Rahman Mosque Association", orgDiaspora, "religious", false, 3, "", "Many Diaspora Voices members pray there.", false},
	{"Al-Rahman Mosque Association", "St. Nicholas Parish", "religious", false, 1, "2023-10-01", "Interfaith dialogue evenings, twice a year.", false},
	{"Parents' Circle of Newcomer Families", "Al-Rahman Mosque Association", "member_of", true, 2, "", "", false},
	{"Parents' Circle of Newcomer Families", orgWelcome, "cooperates_with", false, 2, "", "Meets in the welcome centre.", false},
	{"Eastside Sports Club", orgBridges, "cooperates_with", false, 2, "", "Football training for newcomers on Saturdays.", false},
	{"Neighbourhood Council Leipzig-East", orgWelcome, "neighbourhood", false, 2, "", "", false},
	{"Neighbourhood Council Leipzig-East", "Heimatschutz Leipzig", "neighbourhood", false, 1, "", "Two council members attend Heimatschutz rallies.", false},
	{"Heimatschutz Leipzig", orgBridges, "in_conflict_with", false, 3, "2025-04-01", "Online campaign against the youth centre naming Bridges.", false},
	{"Heimatschutz Leipzig", "Councillor Petra Lang", "in_conflict_with", false, 2, "", "Harassment after her speech on youth seats.", false},
	{"Leipzig Refugee Council", "City Integration Office", "in_conflict_with", false, 1, "", "Criticises the city's deportation practice.", false},
	{"Leipzig Refugee Council", orgDiaspora, "cooperates_with", false, 2, "", "Joint legal information evenings.", false},
	{"Leipzig University, Institute of Sociology", orgYouth, "cooperates_with", false, 1, "2025-01-01", "Survey on youth participation.", false},
	{"Leipzig University, Institute of Sociology", "Saxony Future Fund", "funds", false, 1, "", "The fund pays for the evaluation.", false},
	{orgBridges, orgDiaspora, "cooperates_with", false, 3, "2019-01-01", "", false},
	{orgYouth, orgBridges, "cooperates_with", false, 2, "", "", false},
	// Sensitive ties, and ties of sensitive actors.
	{"Youth activist without papers", orgBridges, "member_of", true, 3, "", "Active member; not on any public list.", false},
	{"Youth activist without papers", "Parents' Circle of Newcomer Families", "family", false, 3, "", "Lives with an aunt in the circle.", true},
	{"Social worker at the reception centre", "City Integration Office", "works_at", true, 2, "", "", false},
	{"Social worker at the reception centre", "Leipzig Refugee Council", "cooperates_with", false, 2, "", "Passes information on quietly.", true},
	{"Mayor's Office", "Saxony Future Fund", "political", false, 1, "", "The fund's chair is a former deputy mayor; not public knowledge.", true},
}

func loadActors(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina := w.People["Amina"].Ctx
	if _, err := db.Actors.AddMemberOrganisations(amina, pid); err != nil {
		return fmt.Errorf("member organisations: %w", err)
	}
	ids := map[string]string{}
	existing, _, err := db.Actors.Actors(amina, pid, pk.ActorFilter{}, pk.PageRequest{Limit: pk.MaxPageSize})
	if err != nil {
		return err
	}
	for _, a := range existing {
		ids[a.Name] = a.ID
	}
	for _, x := range demoActors {
		a, err := db.Actors.CreateActor(w.People[x.by].Ctx, pid, x.in)
		if err != nil {
			return fmt.Errorf("actor %s: %w", x.in.Name, err)
		}
		ids[a.Name] = a.ID
	}
	for _, t := range demoTies {
		from, to := ids[t.from], ids[t.to]
		if from == "" || to == "" {
			return fmt.Errorf("tie %s – %s: unknown actor", t.from, t.to)
		}
		if _, err := db.Actors.CreateRelationship(amina, pid, pk.RelationshipInput{From: from, To: to, Type: t.kind, Directed: t.directed,
			Strength: t.strength, FromDate: t.since, Note: t.note, Sensitive: t.sensitive}); err != nil {
			return fmt.Errorf("tie %s – %s: %w", t.from, t.to, err)
		}
	}
	return nil
}
