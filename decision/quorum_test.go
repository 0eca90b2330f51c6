package decision

import "testing"

func TestQuorumNeeded(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		quorum   float64
		eligible int
		want     int
	}{
		{0.5, 10, 5},    // exactly half
		{0.5, 9, 5},     // 4.5 rounds up
		{0.6, 5, 3},     // 3.0000000000000004 in floating point
		{0.7, 10, 7},    // 7.000000000000001
		{1.0 / 3, 9, 3}, // a third typed as a fraction
		{0.33, 9, 3},    // 2.97
		{2.0 / 3, 3, 2}, // 2 of 3
		{0.51, 100, 51},
		{1, 7, 7},
		{0, 10, 1}, // any turnout, but someone must take part
		{0, 0, 1},  // a body with nobody in it cannot decide
		{0.5, 1, 1},
		{0.1, 1, 1},
	} {
		if got := QuorumNeeded(c.quorum, c.eligible); got != c.want {
			t.Errorf("QuorumNeeded(%v, %d) = %d, want %d", c.quorum, c.eligible, got, c.want)
		}
	}
}
