package admission

import (
	"errors"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

func TestCriteria(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"empty", "  \n ", nil},
		{"one line per criterion, markers dropped", "- Works in Leipzig\n* Shares our values\n\n2) Has a youth representative\n• Signs the code of conduct", []string{"Works in Leipzig", "Shares our values", "Has a youth representative", "Signs the code of conduct"}},
		{"one line split at semicolons", "Works in Leipzig; shares our values;  has a youth representative.", []string{"Works in Leipzig", "shares our values", "has a youth representative."}},
		{"repeats count once, whatever the case and final stop", "Works in Leipzig\nworks in  leipzig.", []string{"Works in Leipzig"}},
		{"Windows line ends", "A\r\nB", []string{"A", "B"}},
		{"a number not followed by a space stays", "2026 budget shared\n3. Open books", []string{"2026 budget shared", "Open books"}},
	} {
		got := Criteria(tc.text)
		var texts []string
		for _, c := range got {
			texts = append(texts, c.Text)
			if c.ID != CriterionID(c.Text) || len(c.ID) != 12 {
				t.Errorf("%s: id %q of %q", tc.name, c.ID, c.Text)
			}
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, texts, tc.want)
		}
	}
	if CriterionID("Shares our values.") != CriterionID("shares  our values") || CriterionID("a") == CriterionID("b") {
		t.Error("criterion IDs do not follow the words")
	}
	many := strings.Repeat("x\n", 0)
	for i := range pk.MaxAdmissionChecks + 5 {
		many += "criterion " + string(rune('a'+i%26)) + strings.Repeat("!", i) + "\n"
	}
	if n := len(Criteria(many)); n != pk.MaxAdmissionChecks {
		t.Errorf("read %d criteria, want the bound %d", n, pk.MaxAdmissionChecks)
	}
}

func TestTally(t *testing.T) {
	t.Parallel()
	cs := Criteria("A\nB\nC")
	checked, notMet := Tally(cs, map[string]string{cs[0].ID: pk.CheckMet, cs[1].ID: pk.CheckNotMet, "gone": pk.CheckNotMet})
	if checked != 2 || notMet != 1 {
		t.Errorf("tally = %d checked, %d not met; want 2, 1", checked, notMet)
	}
}

// sample is a charter whose strategic committee decides on admission.
func sample() *pk.Charter {
	return &pk.Charter{
		Rules: []pk.BodyRule{{BodyID: "strat", Method: pk.MethodConsent, Unit: pk.UnitOrganisation}, {BodyID: "exec", Method: pk.MethodMajority, Unit: pk.UnitPerson}},
		Areas: []pk.AreaRule{{Area: pk.AreaAdmission, BodyID: "strat"}, {Area: pk.AreaBudget, BodyID: "exec"}},
	}
}

// field returns the fields and keys of a validation error ("" when nil).
func field(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var e *pk.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		t.Fatalf("not a field error: %v", err)
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+":"+f.Key)
	}
	return strings.Join(out, ",")
}

func TestFirstAndEffectiveStage(t *testing.T) {
	t.Parallel()
	if FirstStage(pk.SourceApplication) != pk.StageApplied || FirstStage(pk.SourceNomination) != pk.StageNominated || FirstStage(pk.SourceProspect) != pk.StageNominated {
		t.Error("first stages")
	}
	for _, tc := range []struct {
		s    State
		want string
	}{
		{State{Stage: pk.StageApplied, Criteria: 3, Checked: 2}, pk.StageApplied},
		{State{Stage: pk.StageApplied, Criteria: 3, Checked: 3}, pk.StageChecked},
		{State{Stage: pk.StageNominated, Criteria: 3, Checked: 3, NotMet: 1}, pk.StageChecked},
		{State{Stage: pk.StageNominated}, pk.StageNominated}, // no criteria: nothing was checked
		{State{Stage: pk.StageAdmitted, Criteria: 3, Checked: 3}, pk.StageAdmitted},
		{State{Stage: pk.StageDeclined, Criteria: 1, Checked: 1}, pk.StageDeclined},
	} {
		if got := Effective(tc.s); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.s, got, tc.want)
		}
	}
}

func TestDecide(t *testing.T) {
	t.Parallel()
	admit := pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: "strat"}
	decline := pk.AdmissionDecisionInput{Outcome: pk.OutcomeDeclined, BodyID: "strat"}
	all := State{Stage: pk.StageApplied, Criteria: 2, Checked: 2, Charter: sample()}
	for _, tc := range []struct {
		name string
		s    State
		in   pk.AdmissionDecisionInput
		want string
	}{
		{"admitted once every criterion is checked and met", all, admit, ""},
		{"nominated candidates too", State{Stage: pk.StageNominated, Criteria: 2, Checked: 2, Charter: sample()}, admit, ""},
		{"one criterion without a check", State{Stage: pk.StageApplied, Criteria: 2, Checked: 1, Charter: sample()}, admit, "outcome:admission.validation.unchecked"},
		{"a criterion not met", State{Stage: pk.StageApplied, Criteria: 2, Checked: 2, NotMet: 1, Charter: sample()}, admit, "outcome:admission.validation.not_met"},
		{"declined before every check", State{Stage: pk.StageApplied, Criteria: 2, Checked: 0, Charter: sample()}, decline, ""},
		{"a charter without criteria admits", State{Stage: pk.StageApplied, Charter: sample()}, admit, ""},
		{"the wrong body", all, pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: "exec"}, "body_id:admission.validation.wrong_body"},
		{"no charter", State{Stage: pk.StageApplied, Criteria: 0}, admit, "body_id:admission.validation.no_charter"},
		{"decided already", State{Stage: pk.StageAdmitted, Criteria: 2, Checked: 2, Charter: sample()}, decline, "stage:admission.validation.not_now"},
		{"after withdrawal", State{Stage: pk.StageWithdrawn, Charter: sample()}, admit, "stage:admission.validation.not_now"},
		{"after a decline", State{Stage: pk.StageDeclined, Charter: sample()}, admit, "stage:admission.validation.not_now"},
	} {
		if got := field(t, Decide(tc.s, tc.in)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if DecidingBody(nil) != "" || DecidingBody(&pk.Charter{}) != "" || DecidingBody(sample()) != "strat" {
		t.Error("deciding body")
	}
}

func TestCheckEditWithdraw(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		stage                  string
		check, edit, withdraws string
	}{
		{pk.StageApplied, "", "", ""},
		{pk.StageNominated, "", "", ""},
		{pk.StageAdmitted, "stage:admission.validation.not_now", "", ""},
		{pk.StageSigned, "stage:admission.validation.not_now", "", ""},
		{pk.StageActive, "stage:admission.validation.not_now", "stage:admission.validation.not_now", "stage:admission.validation.not_now"},
		{pk.StageDeclined, "stage:admission.validation.not_now", "stage:admission.validation.not_now", "stage:admission.validation.not_now"},
		{pk.StageWithdrawn, "stage:admission.validation.not_now", "stage:admission.validation.not_now", "stage:admission.validation.not_now"},
	} {
		s := State{Stage: tc.stage, Criteria: 1, OrganisationID: "o1"}
		if got := field(t, CanCheck(s)); got != tc.check {
			t.Errorf("check at %s: %q, want %q", tc.stage, got, tc.check)
		}
		if got := field(t, CanEdit(s, "o1")); got != tc.edit {
			t.Errorf("edit at %s: %q, want %q", tc.stage, got, tc.edit)
		}
		if got := field(t, Withdraw(s)); got != tc.withdraws {
			t.Errorf("withdraw at %s: %q, want %q", tc.stage, got, tc.withdraws)
		}
	}
	if got := field(t, CanCheck(State{Stage: pk.StageApplied})); got != "checks:admission.validation.no_criteria" {
		t.Errorf("check without criteria: %q", got)
	}
	if got := field(t, CanEdit(State{Stage: pk.StageSigned, OrganisationID: "o1"}, "o2")); got != "organisation_id:admission.validation.organisation_signed" {
		t.Errorf("changing the organisation that signed: %q", got)
	}
	if got := field(t, CanEdit(State{Stage: pk.StageAdmitted, OrganisationID: ""}, "o2")); got != "" {
		t.Errorf("linking after admission: %q", got)
	}
}

func TestSignAndActivate(t *testing.T) {
	t.Parallel()
	unsigned := []pk.AdmissionAgreement{{ID: "a1", Title: "MoU", Signed: false}}
	signed := []pk.AdmissionAgreement{{ID: "a1", Title: "MoU", Signed: true}}
	for _, tc := range []struct {
		name      string
		s         State
		signatory string
		want      string
	}{
		{"admitted, linked, an agreement in force", State{Stage: pk.StageAdmitted, OrganisationID: "o1", Agreements: unsigned}, "Amal", ""},
		{"not linked to an organisation", State{Stage: pk.StageAdmitted, Agreements: unsigned}, "Amal", "organisation_id:admission.validation.no_organisation"},
		{"no agreement in force", State{Stage: pk.StageAdmitted, OrganisationID: "o1"}, "Amal", "agreement:admission.validation.no_agreement_in_force"},
		{"nobody signed", State{Stage: pk.StageAdmitted, OrganisationID: "o1", Agreements: unsigned}, "", "signatory:validation.required"},
		{"before the decision", State{Stage: pk.StageApplied, OrganisationID: "o1", Agreements: unsigned}, "Amal", "stage:admission.validation.not_now"},
		{"signed already", State{Stage: pk.StageSigned, OrganisationID: "o1", Agreements: signed}, "Amal", "stage:admission.validation.not_now"},
	} {
		if got := field(t, Sign(tc.s, tc.signatory)); got != tc.want {
			t.Errorf("sign, %s: %q, want %q", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct {
		name string
		s    State
		note string
		want string
	}{
		{"signed every agreement in force", State{Stage: pk.StageSigned, OrganisationID: "o1", Agreements: signed}, "", ""},
		{"a new agreement came into force since", State{Stage: pk.StageSigned, OrganisationID: "o1", Agreements: append(signed, pk.AdmissionAgreement{ID: "a2", Title: "Terms"})}, "", "agreement:admission.validation.unsigned"},
		{"admitted with an agreement in force to sign first", State{Stage: pk.StageAdmitted, OrganisationID: "o1", Agreements: unsigned}, "later", "agreement:admission.validation.unsigned"},
		{"admitted, no agreement in force, a note", State{Stage: pk.StageAdmitted, OrganisationID: "o1"}, "signs the MoU when circulated", ""},
		{"admitted, no agreement in force, no note", State{Stage: pk.StageAdmitted, OrganisationID: "o1"}, "", "note:admission.validation.note_without_agreement"},
		{"no organisation", State{Stage: pk.StageAdmitted}, "n", "organisation_id:admission.validation.no_organisation"},
		{"not decided", State{Stage: pk.StageNominated, OrganisationID: "o1"}, "n", "stage:admission.validation.not_now"},
		{"declined", State{Stage: pk.StageDeclined, OrganisationID: "o1"}, "n", "stage:admission.validation.not_now"},
		{"active already", State{Stage: pk.StageActive, OrganisationID: "o1"}, "n", "stage:admission.validation.not_now"},
	} {
		if got := field(t, Activate(tc.s, tc.note)); got != tc.want {
			t.Errorf("activate, %s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSteps(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s    State
		want string
	}{
		{State{Stage: pk.StageApplied, Criteria: 2}, "check decide withdraw edit"},
		{State{Stage: pk.StageChecked, Criteria: 2}, "check decide withdraw edit"},
		{State{Stage: pk.StageApplied}, "decide withdraw edit"},
		{State{Stage: pk.StageAdmitted, Agreements: []pk.AdmissionAgreement{{ID: "a"}}}, "sign withdraw edit"},
		{State{Stage: pk.StageAdmitted}, "activate withdraw edit"},
		{State{Stage: pk.StageSigned}, "activate withdraw edit"},
		{State{Stage: pk.StageActive}, ""},
		{State{Stage: pk.StageDeclined}, ""},
	} {
		if got := strings.Join(Steps(tc.s), " "); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.s, got, tc.want)
		}
	}
}
