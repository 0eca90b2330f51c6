package partnerkit

import "time"

// Charter is one version of the partnership's rules: how each body decides,
// which body decides which area, how meetings run, how conflicts escalate,
// when a decision may be re-opened, who may join, leaving and exclusion,
// the code of conduct and safe space, and what is shared with whom (seed
// 001's "procedures" and "coalition etiquette", seed 000's rules of conduct
// and safe spaces). A change is a new version; the version in force is the
// latest. Until the decisions module exists, a coordinator records the
// adoption: the date, the body that adopted it and a note.
type Charter struct {
	Version       int        `json:"version"`
	AdoptedOn     string     `json:"adopted_on"` // YYYY-MM-DD
	AdoptedByBody string     `json:"adopted_by_body_id"`
	AdoptionNote  string     `json:"adoption_note"`
	Rules         []BodyRule `json:"rules"`
	Areas         []AreaRule `json:"areas"`
	CharterText
	CreatedBy string    `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// CharterText is the charter's rules that people read rather than the
// software: meeting rules, the escalation ladder, re-opening conditions,
// admission, leaving and exclusion, conduct, information sharing.
type CharterText struct {
	MeetingFrequency       string `json:"meeting_frequency"`
	MeetingMaxMinutes      int    `json:"meeting_max_minutes"`
	MeetingMinParticipants int    `json:"meeting_min_participants"`
	AgendaDaysAhead        int    `json:"agenda_days_ahead"`
	// The escalation ladder for sharp conflicts: discussion, then a named
	// mediator, then an arbitrator or a panel.
	EscalationDiscussion string `json:"escalation_discussion"`
	EscalationMediator   string `json:"escalation_mediator"`
	EscalationArbiter    string `json:"escalation_arbiter"`
	// Re-opening an approved decision: on new information, when a share of
	// members or a count of member organisations ask, not before N months.
	ReopenOnNewInformation bool    `json:"reopen_on_new_information"`
	ReopenShare            float64 `json:"reopen_share"`
	ReopenOrganisations    int     `json:"reopen_organisations"`
	ReopenAfterMonths      int     `json:"reopen_after_months"`
	// Proxies: whether a voter may give their vote on a proposal to another
	// eligible voter, and how many one holder may carry (0 counts as 1).
	ProxiesAllowed      bool   `json:"proxies_allowed" doc:"Whether a voter may give their proxy on a proposal to another voter of the same body (one voice per person only)."`
	MaxProxiesPerHolder int    `json:"max_proxies_per_holder" rule:"min=0,max=20" doc:"How many proxies one person may hold on one proposal (0: one)." example:"1"`
	AdmissionCriteria   string `json:"admission_criteria"`
	Leaving             string `json:"leaving"`
	Exclusion           string `json:"exclusion"`
	CodeOfConduct       string `json:"code_of_conduct"`
	// SafeSpace says how to report discrimination, to whom, and how the
	// report is kept confidential.
	SafeSpace          string `json:"safe_space"`
	InformationSharing string `json:"information_sharing"`
}

// BodyRule is how one body decides when no area says otherwise.
type BodyRule struct {
	BodyID string  `json:"body_id"`
	Method string  `json:"method"`
	Quorum float64 `json:"quorum"`
	Unit   string  `json:"unit"`
}

// AreaRule assigns a decision area to exactly one body, with the method,
// quorum and unit used there. An empty method takes the body's own rule.
type AreaRule struct {
	Area   string  `json:"area"`
	BodyID string  `json:"body_id"`
	Method string  `json:"method,omitempty"`
	Quorum float64 `json:"quorum"`
	Unit   string  `json:"unit,omitempty"`
}

// Decision methods: consensus by Kaner's Gradients of Agreement,
// sociocratic consent, simple majority, two-thirds majority, and the chair
// deciding after consultation.
const (
	MethodGradients = "gradients"
	MethodConsent   = "consent"
	MethodMajority  = "majority"
	MethodTwoThirds = "two_thirds"
	MethodChair     = "chair"
)

// DecisionMethods lists the methods.
var DecisionMethods = []string{MethodGradients, MethodConsent, MethodMajority, MethodTwoThirds, MethodChair}

// Voting units: one voice per person, or one per member organisation (so
// that no organisation dominates by sending more people, seed 000).
const (
	UnitPerson       = "person"
	UnitOrganisation = "organisation"
)

// VotingUnits lists the units.
var VotingUnits = []string{UnitPerson, UnitOrganisation}

// The decision areas every partnership has; a charter may add its own.
const (
	AreaBudget             = "budget"
	AreaAdmission          = "admission"
	AreaExternalStatements = "external_statements"
	AreaAgreementChanges   = "agreement_changes"
)

// StandardAreas lists the areas every charter must assign.
var StandardAreas = []string{AreaBudget, AreaAdmission, AreaExternalStatements, AreaAgreementChanges}

// Rule is the answer to "who decides this, and how": the body, its method,
// the quorum (a share of the eligible voters) and the voting unit.
type Rule struct {
	BodyID string  `json:"body_id"`
	Method string  `json:"method"`
	Quorum float64 `json:"quorum"`
	Unit   string  `json:"unit"`
}

// CharterInput is a new version of the charter. Version is the version in
// force the writer saw (0 when there is none yet), so two coordinators
// writing at once do not overwrite each other.
type CharterInput struct {
	Version       int
	AdoptedOn     string
	AdoptedByBody string
	AdoptionNote  string
	Rules         []BodyRule
	Areas         []AreaRule
	CharterText
}

// MaxCharterAreas bounds the decision areas of one charter, and
// MaxCharterRules the bodies with a rule.
const (
	MaxCharterAreas = 50
	MaxCharterRules = 100
)

// ValidateFields checks the charter's own fields one by one; the rule
// package's Validate checks how the rules and areas fit together.
func (in *CharterInput) ValidateFields(v *Validator) {
	if in.AdoptedOn == "" {
		v.Add("adopted_on", "validation.required", nil)
	}
	checkDate(v, "adopted_on", in.AdoptedOn)
	v.Text("adopted_by_body_id", in.AdoptedByBody, true, 64)
	v.Text("adoption_note", in.AdoptionNote, false, 4000)
	t := &in.CharterText
	v.Text("meeting_frequency", t.MeetingFrequency, false, 200)
	v.IntRange("meeting_max_minutes", t.MeetingMaxMinutes, 0, 24*60)
	v.IntRange("meeting_min_participants", t.MeetingMinParticipants, 0, 10000)
	v.IntRange("agenda_days_ahead", t.AgendaDaysAhead, 0, 365)
	// In the order the form shows them, so errors come in that order too.
	for _, f := range []struct{ name, text string }{
		{"escalation_discussion", t.EscalationDiscussion}, {"escalation_mediator", t.EscalationMediator},
		{"escalation_arbiter", t.EscalationArbiter}, {"admission_criteria", t.AdmissionCriteria},
		{"leaving", t.Leaving}, {"exclusion", t.Exclusion}, {"code_of_conduct", t.CodeOfConduct},
		{"safe_space", t.SafeSpace}, {"information_sharing", t.InformationSharing},
	} {
		v.Text(f.name, f.text, false, 8000)
	}
	checkShare(v, "reopen_share", t.ReopenShare)
	v.IntRange("reopen_organisations", t.ReopenOrganisations, 0, 10000)
	v.IntRange("reopen_after_months", t.ReopenAfterMonths, 0, 120)
	v.IntRange("max_proxies_per_holder", t.MaxProxiesPerHolder, 0, MaxProxiesPerHolder)
}
