package charter

import (
	"errors"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// world: a strategic committee deciding by gradients per organisation, an
// executive deciding by majority per person.
func sample() *pk.Charter {
	return &pk.Charter{
		AdoptedByBody: "strat",
		Rules: []pk.BodyRule{
			{BodyID: "strat", Method: pk.MethodGradients, Quorum: 0.75, Unit: pk.UnitOrganisation},
			{BodyID: "exec", Method: pk.MethodMajority, Quorum: 0.5, Unit: pk.UnitPerson},
		},
		Areas: []pk.AreaRule{
			{Area: pk.AreaBudget, BodyID: "exec"},
			{Area: pk.AreaAdmission, BodyID: "strat", Method: pk.MethodConsent, Quorum: 1, Unit: pk.UnitOrganisation},
			{Area: pk.AreaExternalStatements, BodyID: "exec", Method: pk.MethodChair, Quorum: 0, Unit: pk.UnitPerson},
			{Area: pk.AreaAgreementChanges, BodyID: "strat", Method: pk.MethodTwoThirds, Quorum: 2.0 / 3, Unit: pk.UnitOrganisation},
			{Area: "campaign_tactics", BodyID: "exec", Method: pk.MethodGradients, Quorum: 0.6, Unit: pk.UnitPerson},
		},
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	c := sample()
	for _, tc := range []struct {
		name, body, area string
		want             pk.Rule
		notFound         bool
	}{
		{"area without its own method takes its body's rule", "exec", pk.AreaBudget, pk.Rule{BodyID: "exec", Method: pk.MethodMajority, Quorum: 0.5, Unit: pk.UnitPerson}, false},
		{"consent by organisation", "strat", pk.AreaAdmission, pk.Rule{BodyID: "strat", Method: pk.MethodConsent, Quorum: 1, Unit: pk.UnitOrganisation}, false},
		{"chair decides", "exec", pk.AreaExternalStatements, pk.Rule{BodyID: "exec", Method: pk.MethodChair, Quorum: 0, Unit: pk.UnitPerson}, false},
		{"two thirds", "strat", pk.AreaAgreementChanges, pk.Rule{BodyID: "strat", Method: pk.MethodTwoThirds, Quorum: 2.0 / 3, Unit: pk.UnitOrganisation}, false},
		{"the partnership's own area, gradients by person", "exec", "campaign_tactics", pk.Rule{BodyID: "exec", Method: pk.MethodGradients, Quorum: 0.6, Unit: pk.UnitPerson}, false},
		{"asking the wrong body names the body that decides", "exec", pk.AreaAdmission, pk.Rule{BodyID: "strat", Method: pk.MethodConsent, Quorum: 1, Unit: pk.UnitOrganisation}, false},
		{"body's own rule with no area", "strat", "", pk.Rule{BodyID: "strat", Method: pk.MethodGradients, Quorum: 0.75, Unit: pk.UnitOrganisation}, false},
		{"no question: the rule of the body that adopted the charter", "", "", pk.Rule{BodyID: "strat", Method: pk.MethodGradients, Quorum: 0.75, Unit: pk.UnitOrganisation}, false},
		{"area not in the charter", "exec", "lunch", pk.Rule{}, true},
		{"body with no rule", "ghost", "", pk.Rule{}, true},
	} {
		got, err := Lookup(c, tc.body, tc.area)
		if tc.notFound {
			if pk.ErrorCode(err) != pk.ENOTFOUND {
				t.Errorf("%s: err = %v, want not found", tc.name, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
	if _, err := Lookup(nil, "exec", pk.AreaBudget); pk.ErrorCode(err) != pk.ENOTFOUND {
		t.Errorf("no charter: err = %v, want not found", err)
	}
}

func input() *pk.CharterInput {
	c := sample()
	return &pk.CharterInput{AdoptedOn: "2026-03-01", AdoptedByBody: "strat", Rules: c.Rules, Areas: c.Areas}
}

// fields returns the fields a validation error names.
func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err == nil {
		return out
	}
	var e *pk.Error
	if !errors.As(err, &e) {
		t.Fatalf("not a validation error: %v", err)
	}
	for _, f := range e.Fields {
		out[f.Field] = f.Key
	}
	return out
}

func TestValidate(t *testing.T) {
	t.Parallel()
	bodies := []string{"strat", "exec"}
	for _, tc := range []struct {
		name   string
		change func(in *pk.CharterInput)
		field  string // "" when valid
		key    string
	}{
		{"a whole charter", func(in *pk.CharterInput) {}, "", ""},
		{"an area with no body", func(in *pk.CharterInput) { in.Areas[4].BodyID = "" }, "areas.4.body_id", "governance.validation.area_without_body"},
		{"two bodies claiming one area", func(in *pk.CharterInput) {
			in.Areas = append(in.Areas, pk.AreaRule{Area: pk.AreaBudget, BodyID: "strat", Method: pk.MethodConsent, Unit: pk.UnitPerson})
		}, "areas.5.area", "governance.validation.area_claimed_twice"},
		{"a standard area left out", func(in *pk.CharterInput) { in.Areas = in.Areas[1:] }, "areas", "governance.validation.area_without_body"},
		{"an area given to a body of another partnership", func(in *pk.CharterInput) { in.Areas[1].BodyID = "elsewhere" }, "areas.1.body_id", "governance.validation.unknown_body"},
		{"an area taking the rule of a body that has none", func(in *pk.CharterInput) { in.Rules = in.Rules[:1] }, "areas.0.method", "governance.validation.no_rule_for_body"},
		{"an area name that is not a code", func(in *pk.CharterInput) { in.Areas[4].Area = "Campaign Tactics" }, "areas.4.area", "governance.validation.area_name"},
		{"an unknown method", func(in *pk.CharterInput) { in.Rules[0].Method = "lottery" }, "rules.0.method", "validation.choice"},
		{"an unknown unit", func(in *pk.CharterInput) { in.Areas[1].Unit = "household" }, "areas.1.unit", "validation.choice"},
		{"quorum above one", func(in *pk.CharterInput) { in.Rules[1].Quorum = 1.01 }, "rules.1.quorum", "governance.validation.share"},
		{"quorum below zero", func(in *pk.CharterInput) { in.Areas[1].Quorum = -0.01 }, "areas.1.quorum", "governance.validation.share"},
		{"quorum exactly one", func(in *pk.CharterInput) { in.Rules[1].Quorum = 1 }, "", ""},
		{"a body with two rules", func(in *pk.CharterInput) { in.Rules = append(in.Rules, in.Rules[0]) }, "rules.2.body_id", "governance.validation.body_twice"},
		{"an unknown adopting body", func(in *pk.CharterInput) { in.AdoptedByBody = "ghost" }, "adopted_by_body_id", "governance.validation.unknown_body"},
		{"no adoption date", func(in *pk.CharterInput) { in.AdoptedOn = "" }, "adopted_on", "validation.required"},
		{"re-opening share above one", func(in *pk.CharterInput) { in.ReopenShare = 2 }, "reopen_share", "governance.validation.share"},
	} {
		in := input()
		// Copy the slices so cases do not change each other's input.
		in.Rules = append([]pk.BodyRule(nil), in.Rules...)
		in.Areas = append([]pk.AreaRule(nil), in.Areas...)
		tc.change(in)
		got := fields(t, Validate(in, bodies))
		if tc.field == "" {
			if len(got) != 0 {
				t.Errorf("%s: refused %v", tc.name, got)
			}
			continue
		}
		if got[tc.field] != tc.key {
			t.Errorf("%s: errors %v, want %s: %s", tc.name, got, tc.field, tc.key)
		}
	}
}
