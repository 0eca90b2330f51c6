package partnerkit

import "strings"

// EnumText is the message ID of the text of code in the closed list named
// list (one of Enums), "" for an unknown list. The pages show these texts
// in their selects and badges; the API answers codes, and GET
// /api/v1/lists gives their texts in the asker's language. A list the
// validators spell out has its names in choiceLabels; the others have
// theirs in enumTexts. A test checks every code of every list has a text
// in every language.
func EnumText(list, code string) string {
	codes, ok := Enums[list]
	if !ok {
		return ""
	}
	if prefix, ok := ChoiceLabelPrefix(codes()); ok {
		return prefix + code
	}
	if pattern, ok := enumTexts[list]; ok {
		return strings.Replace(pattern, "*", code, 1)
	}
	return ""
}

// enumTexts names the texts of the lists that choiceLabels does not (a
// refused value of these is answered without spelling the list out): the
// message ID with "*" standing for the code.
var enumTexts = map[string]string{
	"adopt_kind":              "partnership.field.*",
	"agreement_kind":          "agreement.kind.*",
	"agreement_redrafted":     "agreement.section.*",
	"agreement_section":       "agreement.section.*",
	"agreement_status_move":   "agreement.status.*",
	"barrier_kind":            "contributions.barrier.*",
	"body_kind":               "governance.kind.*",
	"commitment_minimum":      "decision.choice.*",
	"contribution_kind":       "contributions.kind.*",
	"contribution_status":     "contributions.status.*",
	"decision_method":         "decision.method.*",
	"event_kind":              "notifymail.kind.*",
	"goal_kind":               "plans.goal.kind.*",
	"goal_status":             "plans.goal.status.*",
	"plan_status":             "plans.plan.status.*",
	"playbook":                "playbook.*.name",
	"proposal_method":         "decision.method.*",
	"readiness_question":      "readiness.question.*",
	"results_visibility":      "decision.results.*",
	"seat_position":           "governance.position.*",
	"self_analysis_section":   "readiness.self.*",
	"task_status":             "plans.task.status.*",
	"voting_unit":             "governance.unit.*",
	"webhook_delivery_status": "webhook.delivery.*",
	"webhook_kind":            "webhook.kind.*",
}
