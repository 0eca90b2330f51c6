package decision

import "errors"

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

// Ballot is one voice: a person, or a member organisation when the unit is
// the organisation. Voter is a label the caller chooses (an organisation's
// name for commitment gaps); Reason explains an objection or a block.
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
	// Rejected; empty while the chair has not decided.
	ChairDecision Outcome
	// Minimum (commitment): the least level each organisation must give.
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
	// Objections (consent, gradients): the reasons of objections and blocks.
	Objections []string
	// Gaps (commitment): the voters below the minimum, in ballot order.
	Gaps []string
}

var errNotImplemented = errors.New("not implemented")

// Decide applies the method to the ballots. It fails with a pk.Error of
// code invalid naming the field ("method", "quorum", "ballots[2].choice",
// "ballots[2].reason", …) for an unknown method or choice, a missing
// reason or parameters out of range.
func Decide(p Params, ballots []Ballot) (Result, error) {
	return Result{}, errNotImplemented
}
