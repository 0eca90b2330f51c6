package partnerkit

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/health"
)

// Validator collects field errors so that a form or a request body reports
// every problem at once, not the first one only.
type Validator struct {
	fields []FieldError
}

// Add records a problem with a field.
func (v *Validator) Add(field, key string, data map[string]any) {
	v.fields = append(v.fields, FieldError{Field: field, Key: key, Data: data})
}

// Has reports whether field already has a problem.
func (v *Validator) Has(field string) bool {
	for _, f := range v.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns nil when nothing was wrong.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return Invalid(v.fields...)
}

// Text checks a free-text value: required or not, at most max characters,
// and valid UTF-8 without control characters other than newlines and tabs.
func (v *Validator) Text(field, value string, required bool, max int) {
	if required && strings.TrimSpace(value) == "" {
		v.Add(field, "validation.required", nil)
		return
	}
	if !utf8.ValidString(value) {
		v.Add(field, "validation.encoding", nil)
		return
	}
	if n := utf8.RuneCountInString(value); n > max {
		v.Add(field, "validation.too_long", map[string]any{"Max": max, "Count": n})
		return
	}
	for _, r := range value {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			v.Add(field, "validation.control", nil)
			return
		}
	}
}

// Email checks an email address.
func (v *Validator) Email(field, value string) {
	if strings.TrimSpace(value) == "" {
		v.Add(field, "validation.required", nil)
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value || len(value) > 254 {
		v.Add(field, "validation.email", nil)
	}
}

// URL checks an optional http or https address.
func (v *Validator) URL(field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(value) > 500 {
		v.Add(field, "validation.url", nil)
	}
}

// OneOf checks that value is one of the allowed ones; empty is allowed when
// not required.
func (v *Validator) OneOf(field, value string, required bool, allowed []string) {
	if value == "" {
		if required {
			v.Add(field, "validation.required", nil)
		}
		return
	}
	if !slices.Contains(allowed, value) {
		// The reader sees the choices by the names the form shows, in their
		// language; a list without names is not spelled out in codes.
		prefix, ok := ChoiceLabelPrefix(allowed)
		if !ok {
			v.Add(field, "validation.choice", nil)
			return
		}
		names := make(ChoiceNames, len(allowed))
		for i, a := range allowed {
			names[i] = prefix + a
		}
		v.Add(field, "validation.one_of", map[string]any{"Allowed": names})
	}
}

// IntRange checks min <= value <= max.
func (v *Validator) IntRange(field string, value, min, max int) {
	if value < min || value > max {
		v.Add(field, "validation.range", map[string]any{"Min": min, "Max": max})
	}
}

// Password checks a new password's length.
func (v *Validator) Password(field, value string) {
	n := utf8.RuneCountInString(value)
	if n < MinPasswordLength {
		v.Add(field, "validation.password_short", map[string]any{"Min": MinPasswordLength})
	} else if len(value) > 1024 {
		v.Add(field, "validation.too_long", map[string]any{"Max": 1024, "Count": n})
	}
}

// MinPasswordLength follows current guidance: length beats composition rules.
const MinPasswordLength = 10

// Enums names every closed list of values that input is checked against
// with OneOf, so that the API's OpenAPI document states the same lists the
// validation uses (request types name them in their `rule:"enum=…"` tags).
// Adding a list to the domain means adding it here too, and naming its
// texts (EnumText).
var Enums = map[string]func() []string{
	"actor_kind":            func() []string { return ActorKinds },
	"actor_sector":          func() []string { return ActorSectors },
	"segment":               func() []string { return Segments },
	"strategy":              func() []string { return Strategies },
	"relationship_type":     func() []string { return RelationshipTypes },
	"tactic_status":         func() []string { return TacticStatuses },
	"change_level":          func() []string { return ChangeLevels },
	"partnership_form":      func() []string { return PartnershipForms },
	"partnership_basis":     func() []string { return PartnershipBases },
	"partnership_scope":     func() []string { return PartnershipScopes },
	"partnership_structure": func() []string { return PartnershipStructures },
	"adopt_kind":            func() []string { return AdoptKinds },
	"organisation_kind":     func() []string { return OrganisationKinds },
	"member_status":         func() []string { return MemberStatuses },
	"role":                  func() []string { return Roles },
	"language":              func() []string { return Languages },
	"prospect_kind":         func() []string { return ProspectKinds },
	"prospect_status":       func() []string { return ProspectStatuses },
	"self_analysis_section": SelfAnalysisSectionIDs,
	"self_analysis_answer":  func() []string { return SelfAnalysisAnswers },
	"readiness_question":    ReadinessQuestionIDs,
	"readiness_answer":      func() []string { return ReadinessAnswers },
	"playbook":              PlaybookIDs,
	"body_kind":             func() []string { return BodyKinds },
	"seat_position":         func() []string { return SeatPositions },
	"goal_kind":             func() []string { return GoalKinds },
	"goal_status":           func() []string { return GoalStatuses },
	"plan_status":           func() []string { return PlanStatuses },
	"task_status":           func() []string { return TaskStatuses },
	"decision_method":       func() []string { return DecisionMethods },
	"voting_unit":           func() []string { return VotingUnits },
	"agreement_kind":        func() []string { return AgreementKinds },
	"agreement_status_move": func() []string { return AgreementStatusMoves },
	"agreement_section":     func() []string { return AgreementSections },
	"agreement_redrafted":   func() []string { return AgreementRedrafted },
	"admission_source":      func() []string { return AdmissionSources },
	"admission_outcome":     func() []string { return AdmissionOutcomes },
	"check_result":          func() []string { return CheckResults },
	"proposal_method":       func() []string { return ProposalMethods },
	"results_visibility":    func() []string { return ResultsVisibilities },
	"contribution_kind":     func() []string { return ContributionKinds },
	"contribution_status":   func() []string { return ContributionStatuses },
	"barrier_kind":          func() []string { return BarrierKinds },
	"attendance_status":     func() []string { return AttendanceStatuses },
	"action_status":         func() []string { return ActionStatuses },
	"series_interval":       func() []string { return SeriesIntervals },
	"commitment_minimum":    func() []string { return CommitmentMinimums },
	"survey_kind":           func() []string { return SurveyKinds },
	"survey_status":         func() []string { return SurveyStatuses },
	"survey_item_kind":      func() []string { return SurveyItemKinds },
	"survey_round":          func() []string { return SurveyRounds },
	"survey_template":       func() []string { return SurveyTemplates },
	"round_kind":            func() []string { return RoundKinds },
	"health_item":           func() []string { return health.ItemKeys },
	"trust_intensity":       func() []string { return TrustIntensities },
	"declared":              func() []string { return DeclaredAnswers },
	"indicator_kind":        func() []string { return IndicatorKinds },
	"indicator_direction":   func() []string { return IndicatorDirections },
	"indicator_frequency":   func() []string { return IndicatorFrequencies },
	"event_kind":            func() []string { return EventKinds },
	"email_frequency":       func() []string { return EmailFrequencies },

	// Webhooks.
	"webhook_kind":            func() []string { return WebhookKinds },
	"webhook_delivery_status": func() []string { return WebhookDeliveryStatuses },
}
