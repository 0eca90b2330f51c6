package decision

import "math"

// QuorumNeeded is how many ballots must be cast: ceil(quorum × eligible),
// and never fewer than one. The product is rounded to nine decimals before
// the ceiling so that floating error does not ask for one ballot more than
// the charter means (0.6 × 5 is 3.0000000000000004 in floating point, and
// 3 ballots are enough).
//
// A quorum of 0 means "any turnout", not "nobody": a decision in which no
// one took part was not taken, so zero ballots are always no_quorum. Without
// this floor a proposal under consent or the gradients would pass with no
// voice at all.
func QuorumNeeded(quorum float64, eligible int) int {
	x := math.Round(quorum*float64(eligible)*1e9) / 1e9
	return max(1, int(math.Ceil(x)))
}
