package agreement

import (
	"strconv"
	"strings"
)

// Governance is what the charter in force says about deciding, as the
// decision-making and roles sections write it: the bodies with the
// organisations that hold their seats, each body's own rule, which body
// decides each area and how, the escalation ladder for sharp conflicts and
// when a decision may be re-opened. The store resolves every area's rule
// (the charter's rule function) before it comes here.
type Governance struct {
	CharterVersion int
	AdoptedOn      string // YYYY-MM-DD
	AdoptedBy      string // the name of the body that adopted the charter
	Bodies         []GovernanceBody
	Areas          []AreaDecision
	// The escalation ladder: discussion, a named mediator, an arbitrator
	// or panel (each the partnership's own words; empty when not written).
	Discussion, Mediator, Arbiter string
	// Re-opening an approved decision.
	ReopenOnNewInformation bool
	ReopenShare            float64
	ReopenOrganisations    int
	ReopenAfterMonths      int
}

// GovernanceBody is one body: its name, kind, mandate, the organisations
// that hold its seats today (by name, each once) and its own rule (empty
// Method when the charter gives it none).
type GovernanceBody struct {
	Name          string
	Kind          string
	Mandate       string
	Organisations []string
	Rule          DecisionRule
}

// DecisionRule is how a decision is taken: the method (gradients, consent,
// majority, two_thirds, chair), the quorum as a share of those who may
// decide (0 to 1; 0 is none) and the voting unit (person, organisation).
type DecisionRule struct {
	Method string
	Quorum float64
	Unit   string
}

// AreaDecision is one decision area with the body that decides it and the
// rule that body uses there.
type AreaDecision struct {
	Area string
	Body string
	Rule DecisionRule
}

// Translate gives a catalogue text in the reader's language, filling its
// placeholders from name and value pairs.
type Translate func(key string, args ...any) string

// StandardAreaNames are the decision areas with a name in the catalogue
// ("agreement.area.<area>"); a partnership's own areas are written from
// their code.
var StandardAreaNames = []string{"budget", "admission", "external_statements", "agreement_changes"}

// Decisions writes the decision-making section from the charter: who
// decides what and how (method in words, quorum as a percentage, voting
// unit), the bodies, the escalation ladder and re-opening. Everything the
// partnership typed is escaped, so a body called "# Board" stays a name.
func Decisions(g Governance, t Translate) string {
	var b strings.Builder
	b.WriteString(t("agreement.draft.charter_intro", "Version", g.CharterVersion, "Date", g.AdoptedOn, "Body", escape(g.AdoptedBy)) + "\n")
	if len(g.Areas) > 0 {
		b.WriteString("\n### " + t("agreement.draft.who_decides") + "\n\n")
		for _, a := range g.Areas {
			b.WriteString("- **" + areaName(a.Area, t) + "**: " +
				t("agreement.draft.area_rule", "Body", escape(a.Body), "Rule", ruleWords(a.Rule, t)) + "\n")
		}
	}
	if len(g.Bodies) > 0 {
		b.WriteString("\n### " + t("agreement.draft.bodies") + "\n\n")
		for _, x := range g.Bodies {
			b.WriteString("- **" + escape(x.Name) + "**")
			if len(x.Organisations) > 0 {
				b.WriteString(" " + t("agreement.draft.seats", "Organisations", escape(strings.Join(x.Organisations, ", "))))
			}
			if x.Rule.Method != "" {
				b.WriteString(": " + t("agreement.draft.body_rule", "Rule", ruleWords(x.Rule, t)))
			} else {
				b.WriteString(": " + t("agreement.draft.body_no_rule"))
			}
			b.WriteString("\n")
		}
	}
	ladder := []struct{ key, text string }{
		{"agreement.draft.escalation.discussion", g.Discussion},
		{"agreement.draft.escalation.mediator", g.Mediator},
		{"agreement.draft.escalation.arbiter", g.Arbiter},
	}
	written := false
	for _, step := range ladder {
		if strings.TrimSpace(step.text) != "" {
			written = true
		}
	}
	if written {
		b.WriteString("\n### " + t("agreement.draft.escalation") + "\n\n")
		n := 0
		for _, step := range ladder {
			if strings.TrimSpace(step.text) == "" {
				continue
			}
			n++
			b.WriteString(strconv.Itoa(n) + ". **" + t(step.key) + "**: " + escape(oneLine(step.text)) + "\n")
		}
	}
	if reopen := reopenWords(g, t); len(reopen) > 0 {
		b.WriteString("\n### " + t("agreement.draft.reopen") + "\n\n")
		b.WriteString(t("agreement.draft.reopen_intro") + "\n\n")
		for _, r := range reopen {
			b.WriteString("- " + r + "\n")
		}
	}
	return b.String()
}

// Roles writes the bodies into the roles section: each body with its kind,
// mandate and the organisations that hold its seats.
func Roles(g Governance, t Translate) string {
	if len(g.Bodies) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(t("agreement.draft.roles_intro") + "\n\n")
	for _, x := range g.Bodies {
		b.WriteString("- **" + escape(x.Name) + "** (" + t("governance.kind."+x.Kind) + ")")
		if m := oneLine(x.Mandate); m != "" {
			b.WriteString(": " + escape(m))
		}
		if len(x.Organisations) > 0 {
			b.WriteString(" " + t("agreement.draft.seats", "Organisations", escape(strings.Join(x.Organisations, ", "))))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// ruleWords says a rule in words: "consent, quorum 50 %, one vote per
// member organisation".
func ruleWords(r DecisionRule, t Translate) string {
	parts := []string{t("agreement.draft.method." + r.Method)}
	if r.Quorum > 0 {
		parts = append(parts, t("agreement.draft.quorum", "Percent", Percent(r.Quorum)))
	} else {
		parts = append(parts, t("agreement.draft.no_quorum"))
	}
	if r.Unit != "" {
		parts = append(parts, t("governance.unit."+r.Unit))
	}
	return strings.Join(parts, t("agreement.draft.list_separator"))
}

// reopenWords lists the conditions under which a decision may be re-opened.
func reopenWords(g Governance, t Translate) []string {
	var out []string
	if g.ReopenOnNewInformation {
		out = append(out, t("agreement.draft.reopen.new_information"))
	}
	if g.ReopenShare > 0 {
		out = append(out, t("agreement.draft.reopen.share", "Percent", Percent(g.ReopenShare)))
	}
	if g.ReopenOrganisations > 0 {
		out = append(out, t("agreement.draft.reopen.organisations", "Count", g.ReopenOrganisations))
	}
	if g.ReopenAfterMonths > 0 {
		out = append(out, t("agreement.draft.reopen.after", "Count", g.ReopenAfterMonths))
	}
	return out
}

// Percent writes a share as a percentage with at most one decimal: 0.5 is
// "50", 2/3 is "66.7", 1 is "100".
func Percent(share float64) string {
	return strconv.FormatFloat(float64(int64(share*1000+0.5))/10, 'f', -1, 64)
}

func areaName(area string, t Translate) string {
	for _, a := range StandardAreaNames {
		if a == area {
			return t("agreement.area." + area)
		}
	}
	return escape(strings.ReplaceAll(area, "_", " "))
}
