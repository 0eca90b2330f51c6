package admission

import (
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/charter"
)

// State is what the rules need to know of an admission: its stored stage,
// the charter's criteria counted against its checks, the organisation it is
// linked to, the charter in force, and the agreements in force with whether
// the organisation signed each.
type State struct {
	Stage          string // as stored: never "checked"
	Criteria       int
	Checked        int
	NotMet         int
	OrganisationID string
	Charter        *pk.Charter // nil when the partnership has none
	Agreements     []pk.AdmissionAgreement
}

// FirstStage is where an admission starts: applied when the candidate
// applied, nominated when a member organisation nominated it or the
// partnership proposes a prospect it reached out to.
func FirstStage(source string) string {
	if source == pk.SourceApplication {
		return pk.StageApplied
	}
	return pk.StageNominated
}

// Effective is the stage shown: an admission not yet decided whose every
// criterion has a check stands at "criteria checked".
func Effective(s State) string {
	if beforeDecision(s.Stage) && s.Checked == s.Criteria && s.Criteria > 0 {
		return pk.StageChecked
	}
	return s.Stage
}

// beforeDecision: the stages before a decision ("checked" is never stored,
// but the pages ask with the stage they show).
func beforeDecision(stage string) bool {
	return stage == pk.StageApplied || stage == pk.StageNominated || stage == pk.StageChecked
}

// Open reports whether the admission is still under way (not active,
// declined or withdrawn).
func Open(stage string) bool {
	return stage != pk.StageActive && stage != pk.StageDeclined && stage != pk.StageWithdrawn
}

// notNow refuses a step the admission's stage does not allow.
func notNow(s State) error {
	return pk.FieldInvalid("stage", "admission.validation.not_now", map[string]any{"Stage": Effective(s)})
}

// CanEdit: the candidate's details may change while the admission is
// open; once the agreement is signed, the organisation that signed is the
// one that joins, so it can no longer be changed.
func CanEdit(s State, newOrganisationID string) error {
	if !Open(s.Stage) {
		return notNow(s)
	}
	if s.Stage == pk.StageSigned && newOrganisationID != s.OrganisationID {
		return pk.FieldInvalid("organisation_id", "admission.validation.organisation_signed", nil)
	}
	return nil
}

// CanCheck: criteria are checked before the decision; afterwards the
// checks are the record the body decided on.
func CanCheck(s State) error {
	if !beforeDecision(s.Stage) {
		return notNow(s)
	}
	if s.Criteria == 0 {
		return pk.FieldInvalid("checks", "admission.validation.no_criteria", nil)
	}
	return nil
}

// DecidingBody is the body the charter in force assigns to the admission
// area (charter.Lookup), or "" without a charter or without that area.
func DecidingBody(c *pk.Charter) string {
	r, err := charter.Lookup(c, "", pk.AreaAdmission)
	if err != nil {
		return ""
	}
	return r.BodyID
}

// Decide checks a decision: only before one was taken; only by the body the
// charter names for admission; admitting only once every criterion has a
// check and none is "not met" (a body may decline at any point before).
func Decide(s State, in pk.AdmissionDecisionInput) error {
	if !beforeDecision(s.Stage) {
		return notNow(s)
	}
	body := DecidingBody(s.Charter)
	var v pk.Validator
	switch {
	case body == "":
		v.Add("body_id", "admission.validation.no_charter", nil)
	case in.BodyID != body:
		v.Add("body_id", "admission.validation.wrong_body", nil)
	}
	if in.Outcome == pk.OutcomeAdmitted {
		if missing := s.Criteria - s.Checked; missing > 0 {
			v.Add("outcome", "admission.validation.unchecked", map[string]any{"Count": missing})
		} else if s.NotMet > 0 {
			v.Add("outcome", "admission.validation.not_met", map[string]any{"Count": s.NotMet})
		}
	}
	return v.Err()
}

// Sign checks the signature step: after admission, by an organisation on
// the platform, with someone who signed, and with an agreement in force to
// sign (without one the organisation becomes active directly, with a note).
func Sign(s State, signatory string) error {
	if s.Stage != pk.StageAdmitted {
		return notNow(s)
	}
	var v pk.Validator
	if s.OrganisationID == "" {
		v.Add("organisation_id", "admission.validation.no_organisation", nil)
	}
	if len(s.Agreements) == 0 {
		v.Add("agreement", "admission.validation.no_agreement_in_force", nil)
	}
	if signatory == "" {
		v.Add("signatory", "validation.required", nil)
	}
	return v.Err()
}

// Activate checks the last step: the organisation is on the platform, and
// either it signed every agreement in force (stage signed, checked again
// since an agreement may have come into force meanwhile), or no agreement
// is in force and the note says how the candidate will sign one.
func Activate(s State, note string) error {
	if s.Stage != pk.StageSigned && s.Stage != pk.StageAdmitted {
		return notNow(s)
	}
	var v pk.Validator
	if s.OrganisationID == "" {
		v.Add("organisation_id", "admission.validation.no_organisation", nil)
	}
	if i := slices.IndexFunc(s.Agreements, func(a pk.AdmissionAgreement) bool { return !a.Signed }); i >= 0 {
		v.Add("agreement", "admission.validation.unsigned", map[string]any{"Title": s.Agreements[i].Title})
	}
	if len(s.Agreements) == 0 && note == "" {
		v.Add("note", "admission.validation.note_without_agreement", nil)
	}
	return v.Err()
}

// Withdraw checks a withdrawal: at any point while the admission is open.
func Withdraw(s State) error {
	if !Open(s.Stage) {
		return notNow(s)
	}
	return nil
}

// Steps lists the steps that can be taken from a state, for pages to offer
// only those: "check", "decide", "sign", "activate", "withdraw" (and
// "edit", the candidate's details, while the admission is open).
func Steps(s State) []string {
	var out []string
	if CanCheck(s) == nil {
		out = append(out, "check")
	}
	if beforeDecision(s.Stage) {
		out = append(out, "decide")
	}
	if s.Stage == pk.StageAdmitted && len(s.Agreements) > 0 {
		out = append(out, "sign")
	}
	if s.Stage == pk.StageSigned || (s.Stage == pk.StageAdmitted && len(s.Agreements) == 0) {
		out = append(out, "activate")
	}
	if Open(s.Stage) {
		out = append(out, "withdraw", "edit")
	}
	return out
}
