package decision

import (
	"errors"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

func TestDecideInRoom(t *testing.T) {
	t.Parallel()
	consent := Params{Method: Consent, Quorum: 0.5, Eligible: 6}
	majority := Params{Method: Majority, Quorum: 0.5, Eligible: 6}
	cases := []struct {
		name    string
		p       Params
		present int
		counts  map[string]int
		reasons []string
		want    Outcome
		met     bool
	}{
		{"consent by all present", consent, 3, map[string]int{ChoiceConsent: 3}, nil, Passed, true},
		// Quorum is who is present, not who raised a hand: silence in the
		// room still counts the present towards the quorum.
		{"fewer hands than present, quorum from attendance", consent, 4, map[string]int{ChoiceConsent: 1}, nil, Passed, true},
		{"present one below the quorum", consent, 2, map[string]int{ChoiceConsent: 2}, nil, NoQuorum, false},
		{"nobody present", consent, 0, nil, nil, NoQuorum, false},
		{"a block with its reason", consent, 3, map[string]int{ChoiceConsent: 2, ChoiceBlock: 1}, []string{"Against our mandate"}, Blocked, true},
		{"majority carried", majority, 5, map[string]int{ChoiceYes: 3, ChoiceNo: 2}, nil, Passed, true},
		{"majority tied", majority, 4, map[string]int{ChoiceYes: 2, ChoiceNo: 2}, nil, Rejected, true},
		{"hands exactly the present", majority, 3, map[string]int{ChoiceYes: 1, ChoiceNo: 1, ChoiceAbstain: 1}, nil, Rejected, true},
		{"zero counts given", majority, 3, map[string]int{ChoiceYes: 0, ChoiceNo: 0}, nil, Rejected, true},
		{"gradients reason optional", Params{Method: Gradients, Quorum: 0.5, Eligible: 4}, 2,
			map[string]int{ChoiceEndorse: 1, ChoiceSeriousDisagreement: 1}, nil, Rejected, true},
		{"chair decides after the show of hands", Params{Method: Chair, Quorum: 0.5, Eligible: 2, ChairDecision: Passed}, 1,
			map[string]int{ChoiceNo: 1}, nil, Passed, true},
	}
	for _, c := range cases {
		r, err := DecideInRoom(c.p, c.present, c.counts, c.reasons)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if r.Outcome != c.want || r.QuorumMet != c.met {
			t.Errorf("%s: %s (quorum %v), want %s (%v)", c.name, r.Outcome, r.QuorumMet, c.want, c.met)
		}
	}
	r, _ := DecideInRoom(consent, 3, map[string]int{ChoiceObject: 1, ChoiceBlock: 1, ChoiceConsent: 1}, []string{"too soon", "not ours"})
	if !slices.Equal(r.Objections, []string{"too soon", "not ours"}) || r.Cast != 3 || r.Eligible != 6 || r.QuorumNeeded != 3 {
		t.Errorf("objections and counts: %+v", r)
	}
}

func TestDecideInRoomInvalid(t *testing.T) {
	t.Parallel()
	consent := Params{Method: Consent, Quorum: 0.5, Eligible: 6}
	cases := []struct {
		name    string
		p       Params
		present int
		counts  map[string]int
		reasons []string
		field   string
	}{
		{"more hands than present", consent, 2, map[string]int{ChoiceConsent: 2, ChoiceStandAside: 1}, nil, "counts"},
		{"more present than eligible", consent, 7, map[string]int{ChoiceConsent: 1}, nil, "present"},
		{"negative count", consent, 3, map[string]int{ChoiceConsent: -1}, nil, "counts.consent"},
		{"choice of another method", consent, 3, map[string]int{ChoiceYes: 1}, nil, "counts.yes"},
		{"an objection without its reason", consent, 3, map[string]int{ChoiceObject: 1}, nil, "reasons"},
		{"more reasons than objections", consent, 3, map[string]int{ChoiceObject: 1}, []string{"a", "b"}, "reasons"},
		{"a blank reason", consent, 3, map[string]int{ChoiceObject: 1}, []string{" "}, "reasons.0"},
		{"prioritisation", Params{Method: "score", Eligible: 3}, 3, nil, nil, "method"},
		{"commitment needs names", Params{Method: Commitment, Eligible: 3, Minimum: ChoiceLetHappen}, 3, nil, nil, "method"},
		{"chair without a decision", Params{Method: Chair, Quorum: 0.5, Eligible: 2}, 1, nil, nil, "chair_decision"},
	}
	for _, c := range cases {
		_, err := DecideInRoom(c.p, c.present, c.counts, c.reasons)
		var e *pk.Error
		if !errors.As(err, &e) || e.Code != pk.EINVALID {
			t.Errorf("%s: %v, want invalid", c.name, err)
			continue
		}
		if !slices.ContainsFunc(e.Fields, func(f pk.FieldError) bool { return f.Field == c.field }) {
			t.Errorf("%s: fields %+v, want %s", c.name, e.Fields, c.field)
		}
	}
}
