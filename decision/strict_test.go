package decision

import "testing"

func TestStricter(t *testing.T) {
	t.Parallel()
	order := []string{Chair, Majority, TwoThirds, Consent, Gradients}
	for i, a := range order {
		for j, b := range order {
			if got := Stricter(a, b); got != (i > j) {
				t.Errorf("Stricter(%s, %s) = %v", a, b, got)
			}
			if got := AtLeastAsStrict(a, b); got != (i >= j) {
				t.Errorf("AtLeastAsStrict(%s, %s) = %v", a, b, got)
			}
		}
	}
	for _, c := range []struct {
		chosen, charter string
		want            bool
	}{
		{Commitment, Commitment, true},
		{Commitment, Majority, false},
		{Gradients, Commitment, false},
		{Dots, Chair, false},
		{"", Majority, false},
		{"", "", false},
		{"unknown", "unknown", false},
		{Dots, Dots, false},
	} {
		if got := AtLeastAsStrict(c.chosen, c.charter); got != c.want {
			t.Errorf("AtLeastAsStrict(%q, %q) = %v", c.chosen, c.charter, got)
		}
	}
}

func TestQuorumAtLeast(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		chosen, charter float64
		want            bool
	}{
		{0.5, 0.5, true},
		{0.6, 0.5, true},
		{0.4, 0.5, false},
		{0.1 + 0.2, 0.3, true}, // 0.30000000000000004
		{0.3, 0.1 + 0.2, true},
		{1, 1, true},
		{1.1, 0.5, false},
		{-0.1, 0, false},
		{0, 0, true},
	} {
		if got := QuorumAtLeast(c.chosen, c.charter); got != c.want {
			t.Errorf("QuorumAtLeast(%v, %v) = %v", c.chosen, c.charter, got)
		}
	}
}
