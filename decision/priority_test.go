package decision

import (
	"maps"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// placed is an order as "option:position" pairs, easy to compare.
func placed(rs []RankedOption) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Option + ":" + string(rune('0'+r.Position))
	}
	return out
}

func TestPrioritise(t *testing.T) {
	t.Parallel()
	opts := []string{"school", "clinic", "radio", "well"}
	for _, c := range []struct {
		name   string
		p      PriorityParams
		prefs  []Preference
		want   []string
		totals []float64
	}{
		{"score sums, missing counts 0",
			PriorityParams{Method: Score, Options: opts, MaxScore: 5},
			[]Preference{{Scores: map[string]float64{"school": 5, "clinic": 3, "radio": 1}}, {Scores: map[string]float64{"clinic": 4, "well": 5}}},
			[]string{"clinic:1", "school:2", "well:2", "radio:4"}, []float64{7, 5, 5, 1}},
		{"dots",
			PriorityParams{Method: Dots, Options: opts, DotsPerVoter: 3},
			[]Preference{{Scores: map[string]float64{"radio": 3}}, {Scores: map[string]float64{"well": 2, "radio": 1}}, {Scores: map[string]float64{"well": 1}}},
			[]string{"radio:1", "well:2", "school:3", "clinic:3"}, []float64{4, 3, 0, 0}},
		{"no preferences: all tie in the given order",
			PriorityParams{Method: Dots, Options: opts, DotsPerVoter: 3}, nil,
			[]string{"school:1", "clinic:1", "radio:1", "well:1"}, []float64{0, 0, 0, 0}},
		{"ranked: n points for first, partial rankings",
			PriorityParams{Method: Ranked, Options: opts},
			[]Preference{{Ranking: []string{"radio", "well", "school", "clinic"}}, {Ranking: []string{"well", "radio"}}, {Ranking: nil}},
			// radio 4+3, well 3+4, school 2, clinic 1
			[]string{"radio:1", "well:1", "school:3", "clinic:4"}, []float64{7, 7, 2, 1}},
		{"ranked: a tie keeps the options' own order",
			PriorityParams{Method: Ranked, Options: []string{"b", "a"}},
			[]Preference{{Ranking: []string{"a", "b"}}, {Ranking: []string{"b", "a"}}},
			[]string{"b:1", "a:1"}, []float64{3, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rs, err := Prioritise(c.p, c.prefs)
			if err != nil {
				t.Fatal(err)
			}
			if got := placed(rs); !slices.Equal(got, c.want) {
				t.Errorf("order %v, want %v", got, c.want)
			}
			for i, r := range rs {
				if r.Total != c.totals[i] {
					t.Errorf("%s total %v, want %v", r.Option, r.Total, c.totals[i])
				}
				if r.Contributions != nil {
					t.Errorf("%s has lens contributions", r.Option)
				}
			}
		})
	}
}

func TestPrioritiseLenses(t *testing.T) {
	t.Parallel()
	lenses := []Lens{
		{Key: LensUrgency, Name: "decision.lens.urgency", Weight: 2},
		{Key: LensImpact, Name: "Change for refugees", Weight: 1}, // renamed
		{Key: "visibility", Name: "Our visibility", Weight: 0.5},  // added
		{Key: LensFeasibility, Name: "decision.lens.feasibility", Weight: 0},
	}
	prefs := []Preference{
		{LensScores: map[string]map[string]float64{
			"campaign": {LensUrgency: 4, LensImpact: 2, "visibility": 5, LensFeasibility: 5},
			"training": {LensUrgency: 1, LensImpact: 5},
		}},
		{LensScores: map[string]map[string]float64{
			"campaign": {LensUrgency: 2, LensImpact: 4},
			"training": {LensUrgency: 2, LensImpact: 4, "visibility": 1},
		}},
	}
	rs, err := Prioritise(PriorityParams{Method: Lenses, Options: []string{"training", "campaign"}, Lenses: lenses, MaxScore: 5}, prefs)
	if err != nil {
		t.Fatal(err)
	}
	// campaign: urgency mean 3 ×2 = 6, impact mean 3 = 3, visibility 5 (one
	// scorer) ×0.5 = 2.5, feasibility weight 0 = 0: 11.5.
	// training: urgency 1.5 ×2 = 3, impact 4.5, visibility 1 ×0.5 = 0.5: 8.
	want := []RankedOption{
		{Option: "campaign", Total: 11.5, Position: 1, Contributions: map[string]float64{LensUrgency: 6, LensImpact: 3, "visibility": 2.5, LensFeasibility: 0}},
		{Option: "training", Total: 8, Position: 2, Contributions: map[string]float64{LensUrgency: 3, LensImpact: 4.5, "visibility": 0.5, LensFeasibility: 0}},
	}
	for i, r := range rs {
		w := want[i]
		if r.Option != w.Option || r.Total != w.Total || r.Position != w.Position || !maps.Equal(r.Contributions, w.Contributions) {
			t.Errorf("got %+v, want %+v", r, w)
		}
		sum := 0.0
		for _, c := range r.Contributions {
			sum += c
		}
		if round6(sum) != r.Total {
			t.Errorf("%s: contributions add to %v, total %v", r.Option, sum, r.Total)
		}
	}
}

// Weighted means that are equal on paper tie, floating error or not.
func TestPrioritiseLensTieThroughFloatingError(t *testing.T) {
	t.Parallel()
	lenses := []Lens{{Key: "a", Weight: 0.1}, {Key: "b", Weight: 0.2}, {Key: "c", Weight: 0.3}}
	rs, err := Prioritise(PriorityParams{Method: Lenses, Options: []string{"x", "y"}, Lenses: lenses, MaxScore: 1},
		[]Preference{{LensScores: map[string]map[string]float64{"x": {"a": 1, "b": 1}, "y": {"c": 1}}}})
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Position != 1 || rs[1].Position != 1 || rs[0].Option != "x" {
		t.Errorf("%+v", rs)
	}
}

func TestDefaultLenses(t *testing.T) {
	t.Parallel()
	ls := DefaultLenses()
	if len(ls) != 6 {
		t.Fatalf("%d lenses", len(ls))
	}
	for _, l := range ls {
		if l.Weight != 1 || l.Name != "decision.lens."+l.Key {
			t.Errorf("%+v", l)
		}
	}
	ls[0].Name = "changed"
	if DefaultLenses()[0].Name == "changed" {
		t.Error("DefaultLenses shares its slice")
	}
	// The defaults are valid lenses.
	if _, err := Prioritise(PriorityParams{Method: Lenses, Options: []string{"x"}, Lenses: DefaultLenses(), MaxScore: 5}, nil); err != nil {
		t.Error(err)
	}
}

func TestPrioritiseInvalid(t *testing.T) {
	t.Parallel()
	opts := []string{"a", "b", "c"}
	many := make([]string, MaxOptions+1)
	for i := range many {
		many[i] = string(rune('A' + i))
	}
	for _, c := range []struct {
		name  string
		p     PriorityParams
		prefs []Preference
		field string
		key   string
	}{
		{"no method", PriorityParams{Options: opts}, nil, "method", "validation.required"},
		{"decisive method", PriorityParams{Method: Majority, Options: opts}, nil, "method", "validation.choice"},
		{"no options", PriorityParams{Method: Ranked}, nil, "options", "validation.required"},
		{"too many options", PriorityParams{Method: Ranked, Options: many}, nil, "options", "decision.validation.too_many"},
		{"empty option", PriorityParams{Method: Ranked, Options: []string{"a", ""}}, nil, "options.1", "validation.required"},
		{"option twice", PriorityParams{Method: Ranked, Options: []string{"a", "b", "a"}}, nil, "options.2", "decision.validation.given_twice"},
		{"score without maximum", PriorityParams{Method: Score, Options: opts}, nil, "max_score", "validation.range"},
		{"score above maximum", PriorityParams{Method: Score, Options: opts, MaxScore: 5}, []Preference{{}, {Scores: map[string]float64{"a": 6}}}, "preferences.1.scores", "validation.range"},
		{"negative score", PriorityParams{Method: Score, Options: opts, MaxScore: 5}, []Preference{{Scores: map[string]float64{"a": -1}}}, "preferences.0.scores", "validation.range"},
		{"fractional score", PriorityParams{Method: Score, Options: opts, MaxScore: 5}, []Preference{{Scores: map[string]float64{"a": 2.5}}}, "preferences.0.scores", "validation.range"},
		{"score for unknown option", PriorityParams{Method: Score, Options: opts, MaxScore: 5}, []Preference{{Scores: map[string]float64{"z": 1}}}, "preferences.0.scores", "decision.validation.unknown_option"},
		{"dots without allowance", PriorityParams{Method: Dots, Options: opts}, nil, "dots_per_voter", "validation.range"},
		{"one dot too many", PriorityParams{Method: Dots, Options: opts, DotsPerVoter: 3}, []Preference{{Scores: map[string]float64{"a": 2, "b": 2}}}, "preferences.0.scores", "decision.validation.too_many_dots"},
		{"ranking unknown option", PriorityParams{Method: Ranked, Options: opts}, []Preference{{Ranking: []string{"a", "z"}}}, "preferences.0.ranking.1", "decision.validation.unknown_option"},
		{"ranking twice", PriorityParams{Method: Ranked, Options: opts}, []Preference{{Ranking: []string{"b", "a", "b"}}}, "preferences.0.ranking.2", "decision.validation.ranked_twice"},
		{"no lenses", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5}, nil, "lenses", "validation.required"},
		{"lens twice", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: []Lens{{Key: "x", Weight: 1}, {Key: "x", Weight: 1}}}, nil, "lenses.1", "decision.validation.given_twice"},
		{"lens without key", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: []Lens{{Weight: 1}}}, nil, "lenses.0", "validation.required"},
		{"negative weight", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: []Lens{{Key: "x", Weight: -1}}}, nil, "lenses.0.weight", "validation.range"},
		{"unknown lens", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: DefaultLenses()}, []Preference{{LensScores: map[string]map[string]float64{"a": {"luck": 3}}}}, "preferences.0.lens_scores", "decision.validation.unknown_lens"},
		{"lens score for unknown option", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: DefaultLenses()}, []Preference{{LensScores: map[string]map[string]float64{"z": {LensImpact: 3}}}}, "preferences.0.lens_scores", "decision.validation.unknown_option"},
		{"lens score too high", PriorityParams{Method: Lenses, Options: opts, MaxScore: 5, Lenses: DefaultLenses()}, []Preference{{LensScores: map[string]map[string]float64{"a": {LensImpact: 9}}}}, "preferences.0.lens_scores", "validation.range"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rs, err := Prioritise(c.p, c.prefs)
			e, ok := pk.AsError(err)
			if !ok || e.Code != pk.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
			if !slices.ContainsFunc(e.Fields, func(f pk.FieldError) bool { return f.Field == c.field && f.Key == c.key }) {
				t.Errorf("fields %+v, want %s: %s", e.Fields, c.field, c.key)
			}
			if rs != nil {
				t.Errorf("partial result %+v", rs)
			}
		})
	}
}
