package decision

// Method codes. The first five are the charter's decision methods
// (pk.DecisionMethods); commitment is decisive too; the last four order
// options instead of deciding one proposal.
const (
	Gradients  = "gradients"
	Consent    = "consent"
	Majority   = "majority"
	TwoThirds  = "two_thirds"
	Chair      = "chair"
	Commitment = "commitment"
	Score      = "score"
	Dots       = "dots"
	Ranked     = "ranked"
	Lenses     = "lenses"
)

// Methods lists every method, decisive first, in a stable order.
func Methods() []string {
	return []string{Gradients, Consent, Majority, TwoThirds, Chair, Commitment, Score, Dots, Ranked, Lenses}
}

// Decisive reports whether method yields an outcome for one proposal
// (gradients, consent, majority, two_thirds, chair, commitment) rather than
// an order of options.
func Decisive(method string) bool {
	switch method {
	case Gradients, Consent, Majority, TwoThirds, Chair, Commitment:
		return true
	}
	return false
}
