package partnerkit

import (
	"testing"
)

func prepFields(err error) map[string]bool {
	out := map[string]bool{}
	if e, ok := AsError(err); ok {
		for _, f := range e.Fields {
			out[f.Field] = true
		}
	}
	return out
}

func TestPreparationInputs(t *testing.T) {
	long := make([]byte, 8001)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct {
		name string
		in   interface{ Validate() error }
		want []string // fields with a problem; none means valid
	}{
		{"text contribution", &SelfAnalysisInput{Section: "needs", Text: "A room"}, nil},
		{"empty text", &SelfAnalysisInput{Section: "needs", Text: "  "}, []string{"text"}},
		{"too long", &SelfAnalysisInput{Section: "needs", Text: string(long)}, []string{"text"}},
		{"unknown section", &SelfAnalysisInput{Section: "gossip", Text: "x"}, []string{"section"}},
		{"yes/no needs an answer", &SelfAnalysisInput{Section: "lived_experience"}, []string{"answer"}},
		{"yes/no with answer, no note", &SelfAnalysisInput{Section: "lived_experience", Answer: "not_sure"}, nil},
		{"yes/no with a made-up answer", &SelfAnalysisInput{Section: "lived_experience", Answer: "open"}, []string{"answer"}},
		{"checklist answer", &ReadinessInput{QuestionID: "shared_need", Answer: "no", Note: "not yet"}, nil},
		{"checklist open is not an answer", &ReadinessInput{QuestionID: "shared_need", Answer: "open"}, []string{"answer"}},
		{"checklist unknown question", &ReadinessInput{QuestionID: "weather", Answer: "yes"}, []string{"question_id"}},
		{"vision needs only then", &ChangeStatementInput{Level: "vision", Then: "A city for all"}, nil},
		{"statement without then", &ChangeStatementInput{Level: "goal", If: "x"}, []string{"then"}},
		{"statement with unknown level", &ChangeStatementInput{Level: "dream", Then: "x"}, []string{"level"}},
		{"choices partly answered", &FormChoices{Continuum: map[string]string{"purpose": "network", "time_horizon": ""}, Basis: "issue"}, nil},
		{"choice of unknown option", &FormChoices{Continuum: map[string]string{"purpose": "empire"}}, []string{"continuum.purpose"}},
		{"choice of unknown attribute", &FormChoices{CoalitionType: map[string]string{"mood": "campaign"}}, []string{"coalition_type.mood"}},
		{"a form is not a coalition type", &FormChoices{CoalitionType: map[string]string{"purpose": "network"}}, []string{"coalition_type.purpose"}},
		{"unknown basis and structure", &FormChoices{Basis: "faith", Structure: "loose"}, []string{"basis", "structure"}},
		{"adopt a form", &AdoptInput{Kind: "form", Value: "merger", Version: 2}, nil},
		{"adopt a basis that is a form", &AdoptInput{Kind: "basis", Value: "network"}, []string{"value"}},
		{"adopt something else", &AdoptInput{Kind: "colour", Value: "red"}, []string{"kind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate()
			got := prepFields(err)
			if len(tt.want) == 0 && err != nil {
				t.Fatalf("want valid, got %v (%v)", err, got)
			}
			for _, f := range tt.want {
				if !got[f] {
					t.Errorf("want a problem with %s, got %v", f, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("problems with %v, want exactly %v", got, tt.want)
			}
		})
	}
}

func TestChangeStatementLeadsAreCleaned(t *testing.T) {
	in := ChangeStatementInput{Level: "goal", Then: " x ", Leads: []string{"a", " a ", "", "b"}}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(in.Leads) != 2 || in.Leads[0] != "a" || in.Leads[1] != "b" || in.Then != "x" {
		t.Fatalf("cleaned: %+v", in)
	}
	in.Leads = make([]string, MaxChangeLeads+1)
	for i := range in.Leads {
		in.Leads[i] = string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	if !prepFields(in.Validate())["leads"] {
		t.Fatal("too many links accepted")
	}
}

func TestAdvise(t *testing.T) {
	tests := []struct {
		name             string
		choices          FormChoices
		form, ctype      string
		explained, bests int
	}{
		{"nothing answered", FormChoices{}, "", "", 0, 0},
		{"all network", FormChoices{Continuum: map[string]string{"purpose": "network", "time_horizon": "network", "accountability": "network"}}, "network", "", 3, 1},
		{"ties go to the lighter form", FormChoices{Continuum: map[string]string{"purpose": "network", "time_horizon": "strategic_alliance"}}, "network", "", 2, 1},
		{"neighbours pull towards the middle", FormChoices{Continuum: map[string]string{"purpose": "network", "time_horizon": "strategic_alliance", "decision_making": "campaign_coalition"}}, "campaign_coalition", "", 3, 1},
		{"coalition type", FormChoices{CoalitionType: map[string]string{"purpose": "campaign", "finances": "campaign", "membership": "association"}}, "", "campaign", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c := Advise(tt.choices)
			if f.Recommended != tt.form || c.Recommended != tt.ctype {
				t.Fatalf("recommended %q/%q, want %q/%q (%+v)", f.Recommended, c.Recommended, tt.form, tt.ctype, f.Scores)
			}
			if len(f.Scores) != 5 || len(c.Scores) != 5 || len(f.Explanations) != tt.explained {
				t.Fatalf("scores %d/%d explanations %d", len(f.Scores), len(c.Scores), len(f.Explanations))
			}
			if (f.Implies != nil) != (tt.form != "") || c.Implies != nil {
				t.Fatalf("implications: %+v %+v", f.Implies, c.Implies)
			}
			for _, s := range f.Scores {
				if s.Name == "" || s.Percent < 0 || s.Percent > 100 {
					t.Fatalf("score %+v", s)
				}
				if s.ID == tt.form && s.Percent != 100 && tt.bests == 1 && tt.name == "all network" {
					t.Fatalf("all answers for one form should give it 100%%: %+v", s)
				}
			}
			for _, e := range f.Explanations {
				if e.Name == "" || e.Message == "" || e.PointsTo != e.Option {
					t.Fatalf("explanation %+v", e)
				}
			}
		})
	}
}
