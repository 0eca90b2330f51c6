package partnerkit

import (
	"strings"

	"github.com/partnerkit/partnerkit/network"
)

// ChoiceNames are the message IDs of a list's choices, in the list's order.
// A validation message carries them instead of the internal codes, and the
// edge (a page or a problem+json answer) translates each one and joins them
// in the reader's language: a forged "kind=robot" is answered with "Choose
// one of: Individual, Group, …", never with "individual, group, …".
type ChoiceNames []string

// MessageIDs lets the translator recognise the list without importing us.
func (c ChoiceNames) MessageIDs() []string { return c }

// choiceLabels are the message-ID prefixes that name each list of choices
// the validators check, keyed by the list itself (its values joined), as
// the forms label their options. A list missing here is never spelled out
// to the reader: OneOf then asks for "one of the choices offered".
var choiceLabels = map[string]string{}

func init() {
	for prefix, list := range map[string][]string{
		"actors.kind.":               ActorKinds,
		"actors.sector.":             ActorSectors,
		"actors.relationships.type.": RelationshipTypes,
		"actors.segment.":            Segments,
		"powermap.strategy.":         Strategies,
		"spectrum.tactic_status.":    TacticStatuses,
		"theoryofchange.level.":      ChangeLevels,
		"role.":                      Roles,
		"language.":                  Languages,
		"members.status.":            MemberStatuses,
		"organisation.kind.":         OrganisationKinds,
		"outreach.status.":           ProspectStatuses,
		"outreach.kind.":             ProspectKinds,
		"partnership.form.":          PartnershipForms,
		"partnership.basis.":         PartnershipBases,
		"partnership.scope.":         PartnershipScopes,
		"partnership.structure.":     PartnershipStructures,
		"readiness.answer.":          ReadinessAnswers,
		"admission.source.":          AdmissionSources,
		"admission.outcome.":         AdmissionOutcomes,
		"admission.result.":          CheckResults,
		"meeting.attendance.":        AttendanceStatuses,
		"meeting.action_status.":     ActionStatuses,
		"meeting.every.":             SeriesIntervals,
		"surveys.item.kind.":         SurveyItemKinds,
		"surveys.kind.":              SurveyKinds,
		"surveys.status.":            SurveyStatuses,
		"surveys.round.":             SurveyRounds,
		"surveys.template.name.":     SurveyTemplates,
		"indicator.kind.":            IndicatorKinds,
		"indicator.direction.":       IndicatorDirections,
		"indicator.frequency.":       IndicatorFrequencies,
		"notifymail.frequency.":      EmailFrequencies,
	} {
		choiceLabels[choiceListKey(list)] = prefix
	}
	// The network's relationship types are the register's, by the same names.
	if _, ok := choiceLabels[choiceListKey(network.Types)]; !ok {
		choiceLabels[choiceListKey(network.Types)] = "actors.relationships.type."
	}
}

func choiceListKey(list []string) string { return strings.Join(list, "\x00") }

// ChoiceLabelPrefix returns the message-ID prefix naming a list's choices,
// or false when the list has no names for readers.
func ChoiceLabelPrefix(list []string) (string, bool) {
	p, ok := choiceLabels[choiceListKey(list)]
	return p, ok
}

// ChoiceNamesOf lists the message IDs of every choice that has a name, so
// a test can check that each one exists in every language.
func ChoiceNamesOf() []string {
	var out []string
	for k, p := range choiceLabels {
		for _, v := range strings.Split(k, "\x00") {
			out = append(out, p+v)
		}
	}
	return out
}
