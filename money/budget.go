package money

// Coverage compares what a plan needs with what member organisations have
// pledged and delivered towards it (seed 001, activity 11: each member's
// contribution to the mission).
type Coverage struct {
	Need      int64 `json:"need"`
	Pledged   int64 `json:"pledged"`
	Delivered int64 `json:"delivered"`
	// Gap is what is still to be pledged (0 once pledges cover the need).
	Gap int64 `json:"gap"`
	// Outstanding is pledged but not yet delivered (never negative).
	Outstanding int64 `json:"outstanding"`
	// PledgedShare and DeliveredShare are of the need; 0 when no need is
	// stated.
	PledgedShare   BasisPoints `json:"pledged_share_bp"`
	DeliveredShare BasisPoints `json:"delivered_share_bp"`
}

// CoverageOf computes a Coverage. Amounts are in minor units of one
// currency; a negative input is a caller's error and counts as 0.
func CoverageOf(need, pledged, delivered int64) Coverage {
	need, pledged, delivered = max(need, 0), max(pledged, 0), max(delivered, 0)
	return Coverage{
		Need: need, Pledged: pledged, Delivered: delivered,
		Gap:            max(need-pledged, 0),
		Outstanding:    max(pledged-delivered, 0),
		PledgedShare:   Share(pledged, need),
		DeliveredShare: Share(delivered, need),
	}
}

// Balance compares a plan's budget with what has been spent.
type Balance struct {
	Budget    int64 `json:"budget"`
	Spent     int64 `json:"spent"`
	Remaining int64 `json:"remaining"` // negative when overspent
	Overspent bool  `json:"overspent"`
	// SpentShare is of the budget; 0 when there is no budget.
	SpentShare BasisPoints `json:"spent_share_bp"`
}

// BalanceOf computes a Balance, or ErrOverflow.
func BalanceOf(budget, spent int64) (Balance, error) {
	rem, err := Sub(budget, spent)
	if err != nil {
		return Balance{}, err
	}
	return Balance{Budget: budget, Spent: spent, Remaining: rem, Overspent: rem < 0,
		SpentShare: Share(spent, budget)}, nil
}
