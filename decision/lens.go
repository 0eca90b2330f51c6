package decision

// Lens is one angle from which options are scored. Key is stable; Name is
// a catalogue key for the default lenses ("decision.lens.<key>") or the
// partnership's own wording once renamed; Weight multiplies its scores
// (0 keeps a lens on show without letting it count).
type Lens struct {
	Key    string
	Name   string
	Weight float64
}

// Default lens keys, after the Six Strategic Lenses: is it urgent, does
// other work wait on it, does it build relationships with others, can we
// do it, what difference will it make, and what will it cost us.
const (
	LensUrgency       = "urgency"
	LensBuildingBlock = "building_block"
	LensRelationships = "relationships"
	LensFeasibility   = "feasibility"
	LensImpact        = "impact"
	LensResources     = "resources"
)

// DefaultLenses returns the Six Strategic Lenses in our own words, each of
// weight 1, as a fresh slice the caller may rename, weight, add to or cut.
// Each name has a question beside it in the catalogue,
// "decision.lens.<key>.question", for the scoring form.
func DefaultLenses() []Lens {
	keys := []string{LensUrgency, LensBuildingBlock, LensRelationships, LensFeasibility, LensImpact, LensResources}
	out := make([]Lens, len(keys))
	for i, k := range keys {
		out[i] = Lens{Key: k, Name: "decision.lens." + k, Weight: 1}
	}
	return out
}
