package partnerkit

import (
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Proposal is something brought to a body for a decision (or, with a
// prioritisation method, a list of options to put in order). The charter
// fixes the method, quorum and voting unit from the body and the decision
// area; a coordinator may choose a stricter method, never a looser one.
// The proposal keeps what it was decided by, so a later charter change does
// not rewrite an old decision.
type Proposal struct {
	ID         string   `json:"id"`
	BodyID     string   `json:"body_id"`
	BodyName   string   `json:"body_name"`
	Area       string   `json:"area,omitempty"`
	Title      string   `json:"title"`
	Text       string   `json:"text"`
	Background string   `json:"background"`
	Links      []string `json:"links"`
	Method     string   `json:"method"`
	Quorum     float64  `json:"quorum"`
	Unit       string   `json:"unit"`
	// Options are what a prioritisation puts in order (empty otherwise).
	Options []string `json:"options"`
	// Minimum (commitment): the least level each organisation must give.
	Minimum string `json:"minimum,omitempty"`
	// Lenses (lenses): the partnership's lenses when it was brought,
	// which it keeps whatever is edited later.
	Lenses []Lens `json:"lenses,omitempty"`
	Secret bool   `json:"secret"`
	// MinBallots is how many ballots a secret proposal needs before its
	// results are shown at all (never below MinSecretBallots).
	MinBallots int `json:"min_ballots"`
	// Results says when the tally is shown: never, after one has voted,
	// or after close (secret proposals: after close only).
	Results  string    `json:"results"`
	OpensAt  time.Time `json:"opens_at"`
	ClosesAt time.Time `json:"closes_at"`
	// TimeZone is where the times are meant (an IANA name), for showing
	// them as the proposer meant them.
	TimeZone string `json:"time_zone"`
	Status   string `json:"status"`
	// Voting says whether ballots are taken now (a chair's proposal past
	// its close time waits for the chair, and takes none).
	Voting bool `json:"voting"`
	// Outcome is null while open and for a prioritisation.
	Outcome *string `json:"outcome"`
	// ChairDecision is the chair's recorded decision (method chair).
	ChairDecision string `json:"chair_decision,omitempty"`
	// AwaitingChair: a chair's proposal past its close time, waiting for
	// the chair (or a coordinator) to record the decision.
	AwaitingChair bool `json:"awaiting_chair"`
	// MayDecideAsChair says whether the asker may record it.
	MayDecideAsChair bool `json:"may_decide_as_chair"`
	// Proxies: whether the charter allows them, those given (who to whom),
	// the one the asker gave, those the asker holds, and who the asker may
	// give theirs to (while they may).
	ProxiesAllowed  bool        `json:"proxies_allowed"`
	Proxies         []Proxy     `json:"proxies"`
	MyProxy         *Proxy      `json:"my_proxy"`
	HeldProxies     []HeldProxy `json:"held_proxies"`
	ProxyCandidates []Voter     `json:"proxy_candidates,omitempty"`
	// CastByProxy says the asker's open ballot was cast by their holder.
	CastByProxy bool `json:"cast_by_proxy,omitempty"`
	BallotsCast int  `json:"ballots_cast"`
	Eligible    int  `json:"eligible"`
	// Tally is the computed result, when the asker may see it now; nil
	// otherwise (ResultsHidden says why: too_few, after_close,
	// after_voting, never).
	Tally         *Tally `json:"tally"`
	ResultsHidden string `json:"results_hidden,omitempty"`
	// HasVoted says whether the asker (or their organisation) has voted;
	// MyChoice is their choice on an open ballot (never on a secret one).
	HasVoted   bool   `json:"has_voted"`
	MyChoice   string `json:"my_choice,omitempty"`
	DecisionID string `json:"decision_id,omitempty"`
	// ReopensDecisionID is the decision this proposal re-opens, if any.
	ReopensDecisionID string `json:"reopens_decision_id,omitempty"`
	ReviewOn          string `json:"review_on,omitempty"`
	// Meetings are the meetings with the proposal on their agenda (filled
	// for one proposal, not in lists), earliest first.
	Meetings    []MeetingRef `json:"meetings,omitempty"`
	MeetingsCut bool         `json:"meetings_cut,omitempty"`
	CreatedBy   string       `json:"created_by,omitempty"`
	Version     int          `json:"version"`
	CreatedAt   time.Time    `json:"created_at"`
	ClosedAt    *time.Time   `json:"closed_at"`
}

// Open reports whether ballots are taken at now.
func (p *Proposal) Open(now time.Time) bool {
	return p.Status == ProposalOpen && now.Before(p.ClosesAt)
}

// Proposal statuses.
const (
	ProposalOpen   = "open"
	ProposalClosed = "closed"
)

// When results are shown.
const (
	ResultsNever       = "never"
	ResultsAfterVoting = "after_voting"
	ResultsAfterClose  = "after_close"
)

// ResultsVisibilities lists when results may be shown.
var ResultsVisibilities = []string{ResultsAfterClose, ResultsAfterVoting, ResultsNever}

// MinSecretBallots is the least number of ballots a secret proposal needs
// before its results are shown: below it, a few voters who know how the
// others voted could tell what the last one chose. A proposal may ask for
// more, never fewer.
const MinSecretBallots = 5

// Bounds of a proposal and of the lists the module returns.
const (
	MaxProposalLinks   = 10
	MaxProposalOptions = 20
	MaxProposals       = 200
	// MaxProposalChoices bounds the proposals a form offers (ProposalChoices).
	MaxProposalChoices  = 100
	MaxDecisions        = 500
	MaxProposalDuration = 366 * 24 * time.Hour
	// MaxScore and DotsPerVoter are the scales of score and dot votes.
	MaxScore     = 5
	DotsPerVoter = 5
)

// PrioritisationMethods order options instead of deciding one proposal
// (the decision rule package's score, dot vote, ranked choice and
// strategic lenses).
var PrioritisationMethods = []string{"score", "dots", "ranked", "lenses"}

// MethodCommitment is the Level of Commitment: one ballot per member
// organisation, from against to "make it happen", against a minimum the
// proposal names. It is never secret (its gaps are named).
const MethodCommitment = "commitment"

// CommitmentMinimums are the levels a commitment proposal may ask for.
var CommitmentMinimums = []string{"none", "let_happen", "help_happen", "make_happen"}

// ProposalMethods are every method a proposal may use: the charter's
// decisive ones and the prioritisations.
var ProposalMethods = append(append(slices.Clip(DecisionMethods), MethodCommitment), PrioritisationMethods...)

// Prioritisation reports whether method orders options.
func Prioritisation(method string) bool { return slices.Contains(PrioritisationMethods, method) }

// Tally is a computed result as pages and the API show it: the outcome,
// the counts of every choice (zeros too), the quorum, the unresolved
// objections, and for a prioritisation the ordered options.
type Tally struct {
	Outcome      string        `json:"outcome,omitempty"`
	Cast         int           `json:"cast"`
	Eligible     int           `json:"eligible"`
	QuorumNeeded int           `json:"quorum_needed"`
	QuorumMet    bool          `json:"quorum_met"`
	Counts       []ChoiceCount `json:"counts"`
	Objections   []string      `json:"objections"`
	Ranking      []RankedItem  `json:"ranking,omitempty"`
	// Lenses (lenses): the lenses the contributions are by, in order.
	Lenses []Lens `json:"lenses,omitempty"`
	// Minimum and Gaps (commitment): the level asked of each organisation
	// and the organisations below it, by name.
	Minimum string `json:"minimum,omitempty"`
	Gaps    []Gap  `json:"gaps,omitempty"`
	// Levels (commitment): each organisation's level, by name, so the
	// distance to carrying the proposal is seen (open ballots only).
	Levels []Gap `json:"levels,omitempty"`
}

// Gap is an organisation and the level of commitment it gave.
type Gap struct {
	OrganisationID string `json:"organisation_id"`
	Name           string `json:"name"`
	Choice         string `json:"choice"`
}

// ChoiceCount is how many ballots chose one choice.
type ChoiceCount struct {
	Choice string `json:"choice"`
	N      int    `json:"n"`
}

// RankedItem is one option's place in a prioritisation, with each lens's
// weighted part of its total (lenses only).
type RankedItem struct {
	Option        string             `json:"option"`
	Total         float64            `json:"total"`
	Position      int                `json:"position"`
	Contributions map[string]float64 `json:"contributions,omitempty"`
}

// ProposalInput brings a proposal to a body. Method empty takes the
// charter's; a different decisive method must be at least as strict.
type ProposalInput struct {
	Title      string
	Text       string
	Background string
	Links      []string
	BodyID     string
	Area       string
	Method     string
	Secret     bool
	MinBallots int
	Results    string
	ClosesAt   time.Time
	TimeZone   string
	Options    []string
	ReviewOn   string
	// Minimum (commitment only): one of CommitmentMinimums.
	Minimum string
}

// Validate checks the proposal's own fields; the store checks the body,
// the area and the method against the charter, and the close time against
// the clock.
func (in *ProposalInput) Validate() error {
	var v Validator
	v.Text("title", in.Title, true, 200)
	v.Text("text", in.Text, true, 20000)
	v.Text("background", in.Background, false, 20000)
	v.Text("body_id", in.BodyID, true, 64)
	v.Text("area", in.Area, false, 40)
	if len(in.Links) > MaxProposalLinks {
		v.Add("links", "decision.validation.too_many", map[string]any{"Max": MaxProposalLinks})
	}
	for _, l := range in.Links {
		if u, err := url.Parse(l); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || utf8.RuneCountInString(l) > 2000 {
			v.Add("links", "decision.validation.link", map[string]any{"Link": l})
			break
		}
	}
	v.OneOf("method", in.Method, false, ProposalMethods)
	v.OneOf("results", in.Results, false, ResultsVisibilities)
	if in.MinBallots != 0 {
		// 0 takes the least, MinSecretBallots.
		v.IntRange("min_ballots", in.MinBallots, MinSecretBallots, 10000)
	}
	if in.ClosesAt.IsZero() {
		v.Add("closes_at", "validation.required", nil)
	}
	if in.TimeZone != "" {
		if _, err := time.LoadLocation(in.TimeZone); err != nil || len(in.TimeZone) > 64 {
			v.Add("time_zone", "decision.validation.time_zone", nil)
		}
	}
	if in.ReviewOn != "" {
		checkDate(&v, "review_on", in.ReviewOn)
	}
	if in.Method == MethodCommitment {
		v.OneOf("minimum", in.Minimum, true, CommitmentMinimums)
		if in.Secret {
			v.Add("secret", "decision.validation.commitment_secret", nil)
		}
	} else if in.Minimum != "" {
		v.Add("minimum", "decision.validation.no_minimum", nil)
	}
	if Prioritisation(in.Method) {
		if len(in.Options) < 2 || len(in.Options) > MaxProposalOptions {
			v.Add("options", "decision.validation.options", map[string]any{"Min": 2, "Max": MaxProposalOptions})
		}
		seen := map[string]bool{}
		for _, o := range in.Options {
			if o == "" || utf8.RuneCountInString(o) > 200 || seen[o] {
				v.Add("options", "decision.validation.option", map[string]any{"Option": o})
				break
			}
			seen[o] = true
		}
	} else if len(in.Options) > 0 {
		v.Add("options", "decision.validation.no_options", nil)
	}
	return v.Err()
}

// Normalise trims what people type around titles, links and options.
func (in *ProposalInput) Normalise() {
	in.Title = strings.TrimSpace(in.Title)
	in.Links = slices.DeleteFunc(trimAll(in.Links), func(s string) bool { return s == "" })
	in.Options = slices.DeleteFunc(trimAll(in.Options), func(s string) bool { return s == "" })
}

func trimAll(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, strings.TrimSpace(x))
	}
	return out
}

// BallotInput is one vote: a choice (with a reason where the method asks
// for one) or, for a prioritisation, scores, dots or a ranking.
// OrganisationID names the organisation voted for when the unit is the
// organisation; the voter must be its authorised representative.
type BallotInput struct {
	Choice         string
	Reason         string
	OrganisationID string
	Scores         map[string]float64
	Ranking        []string
	LensScores     map[string]map[string]float64
	// ForUserID casts the ballot of a voter whose proxy the asker holds
	// (empty: the asker's own).
	ForUserID string
}

// Validate checks the ballot's own fields; the store checks the choice
// against the proposal's method.
func (in *BallotInput) Validate() error {
	var v Validator
	v.Text("reason", in.Reason, false, 4000)
	v.Text("organisation_id", in.OrganisationID, false, 64)
	v.Text("for_user_id", in.ForUserID, false, 64)
	for k, x := range in.Scores {
		if math.IsNaN(x) || math.IsInf(x, 0) || utf8.RuneCountInString(k) > 200 {
			v.Add("scores", "decision.validation.scores", nil)
			break
		}
	}
	if len(in.Scores) > MaxProposalOptions {
		v.Add("scores", "decision.validation.too_many", map[string]any{"Max": MaxProposalOptions})
	}
	if len(in.LensScores) > MaxProposalOptions {
		v.Add("lens_scores", "decision.validation.too_many", map[string]any{"Max": MaxProposalOptions})
	}
	if len(in.Ranking) > MaxProposalOptions {
		v.Add("ranking", "decision.validation.too_many", map[string]any{"Max": MaxProposalOptions})
	}
	for _, o := range in.Ranking {
		if utf8.RuneCountInString(o) > 200 {
			v.Add("ranking", "decision.validation.option", map[string]any{"Option": o})
			break
		}
	}
	return v.Err()
}

// ChairInput records the chair's decision after consultation.
type ChairInput struct {
	Decision string // passed or rejected
}

// Decision is a proposal's outcome, kept in the partnership's decision
// log: what was decided, by which body and method, the tally, when, and
// when it should be looked at again.
type Decision struct {
	ID            string  `json:"id"`
	ProposalID    string  `json:"proposal_id"`
	ProposalTitle string  `json:"proposal_title"`
	BodyID        string  `json:"body_id"`
	BodyName      string  `json:"body_name"`
	Area          string  `json:"area,omitempty"`
	Method        string  `json:"method"`
	Secret        bool    `json:"secret"`
	Outcome       *string `json:"outcome"`
	Tally         *Tally  `json:"tally"`
	TooFew        bool    `json:"too_few,omitempty"`
	DecidedOn     string  `json:"decided_on"`
	ReviewOn      string  `json:"review_on"`
	// Re-opening: who asked, how many are needed, from when it may be.
	ReopenSupporters int    `json:"reopen_supporters"`
	ReopenNeeded     int    `json:"reopen_needed"`
	ReopenFrom       string `json:"reopen_from,omitempty"`
	ReopenAllowed    bool   `json:"reopen_allowed"`
	Supported        bool   `json:"supported"`
	ReopenedBy       string `json:"reopened_by_proposal_id,omitempty"`
	// MeetingID is the meeting the decision was taken at (the vote taken
	// in the room, or a close while the meeting was in progress); InRoom
	// says the counts are a show of hands recorded there.
	MeetingID    string    `json:"meeting_id,omitempty"`
	MeetingTitle string    `json:"meeting_title,omitempty"`
	InRoom       bool      `json:"in_room,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
}

// DecisionList is a bounded decision log, newest first.
type DecisionList struct {
	Items []*Decision `json:"items"`
	Cut   bool        `json:"items_cut"`
}

// ProposalChoice is a proposal as a form offers it.
type ProposalChoice struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
}

// ProposalList is a bounded list of proposals, open first then newest.
type ProposalList struct {
	Items []*Proposal `json:"items"`
	Cut   bool        `json:"items_cut"`
}

// OutcomeCode is the outcome, or "" while there is none.
func (p *Proposal) OutcomeCode() string { return deref(p.Outcome) }

// OutcomeCode is the outcome, or "" when none may be shown.
func (d *Decision) OutcomeCode() string { return deref(d.Outcome) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
