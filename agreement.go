package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agreement"
)

// Agreement is the partnership's written agreement: a memorandum of
// understanding, a partnering agreement or terms of reference, written in
// Markdown section by section (the MoU contents of the diaspora networking
// guide; the AVA partnership agreement checklist), signed by every member
// organisation through a person it authorises. Its text is versioned: every
// change after circulation is a new version, and a signature counts only for
// the exact text whose SHA-256 it records.
type Agreement struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	Status string `json:"status"`
	// TextVersion is the number of the version the text is (1, 2, …).
	TextVersion int                 `json:"text_version"`
	Sections    []agreement.Section `json:"sections"`
	// Text is the exact text of this version (agreement.Join of the
	// sections), TextSHA256 its SHA-256: what a signature records.
	Text       string `json:"text"`
	TextSHA256 string `json:"text_sha256"`
	// SignedBy are the member organisations that signed this version,
	// Missing those that have not (active members, by name).
	SignedBy   []AgreementParty      `json:"signed_by"`
	Missing    []AgreementParty      `json:"missing"`
	Signatures []*AgreementSignature `json:"signatures"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// AgreementParty is a member organisation as an agreement names it.
type AgreementParty struct {
	OrganisationID string `json:"organisation_id"`
	Name           string `json:"name"`
}

// AgreementSignature is one organisation's signature of one version.
type AgreementSignature struct {
	ID               string    `json:"id"`
	OrganisationID   string    `json:"organisation_id"`
	OrganisationName string    `json:"organisation_name"`
	UserID           string    `json:"user_id,omitempty"`
	TypedName        string    `json:"typed_name"`
	TextVersion      int       `json:"text_version"`
	TextSHA256       string    `json:"text_sha256"`
	SignedAt         time.Time `json:"signed_at"`
	// Valid: the signature is of the agreement's current text.
	Valid bool `json:"valid"`
}

// AgreementVersion is one version of an agreement's text, kept whole.
type AgreementVersion struct {
	Number     int                 `json:"number"`
	Sections   []agreement.Section `json:"sections"`
	Text       string              `json:"text"`
	TextSHA256 string              `json:"text_sha256"`
	Note       string              `json:"note"`
	UserName   string              `json:"user_name"`
	CreatedAt  time.Time           `json:"created_at"`
}

// AgreementList is a partnership's agreements, newest first, cut at
// MaxAgreements.
type AgreementList struct {
	Items []*Agreement `json:"items"`
	Cut   bool         `json:"cut"`
}

// AgreementVersionList is an agreement's versions, newest first, cut at
// MaxAgreementVersions.
type AgreementVersionList struct {
	Items []*AgreementVersion `json:"items"`
	Cut   bool                `json:"cut"`
}

// AgreementLogEntry is one event of the signing log: a version written or a
// signature given, with its time and the hash of the text concerned.
type AgreementLogEntry struct {
	Event            string    `json:"event"` // version, signature
	At               time.Time `json:"at"`
	TextVersion      int       `json:"text_version"`
	TextSHA256       string    `json:"text_sha256"`
	Name             string    `json:"name"` // who wrote the version, or the typed name
	OrganisationName string    `json:"organisation_name,omitempty"`
}

// AgreementLog is the signing log, oldest first, cut at MaxAgreementLog.
type AgreementLog struct {
	Items []*AgreementLogEntry `json:"items"`
	Cut   bool                 `json:"cut"`
}

// Stated maxima of the agreement's lists (each says when it was cut).
const (
	MaxAgreements        = 100
	MaxAgreementVersions = 200
	MaxAgreementLog      = 1000
	// MaxAgreementSection bounds one section's body; MaxAgreementTitle a title.
	MaxAgreementSection = 20000
	MaxAgreementTitle   = 200
)

// AgreementKinds and AgreementStatuses are the closed lists of an agreement.
var (
	AgreementKinds    = agreement.Kinds
	AgreementStatuses = agreement.Statuses
)

// AgreementStatusMoves are the statuses a coordinator sets by hand.
var AgreementStatusMoves = []string{agreement.StatusCirculated, agreement.StatusSuperseded}

// AgreementInput starts an agreement. Without sections it is drafted from
// the partnership's data (agreement.Draft), in the writer's language.
type AgreementInput struct {
	Kind     string              `json:"kind"`
	Title    string              `json:"title"`
	Sections []agreement.Section `json:"sections"`
}

// Validate checks the kind, the title and the sections.
func (in *AgreementInput) Validate() error {
	var v Validator
	v.OneOf("kind", in.Kind, true, AgreementKinds)
	v.Text("title", in.Title, true, MaxAgreementTitle)
	validateSections(&v, in.Sections)
	return v.Err()
}

// AgreementTextInput changes the text. Version is the agreement's version
// as read (a concurrent change is a conflict).
type AgreementTextInput struct {
	Version  int                 `json:"version"`
	Sections []agreement.Section `json:"sections"`
	Note     string              `json:"note"`
}

// Validate checks the sections and the note.
func (in *AgreementTextInput) Validate() error {
	var v Validator
	if len(in.Sections) == 0 {
		v.Add("sections", "validation.required", nil)
	}
	validateSections(&v, in.Sections)
	v.Text("note", in.Note, false, 1000)
	return v.Err()
}

// validateSections: each section of SectionIDs at most once, a title, a
// bounded body.
func validateSections(v *Validator, ss []agreement.Section) {
	seen := map[string]bool{}
	for _, s := range ss {
		v.OneOf("sections", s.ID, true, agreement.SectionIDs)
		if seen[s.ID] {
			v.Add("sections", "agreement.validation.section_twice", nil)
		}
		seen[s.ID] = true
		v.Text("sections", strings.TrimSpace(s.Title), true, MaxAgreementTitle)
		v.Text("sections", s.Body, false, MaxAgreementSection)
	}
}

// AgreementStatusInput moves an agreement by hand: a coordinator
// circulates a draft, or marks an agreement superseded. Signing and in
// force follow from the signatures.
type AgreementStatusInput struct {
	Version int    `json:"version"`
	Status  string `json:"status"`
}

// Validate allows only the statuses set by hand.
func (in *AgreementStatusInput) Validate() error {
	var v Validator
	v.OneOf("status", in.Status, true, AgreementStatusMoves)
	return v.Err()
}

// AgreementSignInput is a signature: the organisation signed for, the name
// the person types, and optionally the SHA-256 of the text they read (when
// given and no longer the current text's, the signature is refused: the text
// changed while they read).
type AgreementSignInput struct {
	OrganisationID string `json:"organisation_id"`
	TypedName      string `json:"typed_name"`
	TextSHA256     string `json:"text_sha256"`
}

// Validate checks the organisation and the typed name.
func (in *AgreementSignInput) Validate() error {
	var v Validator
	v.Text("organisation_id", in.OrganisationID, true, 100)
	v.Text("typed_name", strings.TrimSpace(in.TypedName), true, 200)
	v.Text("text_sha256", in.TextSHA256, false, 64)
	return v.Err()
}

// AgreementChecklist is the agreement checklist beside an agreement: every
// item of agreement.Checklist with its answer ("" when not answered yet),
// and how many are settled (in place or not relevant).
type AgreementChecklist struct {
	Items []*AgreementChecklistAnswer `json:"items"`
	Done  int                         `json:"done"`
	Total int                         `json:"total"`
}

// AgreementChecklistAnswer is one item's answer.
type AgreementChecklistAnswer struct {
	Item      string     `json:"item"`
	Group     string     `json:"group"`
	Answer    string     `json:"answer"`
	Note      string     `json:"note"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
}

// AgreementChecklistEntry answers one item; an empty answer clears it.
type AgreementChecklistEntry struct {
	Item   string `json:"item"`
	Answer string `json:"answer"`
	Note   string `json:"note"`
}

// AgreementChecklistInput answers some items (the others keep theirs).
type AgreementChecklistInput struct {
	Answers []AgreementChecklistEntry `json:"answers"`
}

// Validate checks every item and answer.
func (in *AgreementChecklistInput) Validate() error {
	var v Validator
	items := agreement.ChecklistItemIDs()
	for _, a := range in.Answers {
		v.OneOf("answers", a.Item, true, items)
		v.OneOf("answers", a.Answer, false, agreement.ChecklistAnswers)
		v.Text("answers", a.Note, false, 1000)
	}
	return v.Err()
}
