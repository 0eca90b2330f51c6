package decision

import (
	"slices"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// ballots builds ballots from choices, giving a reason to those that need
// one ("why <choice>") and each a voter label "v<i>".
func ballots(method string, choices ...string) []Ballot {
	out := make([]Ballot, len(choices))
	for i, c := range choices {
		out[i] = Ballot{Voter: "v" + string(rune('a'+i%26)) + strings.Repeat("'", i/26), Choice: c}
		if ReasonRequired(method, c) || objects(method, c) {
			out[i].Reason = "why " + c
		}
	}
	return out
}

// repeat is n copies of choice.
func repeat(choice string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = choice
	}
	return out
}

func join(parts ...[]string) []string { return slices.Concat(parts...) }

func TestDecide(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name    string
		p       Params
		choices []string
		want    Outcome
	}{
		// Quorum, by person: the caller passes the seated people.
		{"majority, quorum exactly met by person", Params{Method: Majority, Quorum: 0.5, Eligible: 10}, join(repeat(ChoiceYes, 3), repeat(ChoiceNo, 1), repeat(ChoiceAbstain, 1)), Passed},
		{"majority, quorum missed by one", Params{Method: Majority, Quorum: 0.5, Eligible: 10}, join(repeat(ChoiceYes, 4)), NoQuorum},
		{"abstentions count for the quorum", Params{Method: Majority, Quorum: 0.5, Eligible: 10}, join(repeat(ChoiceYes, 1), repeat(ChoiceAbstain, 4)), Passed},
		// By organisation: the caller passes the member organisations.
		{"consent, quorum by organisation met", Params{Method: Consent, Quorum: 0.75, Eligible: 4}, repeat(ChoiceConsent, 3), Passed},
		{"consent, quorum by organisation missed by one", Params{Method: Consent, Quorum: 0.75, Eligible: 4}, repeat(ChoiceConsent, 2), NoQuorum},
		{"floating quorum 0.6 of 5 needs 3", Params{Method: Majority, Quorum: 0.6, Eligible: 5}, repeat(ChoiceYes, 3), Passed},
		{"quorum 0 with no ballots", Params{Method: Consent, Quorum: 0, Eligible: 5}, nil, NoQuorum},
		{"quorum 0 with one ballot", Params{Method: Consent, Quorum: 0, Eligible: 5}, []string{ChoiceConsent}, Passed},
		{"full quorum", Params{Method: Gradients, Quorum: 1, Eligible: 3}, repeat(ChoiceEndorse, 3), Passed},

		// Majority and two-thirds of votes cast.
		{"majority tie is not a majority", Params{Method: Majority, Eligible: 4}, join(repeat(ChoiceYes, 2), repeat(ChoiceNo, 2)), Rejected},
		{"majority by one", Params{Method: Majority, Eligible: 5}, join(repeat(ChoiceYes, 3), repeat(ChoiceNo, 2)), Passed},
		{"majority all abstain", Params{Method: Majority, Eligible: 3}, repeat(ChoiceAbstain, 3), Rejected},
		{"majority of votes cast, not of ballots", Params{Method: Majority, Eligible: 10}, join(repeat(ChoiceYes, 2), repeat(ChoiceNo, 1), repeat(ChoiceAbstain, 5)), Passed},
		{"two-thirds exactly", Params{Method: TwoThirds, Eligible: 6}, join(repeat(ChoiceYes, 4), repeat(ChoiceNo, 2)), Passed},
		{"two-thirds missed by one", Params{Method: TwoThirds, Eligible: 6}, join(repeat(ChoiceYes, 3), repeat(ChoiceNo, 2)), Rejected},
		{"two-thirds with abstentions not counted", Params{Method: TwoThirds, Eligible: 9}, join(repeat(ChoiceYes, 2), repeat(ChoiceNo, 1), repeat(ChoiceAbstain, 6)), Passed},
		{"two-thirds, abstentions do not rescue", Params{Method: TwoThirds, Eligible: 9}, join(repeat(ChoiceYes, 5), repeat(ChoiceNo, 3), repeat(ChoiceAbstain, 1)), Rejected},
		{"two-thirds all abstain", Params{Method: TwoThirds, Eligible: 2}, repeat(ChoiceAbstain, 2), Rejected},
		{"two-thirds unanimous", Params{Method: TwoThirds, Eligible: 1}, []string{ChoiceYes}, Passed},

		// Consent.
		{"consent with a single block", Params{Method: Consent, Eligible: 5}, join(repeat(ChoiceConsent, 4), []string{ChoiceBlock}), Blocked},
		{"consent passes over objections", Params{Method: Consent, Eligible: 5}, join(repeat(ChoiceConsent, 3), []string{ChoiceObject, ChoiceStandAside}), Passed},
		{"consent, all stand aside", Params{Method: Consent, Eligible: 2}, repeat(ChoiceStandAside, 2), Passed},
		{"consent, no quorum outranks a block", Params{Method: Consent, Quorum: 1, Eligible: 5}, []string{ChoiceBlock}, NoQuorum},

		// Gradients and their precedence.
		{"gradients all support", Params{Method: Gradients, Eligible: 5}, []string{ChoiceEndorse, ChoiceAgreeMinor, ChoiceSupportReservations, ChoiceAbstain, ChoiceDislikeSupport}, Passed},
		{"gradients single block", Params{Method: Gradients, Eligible: 5}, join(repeat(ChoiceEndorse, 4), []string{ChoiceBlock}), Blocked},
		{"gradients serious disagreement rejects", Params{Method: Gradients, Eligible: 5}, join(repeat(ChoiceEndorse, 4), []string{ChoiceSeriousDisagreement}), Rejected},
		{"more discussion exactly at a quarter does not extend", Params{Method: Gradients, Eligible: 4}, join(repeat(ChoiceEndorse, 3), []string{ChoiceMoreDiscussion}), Passed},
		{"more discussion above a quarter extends", Params{Method: Gradients, Eligible: 7}, join(repeat(ChoiceEndorse, 5), repeat(ChoiceMoreDiscussion, 2)), MoreDiscussion},
		{"charter share 0.4: exactly at", Params{Method: Gradients, Eligible: 5, MoreDiscussionShare: 0.4}, join(repeat(ChoiceEndorse, 3), repeat(ChoiceMoreDiscussion, 2)), Passed},
		{"charter share 0.4: above", Params{Method: Gradients, Eligible: 5, MoreDiscussionShare: 0.4}, join(repeat(ChoiceEndorse, 2), repeat(ChoiceMoreDiscussion, 3)), MoreDiscussion},
		{"charter share 0.1: one of five extends", Params{Method: Gradients, Eligible: 5, MoreDiscussionShare: 0.1}, join(repeat(ChoiceEndorse, 4), []string{ChoiceMoreDiscussion}), MoreDiscussion},
		{"charter share 1: never extends", Params{Method: Gradients, Eligible: 2, MoreDiscussionShare: 1}, repeat(ChoiceMoreDiscussion, 2), Passed},
		{"precedence: no quorum before block", Params{Method: Gradients, Quorum: 0.5, Eligible: 10}, []string{ChoiceBlock, ChoiceMoreDiscussion, ChoiceSeriousDisagreement}, NoQuorum},
		{"precedence: block before more discussion", Params{Method: Gradients, Eligible: 3}, []string{ChoiceBlock, ChoiceMoreDiscussion, ChoiceMoreDiscussion}, Blocked},
		{"precedence: block before serious disagreement", Params{Method: Gradients, Eligible: 2}, []string{ChoiceBlock, ChoiceSeriousDisagreement}, Blocked},
		{"precedence: more discussion before serious disagreement", Params{Method: Gradients, Eligible: 3}, []string{ChoiceMoreDiscussion, ChoiceSeriousDisagreement, ChoiceEndorse}, MoreDiscussion},

		// The chair decides after consultation.
		{"chair decides against the advice", Params{Method: Chair, Eligible: 3, ChairDecision: Passed}, repeat(ChoiceNo, 3), Passed},
		{"chair rejects", Params{Method: Chair, Eligible: 3, ChairDecision: Rejected}, repeat(ChoiceYes, 3), Rejected},
		{"chair without a consultation quorum", Params{Method: Chair, Quorum: 0.5, Eligible: 6, ChairDecision: Passed}, repeat(ChoiceYes, 2), NoQuorum},

		// Level of commitment.
		{"commitment all at the minimum", Params{Method: Commitment, Eligible: 3, Minimum: ChoiceLetHappen}, []string{ChoiceLetHappen, ChoiceHelpHappen, ChoiceMakeHappen}, Passed},
		{"commitment one below", Params{Method: Commitment, Eligible: 3, Minimum: ChoiceHelpHappen}, []string{ChoiceLetHappen, ChoiceHelpHappen, ChoiceMakeHappen}, Rejected},
		{"commitment against", Params{Method: Commitment, Eligible: 2, Minimum: ChoiceNone}, []string{ChoiceAgainst, ChoiceMakeHappen}, Rejected},
		{"commitment without quorum of organisations", Params{Method: Commitment, Quorum: 1, Eligible: 3, Minimum: ChoiceNone}, []string{ChoiceMakeHappen, ChoiceMakeHappen}, NoQuorum},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r, err := Decide(c.p, ballots(c.p.Method, c.choices...))
			if err != nil {
				t.Fatal(err)
			}
			if r.Outcome != c.want {
				t.Errorf("outcome %s, want %s (%+v)", r.Outcome, c.want, r)
			}
			if r.Cast != len(c.choices) || r.Eligible != c.p.Eligible || r.QuorumMet != (r.Outcome != NoQuorum) {
				t.Errorf("cast %d eligible %d quorum met %v", r.Cast, r.Eligible, r.QuorumMet)
			}
		})
	}
}

// The distribution is always there, every choice in order, zeros included,
// whatever the outcome.
func TestDecideCounts(t *testing.T) {
	t.Parallel()
	r, err := Decide(Params{Method: Gradients, Quorum: 1, Eligible: 10}, ballots(Gradients, ChoiceEndorse, ChoiceEndorse, ChoiceBlock))
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != NoQuorum || r.QuorumNeeded != 10 {
		t.Fatalf("%+v", r)
	}
	want := []Count{{ChoiceEndorse, 2}, {ChoiceAgreeMinor, 0}, {ChoiceSupportReservations, 0}, {ChoiceAbstain, 0},
		{ChoiceMoreDiscussion, 0}, {ChoiceDislikeSupport, 0}, {ChoiceSeriousDisagreement, 0}, {ChoiceBlock, 1}}
	if !slices.Equal(r.Counts, want) {
		t.Errorf("counts %v, want %v", r.Counts, want)
	}
	for _, m := range Methods() {
		if !Decisive(m) {
			continue
		}
		counts, err := Tally(m, nil)
		if err != nil || len(counts) != len(Choices(m)) {
			t.Errorf("Tally(%s) = %v, %v", m, counts, err)
		}
	}
}

func TestDecideObjectionsAndGaps(t *testing.T) {
	t.Parallel()
	r, err := Decide(Params{Method: Consent, Eligible: 4}, []Ballot{
		{Voter: "a", Choice: ChoiceConsent},
		{Voter: "b", Choice: ChoiceObject, Reason: "The budget line is missing."},
		{Voter: "c", Choice: ChoiceStandAside, Reason: "Not our field."},
		{Voter: "d", Choice: ChoiceObject, Reason: "Who speaks to the press?"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != Passed || !slices.Equal(r.Objections, []string{"The budget line is missing.", "Who speaks to the press?"}) {
		t.Errorf("%+v", r)
	}

	r, err = Decide(Params{Method: Gradients, Eligible: 3}, []Ballot{
		{Choice: ChoiceSeriousDisagreement, Reason: "Too risky for our staff."},
		{Choice: ChoiceSeriousDisagreement},
		{Choice: ChoiceDislikeSupport, Reason: "Not my favourite."},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != Rejected || !slices.Equal(r.Objections, []string{"Too risky for our staff."}) {
		t.Errorf("%+v", r)
	}

	r, err = Decide(Params{Method: Commitment, Eligible: 5, Minimum: ChoiceHelpHappen}, []Ballot{
		{Voter: "Sahel Youth", Choice: ChoiceMakeHappen},
		{Voter: "Diaspora Forum", Choice: ChoiceLetHappen},
		{Voter: "Women's Voices", Choice: ChoiceHelpHappen},
		{Voter: "Lyon Aid", Choice: ChoiceAgainst},
		{Voter: "Refugee Law", Choice: ChoiceNone},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != Rejected || !slices.Equal(r.Gaps, []string{"Diaspora Forum", "Lyon Aid", "Refugee Law"}) {
		t.Errorf("%+v", r)
	}
	if r.Counts[0] != (Count{ChoiceAgainst, 1}) || r.Counts[4] != (Count{ChoiceMakeHappen, 1}) {
		t.Errorf("counts %v", r.Counts)
	}
}

func TestDecideInvalid(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name    string
		p       Params
		ballots []Ballot
		field   string
		key     string
	}{
		{"no method", Params{Eligible: 1}, nil, "method", "validation.required"},
		{"unknown method", Params{Method: "lottery", Eligible: 1}, nil, "method", "validation.choice"},
		{"prioritisation is not decisive", Params{Method: Dots, Eligible: 1}, nil, "method", "validation.choice"},
		{"quorum above 1", Params{Method: Majority, Quorum: 1.5, Eligible: 1}, nil, "quorum", "decision.validation.share"},
		{"negative quorum", Params{Method: Majority, Quorum: -0.1, Eligible: 1}, nil, "quorum", "decision.validation.share"},
		{"negative eligible", Params{Method: Majority, Eligible: -1}, nil, "eligible", "validation.range"},
		{"more ballots than eligible", Params{Method: Majority, Eligible: 1}, []Ballot{{Choice: ChoiceYes}, {Choice: ChoiceNo}}, "ballots", "decision.validation.more_ballots_than_eligible"},
		{"more discussion share above 1", Params{Method: Gradients, Eligible: 1, MoreDiscussionShare: 2}, nil, "more_discussion_share", "decision.validation.share"},
		{"choice of another method", Params{Method: Majority, Eligible: 1}, []Ballot{{Choice: ChoiceConsent}}, "ballots.0.choice", "validation.choice"},
		{"no choice", Params{Method: Consent, Eligible: 2}, []Ballot{{Choice: ChoiceConsent}, {}}, "ballots.1.choice", "validation.required"},
		{"objection without reason", Params{Method: Consent, Eligible: 1}, []Ballot{{Choice: ChoiceObject, Reason: "  "}}, "ballots.0.reason", "decision.validation.reason_required"},
		{"block without reason", Params{Method: Consent, Eligible: 1}, []Ballot{{Choice: ChoiceBlock}}, "ballots.0.reason", "decision.validation.reason_required"},
		{"voter twice", Params{Method: Majority, Eligible: 2}, []Ballot{{Voter: "x", Choice: ChoiceYes}, {Voter: "x", Choice: ChoiceNo}}, "ballots.1.voter", "decision.validation.voter_twice"},
		{"chair without a decision", Params{Method: Chair, Eligible: 1}, nil, "chair_decision", "validation.required"},
		{"chair blocks", Params{Method: Chair, Eligible: 1, ChairDecision: Blocked}, nil, "chair_decision", "validation.choice"},
		{"commitment without minimum", Params{Method: Commitment, Eligible: 1}, nil, "minimum", "validation.required"},
		{"commitment minimum against", Params{Method: Commitment, Eligible: 1, Minimum: ChoiceAgainst}, nil, "minimum", "validation.choice"},
		{"commitment minimum unknown", Params{Method: Commitment, Eligible: 1, Minimum: ChoiceYes}, nil, "minimum", "validation.choice"},
		{"commitment without organisation", Params{Method: Commitment, Eligible: 1, Minimum: ChoiceNone}, []Ballot{{Choice: ChoiceMakeHappen}}, "ballots.0.voter", "validation.required"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r, err := Decide(c.p, c.ballots)
			e, ok := pk.AsError(err)
			if !ok || e.Code != pk.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
			if !slices.ContainsFunc(e.Fields, func(f pk.FieldError) bool { return f.Field == c.field && f.Key == c.key }) {
				t.Errorf("fields %+v, want %s: %s", e.Fields, c.field, c.key)
			}
			if r.Outcome != "" || r.Counts != nil {
				t.Errorf("partial result %+v", r)
			}
		})
	}
}

func TestReasonRequired(t *testing.T) {
	t.Parallel()
	var need []string
	for _, m := range Methods() {
		for _, c := range Choices(m) {
			if ReasonRequired(m, c) {
				need = append(need, m+"/"+c)
			}
		}
	}
	if want := []string{"consent/object", "consent/block"}; !slices.Equal(need, want) {
		t.Errorf("reasons required for %v, want %v", need, want)
	}
}

func TestMethods(t *testing.T) {
	t.Parallel()
	var decisive, prioritising []string
	for _, m := range Methods() {
		if Decisive(m) {
			decisive = append(decisive, m)
			if len(Choices(m)) == 0 {
				t.Errorf("%s has no choices", m)
			}
		} else {
			prioritising = append(prioritising, m)
			if Choices(m) != nil {
				t.Errorf("%s has choices", m)
			}
		}
	}
	if !slices.Equal(decisive, []string{Gradients, Consent, Majority, TwoThirds, Chair, Commitment}) ||
		!slices.Equal(prioritising, []string{Score, Dots, Ranked, Lenses}) {
		t.Errorf("decisive %v, prioritising %v", decisive, prioritising)
	}
	// The charter's methods are all decisive and all here.
	for _, m := range pk.DecisionMethods {
		if !Decisive(m) {
			t.Errorf("charter method %s is not decisive here", m)
		}
	}
	if Decisive("") || Choices("unknown") != nil {
		t.Error("unknown method accepted")
	}
}
