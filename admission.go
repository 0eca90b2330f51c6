package partnerkit

import (
	"strconv"
	"strings"
	"time"
)

// Admission is one candidate's way into the partnership, after the
// admission mechanism of the cooperation strategy of Voices of Young
// Refugees in Europe (seed 000: "admission mechanisms have to be in place")
// and the decision procedures of the coalition-building handbook (seed 001:
// which body decides which area). A candidate applies or is nominated (an
// outreach prospect can become one); the charter's admission criteria are
// checked one by one with evidence; the body the charter names for the
// admission area decides; the candidate signs the agreement in force; and
// the organisation becomes an active member. Every step is dated, kept in
// the admission's history and audited.
type Admission struct {
	ID string `json:"id"`
	// CandidateName is how the partnership calls the candidate; once the
	// candidate is linked to an organisation on the platform, that
	// organisation is who joins.
	CandidateName    string `json:"candidate_name"`
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	// Contact details and the motivation are shown to members and
	// coordinators only (AdmissionDetails): observers follow the pipeline.
	ContactName  string `json:"contact_name"`
	ContactEmail string `json:"contact_email"`
	ContactPhone string `json:"contact_phone"`
	Motivation   string `json:"motivation"`
	DetailsShown bool   `json:"details_shown"`

	Source string `json:"source"` // AdmissionSources
	// NominatedBy is the member organisation that nominated the candidate.
	NominatedByID   string `json:"nominated_by_id,omitempty"`
	NominatedByName string `json:"nominated_by_name,omitempty"`
	ProspectID      string `json:"prospect_id,omitempty"`
	ProspectName    string `json:"prospect_name,omitempty"`

	// Stage is where the admission stands (AdmissionStages); StageOn the
	// date of the step that brought it there.
	Stage   string `json:"stage"`
	StageOn string `json:"stage_on"`

	// The decision: the outcome, the body that took it (its name kept as it
	// was then), the date and the note.
	Outcome          string `json:"outcome,omitempty"`
	DecisionBodyID   string `json:"decision_body_id,omitempty"`
	DecisionBodyName string `json:"decision_body_name,omitempty"`
	DecidedOn        string `json:"decided_on,omitempty"`
	DecisionNote     string `json:"decision_note,omitempty"`
	// Signatory is the person who signed the agreement for the candidate.
	Signatory string `json:"signatory,omitempty"`
	SignedOn  string `json:"signed_on,omitempty"`

	// The charter's criteria as the pipeline counts them: how many there
	// are, how many have a check, how many are not met.
	CriteriaTotal   int `json:"criteria_total"`
	CriteriaChecked int `json:"criteria_checked"`
	CriteriaNotMet  int `json:"criteria_not_met"`
	// Criteria, DecidingBody and Agreements are filled when one admission
	// is read: each criterion with its check, the body the charter names
	// for admission, and the agreements in force with whether the
	// candidate's organisation signed each.
	Criteria     []*AdmissionCriterion `json:"criteria,omitempty"`
	DecidingBody *Choice               `json:"deciding_body,omitempty"`
	Agreements   []*AdmissionAgreement `json:"agreements_in_force,omitempty"`

	CreatedByName string    `json:"created_by_name,omitempty"`
	Version       int       `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// AdmissionCriterion is one criterion of the charter in force with the
// admission's check of it (nil until checked). ID is stable while the
// criterion's words stay the same, so a check survives a new charter
// version that keeps the criterion, and a reworded criterion asks for a new
// check.
type AdmissionCriterion struct {
	ID    string          `json:"id"`
	Text  string          `json:"text"`
	Check *AdmissionCheck `json:"check,omitempty"`
}

// AdmissionCheck is one criterion checked: met, not met or unclear, the
// evidence (a text, a link, or both; shown to members and coordinators),
// who checked it, when, and by which charter version.
type AdmissionCheck struct {
	CriterionID    string    `json:"criterion_id"`
	Criterion      string    `json:"criterion"`
	Result         string    `json:"result"`
	Evidence       string    `json:"evidence"`
	EvidenceURL    string    `json:"evidence_url"`
	CharterVersion int       `json:"charter_version"`
	CheckedByName  string    `json:"checked_by_name,omitempty"`
	CheckedAt      time.Time `json:"checked_at"`
}

// AdmissionAgreement is an agreement in force and whether the candidate's
// organisation has signed its current text.
type AdmissionAgreement struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Signed bool   `json:"signed"`
}

// AdmissionStep is one dated step of an admission's history.
type AdmissionStep struct {
	From     string    `json:"from"`
	To       string    `json:"to"`
	On       string    `json:"on"` // the date the step happened, YYYY-MM-DD
	Note     string    `json:"note"`
	UserName string    `json:"user_name,omitempty"`
	At       time.Time `json:"at"` // when it was recorded
}

// AdmissionStepList is an admission's history, oldest first, cut at
// MaxAdmissionSteps.
type AdmissionStepList struct {
	Items []*AdmissionStep `json:"items"`
	Cut   bool             `json:"cut"`
}

// AdmissionList is a partnership's admissions, newest first, cut at
// MaxAdmissions.
type AdmissionList struct {
	Items []*Admission `json:"items"`
	Cut   bool         `json:"cut"`
}

// The ways a candidate comes: it applies, a member organisation nominates
// it, or an outreach prospect is proposed.
const (
	SourceApplication = "application"
	SourceNomination  = "nomination"
	SourceProspect    = "prospect"
)

// AdmissionSources lists the sources.
var AdmissionSources = []string{SourceApplication, SourceNomination, SourceProspect}

// The stages of an admission, in pipeline order. Applied and nominated are
// where it starts; checked follows from the checks (every criterion of the
// charter in force has one) and is never stored; declined and withdrawn end
// it before it is active.
const (
	StageApplied   = "applied"
	StageNominated = "nominated"
	StageChecked   = "checked"
	StageAdmitted  = "admitted"
	StageSigned    = "signed"
	StageActive    = "active"
	StageDeclined  = "declined"
	StageWithdrawn = "withdrawn"
)

// AdmissionStages lists every stage in pipeline order.
var AdmissionStages = []string{StageApplied, StageNominated, StageChecked, StageAdmitted, StageSigned, StageActive,
	StageDeclined, StageWithdrawn}

// The outcomes of a decision.
const (
	OutcomeAdmitted = "admitted"
	OutcomeDeclined = "declined"
)

// AdmissionOutcomes lists the outcomes.
var AdmissionOutcomes = []string{OutcomeAdmitted, OutcomeDeclined}

// The results of a criterion check.
const (
	CheckMet     = "met"
	CheckNotMet  = "not_met"
	CheckUnclear = "unclear"
)

// CheckResults lists the results.
var CheckResults = []string{CheckMet, CheckNotMet, CheckUnclear}

// The bounds of the admission lists and texts.
const (
	MaxAdmissions      = 300
	MaxAdmissionSteps  = 200
	MaxAdmissionChecks = 50 // also the most criteria a charter's text gives
)

// AdmissionInput proposes a candidate or changes its details. Source,
// NominatedByID and ProspectID are read only when creating.
type AdmissionInput struct {
	CandidateName  string
	OrganisationID string
	ContactName    string
	ContactEmail   string
	ContactPhone   string
	Motivation     string
	Source         string
	NominatedByID  string
	ProspectID     string
	Version        int
}

// Validate checks the fields: a nomination names the member organisation
// that nominates, a proposal from outreach names the prospect.
func (in *AdmissionInput) Validate() error {
	var v Validator
	for _, s := range []*string{&in.CandidateName, &in.OrganisationID, &in.ContactName, &in.ContactEmail, &in.ContactPhone,
		&in.Motivation, &in.Source, &in.NominatedByID, &in.ProspectID} {
		*s = strings.TrimSpace(*s)
	}
	v.Text("candidate_name", in.CandidateName, true, 200)
	v.Text("organisation_id", in.OrganisationID, false, 100)
	v.Text("contact_name", in.ContactName, false, 200)
	if in.ContactEmail != "" {
		v.Email("contact_email", in.ContactEmail)
	}
	v.Text("contact_phone", in.ContactPhone, false, 50)
	v.Text("motivation", in.Motivation, false, 4000)
	v.OneOf("source", in.Source, true, AdmissionSources)
	v.Text("nominated_by_id", in.NominatedByID, in.Source == SourceNomination, 100)
	v.Text("prospect_id", in.ProspectID, in.Source == SourceProspect, 100)
	return v.Err()
}

// AdmissionCheckInput checks one criterion, named by its ID.
type AdmissionCheckInput struct {
	CriterionID string
	Result      string
	Evidence    string
	EvidenceURL string
}

// AdmissionChecksInput records checks of some criteria (the others keep
// theirs). Version is the admission's version as read.
type AdmissionChecksInput struct {
	Checks  []AdmissionCheckInput
	Version int
}

// Validate checks every entry; the field names the row ("checks.2.result").
func (in *AdmissionChecksInput) Validate() error {
	var v Validator
	if len(in.Checks) == 0 {
		v.Add("checks", "validation.required", nil)
	}
	if len(in.Checks) > MaxAdmissionChecks {
		v.Add("checks", "governance.validation.too_many", map[string]any{"Max": MaxAdmissionChecks})
		return v.Err()
	}
	seen := map[string]bool{}
	for i := range in.Checks {
		c := &in.Checks[i]
		f := "checks." + strconv.Itoa(i) + "."
		c.Evidence, c.EvidenceURL = strings.TrimSpace(c.Evidence), strings.TrimSpace(c.EvidenceURL)
		v.Text(f+"criterion_id", c.CriterionID, true, 64)
		if seen[c.CriterionID] {
			v.Add(f+"criterion_id", "admission.validation.criterion_twice", nil)
		}
		seen[c.CriterionID] = true
		v.OneOf(f+"result", c.Result, true, CheckResults)
		v.Text(f+"evidence", c.Evidence, false, 2000)
		v.URL(f+"evidence_url", c.EvidenceURL)
		// A check says what it rests on: a criterion is not met or met on
		// someone's word alone.
		if c.Evidence == "" && c.EvidenceURL == "" && !v.Has(f+"evidence") {
			v.Add(f+"evidence", "admission.validation.evidence_required", nil)
		}
	}
	return v.Err()
}

// AdmissionDecisionInput records the decision of the body the charter
// names for admission.
type AdmissionDecisionInput struct {
	Outcome   string
	BodyID    string
	DecidedOn string
	Note      string
	Version   int
}

// Validate checks the fields; the admission rule checks the stage, the
// criteria and the body.
func (in *AdmissionDecisionInput) Validate() error {
	var v Validator
	in.Note = strings.TrimSpace(in.Note)
	v.OneOf("outcome", in.Outcome, true, AdmissionOutcomes)
	v.Text("body_id", in.BodyID, true, 100)
	if in.DecidedOn == "" {
		v.Add("decided_on", "validation.required", nil)
	}
	checkDate(&v, "decided_on", in.DecidedOn)
	v.Text("note", in.Note, false, 4000)
	return v.Err()
}

// AdmissionStepInput records a later step: the agreement signed (with the
// name of who signed for the candidate), the organisation made active, or
// the candidate withdrawn. On is the date it happened (today when empty).
type AdmissionStepInput struct {
	On        string
	Signatory string
	Note      string
	Version   int
}

// Validate checks the fields common to every step.
func (in *AdmissionStepInput) Validate() error {
	var v Validator
	in.Note, in.Signatory = strings.TrimSpace(in.Note), strings.Join(strings.Fields(in.Signatory), " ")
	checkDate(&v, "on", in.On)
	v.Text("signatory", in.Signatory, false, 200)
	v.Text("note", in.Note, false, 4000)
	return v.Err()
}

// AdmissionChoices are what the admission forms offer: member
// organisations that may nominate, prospects that may be proposed, and
// the bodies of the partnership (the decision form presets the one the
// charter names). Each list is bounded by MaxChoices and says when cut.
type AdmissionChoices struct {
	MemberOrganisations []Choice `json:"member_organisations"`
	Prospects           []Choice `json:"prospects"`
	Bodies              []Choice `json:"bodies"`
	Cut                 bool     `json:"cut"`
}
