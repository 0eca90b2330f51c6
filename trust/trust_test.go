package trust

import "testing"

func full(rater, rated string, t, v, intensity int) Rating {
	return Rating{Rater: rater, Rated: rated, Openness: t, Reliability: t, Mission: t, Power: v, Resources: v, Involvement: v, Intensity: intensity}
}

func TestComplete(t *testing.T) {
	for _, c := range []struct {
		name string
		r    Rating
		want bool
	}{
		{"all six", full("a", "b", 1, 4, 0), true},
		{"one missing", Rating{Rater: "a", Rated: "b", Openness: 3, Reliability: 3, Mission: 3, Power: 3, Resources: 3}, false},
		{"above the scale", full("a", "b", 5, 4, 0), false},
		{"below the scale", full("a", "b", 0, 4, 0), false},
		{"oneself", full("a", "a", 3, 3, 0), false},
	} {
		if got := c.r.Complete(); got != c.want {
			t.Errorf("%s: Complete = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSummariseCountsOnlyCompleteRatings(t *testing.T) {
	orgs := []string{"a", "b", "c"}
	half := full("c", "a", 1, 1, 2)
	half.Involvement = 0
	s := Summarise(orgs, []Rating{full("b", "a", 4, 2, 3), full("c", "b", 2, 4, 1), half, full("a", "b", 3, 3, 4)})
	if s.Complete != 3 || s.Incomplete != 1 {
		t.Fatalf("complete %d incomplete %d, want 3 and 1", s.Complete, s.Incomplete)
	}
	// a was rated completely by b only: below the small-number rule.
	if a := s.Orgs[0]; a.Shown || a.Trust != 0 || a.Raters != 1 {
		t.Errorf("a = %+v, want hidden with one rater", a)
	}
	if b := s.Orgs[1]; !b.Shown || b.Trust != 2.5 || b.Value != 3.5 || b.Raters != 2 {
		t.Errorf("b = %+v, want trust 2.5, value 3.5 from two raters", b)
	}
	if !s.Shown || s.Raters != 3 || s.Trust != 3 || s.Value != 3 {
		t.Errorf("network = %+v, want trust 3 and value 3 from three raters", s)
	}
}

func TestSummariseHidesTheNetworkBelowTwoRaters(t *testing.T) {
	s := Summarise([]string{"a", "b"}, []Rating{full("a", "b", 4, 4, 1)})
	if s.Shown || s.Trust != 0 || s.Orgs[1].Shown {
		t.Errorf("one rater shown: %+v", s)
	}
}

func TestSummariseTieNetwork(t *testing.T) {
	orgs := []string{"hub", "x", "y", "z"}
	// A star: everyone tied to the hub only; the pair rated both ways
	// counts once, at its stronger intensity.
	s := Summarise(orgs, []Rating{
		full("x", "hub", 3, 3, Cooperation), full("hub", "x", 3, 3, Integration),
		full("y", "hub", 3, 3, Awareness), full("z", "hub", 3, 3, Coordination),
		full("x", "y", 3, 3, 0), full("outside", "hub", 4, 4, Integration),
	})
	if s.Ties != 3 || s.Density != 0.5 || s.Centralisation != 1 {
		t.Errorf("ties %d density %v centralisation %v, want 3, 0.5, 1", s.Ties, s.Density, s.Centralisation)
	}
	if s.Intensity != [5]int{0, 1, 0, 1, 1} {
		t.Errorf("intensity %v", s.Intensity)
	}
	even := Summarise([]string{"a", "b", "c"}, []Rating{full("a", "b", 2, 2, 1), full("b", "c", 2, 2, 1), full("c", "a", 2, 2, 1)})
	if even.Density != 1 || even.Centralisation != 0 {
		t.Errorf("triangle: density %v centralisation %v, want 1 and 0", even.Density, even.Centralisation)
	}
}
