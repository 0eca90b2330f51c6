package money

import "math/bits"

// BasisPoints is a share in hundredths of a percent: 10000 is the whole,
// 5000 half. Integer, so that a share computed twice is the same share.
type BasisPoints int64

// Share returns part/whole in basis points, rounded down (so a share shown
// as 50.00 % is never truly less than half). A non-positive whole or a
// negative part gives 0. Computed on 128 bits: exact for every int64.
func Share(part, whole int64) BasisPoints {
	if whole <= 0 || part <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(part), 10000)
	if hi >= uint64(whole) {
		// part > whole by so much the quotient would not fit: cap far
		// above any whole.
		return BasisPoints(1<<62 - 1)
	}
	q, _ := bits.Div64(hi, lo, uint64(whole))
	return BasisPoints(q)
}

// Percent writes the share with two decimals and no sign ("66.66").
func (b BasisPoints) Percent() string {
	return Format(int64(b), "EUR")
}

// DominanceThreshold is the share above which one funder or one member
// organisation dominates the partnership's resources: more than half. Seed
// 000 asks that "not a single organisation should dominate" and that the
// partnership acquire "funding from a range of sources"; more than half
// from one hand is the point at which that hand could carry the
// partnership alone.
const DominanceThreshold BasisPoints = 5000

// Part is one hand's total: a funder, or a member organisation.
type Part struct {
	Key    string
	Amount int64
}

// Largest is the biggest part of a whole and its share.
type Largest struct {
	Key      string      `json:"key"`
	Amount   int64       `json:"amount"`
	Total    int64       `json:"total"`
	Share    BasisPoints `json:"share_bp"`
	Dominant bool        `json:"dominant"` // Share > DominanceThreshold
}

// LargestOf returns the largest of parts (ties: the first key in
// alphabetical order, so the answer does not depend on the order of rows),
// its share of the sum and whether it dominates. Non-positive parts count
// for nothing. Empty or all-zero parts give a zero Largest.
func LargestOf(parts []Part) (Largest, error) {
	var l Largest
	for _, p := range parts {
		if p.Amount <= 0 {
			continue
		}
		var err error
		if l.Total, err = Add(l.Total, p.Amount); err != nil {
			return Largest{}, err
		}
		if p.Amount > l.Amount || (p.Amount == l.Amount && p.Key < l.Key) {
			l.Key, l.Amount = p.Key, p.Amount
		}
	}
	l.Share = Share(l.Amount, l.Total)
	l.Dominant = l.Share > DominanceThreshold
	return l, nil
}
