package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agreement"
)

// AgreementComment is a remark on one section of one version of an
// agreement's text: members discuss the wording beside it before they
// sign. The author, or a coordinator, may delete it.
type AgreementComment struct {
	ID          string `json:"id"`
	Section     string `json:"section"`
	TextVersion int    `json:"text_version"`
	Body        string `json:"body"`
	UserID      string `json:"user_id,omitempty"`
	// UserName is empty once the author deleted their account.
	UserName  string    `json:"user_name"`
	CreatedAt time.Time `json:"created_at"`
	// Deletable says whether the asker may delete it (their own, or any
	// when they coordinate).
	Deletable bool `json:"deletable"`
	// Version is what a deletion names (If-Match or ?version=).
	Version int `json:"version"`
}

// AgreementCommentList is an agreement's comments, section by section in
// the order of the text and oldest first within a section. Each section
// keeps its newest MaxAgreementSectionComments; Cut names the sections
// whose older comments were left out.
type AgreementCommentList struct {
	Items []*AgreementComment `json:"items"`
	Cut   []string            `json:"cut_sections"`
}

// Of returns the comments on one section.
func (l *AgreementCommentList) Of(section string) []*AgreementComment {
	var out []*AgreementComment
	for _, c := range l.Items {
		if c.Section == section {
			out = append(out, c)
		}
	}
	return out
}

// CutOf reports whether a section's comments were cut.
func (l *AgreementCommentList) CutOf(section string) bool {
	for _, s := range l.Cut {
		if s == section {
			return true
		}
	}
	return false
}

// MaxAgreementSectionComments bounds the comments shown per section;
// MaxAgreementComment bounds one comment's text.
const (
	MaxAgreementSectionComments = 50
	MaxAgreementComment         = 4000
)

// AgreementCommentInput is a new comment on a section of the current text.
type AgreementCommentInput struct {
	Section string `json:"section"`
	Body    string `json:"body"`
}

// Validate checks the section and the text.
func (in *AgreementCommentInput) Validate() error {
	var v Validator
	v.OneOf("section", in.Section, true, AgreementSections)
	v.Text("body", strings.TrimSpace(in.Body), true, MaxAgreementComment)
	return v.Err()
}

// AgreementSections are the sections a comment may be on.
var AgreementSections = agreement.SectionIDs

// AgreementRedrafted are the sections Partnerkit writes again from what it
// knows.
var AgreementRedrafted = agreement.Redrafted

// AgreementExportFormats are the files an agreement is downloaded as: the
// exact Markdown that is signed, and a Word document.
var AgreementExportFormats = []string{"md", "docx"}
