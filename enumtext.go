package partnerkit

import "strings"

// EnumTexts says, for each closed list in Enums, which catalogue message
// holds the text of each of its codes: the pattern with "*" standing for
// the code. The pages show these texts in their selects and badges; the
// API answers codes, and GET /api/v1/lists gives their texts in the
// asker's language. Adding a list to Enums means adding it here too (a
// test checks every code has its text in every language).
var EnumTexts = map[string]string{
	"action_status":           "meeting.action_status.*",
	"actor_kind":              "actors.kind.*",
	"actor_sector":            "actors.sector.*",
	"admission_outcome":       "admission.outcome.*",
	"admission_source":        "admission.source.*",
	"adopt_kind":              "partnership.field.*",
	"agreement_kind":          "agreement.kind.*",
	"agreement_redrafted":     "agreement.section.*",
	"agreement_section":       "agreement.section.*",
	"agreement_status_move":   "agreement.status.*",
	"attendance_status":       "meeting.attendance.*",
	"barrier_kind":            "contributions.barrier.*",
	"body_kind":               "governance.kind.*",
	"change_level":            "theoryofchange.level.*",
	"check_result":            "admission.result.*",
	"closure_kind":            "evaluation.closure.*",
	"commitment_minimum":      "decision.choice.*",
	"continuation_direction":  "evaluation.direction.*",
	"contribution_kind":       "contributions.kind.*",
	"contribution_status":     "contributions.status.*",
	"decision_method":         "decision.method.*",
	"declared":                "account.declared.*",
	"email_frequency":         "notifymail.frequency.*",
	"evaluation_kind":         "evaluation.kind.*",
	"evaluation_status":       "evaluation.status.*",
	"event_kind":              "notifymail.kind.*",
	"goal_kind":               "plans.goal.kind.*",
	"goal_status":             "plans.goal.status.*",
	"health_item":             "health.item.*",
	"indicator_direction":     "indicator.direction.*",
	"indicator_frequency":     "indicator.frequency.*",
	"indicator_kind":          "indicator.kind.*",
	"language":                "language.*",
	"member_status":           "members.status.*",
	"organisation_kind":       "organisation.kind.*",
	"partnership_basis":       "partnership.basis.*",
	"partnership_form":        "partnership.form.*",
	"partnership_scope":       "partnership.scope.*",
	"partnership_structure":   "partnership.structure.*",
	"plan_status":             "plans.plan.status.*",
	"playbook":                "playbook.*.name",
	"point_side":              "evaluation.side.*",
	"proposal_method":         "decision.method.*",
	"prospect_kind":           "outreach.kind.*",
	"prospect_status":         "outreach.status.*",
	"question_topic":          "evaluation.topic.*",
	"readiness_answer":        "readiness.answer.*",
	"readiness_question":      "readiness.question.*",
	"relationship_type":       "actors.relationships.type.*",
	"results_visibility":      "decision.results.*",
	"role":                    "role.*",
	"round_kind":              "health.kind.*",
	"seat_position":           "governance.position.*",
	"segment":                 "spectrum.segment.*",
	"self_analysis_answer":    "readiness.answer.*",
	"self_analysis_section":   "readiness.self.*",
	"series_interval":         "meeting.every.*",
	"strategy":                "powermap.strategy.*",
	"survey_item_kind":        "surveys.item.kind.*",
	"survey_kind":             "surveys.kind.*",
	"survey_round":            "surveys.round.*",
	"survey_status":           "surveys.status.*",
	"survey_template":         "surveys.template.name.*",
	"tactic_status":           "spectrum.tactic_status.*",
	"task_status":             "plans.task.status.*",
	"trust_intensity":         "trust.intensity.*",
	"voting_unit":             "governance.unit.*",
	"webhook_delivery_status": "webhook.delivery.*",
	"webhook_kind":            "webhook.kind.*",
}

// EnumText is the message ID of the text of code in list; "" for a list
// without texts.
func EnumText(list, code string) string {
	pattern, ok := EnumTexts[list]
	if !ok {
		return ""
	}
	return strings.Replace(pattern, "*", code, 1)
}
