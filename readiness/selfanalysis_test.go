package readiness

import "testing"

func TestSelfAnalysisSections(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range SelfAnalysisSections {
		if seen[s.ID] {
			t.Errorf("section %q repeated", s.ID)
		}
		seen[s.ID] = true
		if s.Kind != Text && s.Kind != YesNo {
			t.Errorf("section %q has kind %q", s.ID, s.Kind)
		}
	}
	// The brief's list: each of these must be asked.
	for _, id := range []string{
		"strengths", "weaknesses", "needs", "motivation",
		"capacity_people", "capacity_time", "capacity_money",
		"reasons", "added_value", "people_served", "participants", "lived_experience",
	} {
		if !seen[id] {
			t.Errorf("no section %q", id)
		}
	}
}
