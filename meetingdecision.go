package partnerkit

import (
	"sort"
	"strconv"
	"time"
)

// MeetingRef names a meeting from elsewhere (the proposal page lists the
// meetings with the proposal on their agenda).
type MeetingRef struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	StartsAt time.Time `json:"starts_at"`
	TimeZone string    `json:"time_zone"`
	// Day is the meeting's date in its own zone (YYYY-MM-DD).
	Day string `json:"day"`
}

// MaxProposalMeetings bounds the meetings listed on a proposal.
const MaxProposalMeetings = 20

// MaxRoomReasons bounds the reasons recorded with a vote in the room.
const MaxRoomReasons = 100

// RoomVoteInput records the vote taken in the room on a proposal of the
// meeting's agenda: the hands counted for each choice of the proposal's
// method, the reasons given for objections and blocks (consent requires
// one per objection or block), and the chair's decision for the chair's
// method. The outcome is computed, never typed.
type RoomVoteInput struct {
	ProposalID    string
	Counts        map[string]int
	Reasons       []string
	ChairDecision string
}

// Validate checks the fields on their own; the rule package checks the
// counts against the method and against who is present.
func (in *RoomVoteInput) Validate() error {
	var v Validator
	v.Text("proposal_id", in.ProposalID, true, 64)
	keys := make([]string, 0, len(in.Counts))
	for k := range in.Counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 20 {
		v.Add("counts", "meeting2.validation.too_many", map[string]any{"Max": 20})
	}
	for _, k := range keys {
		if len(k) > 40 || k == "" {
			v.Add("counts", "validation.choice", nil)
			continue
		}
		v.IntRange("counts."+k, in.Counts[k], 0, 100000)
	}
	if len(in.Reasons) > MaxRoomReasons {
		v.Add("reasons", "meeting2.validation.too_many", map[string]any{"Max": MaxRoomReasons})
	} else {
		for i, r := range in.Reasons {
			v.Text("reasons."+strconv.Itoa(i), r, true, 2000)
		}
	}
	v.Text("chair_decision", in.ChairDecision, false, 40)
	return v.Err()
}

// RoomVote is what the meeting page shows to record the vote on one
// proposal of its agenda: the choices of its method, who may vote by the
// charter's unit (seated people or organisations of the proposal's body),
// who of them is present by the attendance recorded, and how many the
// quorum needs. Refused says why no vote can be recorded in the room (a
// secret proposal, a prioritisation, ballots already cast online).
type RoomVote struct {
	ProposalID    string   `json:"proposal_id"`
	ProposalTitle string   `json:"proposal_title"`
	Method        string   `json:"method"`
	Unit          string   `json:"unit"`
	Choices       []string `json:"choices"`
	Eligible      int      `json:"eligible"`
	Present       int      `json:"present"`
	QuorumNeeded  int      `json:"quorum_needed"`
	Refused       string   `json:"refused,omitempty"`
}

// MaxMeetingDecisions bounds the decisions listed on a meeting's page.
const MaxMeetingDecisions = 50
