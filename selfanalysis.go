package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/readiness"
)

// SelfAnalysisEntry is one person's contribution to one section of a
// self-analysis. Contributions are never merged or overwritten: each keeps
// its author and date, and only its author may change it.
type SelfAnalysisEntry struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Text    string `json:"text"`
	// Answer is yes, no or not_sure for yes/no sections, else empty.
	Answer     string    `json:"answer,omitempty"`
	AuthorID   string    `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Mine       bool      `json:"mine"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// SelfAnalysisSection is one section with everyone's contributions.
type SelfAnalysisSection struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`   // text or yes_no
	Title  string `json:"title"`  // message ID
	Prompt string `json:"prompt"` // message ID
	// Tally counts yes/no/not sure in yes/no sections.
	Tally   *readiness.Tally     `json:"tally,omitempty"`
	Entries []*SelfAnalysisEntry `json:"entries"`
}

// SelfAnalysis is the self-analysis of a partnership or of one organisation.
type SelfAnalysis struct {
	PartnershipID  string                 `json:"partnership_id,omitempty"`
	OrganisationID string                 `json:"organisation_id,omitempty"`
	Source         string                 `json:"source"` // message ID naming the method
	Sections       []*SelfAnalysisSection `json:"sections"`
	// Cut says older contributions than these MaxSelfAnalysisEntries
	// exist and are not shown.
	Cut bool `json:"cut"`
}

// SelfAnalysisAnswers are the answers a person may give in a yes/no section.
var SelfAnalysisAnswers = []string{string(readiness.Yes), string(readiness.No), string(readiness.NotSure)}

// SelfAnalysisSectionIDs lists the section IDs in order.
func SelfAnalysisSectionIDs() []string {
	out := make([]string, len(readiness.SelfAnalysisSections))
	for i, s := range readiness.SelfAnalysisSections {
		out[i] = s.ID
	}
	return out
}

// SelfAnalysisSectionKind returns a section's kind, "" for unknown IDs.
func SelfAnalysisSectionKind(id string) readiness.SectionKind {
	for _, s := range readiness.SelfAnalysisSections {
		if s.ID == id {
			return s.Kind
		}
	}
	return ""
}

// SelfAnalysisInput adds or changes a contribution.
type SelfAnalysisInput struct {
	Section string
	Text    string
	Answer  string
	Version int
}

// Validate checks a contribution: text sections need text, yes/no sections
// an answer (the text is then an optional note).
func (in *SelfAnalysisInput) Validate() error {
	var v Validator
	in.Text = strings.TrimSpace(in.Text)
	v.OneOf("section", in.Section, true, SelfAnalysisSectionIDs())
	switch SelfAnalysisSectionKind(in.Section) {
	case readiness.YesNo:
		v.OneOf("answer", in.Answer, true, SelfAnalysisAnswers)
		v.Text("text", in.Text, false, 4000)
	case readiness.Text:
		in.Answer = "" // text sections carry no answer
		v.Text("text", in.Text, true, 8000)
	}
	return v.Err()
}
