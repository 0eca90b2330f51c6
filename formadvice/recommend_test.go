package formadvice

import (
	"reflect"
	"slices"
	"testing"
)

func TestContinuumData(t *testing.T) {
	wantAttrs := []string{"purpose", "time_horizon", "vision_values", "decision_making", "relationship", "accountability", "time_commitment"}
	var got []string
	for _, a := range Attributes {
		got = append(got, a.ID)
		var opts []string
		for _, o := range a.Options {
			opts = append(opts, o.ID)
		}
		if !reflect.DeepEqual(opts, formIDs) {
			t.Errorf("%s options = %v, want one per form in order", a.ID, opts)
		}
	}
	if !reflect.DeepEqual(got, wantAttrs) {
		t.Errorf("attributes = %v", got)
	}
	var forms []string
	for _, f := range Forms {
		forms = append(forms, f.ID)
	}
	if !reflect.DeepEqual(forms, []string{"cooperation", "network", "campaign_coalition", "strategic_alliance", "merger"}) {
		t.Errorf("forms = %v", forms)
	}
}

// own returns the choices that describe one form on every attribute.
func own(attrs []Attribute, id string) map[string]string {
	m := map[string]string{}
	for _, a := range attrs {
		m[a.ID] = id
	}
	return m
}

func scores(r Recommendation) map[string]float64 {
	m := map[string]float64{}
	for _, s := range r.Scores {
		m[s.ID] = s.Score
	}
	return m
}

func TestRecommendOwnDescriptions(t *testing.T) {
	for i, f := range Forms {
		r := Recommend(own(Attributes, f.ID))
		if r.Recommended != f.ID {
			t.Errorf("%s's own descriptions recommend %q", f.ID, r.Recommended)
		}
		if r.Implies != f.Implies {
			t.Errorf("%s: implies %+v", f.ID, r.Implies)
		}
		if len(r.Missing) != 0 || len(r.Explanations) != 7 {
			t.Errorf("%s: missing %v, %d explanations", f.ID, r.Missing, len(r.Explanations))
		}
		s := scores(r)
		for j, g := range Forms {
			want := 0.0
			switch j - i {
			case 0:
				want = 1
			case -1, 1:
				want = 0.5
			}
			if s[g.ID] != want {
				t.Errorf("%s's own descriptions: %s scores %v, want %v", f.ID, g.ID, s[g.ID], want)
			}
		}
	}
}

func TestRecommend(t *testing.T) {
	for _, c := range []struct {
		name    string
		choices map[string]string
		want    string
		missing []string
		scores  map[string]float64 // checked when set
	}{
		{
			name: "mostly network, one merger",
			choices: map[string]string{
				"purpose": Network, "time_horizon": Network, "vision_values": Network, "decision_making": Network,
				"relationship": Network, "accountability": Network, "time_commitment": Merger,
			},
			want: Network,
		},
		{
			name: "campaign with an alliance streak",
			choices: map[string]string{
				"purpose": CampaignCoalition, "time_horizon": CampaignCoalition, "vision_values": StrategicAlliance,
				"decision_making": CampaignCoalition, "relationship": StrategicAlliance, "accountability": CampaignCoalition,
				"time_commitment": StrategicAlliance,
			},
			want: CampaignCoalition, // 4 + 1.5 against 3 + 2
		},
		{
			name: "answers spread across the middle favour the middle",
			choices: map[string]string{
				"purpose": Network, "time_horizon": StrategicAlliance, "vision_values": Network,
				"decision_making": StrategicAlliance, "relationship": CampaignCoalition,
			},
			want:    CampaignCoalition, // 1 + 4×0.5 = 3, against 2.5 for network and alliance
			missing: []string{"accountability", "time_commitment"},
		},
		{
			name:    "tie between neighbours goes to the less integrated",
			choices: map[string]string{"purpose": Network, "time_horizon": CampaignCoalition},
			want:    Network,
			missing: []string{"vision_values", "decision_making", "relationship", "accountability", "time_commitment"},
			scores:  map[string]float64{Cooperation: 0.25, Network: 0.75, CampaignCoalition: 0.75, StrategicAlliance: 0.25, Merger: 0},
		},
		{
			name: "tie between the ends goes to cooperation",
			choices: map[string]string{
				"purpose": Cooperation, "time_horizon": Cooperation, "vision_values": Cooperation,
				"decision_making": Merger, "relationship": Merger, "accountability": Merger,
			},
			want:    Cooperation,
			missing: []string{"time_commitment"},
		},
		{
			name:    "one answer only: normalised by what was answered",
			choices: map[string]string{"purpose": Merger},
			want:    Merger,
			missing: []string{"time_horizon", "vision_values", "decision_making", "relationship", "accountability", "time_commitment"},
			scores:  map[string]float64{Cooperation: 0, Network: 0, CampaignCoalition: 0, StrategicAlliance: 0.5, Merger: 1},
		},
		{
			name: "unknown options count as unanswered, unknown attributes are ignored",
			choices: map[string]string{
				"purpose": "federation", "time_horizon": "", "colour": Merger, "vision_values": StrategicAlliance,
				"decision_making": "information_network",
			},
			want:    StrategicAlliance,
			missing: []string{"purpose", "time_horizon", "decision_making", "relationship", "accountability", "time_commitment"},
			scores:  map[string]float64{Cooperation: 0, Network: 0, CampaignCoalition: 0.5, StrategicAlliance: 1, Merger: 0.5},
		},
		{
			name:    "nothing answered",
			choices: nil,
			want:    "",
			missing: []string{"purpose", "time_horizon", "vision_values", "decision_making", "relationship", "accountability", "time_commitment"},
			scores:  map[string]float64{Cooperation: 0, Network: 0, CampaignCoalition: 0, StrategicAlliance: 0, Merger: 0},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Recommend(c.choices)
			if r.Recommended != c.want {
				t.Errorf("recommended %q, want %q (scores %v)", r.Recommended, c.want, r.Scores)
			}
			if !reflect.DeepEqual(r.Missing, c.missing) {
				t.Errorf("missing = %v, want %v", r.Missing, c.missing)
			}
			if c.scores != nil && !reflect.DeepEqual(scores(r), c.scores) {
				t.Errorf("scores = %v, want %v", scores(r), c.scores)
			}
			if len(r.Scores) != len(Forms) {
				t.Errorf("%d scores, want all %d forms", len(r.Scores), len(Forms))
			}
			for _, s := range r.Scores {
				if s.Score < 0 || s.Score > 1 {
					t.Errorf("score %v out of range", s)
				}
			}
			if c.want == "" && r.Implies != (Implications{}) {
				t.Errorf("implications without a recommendation: %+v", r.Implies)
			}
		})
	}
}

func TestRecommendExplanations(t *testing.T) {
	r := Recommend(map[string]string{"time_commitment": Merger, "purpose": Network, "relationship": "nope"})
	want := []Explanation{
		{Attribute: "purpose", Option: Network, PointsTo: Network, Message: "formadvice.attribute.purpose.network"},
		{Attribute: "time_commitment", Option: Merger, PointsTo: Merger, Message: "formadvice.attribute.time_commitment.merger"},
	}
	if !reflect.DeepEqual(r.Explanations, want) {
		t.Errorf("explanations = %+v", r.Explanations)
	}
}

func TestCoalitionTypeData(t *testing.T) {
	var types []string
	for _, c := range CoalitionTypes {
		types = append(types, c.ID)
	}
	if !reflect.DeepEqual(types, []string{"information_network", "association", "coordinating_council", "campaign", "ongoing_coalition"}) {
		t.Errorf("types = %v", types)
	}
	var dims []string
	for _, d := range CoalitionDimensions {
		dims = append(dims, d.ID)
		var opts []string
		for _, o := range d.Options {
			opts = append(opts, o.ID)
		}
		if !reflect.DeepEqual(opts, types) {
			t.Errorf("%s options = %v", d.ID, opts)
		}
	}
	if !reflect.DeepEqual(dims, []string{"purpose", "membership", "structure", "finances"}) {
		t.Errorf("dimensions = %v", dims)
	}
}

func TestRecommendCoalitionType(t *testing.T) {
	for _, c := range CoalitionTypes {
		r := RecommendCoalitionType(own(CoalitionDimensions, c.ID))
		if r.Recommended != c.ID {
			t.Errorf("%s's own descriptions recommend %q", c.ID, r.Recommended)
		}
		for _, s := range r.Scores {
			want := 0.0
			if s.ID == c.ID {
				want = 1
			}
			if s.Score != want {
				t.Errorf("%s: %s scores %v, want %v (no credit for neighbours)", c.ID, s.ID, s.Score, want)
			}
		}
		if r.Implies != (Implications{}) {
			t.Errorf("coalition types carry no implications: %+v", r.Implies)
		}
	}
	for _, c := range []struct {
		name    string
		choices map[string]string
		want    string
		missing []string
	}{
		{"mostly campaign", map[string]string{"purpose": Campaign, "membership": Campaign, "structure": Association, "finances": Campaign}, Campaign, nil},
		{"tie goes to the type listed first", map[string]string{"purpose": OngoingCoalition, "membership": CoordinatingCouncil}, CoordinatingCouncil, []string{"structure", "finances"}},
		{"continuum IDs are not coalition types", map[string]string{"purpose": Network, "finances": InformationNetwork}, InformationNetwork, []string{"purpose", "membership", "structure"}},
		{"nothing answered", map[string]string{}, "", []string{"purpose", "membership", "structure", "finances"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := RecommendCoalitionType(c.choices)
			if r.Recommended != c.want || !reflect.DeepEqual(r.Missing, c.missing) {
				t.Errorf("got %q missing %v, want %q missing %v", r.Recommended, r.Missing, c.want, c.missing)
			}
		})
	}
}

func TestBasesAndStructures(t *testing.T) {
	var bases []string
	for _, b := range Bases {
		bases = append(bases, b.ID)
	}
	if !reflect.DeepEqual(bases, []string{"geography", "issue", "group"}) {
		t.Errorf("bases = %v", bases)
	}
	var structs []string
	for _, s := range Structures {
		structs = append(structs, s.ID)
		if len(s.Advantages) == 0 || len(s.Disadvantages) == 0 {
			t.Errorf("%s lacks advantages or disadvantages", s.ID)
		}
		if slices.ContainsFunc(append(s.Advantages, s.Disadvantages...), func(id string) bool { return id == "" }) {
			t.Errorf("%s has an empty message ID", s.ID)
		}
	}
	if !reflect.DeepEqual(structs, []string{"formal", "informal"}) {
		t.Errorf("structures = %v", structs)
	}
}
