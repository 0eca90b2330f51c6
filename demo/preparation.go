package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(30, "preparation", loadPreparation) }

// loadPreparation fills the coalition's first stage: a self-analysis written
// by several people (young refugees and migrants among them), the start-up
// checklist with one open disagreement, a theory of change reaching a
// vision, and the comparison of forms that led the coalition to a network.
func loadPreparation(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	as := func(name string) context.Context { return w.People[name].Ctx }

	contributions := []struct {
		who, section, text, answer string
	}{
		{"Amina", "motivation", "Young refugees and migrants in Leipzig keep telling us that decisions about them are made without them. None of us can change that alone; together we are hard to ignore.", ""},
		{"Yusuf", "motivation", "Our community evenings reach families the city never hears from. We want those voices to count in the youth and integration policy.", ""},
		{"Chloe", "reasons", "Many young people come to the welcome centre with questions we cannot answer, and we send them away with a phone number. A network would let us refer them to people we know.", ""},
		{"Jonas", "reasons", "The youth council has a formal right to be heard by the city council, but hardly any of our members came to Germany as refugees. Working with the other organisations would change who the council speaks for.", ""},
		{"Leila", "needs", "Training in public speaking and someone to prepare the hearings with us. Also a room in the east of the city that is free in the evenings.", ""},
		{"Amina", "strengths", "Bridges is run by young refugees and migrants themselves: we speak Arabic, Dari, Tigrinya and Ukrainian, and young people trust us.", ""},
		{"Chloe", "strengths", "A drop-in centre that is open five days a week, a language café and two counsellors.", ""},
		{"Yusuf", "weaknesses", "We are all volunteers. When exams or work pile up, things stop for weeks.", ""},
		{"Jonas", "weaknesses", "The youth council changes every two years; what we promise must survive an election.", ""},
		{"Amina", "capacity_people", "Leila and I can represent Bridges; Leila would be our contact person.", ""},
		{"Chloe", "capacity_time", "About six hours a month for meetings, more around the council hearings in spring.", ""},
		{"Yusuf", "capacity_money", "No money to share, but our community hall for free twice a month.", ""},
		{"Jonas", "added_value", "Proposals from young newcomers in the youth council's annual report, and at least one of them adopted by the city within two years.", ""},
		{"Leila", "people_served", "Young people should not only be invited to speak once: they should prepare the hearings, chair meetings and decide what we ask for.", ""},
		{"Amina", "participants", "Answered at two evening meetings with eleven young people from Bridges, staff of the welcome centre, two youth councillors and three parents.", ""},
		{"Leila", "lived_experience", "Eight of the eleven young people who took part came to Leipzig as refugees in the last five years.", "yes"},
		{"Chloe", "lived_experience", "", "yes"},
	}
	for i, c := range contributions {
		if _, err := db.Preparation.AddSelfAnalysis(as(c.who), pid, pk.SelfAnalysisInput{Section: c.section, Text: c.text, Answer: c.answer}); err != nil {
			return fmt.Errorf("self-analysis %d: %w", i, err)
		}
	}
	// Bridges' own self-analysis, private to its people.
	for _, c := range []struct{ who, section, text string }{
		{"Amina", "motivation", "We want our members to sit at the tables where youth policy is made, not to be talked about."},
		{"Leila", "weaknesses", "We depend on a few people; if Amina moves away, much of our contact with the city goes with her."},
		{"Amina", "needs", "Partners with experience of the city council and with funding applications."},
	} {
		if _, err := db.Preparation.AddOrganisationSelfAnalysis(as(c.who), w.Orgs["bridges"].ID, pk.SelfAnalysisInput{Section: c.section, Text: c.text}); err != nil {
			return fmt.Errorf("organisation self-analysis: %w", err)
		}
	}

	// The start-up checklist: yes all round, except that Jonas is not sure
	// the partners can pool resources.
	for _, who := range []string{"Amina", "Yusuf", "Chloe", "Jonas", "Leila"} {
		for _, q := range pk.ReadinessQuestionIDs() {
			in := pk.ReadinessInput{QuestionID: q, Answer: "yes"}
			if who == "Jonas" && q == "shared_resources" {
				in.Answer, in.Note = "not_sure", "Nobody has offered money yet; rooms and time alone may not carry a campaign."
			}
			if who == "Yusuf" && q == "real_commitment" {
				in.Note = "We started talking long before any funder asked us to."
			}
			if _, err := db.Preparation.AnswerReadiness(as(who), pid, in); err != nil {
				return fmt.Errorf("checklist: %w", err)
			}
		}
	}

	// The theory of change, from the vision down to the activities.
	ids := map[string]string{}
	for _, s := range []struct {
		key, who, level, ifText, then, because string
		leads                                  []string
	}{
		{"vision", "Amina", "vision", "", "Young refugees and migrants shape the decisions that affect them and feel at home in Leipzig.", "", nil},
		{"policy", "Jonas", "goal", "the city's youth and integration policy takes up proposals of young newcomers",
			"services fit what young newcomers actually need", "policy decides where the money and the staff go", []string{"vision"}},
		{"belonging", "Chloe", "goal", "young newcomers are connected with peers and mentors across the city",
			"they take part in civic life as a matter of course", "belonging grows through relationships, not through information", []string{"vision"}},
		{"heard", "Jonas", "outcome", "young newcomers speak at the youth council's hearings",
			"the city council takes up their proposals", "councillors respond to voices that are organised and well prepared", []string{"policy"}},
		{"referrals", "Chloe", "outcome", "member organisations know each other's services",
			"fewer young people fall through the gaps between services", "a warm referral to a person is followed far more often than a phone number", []string{"belonging"}},
		{"panel", "Leila", "activity", "we run a monthly youth panel with training in public speaking",
			"young newcomers gain the confidence to speak at hearings", "practice with peers lowers the barrier to speaking in public", []string{"heard"}},
		{"meeting", "Yusuf", "activity", "we hold a referral meeting of all member organisations every quarter",
			"staff know whom to call in the other organisations", "personal contacts make referrals work", []string{"referrals"}},
		{"mentors", "Amina", "activity", "we pair young newcomers with mentors from the youth council",
			"newcomers find their way into the council's working groups", "a mentor opens doors that stay closed to outsiders", []string{"heard", "belonging"}},
	} {
		var leads []string
		for _, l := range s.leads {
			leads = append(leads, ids[l])
		}
		st, err := db.Preparation.CreateChangeStatement(as(s.who), pid, pk.ChangeStatementInput{Level: s.level, If: s.ifText, Then: s.then, Because: s.because, Leads: leads})
		if err != nil {
			return fmt.Errorf("theory of change %s: %w", s.key, err)
		}
		ids[s.key] = st.ID
	}

	// Comparing the forms: the answers point to a network, which Amina adopts.
	if _, err := db.Preparation.SaveFormChoices(as("Chloe"), pid, pk.FormChoices{
		Continuum: map[string]string{"purpose": "network", "time_horizon": "network", "vision_values": "network",
			"decision_making": "network", "relationship": "cooperation", "accountability": "network", "time_commitment": "campaign_coalition"},
		CoalitionType: map[string]string{"purpose": "information_network", "membership": "association", "structure": "information_network",
			"finances": "information_network"},
		Basis: "geography", Structure: "informal",
	}); err != nil {
		return fmt.Errorf("form choices: %w", err)
	}
	p, err := db.Partnerships.Partnership(as("Amina"), pid)
	if err != nil {
		return err
	}
	if _, err := db.Preparation.AdoptForm(as("Amina"), pid, pk.AdoptInput{Kind: "form", Value: "network", Version: p.Version}); err != nil {
		return fmt.Errorf("adopt form: %w", err)
	}
	return nil
}
