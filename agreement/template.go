package agreement

import (
	"strings"
)

// Kinds of agreement: a memorandum of understanding (the diaspora
// networking guide's guiding document for a network), a partnering
// agreement (formal, written, shared decision-making: a coalition or joint
// venture) and terms of reference (for a body or working group).
const (
	KindMoU                 = "mou"
	KindPartneringAgreement = "partnering_agreement"
	KindTermsOfReference    = "terms_of_reference"
)

// Kinds lists every kind.
var Kinds = []string{KindMoU, KindPartneringAgreement, KindTermsOfReference}

// Member is a member organisation as the template names it: its name and
// the people who represent it in the partnership.
type Member struct {
	Name            string
	Representatives []string
}

// Offer is what one organisation said in the self-analysis it brings.
type Offer struct {
	Organisation string
	Offer        string
}

// Facts are what Partnerkit already knows about a partnership and puts in
// the first draft: its members and representatives, the purpose and
// vision of its theory of change, and the offers of the self-analysis.
type Facts struct {
	Members []Member
	Purpose string
	Vision  string
	Offers  []Offer
	// Governance is the charter in force with the bodies; nil until a
	// charter is adopted.
	Governance *Governance
}

// Draft writes the first draft of an agreement of a kind from the facts,
// one section per SectionIDs. t gives a catalogue text in the reader's
// language: the titles are "agreement.section.<id>", an empty section
// says "agreement.template.to_agree".
func Draft(kind string, f Facts, t Translate) []Section {
	out := make([]Section, 0, len(SectionIDs))
	for _, id := range SectionIDs {
		out = append(out, Redraft(id, kind, f, t))
	}
	return out
}

// Redrafted are the sections Partnerkit writes from what it knows; the
// others start as "to be agreed" and only the partners fill them.
var Redrafted = []string{"partners", "purpose", "roles", "resources", "decisions"}

// Redraft writes one section from the facts, as Draft does: the members
// and their representatives, the purpose and vision, the bodies in roles,
// the offers in resources, and decision-making from the charter in force
// (until a charter exists, "agreement.template.decisions" says the
// partners write how they decide).
func Redraft(id, kind string, f Facts, t Translate) Section {
	var b strings.Builder
	switch id {
	case "partners":
		for _, m := range f.Members {
			b.WriteString("- **" + escape(m.Name) + "**")
			if len(m.Representatives) > 0 {
				b.WriteString(" — " + escape(strings.Join(m.Representatives, ", ")))
			}
			b.WriteString("\n")
		}
	case "purpose":
		b.WriteString(t("agreement.template.intro." + kind))
		b.WriteString("\n")
		if p := strings.TrimSpace(f.Purpose); p != "" {
			b.WriteString("\n" + escape(p) + "\n")
		}
		if v := strings.TrimSpace(f.Vision); v != "" {
			b.WriteString("\n" + escape(v) + "\n")
		}
	case "roles":
		if f.Governance != nil {
			b.WriteString(Roles(*f.Governance, t))
		}
	case "resources":
		for _, o := range f.Offers {
			if strings.TrimSpace(o.Offer) == "" {
				continue
			}
			b.WriteString("- **" + escape(o.Organisation) + "**: " + escape(oneLine(o.Offer)) + "\n")
		}
	case "decisions":
		if f.Governance != nil {
			b.WriteString(Decisions(*f.Governance, t))
		} else {
			b.WriteString(t("agreement.template.decisions") + "\n")
		}
	}
	body := b.String()
	if body == "" {
		body = "_" + t("agreement.template.to_agree") + "_\n"
	}
	return Section{ID: id, Title: t("agreement.section." + id), Body: body}
}

// escape keeps names from being read as Markdown (a name starting with "#"
// or holding "*" stays a name).
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "#", `\#`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`)
	return r.Replace(s)
}

// Escape keeps a name or other plain text from being read as Markdown when
// an export writes it into a Markdown section.
func Escape(s string) string { return escape(s) }

// Replace returns the sections with the one of s.ID replaced by s (or s
// added, in the order of SectionIDs, when the text had no such section).
func Replace(sections []Section, s Section) []Section {
	out := make([]Section, 0, len(sections)+1)
	placed := false
	for _, id := range SectionIDs {
		for _, x := range sections {
			if x.ID != id {
				continue
			}
			if x.ID == s.ID {
				x, placed = s, true
			}
			out = append(out, x)
		}
		if id == s.ID && !placed {
			out = append(out, s)
			placed = true
		}
	}
	return out
}
