package decision

import (
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// Tally counts ballots per choice of a decisive method: every choice in
// display order, zeros included, so the distribution is shown even while
// the ballot is open. It checks each ballot as Decide does.
func Tally(method string, ballots []Ballot) ([]Count, error) {
	var v pk.Validator
	checkMethod(&v, method)
	if err := v.Err(); err != nil {
		return nil, err
	}
	checkBallots(&v, method, ballots)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return tally(method, ballots), nil
}

func tally(method string, ballots []Ballot) []Count {
	choices := Choices(method)
	counts := make([]Count, len(choices))
	for i, c := range choices {
		counts[i].Choice = c
	}
	for _, b := range ballots {
		counts[slices.Index(choices, b.Choice)].N++
	}
	return counts
}

// n is the count of choice in counts.
func n(counts []Count, choice string) int {
	for _, c := range counts {
		if c.Choice == choice {
			return c.N
		}
	}
	return 0
}

func checkMethod(v *pk.Validator, method string) {
	if method == "" {
		v.Add("method", "validation.required", nil)
	} else if !Decisive(method) {
		v.Add("method", "validation.choice", nil)
	}
}

// checkBallots names each faulty ballot by its index, "ballots.3.choice",
// as the charter's rows are named. A voter label, when given, may appear
// once only: one voice each.
func checkBallots(v *pk.Validator, method string, ballots []Ballot) {
	choices := Choices(method)
	seen := make(map[string]bool, len(ballots))
	for i, b := range ballots {
		f := "ballots." + strconv.Itoa(i) + "."
		if b.Choice == "" {
			v.Add(f+"choice", "validation.required", nil)
		} else if !slices.Contains(choices, b.Choice) {
			v.Add(f+"choice", "validation.choice", nil)
		} else if ReasonRequired(method, b.Choice) && strings.TrimSpace(b.Reason) == "" {
			v.Add(f+"reason", "decision.validation.reason_required", nil)
		}
		if b.Voter == "" {
			if method == Commitment {
				// The gaps are shown by name, so every organisation needs one.
				v.Add(f+"voter", "validation.required", nil)
			}
		} else if seen[b.Voter] {
			v.Add(f+"voter", "decision.validation.voter_twice", nil)
		} else {
			seen[b.Voter] = true
		}
	}
}
