package partnerkit

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Evaluation looks at how the partnership and its work are doing (seed
// 004, stage 4 "Monitor": formative evaluation while the work goes on,
// summative at its end; seed 001, activity 15: community organisations
// as evaluators). It covers a period, is carried out by a body (a
// monitoring group) or by named people, answers questions with findings
// and evidence, and records the changes made as a result. From an
// evaluation, the partnership decides whether to continue, change or
// close — through a proposal of the decisions module — and, when closing,
// keeps a closure plan (seed 001, activity 16: ending without losing local
// involvement and resources).
type Evaluation struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Kind       string `json:"kind"`
	PeriodFrom string `json:"period_from"` // YYYY-MM-DD
	PeriodTo   string `json:"period_to"`   // YYYY-MM-DD
	// BodyID is the body that evaluates (e.g. a monitoring group);
	// Evaluators names people, for an evaluation without a body or beside it.
	BodyID     string `json:"body_id,omitempty"`
	BodyName   string `json:"body_name,omitempty"`
	Evaluators string `json:"evaluators"`
	Status     string `json:"status"`
	Summary    string `json:"summary"`
	// Continuation is the state of the decision to continue, change or
	// close: "" (not asked), open (pros and cons gathered), proposed (a
	// proposal is before a body), decided (Outcome holds the answer).
	Continuation string `json:"continuation"`
	// Direction is what the proposal before the body proposes.
	Direction string `json:"direction,omitempty"`
	// ProposalID is the latest proposal of the continuation question.
	ProposalID string `json:"proposal_id,omitempty"`
	// ProposalOutcome is the decision's outcome on that proposal (passed,
	// rejected, …) once decided.
	ProposalOutcome string `json:"proposal_outcome,omitempty"`
	// Outcome is continue, change or close once a proposal passed.
	Outcome   string `json:"outcome,omitempty"`
	DecidedOn string `json:"decided_on,omitempty"`
	// ClosurePlanID is the plan the closure items became tasks in.
	ClosurePlanID string    `json:"closure_plan_id,omitempty"`
	Version       int       `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// Evaluation kinds (seed 004: formative during the work, summative at its end).
const (
	EvaluationFormative = "formative"
	EvaluationSummative = "summative"
)

// EvaluationKinds lists the kinds.
var EvaluationKinds = []string{EvaluationFormative, EvaluationSummative}

// EvaluationStatuses are an evaluation's states, in order.
var EvaluationStatuses = []string{"planned", "in_progress", "done"}

// The continuation question's states.
const (
	ContinuationOpen     = "open"
	ContinuationProposed = "proposed"
	ContinuationDecided  = "decided"
)

// Directions are the answers to the continuation question.
const (
	DirectionContinue = "continue"
	DirectionChange   = "change"
	DirectionClose    = "close"
)

// Directions lists the answers.
var Directions = []string{DirectionContinue, DirectionChange, DirectionClose}

// AreaContinuation is the decision area a charter may give the
// continuation question to; without it, the question goes where the
// charter sends agreement changes (continuing, changing or ending the
// partnership changes what its members agreed).
const AreaContinuation = "continuation"

// EvaluationInput creates or changes an evaluation.
type EvaluationInput struct {
	Title      string
	Kind       string
	PeriodFrom string
	PeriodTo   string
	BodyID     string
	Evaluators string
	Status     string
	Summary    string
	// DefaultQuestions (create only) adds the stage-4 questions.
	DefaultQuestions bool
	Version          int
}

// Validate checks an evaluation's own fields; the store checks the body.
func (in *EvaluationInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	in.BodyID = strings.TrimSpace(in.BodyID)
	if in.Status == "" {
		in.Status = "planned"
	}
	v.Text("title", in.Title, true, 200)
	v.OneOf("kind", in.Kind, true, EvaluationKinds)
	v.OneOf("status", in.Status, true, EvaluationStatuses)
	v.Text("body_id", in.BodyID, false, 64)
	v.Text("evaluators", in.Evaluators, false, 1000)
	v.Text("summary", in.Summary, false, 8000)
	if in.PeriodFrom == "" {
		v.Add("period_from", "validation.required", nil)
	}
	if in.PeriodTo == "" {
		v.Add("period_to", "validation.required", nil)
	}
	from, okFrom := checkDate(&v, "period_from", in.PeriodFrom)
	to, okTo := checkDate(&v, "period_to", in.PeriodTo)
	if okFrom && okTo && in.PeriodFrom != "" && in.PeriodTo != "" && to.Before(from) {
		v.Add("period_to", "evaluation.validation.end_before_start", nil)
	}
	if in.BodyID == "" && strings.TrimSpace(in.Evaluators) == "" && !v.Has("evaluators") {
		v.Add("evaluators", "evaluation.validation.who", nil)
	}
	return v.Err()
}

// EvaluationQuestion is one question of an evaluation with its finding
// and the evidence for it. A default question's Text is its catalogue key
// (Default) until someone rewords it, so each reader sees it in their
// language.
type EvaluationQuestion struct {
	ID       string   `json:"id"`
	Topic    string   `json:"topic"`
	Default  bool     `json:"default"`
	Text     string   `json:"text"`
	Finding  string   `json:"finding"`
	Evidence []string `json:"evidence"`
	// FoundBy is who last wrote the finding.
	FoundBy   string    `json:"found_by,omitempty"`
	Position  int       `json:"position"`
	Version   int       `json:"version"`
	UpdatedAt time.Time `json:"updated_at"`
}

// QuestionTopics are the stage-4 guiding topics a question belongs to.
var QuestionTopics = []string{"reporting", "partnership", "future", "continuation", "other"}

// DefaultQuestion is one question of the default set, by topic and key.
type DefaultQuestion struct{ Topic, Key string }

// DefaultEvaluationQuestions are seed 004's stage-4 guiding questions in
// our own words ("Working Together: Collaborative Practices and Tools",
// stage 4: Monitor), with seed 001's activity 16 for ending well. Their
// texts are catalogue keys.
var DefaultEvaluationQuestions = []DefaultQuestion{
	{"reporting", "evaluation.question.outcomes"},
	{"reporting", "evaluation.question.smart"},
	{"reporting", "evaluation.question.tools"},
	{"partnership", "evaluation.question.procedures"},
	{"partnership", "evaluation.question.benefit"},
	{"partnership", "evaluation.question.resources"},
	{"partnership", "evaluation.question.difficulties"},
	{"partnership", "evaluation.question.evolved"},
	{"partnership", "evaluation.question.understood"},
	{"future", "evaluation.question.changes"},
	{"continuation", "evaluation.question.continue"},
	{"continuation", "evaluation.question.local"},
}

// QuestionInput adds or rewords a question (coordinators).
type QuestionInput struct {
	Topic   string
	Text    string
	Version int
}

// Validate checks a question.
func (in *QuestionInput) Validate() error {
	var v Validator
	in.Text = strings.TrimSpace(in.Text)
	if in.Topic == "" {
		in.Topic = "other"
	}
	v.OneOf("topic", in.Topic, true, QuestionTopics)
	v.Text("text", in.Text, true, 1000)
	return v.Err()
}

// FindingInput records the finding on a question and its evidence: links
// to indicators, surveys, reports or anything else (members).
type FindingInput struct {
	Finding  string
	Evidence []string
	Version  int
}

// Validate checks a finding and its links.
func (in *FindingInput) Validate() error {
	var v Validator
	v.Text("finding", in.Finding, false, 8000)
	in.Evidence = cleanLines(in.Evidence)
	if len(in.Evidence) > MaxEvidenceLinks {
		v.Add("evidence", "evaluation.validation.too_many_links", map[string]any{"Max": MaxEvidenceLinks})
	}
	for _, l := range in.Evidence {
		if !evidenceLink(l) {
			v.Add("evidence", "evaluation.validation.link", map[string]any{"Link": l})
			break
		}
	}
	return v.Err()
}

// evidenceLink accepts an http(s) address or a path inside Partnerkit
// (e.g. /p/…/indicators/…), so evidence can point at our own pages.
func evidenceLink(s string) bool {
	if utf8.RuneCountInString(s) > 2000 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if u.Scheme == "" && u.Host == "" {
		return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//")
	}
	return (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// cleanLines trims each entry and drops the empty ones.
func cleanLines(xs []string) []string {
	out := []string{}
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// EvaluationChange is a change made as a result of an evaluation (seed
// 004: "what modifications or refinements did we make"); it may become a
// task in a plan.
type EvaluationChange struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	TaskID    string    `json:"task_id,omitempty"`
	PlanID    string    `json:"plan_id,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// ChangeInput records a change (coordinators).
type ChangeInput struct{ Text string }

// Validate checks a change.
func (in *ChangeInput) Validate() error {
	var v Validator
	in.Text = strings.TrimSpace(in.Text)
	v.Text("text", in.Text, true, 2000)
	return v.Err()
}

// ChangeTaskInput turns a change into a task of a plan.
type ChangeTaskInput struct {
	PlanID     string
	AssigneeID string
	Due        string
}

// Validate checks the plan and date.
func (in *ChangeTaskInput) Validate() error {
	var v Validator
	v.Text("plan_id", in.PlanID, true, 64)
	v.Text("assignee_id", in.AssigneeID, false, 64)
	checkDate(&v, "due", in.Due)
	return v.Err()
}

// ContinuationPoint is a pro or a con of continuing the partnership
// (seed 004: "Do we continue this partnership in the future? What are the
// pros and cons?").
type ContinuationPoint struct {
	ID        string    `json:"id"`
	Side      string    `json:"side"`
	Text      string    `json:"text"`
	AuthorID  string    `json:"author_id,omitempty"`
	Author    string    `json:"author,omitempty"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

// PointSides are pro and con.
var PointSides = []string{"pro", "con"}

// PointInput adds a pro or a con (members).
type PointInput struct {
	Side string
	Text string
}

// Validate checks a point.
func (in *PointInput) Validate() error {
	var v Validator
	in.Text = strings.TrimSpace(in.Text)
	v.OneOf("side", in.Side, true, PointSides)
	v.Text("text", in.Text, true, 1000)
	return v.Err()
}

// ContinuationProposalInput brings the continuation question to the body
// the charter names for it, proposing one direction.
type ContinuationProposalInput struct {
	Direction string
	Title     string
	Text      string
	ClosesAt  time.Time
	TimeZone  string
}

// Validate checks the direction; the proposal's own fields are checked as
// a proposal.
func (in *ContinuationProposalInput) Validate() error {
	var v Validator
	v.OneOf("direction", in.Direction, true, Directions)
	return v.Err()
}

// ClosureItem is one thing the closure plan keeps in the community:
// resources (equipment, funds), contacts (lists handed on, with consent),
// knowledge (documents, the archive) or local involvement (who keeps which
// activity going) — with who answers for it and by when.
type ClosureItem struct {
	ID               string    `json:"id"`
	Kind             string    `json:"kind"`
	What             string    `json:"what"`
	OrganisationID   string    `json:"organisation_id,omitempty"`
	OrganisationName string    `json:"organisation_name,omitempty"`
	PersonID         string    `json:"person_id,omitempty"`
	PersonName       string    `json:"person_name,omitempty"`
	Due              string    `json:"due"`
	TaskID           string    `json:"task_id,omitempty"`
	TaskStatus       string    `json:"task_status,omitempty"`
	CreatedAt        time.Time `json:"created_at"`
}

// ClosureKinds are what a closure plan keeps in the community.
var ClosureKinds = []string{"resources", "contacts", "knowledge", "involvement"}

// ClosureItemInput adds a closure item (coordinators). A responsible
// organisation or person is required, and a due date.
type ClosureItemInput struct {
	Kind           string
	What           string
	OrganisationID string
	PersonID       string
	Due            string
}

// Validate checks a closure item.
func (in *ClosureItemInput) Validate() error {
	var v Validator
	in.What = strings.TrimSpace(in.What)
	v.OneOf("kind", in.Kind, true, ClosureKinds)
	v.Text("what", in.What, true, 2000)
	v.Text("organisation_id", in.OrganisationID, false, 64)
	v.Text("person_id", in.PersonID, false, 64)
	if in.Due == "" {
		v.Add("due", "validation.required", nil)
	}
	checkDate(&v, "due", in.Due)
	if in.OrganisationID == "" && in.PersonID == "" {
		v.Add("organisation_id", "evaluation.validation.responsible", nil)
	}
	return v.Err()
}

// ClosurePlanInput says which plan the closure items become tasks in, the
// first time: an existing plan, or a new plan titled Title under goal
// GoalID (or under a new goal of the same title when none is chosen).
// Later, the evaluation's closure plan is used.
type ClosurePlanInput struct {
	PlanID string
	GoalID string
	Title  string
}

// Validate checks the lengths; the store checks the plan and the goal.
func (in *ClosurePlanInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	v.Text("plan_id", in.PlanID, false, 64)
	v.Text("goal_id", in.GoalID, false, 64)
	v.Text("title", in.Title, in.PlanID == "", 300)
	return v.Err()
}

// EvaluationPage is an evaluation with everything its page shows.
type EvaluationPage struct {
	Evaluation   *Evaluation           `json:"evaluation"`
	Questions    []*EvaluationQuestion `json:"questions"`
	Changes      []*EvaluationChange   `json:"changes"`
	Points       []*ContinuationPoint  `json:"points"`
	ClosureItems []*ClosureItem        `json:"closure_items"`
	// Proposals are the continuation proposals brought so far, latest
	// first (the earlier ones were rejected).
	Proposals []ContinuationProposal `json:"proposals"`
}

// ContinuationProposal is one proposal brought on the continuation
// question and what came of it.
type ContinuationProposal struct {
	ProposalID string `json:"proposal_id"`
	Title      string `json:"title"`
	Direction  string `json:"direction"`
	Status     string `json:"status"`
	Outcome    string `json:"outcome,omitempty"`
}

// EvaluationList is a bounded list of evaluations, newest period first.
type EvaluationList struct {
	Items []*Evaluation `json:"items"`
	Cut   bool          `json:"items_cut"`
}

// Bounds of the module's lists.
const (
	MaxEvaluations         = 200
	MaxEvaluationQuestions = 60
	MaxEvaluationChanges   = 200
	MaxContinuationPoints  = 200
	MaxClosureItems        = 200
	MaxEvidenceLinks       = 10
)

func init() {
	for prefix, list := range map[string][]string{
		"evaluation.kind.":      EvaluationKinds,
		"evaluation.status.":    EvaluationStatuses,
		"evaluation.topic.":     QuestionTopics,
		"evaluation.direction.": Directions,
		"evaluation.side.":      PointSides,
		"evaluation.closure.":   ClosureKinds,
	} {
		choiceLabels[choiceListKey(list)] = prefix
	}
	Enums["evaluation_kind"] = func() []string { return EvaluationKinds }
	Enums["evaluation_status"] = func() []string { return EvaluationStatuses }
	Enums["question_topic"] = func() []string { return QuestionTopics }
	Enums["continuation_direction"] = func() []string { return Directions }
	Enums["point_side"] = func() []string { return PointSides }
	Enums["closure_kind"] = func() []string { return ClosureKinds }
}
