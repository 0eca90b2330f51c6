package decision

// Lens is one angle from which options are scored. Key is stable; Name is
// a catalogue key for the default lenses ("decision.lens.<key>") or the
// partnership's own wording once renamed; Weight multiplies its scores.
type Lens struct {
	Key    string
	Name   string
	Weight float64
}

// DefaultLenses returns the Six Strategic Lenses in our own words, each of
// weight 1.
func DefaultLenses() []Lens {
	keys := []string{"urgency", "building_block", "relationships", "feasibility", "impact", "resources"}
	out := make([]Lens, len(keys))
	for i, k := range keys {
		out[i] = Lens{Key: k, Name: "decision.lens." + k, Weight: 1}
	}
	return out
}

// Preference is one voter's input: Scores (score: option → score; dots:
// option → dots), Ranking (ranked: options, most preferred first) or
// LensScores (lenses: option → lens key → score).
type Preference struct {
	Scores     map[string]float64
	Ranking    []string
	LensScores map[string]map[string]float64
}

// RankedOption is one option's place in the order.
type RankedOption struct {
	Option string
	Total  float64
	// Position starts at 1; tied options share a position.
	Position int
	// Contributions (lenses): lens key → its weighted part of Total.
	Contributions map[string]float64
}

// PriorityParams say how options are ordered.
type PriorityParams struct {
	Method       string
	Options      []string
	Lenses       []Lens
	DotsPerVoter int
	MaxScore     int
}

// Prioritise orders the options by the preferences. It fails with a
// pk.Error of code invalid naming the field for an unknown method, option
// or lens, a score out of range, too many dots or a bad ranking.
func Prioritise(p PriorityParams, prefs []Preference) ([]RankedOption, error) {
	return nil, errNotImplemented
}
