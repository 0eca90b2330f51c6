package partnerkit

import (
	"strings"
	"time"
)

// A person may download everything Partnerkit holds about them and may
// delete their account (the rights people in our users' partnerships have
// under data-protection law). Deleting erases what is personal and keeps
// what the person contributed to a partnership, attributed to "a former
// member": the partnership's work belongs to the partnership.

// FormerMemberName is the name an erased account keeps. Every list that
// names the author of a contribution shows it: the pages translate it ("a
// former member"), the API passes it on as a stable marker that scripts can
// test for.
const FormerMemberName = "[former member]"

// formerMemberDomain is the address domain of erased accounts: an erased
// account's address becomes "former-<id>@former-member.invalid", unique and
// undeliverable (".invalid" is reserved and never resolves).
const formerMemberDomain = "@former-member.invalid"

// FormerMemberEmail is the address an erased account keeps.
func FormerMemberEmail(id string) string { return "former-" + id + formerMemberDomain }

// IsFormerMemberEmail reports whether an address is an erased account's.
// No one may sign up with such an address, so that it always means erased.
func IsFormerMemberEmail(email string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(email)), formerMemberDomain)
}

// PersonalDataFormat names the personal-data document; the schema version
// changes when a field changes meaning or goes away.
const (
	PersonalDataFormat        = "partnerkit.personal-data"
	PersonalDataSchemaVersion = 1
)

// PersonalData is everything Partnerkit holds about one person, as they may
// download it. Records the person wrote but may no longer see (sensitive
// ones, after a change of role) are left out and counted in Omitted.
type PersonalData struct {
	Format        string    `json:"format"`
	SchemaVersion int       `json:"schema_version"`
	ExportedAt    time.Time `json:"exported_at"`
	// Notes say in plain words what the document holds and leaves out.
	Notes         []string                `json:"notes"`
	Profile       PersonalProfile         `json:"profile"`
	Partnerships  []PersonalPartnership   `json:"partnerships"`
	Organisations []PersonalOrganisation  `json:"organisations"`
	Contributions []PersonalContribution  `json:"contributions"`
	Sessions      []*Session              `json:"sessions"`
	Tokens        []*Token                `json:"tokens"`
	Audit         []PersonalAuditEntry    `json:"audit"`
	Omitted       []PersonalDataOmission  `json:"omitted"`
	Invitations   []PersonalInvitationFor `json:"invitations_to_me"`
	// NotificationSettings are the person's choices of notification email.
	NotificationSettings *NotificationSettings `json:"notification_settings"`
}

// PersonalProfile is the account itself; never the password hash.
type PersonalProfile struct {
	ID            string    `json:"id"`
	Email         string    `json:"email"`
	EmailVerified bool      `json:"email_verified"`
	Name          string    `json:"name"`
	Language      string    `json:"language"`
	Admin         bool      `json:"admin"`
	CreatedAt     time.Time `json:"created_at"`
	// SelfDeclared is what the person said of themselves for the health
	// signals (their own answers, shown to them alone).
	SelfDeclared SelfDeclared `json:"self_declared"`
}

// PersonalPartnership is one partnership the person belongs to.
type PersonalPartnership struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Role             Role   `json:"role"`
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	Since            string `json:"since"`
}

// PersonalOrganisation is one organisation the person belongs to.
type PersonalOrganisation struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Admin bool   `json:"admin"`
}

// PersonalContribution is one record the person wrote, owns or is named in:
// Type says which kind ("actor", "assessment", "tactic", …), As how the
// person is tied to it ("author", "owner", "point_of_contact", …), Fields
// the record's own columns.
type PersonalContribution struct {
	Type           string         `json:"type"`
	As             string         `json:"as"`
	PartnershipID  string         `json:"partnership_id,omitempty"`
	OrganisationID string         `json:"organisation_id,omitempty"`
	Fields         map[string]any `json:"fields"`
}

// PersonalAuditEntry is an audit-log entry made by the person or about
// them. Summary, Before and After are given only where the person may still
// read them in the partnership.
type PersonalAuditEntry struct {
	PartnershipID string    `json:"partnership_id"`
	Action        string    `json:"action"`
	SubjectType   string    `json:"subject_type"`
	SubjectID     string    `json:"subject_id"`
	ByMe          bool      `json:"by_me"`
	AboutMe       bool      `json:"about_me"`
	Summary       string    `json:"summary,omitempty"`
	Before        string    `json:"before,omitempty"`
	After         string    `json:"after,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
}

// PersonalInvitationFor is an invitation sent to the person's address.
type PersonalInvitationFor struct {
	ID            string    `json:"id"`
	PartnershipID string    `json:"partnership_id,omitempty"`
	Role          string    `json:"role"`
	Status        string    `json:"status"`
	CreatedAt     time.Time `json:"created_at"`
}

// PersonalDataOmission counts records of one kind left out of the document
// and says why.
type PersonalDataOmission struct {
	Type   string `json:"type"`
	Count  int    `json:"count"`
	Reason string `json:"reason"`
}

// HandOver is a responsibility a person must pass on before deleting their
// account: a partnership they are the last coordinator of, or an
// organisation they are the last administrator of.
type HandOver struct {
	// Kind is "partnership" or "organisation".
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Hand-over kinds.
const (
	HandOverPartnership  = "partnership"
	HandOverOrganisation = "organisation"
)

// HandOversError refuses an account deletion, naming every hand-over that
// must come first (one field error each, so both faces list them).
func HandOversError(hs []HandOver) *Error {
	e := &Error{Code: ECONFLICT, Key: "account.delete.hand_over_first"}
	for _, h := range hs {
		key := "account.delete.last_coordinator"
		if h.Kind == HandOverOrganisation {
			key = "account.delete.last_admin"
		}
		e.Fields = append(e.Fields, FieldError{Field: h.Kind + ":" + h.ID, Key: key, Data: map[string]any{"Name": h.Name}})
	}
	return e
}

// SelfDeclared is what a person chose to say about themselves, for the
// partnership's health signals: whether they have lived experience of
// migration and whether they are young. Both optional ("" is not saying),
// never shown per person: the signals count shares over at least
// health.MinPeople people.
type SelfDeclared struct {
	LivedExperience string `json:"lived_experience"`
	Young           string `json:"young"`
}

// Validate checks the answers.
func (in *SelfDeclared) Validate() error {
	var v Validator
	v.OneOf("lived_experience", in.LivedExperience, false, DeclaredAnswers)
	v.OneOf("young", in.Young, false, DeclaredAnswers)
	return v.Err()
}
