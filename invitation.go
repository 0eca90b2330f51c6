package partnerkit

import (
	"strings"
	"time"
)

// Invitation asks a person, by email, to join a partnership in a role,
// optionally on behalf of an organisation.
type Invitation struct {
	ID               string    `json:"id"`
	PartnershipID    string    `json:"partnership_id"`
	PartnershipName  string    `json:"partnership_name"`
	Email            string    `json:"email"`
	Role             Role      `json:"role"`
	OrganisationID   string    `json:"organisation_id,omitempty"`
	OrganisationName string    `json:"organisation_name,omitempty"`
	Message          string    `json:"message"`
	Status           string    `json:"status"` // pending, accepted, declined, revoked
	InvitedBy        string    `json:"invited_by"`
	ExpiresAt        time.Time `json:"expires_at"`
	CreatedAt        time.Time `json:"created_at"`
	Expired          bool      `json:"expired"`
}

// InvitationTTL is how long an invitation link stays good.
const InvitationTTL = 14 * 24 * time.Hour

// InvitationInput invites someone.
type InvitationInput struct {
	Email          string
	Role           string
	OrganisationID string
	Message        string
	// Language of the email; the inviter's by default.
	Language string
}

// Validate checks an invitation.
func (in *InvitationInput) Validate() error {
	var v Validator
	in.Email = strings.TrimSpace(strings.ToLower(in.Email))
	v.Email("email", in.Email)
	v.OneOf("role", in.Role, true, Roles)
	v.Text("message", in.Message, false, 2000)
	v.OneOf("language", in.Language, false, Languages)
	return v.Err()
}

// InvitationList is a partnership's invitations, newest first: at most
// MaxInvitations; Cut says there are older ones not listed.
type InvitationList struct {
	Invitations []*Invitation `json:"invitations"`
	Cut         bool          `json:"cut"`
}
