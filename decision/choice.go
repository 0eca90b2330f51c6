package decision

// Choice codes, fixed by the API.
const (
	// Gradients of Agreement, from full support to a block.
	ChoiceEndorse             = "endorse"
	ChoiceAgreeMinor          = "agree_minor"
	ChoiceSupportReservations = "support_reservations"
	ChoiceAbstain             = "abstain" // also majority, two_thirds and chair
	ChoiceMoreDiscussion      = "more_discussion"
	ChoiceDislikeSupport      = "dislike_support"
	ChoiceSeriousDisagreement = "serious_disagreement"
	ChoiceBlock               = "block" // also consent

	// Consent.
	ChoiceConsent    = "consent"
	ChoiceStandAside = "stand_aside"
	ChoiceObject     = "object"

	// Majority, two-thirds and the chair's consultation.
	ChoiceYes = "yes"
	ChoiceNo  = "no"

	// Level of Commitment, from least to most.
	ChoiceAgainst    = "against"
	ChoiceNone       = "none"
	ChoiceLetHappen  = "let_happen"
	ChoiceHelpHappen = "help_happen"
	ChoiceMakeHappen = "make_happen"
)

// Choices returns the choice codes of method in display order (for
// commitment, from least to most), nil for prioritisation methods and
// unknown ones.
func Choices(method string) []string {
	switch method {
	case Gradients:
		return []string{ChoiceEndorse, ChoiceAgreeMinor, ChoiceSupportReservations, ChoiceAbstain, ChoiceMoreDiscussion, ChoiceDislikeSupport, ChoiceSeriousDisagreement, ChoiceBlock}
	case Consent:
		return []string{ChoiceConsent, ChoiceStandAside, ChoiceObject, ChoiceBlock}
	case Majority, TwoThirds, Chair:
		return []string{ChoiceYes, ChoiceNo, ChoiceAbstain}
	case Commitment:
		return []string{ChoiceAgainst, ChoiceNone, ChoiceLetHappen, ChoiceHelpHappen, ChoiceMakeHappen}
	}
	return nil
}

// ReasonRequired reports whether a ballot with choice must carry a reason:
// objections and blocks under consent, because an objection nobody can
// answer cannot be resolved. Under the gradients a reason is welcome with a
// serious disagreement or a block (it is listed) but not demanded: the
// method asks people where they stand, not to argue it on the ballot.
func ReasonRequired(method, choice string) bool {
	return method == Consent && (choice == ChoiceObject || choice == ChoiceBlock)
}
