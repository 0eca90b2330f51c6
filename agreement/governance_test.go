package agreement

import (
	"fmt"
	"strings"
	"testing"
)

// keys writes a catalogue key with its placeholders, so a test sees both
// which text was chosen and what filled it.
func keys(k string, args ...any) string {
	if len(args) == 0 {
		return "[" + k + "]"
	}
	return fmt.Sprintf("[%s %v]", k, args)
}

func TestPercent(t *testing.T) {
	for share, want := range map[float64]string{0: "0", 0.5: "50", 2.0 / 3: "66.7", 1: "100", 0.333: "33.3", 0.0004: "0", 0.0005: "0.1", 0.25: "25"} {
		if got := Percent(share); got != want {
			t.Errorf("Percent(%v) = %q, want %q", share, got, want)
		}
	}
}

func governance() Governance {
	return Governance{
		CharterVersion: 2, AdoptedOn: "2026-01-15", AdoptedBy: "Strategic committee",
		Bodies: []GovernanceBody{
			{Name: "Strategic committee", Kind: "strategic_committee", Mandate: "Sets the\ndirection.", Organisations: []string{"Diaspora Voices", "City *Library*"},
				Rule: DecisionRule{Method: "gradients", Quorum: 0.5, Unit: "organisation"}},
			{Name: "# Youth group", Kind: "action_group"},
		},
		Areas: []AreaDecision{
			{Area: "budget", Body: "Strategic committee", Rule: DecisionRule{Method: "gradients", Quorum: 0.5, Unit: "organisation"}},
			{Area: "agreement_changes", Body: "Strategic committee", Rule: DecisionRule{Method: "two_thirds", Quorum: 2.0 / 3, Unit: "organisation"}},
			{Area: "external_statements", Body: "# Youth group", Rule: DecisionRule{Method: "chair", Unit: "person"}},
			{Area: "press_work", Body: "# Youth group", Rule: DecisionRule{Method: "consent", Quorum: 1, Unit: "person"}},
		},
		Discussion: "Talk it through at the next meeting.", Arbiter: "A panel of three\nfrom outside.",
		ReopenOnNewInformation: true, ReopenShare: 0.25, ReopenAfterMonths: 6,
	}
}

func TestDecisionsFromTheCharter(t *testing.T) {
	got := Decisions(governance(), keys)
	for _, want := range []string{
		"[agreement.draft.charter_intro [Version 2 Date 2026-01-15 Body Strategic committee]]\n",
		"### [agreement.draft.who_decides]\n\n",
		// Each area names its body and its rule in words: method, quorum as a percentage, unit.
		"- **[agreement.area.budget]**: [agreement.draft.area_rule [Body Strategic committee Rule [agreement.draft.method.gradients][agreement.draft.list_separator][agreement.draft.quorum [Percent 50]][agreement.draft.list_separator][governance.unit.organisation]]]\n",
		"[agreement.draft.method.two_thirds][agreement.draft.list_separator][agreement.draft.quorum [Percent 66.7]]",
		// No quorum is said, not written as 0 %.
		"[agreement.draft.method.chair][agreement.draft.list_separator][agreement.draft.no_quorum]",
		// A partnership's own area is written from its code; a body's name stays a name.
		"- **press work**: [agreement.draft.area_rule [Body \\# Youth group ",
		"### [agreement.draft.bodies]\n\n- **Strategic committee** [agreement.draft.seats [Organisations Diaspora Voices, City \\*Library\\*]]: [agreement.draft.body_rule",
		"- **\\# Youth group**: [agreement.draft.body_no_rule]\n",
		// The ladder numbers only the steps written, on one line each.
		"### [agreement.draft.escalation]\n\n1. **[agreement.draft.escalation.discussion]**: Talk it through at the next meeting.\n2. **[agreement.draft.escalation.arbiter]**: A panel of three from outside.\n",
		"### [agreement.draft.reopen]\n\n[agreement.draft.reopen_intro]\n\n- [agreement.draft.reopen.new_information]\n- [agreement.draft.reopen.share [Percent 25]]\n- [agreement.draft.reopen.after [Count 6]]\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("decisions lack %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "mediator") || strings.Contains(got, "reopen.organisations") {
		t.Errorf("a step or condition not in the charter was written:\n%s", got)
	}
}

// A charter with nothing but its rules writes no empty headings.
func TestDecisionsMinimal(t *testing.T) {
	got := Decisions(Governance{CharterVersion: 1, AdoptedOn: "2026-02-01"}, keys)
	for _, absent := range []string{"who_decides", "bodies", "escalation", "reopen"} {
		if strings.Contains(got, absent) {
			t.Errorf("empty part %s written:\n%s", absent, got)
		}
	}
}

func TestRolesNameTheBodies(t *testing.T) {
	got := Roles(governance(), keys)
	want := "[agreement.draft.roles_intro]\n\n" +
		"- **Strategic committee** ([governance.kind.strategic_committee]): Sets the direction. [agreement.draft.seats [Organisations Diaspora Voices, City \\*Library\\*]]\n" +
		"- **\\# Youth group** ([governance.kind.action_group])\n"
	if got != want {
		t.Fatalf("roles =\n%q\nwant\n%q", got, want)
	}
	if Roles(Governance{}, keys) != "" {
		t.Error("no bodies, no roles text")
	}
}

func TestRedraftUsesTheCharter(t *testing.T) {
	g := governance()
	f := Facts{Governance: &g}
	if s := Redraft("decisions", KindMoU, f, keys); !strings.HasPrefix(s.Body, "[agreement.draft.charter_intro") || s.Title != "[agreement.section.decisions]" {
		t.Errorf("decisions: %+v", s)
	}
	if s := Redraft("roles", KindMoU, f, keys); !strings.Contains(s.Body, "Strategic committee") {
		t.Errorf("roles: %+v", s)
	}
	// Without a charter the roles are to be agreed and decisions point to the charter.
	if s := Redraft("roles", KindMoU, Facts{}, keys); s.Body != "_[agreement.template.to_agree]_\n" {
		t.Errorf("roles without charter: %q", s.Body)
	}
	if s := Redraft("decisions", KindMoU, Facts{}, keys); s.Body != "[agreement.template.decisions]\n" {
		t.Errorf("decisions without charter: %q", s.Body)
	}
	for _, id := range Redrafted {
		found := false
		for _, s := range SectionIDs {
			found = found || s == id
		}
		if !found {
			t.Errorf("redrafted section %s is no section", id)
		}
	}
}

func TestReplace(t *testing.T) {
	ss := []Section{{ID: "partners", Body: "a"}, {ID: "decisions", Body: "old"}, {ID: "duration", Body: "d"}}
	got := Replace(ss, Section{ID: "decisions", Body: "new"})
	if len(got) != 3 || got[1].Body != "new" || ss[1].Body != "old" {
		t.Fatalf("replace: %+v (input %+v)", got, ss)
	}
	got = Replace(ss, Section{ID: "roles", Body: "r"})
	if len(got) != 4 || got[1].ID != "roles" || got[2].ID != "decisions" {
		t.Fatalf("added in order: %+v", got)
	}
}
