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
}

// Draft writes the first draft of an agreement of a kind from the facts,
// one section per SectionIDs. T gives a catalogue text in the reader's
// language: the titles are "agreement.section.<id>", an empty section
// says "agreement.template.to_agree", and decision-making leaves the
// charter's rules to "agreement.template.decisions" until a charter exists.
func Draft(kind string, f Facts, T func(key string) string) []Section {
	out := make([]Section, 0, len(SectionIDs))
	for _, id := range SectionIDs {
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
			b.WriteString(T("agreement.template.intro." + kind))
			b.WriteString("\n")
			if p := strings.TrimSpace(f.Purpose); p != "" {
				b.WriteString("\n" + escape(p) + "\n")
			}
			if v := strings.TrimSpace(f.Vision); v != "" {
				b.WriteString("\n" + escape(v) + "\n")
			}
		case "resources":
			for _, o := range f.Offers {
				if strings.TrimSpace(o.Offer) == "" {
					continue
				}
				b.WriteString("- **" + escape(o.Organisation) + "**: " + escape(oneLine(o.Offer)) + "\n")
			}
		case "decisions":
			b.WriteString(T("agreement.template.decisions") + "\n")
		}
		body := b.String()
		if body == "" {
			body = "_" + T("agreement.template.to_agree") + "_\n"
		}
		out = append(out, Section{ID: id, Title: T("agreement.section." + id), Body: body})
	}
	return out
}

// escape keeps names from being read as Markdown (a name starting with "#"
// or holding "*" stays a name).
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "#", `\#`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`)
	return r.Replace(s)
}
