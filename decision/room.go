package decision

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// A vote taken in the room is a show of hands counted per choice, with the
// meeting's attendance behind it: the quorum is who of the eligible is
// present (not who raised a hand), and no choice may count more hands
// than there are eligible people or organisations present. The outcome is
// then the method's own rule, as for ballots.

// InRoom reports whether method can be decided by a show of hands: the
// decisive methods whose ballots need no voter's name (commitment lists
// the organisations below the minimum by name, so it is voted on ballots).
func InRoom(method string) bool {
	return Decisive(method) && method != Commitment
}

// DecideInRoom counts a show of hands and applies the method. present is
// how many of p.Eligible are present by the attendance; counts holds the
// hands per choice (choices left out count zero); reasons are the reasons
// given for objections and blocks, one per hand at most, and under consent
// one per hand exactly. Errors name the field: "counts", "counts.<choice>",
// "present", "reasons", "method" or those of Decide.
func DecideInRoom(p Params, present int, counts map[string]int, reasons []string) (Result, error) {
	var v pk.Validator
	checkMethod(&v, p.Method)
	if v.Err() == nil && !InRoom(p.Method) {
		v.Add("method", "meeting2.validation.room_method", nil)
	}
	if err := v.Err(); err != nil {
		return Result{}, err
	}
	choices := Choices(p.Method)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	hands, needReason, mayReason := 0, 0, 0
	for _, k := range keys {
		n := counts[k]
		switch {
		case !slices.Contains(choices, k):
			v.Add("counts."+k, "validation.choice", nil)
		case n < 0 || n > MaxEligible:
			v.IntRange("counts."+k, n, 0, MaxEligible)
		default:
			hands += n
			if ReasonRequired(p.Method, k) {
				needReason += n
			}
			if objects(p.Method, k) {
				mayReason += n
			}
		}
	}
	if present < 0 || present > p.Eligible {
		v.IntRange("present", present, 0, max(p.Eligible, 0))
	} else if hands > present {
		v.Add("counts", "meeting2.validation.hands_over_present", map[string]any{"Present": present, "Cast": hands})
	}
	for i, r := range reasons {
		if strings.TrimSpace(r) == "" {
			v.Add("reasons."+strconv.Itoa(i), "validation.required", nil)
		}
	}
	switch {
	case len(reasons) < needReason:
		v.Add("reasons", "meeting2.validation.reasons_needed", map[string]any{"Needed": needReason})
	case len(reasons) > mayReason:
		v.Add("reasons", "meeting2.validation.reasons_too_many", map[string]any{"Max": mayReason})
	}
	if err := v.Err(); err != nil {
		return Result{}, err
	}
	// One ballot per hand, in the method's order of choices; the reasons
	// go to the objecting hands in turn.
	ballots := make([]Ballot, 0, hands)
	next := 0
	for _, c := range choices {
		for range counts[c] {
			b := Ballot{Choice: c}
			if objects(p.Method, c) && next < len(reasons) {
				b.Reason, next = strings.TrimSpace(reasons[next]), next+1
			}
			ballots = append(ballots, b)
		}
	}
	r, err := Decide(p, ballots)
	if err != nil {
		return Result{}, err
	}
	r.QuorumMet = present >= r.QuorumNeeded
	r.Outcome = p.outcome(r)
	return r, nil
}
