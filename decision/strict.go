package decision

import "slices"

// strictness orders the charter's decision methods from the loosest to the
// strictest, by how hard it is for a proposal to pass against the doubts
// of some:
//
//   - chair: one person decides; the others only advise.
//   - majority: more yes than no among the votes cast; up to half can be
//     overruled.
//   - two_thirds: a third plus one of the votes cast can stop it.
//   - consent: any single voice can stop it with a block, and every
//     objection is heard, though a proposal may pass over objections.
//   - gradients: a single block stops it, and so does a single serious
//     disagreement, and so does too much call for more discussion; every
//     way consent can fail, and more.
//
// Commitment is not on the scale: it measures how far each organisation
// will carry a proposal, not whether a body agrees to it, so it is never
// a replacement for a charter's method nor replaced by one.
var strictness = []string{Chair, Majority, TwoThirds, Consent, Gradients}

// Stricter reports whether decisive method a is stricter than b; false
// when either is off the scale.
func Stricter(a, b string) bool {
	i, j := slices.Index(strictness, a), slices.Index(strictness, b)
	return i >= 0 && j >= 0 && i > j
}

// AtLeastAsStrict reports whether a coordinator may decide by method
// chosen where the charter names charter: the same method, or a stricter
// one, never a looser one.
func AtLeastAsStrict(chosen, charter string) bool {
	return Decisive(chosen) && (chosen == charter || Stricter(chosen, charter))
}

// QuorumAtLeast reports whether a quorum chosen for one decision keeps the
// charter's: it may be raised, never lowered. Equal up to floating error
// counts as kept, so a form that sends 0.6 back keeps a charter's 0.6.
func QuorumAtLeast(chosen, charter float64) bool {
	return chosen >= 0 && chosen <= 1 && chosen >= charter-1e-9
}
