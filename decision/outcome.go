package decision

import (
	"math"

	pk "github.com/partnerkit/partnerkit"
)

// Outcome is what a decisive method yields.
type Outcome string

// Outcomes.
const (
	Passed         Outcome = "passed"
	Rejected       Outcome = "rejected"
	Blocked        Outcome = "blocked"
	MoreDiscussion Outcome = "more_discussion"
	NoQuorum       Outcome = "no_quorum"
)

// Outcomes lists the outcomes in a stable order.
func Outcomes() []Outcome {
	return []Outcome{Passed, Rejected, Blocked, MoreDiscussion, NoQuorum}
}

// DefaultMoreDiscussionShare is the share of "more discussion needed"
// above which a proposal under the gradients goes back for discussion when
// the charter sets none.
const DefaultMoreDiscussionShare = 0.25

// Ballot is one voice: a person, or a member organisation when the unit is
// the organisation. Voter is a label the caller chooses (an organisation's
// name, shown in commitment gaps; required there, optional elsewhere, and
// never twice in one decision); Reason explains an objection or a block.
type Ballot struct {
	Voter  string
	Choice string
	Reason string
}

// Params are the rule a decision is taken under.
type Params struct {
	Method string
	// Quorum is the share of Eligible that must cast a ballot, 0..1.
	Quorum float64
	// Eligible counts people, or member organisations when the unit is the
	// organisation.
	Eligible int
	// MoreDiscussionShare (gradients): above this share of ballots cast
	// asking for more discussion, the proposal goes back; 0 means 0.25.
	MoreDiscussionShare float64
	// ChairDecision (chair): the chair's recorded decision, Passed or
	// Rejected.
	ChairDecision Outcome
	// Minimum (commitment): the least level each organisation must give,
	// one of none, let_happen, help_happen, make_happen.
	Minimum string
}

// Count is how many ballots chose one choice.
type Count struct {
	Choice string
	N      int
}

// Result is an outcome with what explains it.
type Result struct {
	Outcome      Outcome
	Cast         int
	Eligible     int
	QuorumNeeded int
	QuorumMet    bool
	// Counts holds every choice of the method in order, zeros included.
	Counts []Count
	// Objections: under consent the reasons of objections and blocks, under
	// the gradients those given with a block or a serious disagreement, in
	// ballot order. They are listed whatever the outcome: a proposal that
	// passes with objections still owes them an answer.
	Objections []string
	// Gaps (commitment): the voters below the minimum, in ballot order.
	Gaps []string
}

// Decide applies the method to the ballots. It fails with a pk.Error of
// code invalid naming the field ("method", "quorum", "eligible",
// "ballots", "ballots.2.choice", "ballots.2.reason", …) for an unknown
// method or choice, a missing reason or parameters out of range; it never
// returns a partial result.
func Decide(p Params, ballots []Ballot) (Result, error) {
	if err := p.validate(ballots); err != nil {
		return Result{}, err
	}
	r := Result{
		Cast:         len(ballots),
		Eligible:     p.Eligible,
		QuorumNeeded: QuorumNeeded(p.Quorum, p.Eligible),
		Counts:       tally(p.Method, ballots),
	}
	r.QuorumMet = r.Cast >= r.QuorumNeeded
	for _, b := range ballots {
		if b.Reason != "" && objects(p.Method, b.Choice) {
			r.Objections = append(r.Objections, b.Reason)
		}
		if p.Method == Commitment && level(b.Choice) < level(p.Minimum) {
			r.Gaps = append(r.Gaps, b.Voter)
		}
	}
	r.Outcome = p.outcome(r)
	return r, nil
}

// outcome applies the method's rule to a valid tally. No quorum comes
// first for every method: too few voices decide nothing.
func (p Params) outcome(r Result) Outcome {
	if !r.QuorumMet {
		return NoQuorum
	}
	c := r.Counts
	switch p.Method {
	case Gradients:
		// Precedence: blocked, then more discussion, then rejected. A block
		// outranks everything because it says "not this, whatever the
		// rest"; a group asking for more discussion has not yet reached the
		// point where a serious disagreement should end the proposal.
		share := p.MoreDiscussionShare
		if share == 0 {
			share = DefaultMoreDiscussionShare
		}
		switch {
		case n(c, ChoiceBlock) > 0:
			return Blocked
		case above(n(c, ChoiceMoreDiscussion), r.Cast, share):
			return MoreDiscussion
		case n(c, ChoiceSeriousDisagreement) > 0:
			return Rejected
		}
		return Passed
	case Consent:
		if n(c, ChoiceBlock) > 0 {
			return Blocked
		}
		return Passed
	case Majority:
		// Of votes cast: abstentions count for the quorum only; a tie is
		// not a majority.
		if n(c, ChoiceYes) > n(c, ChoiceNo) {
			return Passed
		}
		return Rejected
	case TwoThirds:
		// yes ≥ ⅔ of (yes + no), in integers: 3·yes ≥ 2·(yes+no); with no
		// yes-or-no vote at all, nothing was carried.
		yes, no := n(c, ChoiceYes), n(c, ChoiceNo)
		if yes > 0 && 3*yes >= 2*(yes+no) {
			return Passed
		}
		return Rejected
	case Chair:
		return p.ChairDecision
	case Commitment:
		if len(r.Gaps) > 0 {
			return Rejected
		}
		return Passed
	}
	return Rejected // unreachable: validate admits decisive methods only
}

// above reports k/cast > share, strictly: a share exactly at the threshold
// does not send the proposal back. The tolerance keeps 1 of 4 at 0.25 "at".
func above(k, cast int, share float64) bool {
	return float64(k) > share*float64(cast)+1e-9
}

// objects reports whether choice carries an objection whose reason is listed.
func objects(method, choice string) bool {
	switch method {
	case Consent:
		return choice == ChoiceObject || choice == ChoiceBlock
	case Gradients:
		return choice == ChoiceSeriousDisagreement || choice == ChoiceBlock
	}
	return false
}

// level is a commitment choice's rank, from against (0) to make it happen.
func level(choice string) int {
	for i, c := range Choices(Commitment) {
		if c == choice {
			return i
		}
	}
	return -1
}

// MaxEligible bounds Eligible and the ballots of one decision, far above
// any body's size, so that the arithmetic stays exact.
const MaxEligible = 100000

func (p Params) validate(ballots []Ballot) error {
	var v pk.Validator
	checkMethod(&v, p.Method)
	if err := v.Err(); err != nil {
		return err
	}
	if math.IsNaN(p.Quorum) || p.Quorum < 0 || p.Quorum > 1 {
		v.Add("quorum", "decision.validation.share", map[string]any{"Min": 0, "Max": 1})
	}
	if p.Eligible < 0 || p.Eligible > MaxEligible {
		v.IntRange("eligible", p.Eligible, 0, MaxEligible)
	} else if len(ballots) > p.Eligible {
		// More voices than voters means the caller counted wrongly; a
		// quorum computed from it would be meaningless.
		v.Add("ballots", "decision.validation.more_ballots_than_eligible", map[string]any{"Eligible": p.Eligible, "Cast": len(ballots)})
	}
	if s := p.MoreDiscussionShare; math.IsNaN(s) || s < 0 || s > 1 {
		v.Add("more_discussion_share", "decision.validation.share", map[string]any{"Min": 0, "Max": 1})
	}
	switch p.Method {
	case Chair:
		if p.ChairDecision == "" {
			v.Add("chair_decision", "validation.required", nil)
		} else if p.ChairDecision != Passed && p.ChairDecision != Rejected {
			v.Add("chair_decision", "validation.choice", nil)
		}
	case Commitment:
		if p.Minimum == "" {
			v.Add("minimum", "validation.required", nil)
		} else if level(p.Minimum) < 1 {
			// "against" as a minimum would ask for nothing.
			v.Add("minimum", "validation.choice", nil)
		}
	}
	checkBallots(&v, p.Method, ballots)
	return v.Err()
}
