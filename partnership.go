package partnerkit

import (
	"strings"
	"time"
)

// Partnership is a network, coalition or alliance of organisations.
type Partnership struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Purpose string `json:"purpose"`
	// Form on the continuum of collaboration (after ROADMAP 2013).
	Form      string    `json:"form"`
	Basis     string    `json:"basis"`
	Scope     string    `json:"scope"`
	Structure string    `json:"structure"`
	Archived  bool      `json:"archived"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	// MyRole is the asking person's role in it.
	MyRole Role `json:"my_role"`
}

// The choices a partnership's profile offers.
var (
	PartnershipForms      = []string{"cooperation", "network", "campaign_coalition", "strategic_alliance", "merger"}
	PartnershipBases      = []string{"geography", "issue", "group"}
	PartnershipScopes     = []string{"local", "national", "international"}
	PartnershipStructures = []string{"formal", "informal"}
)

// PartnershipInput creates or updates a partnership.
type PartnershipInput struct {
	Name      string
	Purpose   string
	Form      string
	Basis     string
	Scope     string
	Structure string
	// OrganisationID is the creator's organisation, which becomes the first
	// member organisation (optional).
	OrganisationID string
	Version        int
}

// Validate checks a partnership's fields.
func (in *PartnershipInput) Validate() error {
	var v Validator
	in.Name = strings.TrimSpace(in.Name)
	v.Text("name", in.Name, true, 200)
	v.Text("purpose", in.Purpose, false, 4000)
	v.OneOf("form", in.Form, false, PartnershipForms)
	v.OneOf("basis", in.Basis, false, PartnershipBases)
	v.OneOf("scope", in.Scope, false, PartnershipScopes)
	v.OneOf("structure", in.Structure, false, PartnershipStructures)
	return v.Err()
}

// MemberOrganisation is an organisation's membership of a partnership.
type MemberOrganisation struct {
	OrganisationID string    `json:"organisation_id"`
	Name           string    `json:"name"`
	Kind           string    `json:"kind"`
	Country        string    `json:"country"`
	City           string    `json:"city"`
	RefugeeLed     bool      `json:"refugee_led"`
	YouthLed       bool      `json:"youth_led"`
	Status         string    `json:"status"` // invited, active, left
	Since          time.Time `json:"since"`
	Version        int       `json:"version"`
}

// MemberStatuses are the states of a member organisation.
var MemberStatuses = []string{"invited", "active", "left"}

// Person is a person's membership of a partnership.
type Person struct {
	UserID           string    `json:"user_id"`
	Name             string    `json:"name"`
	Email            string    `json:"email,omitempty"`
	Role             Role      `json:"role"`
	OrganisationID   string    `json:"organisation_id,omitempty"`
	OrganisationName string    `json:"organisation_name,omitempty"`
	Since            time.Time `json:"since"`
	Version          int       `json:"version"`
}

// Members is everyone in a partnership, by name: at most
// MaxMemberOrganisations organisations and MaxMemberPeople people; a Cut
// field says that list holds only the first ones.
type Members struct {
	Organisations    []*MemberOrganisation `json:"organisations"`
	OrganisationsCut bool                  `json:"organisations_cut"`
	People           []*Person             `json:"people"`
	PeopleCut        bool                  `json:"people_cut"`
}

// MemberChoices are the people and active member organisations a form
// offers, by name: at most MaxMemberChoices of each whose name holds the
// search, and the ones already chosen whatever the bound. The Cut fields
// say more match, so the page asks for a narrower search.
type MemberChoices struct {
	People           []Choice `json:"people"`
	PeopleCut        bool     `json:"people_cut"`
	Organisations    []Choice `json:"organisations"`
	OrganisationsCut bool     `json:"organisations_cut"`
}

// Dashboard is the partnership's front page in numbers.
type Dashboard struct {
	Partnership          *Partnership   `json:"partnership"`
	ActiveOrganisations  int            `json:"active_organisations"`
	InvitedOrganisations int            `json:"invited_organisations"`
	PeopleByRole         map[string]int `json:"people_by_role"`
	PendingInvitations   int            `json:"pending_invitations"`
	RefugeeLed           int            `json:"refugee_led_organisations"`
	YouthLed             int            `json:"youth_led_organisations"`
	Recent               []*AuditEntry  `json:"recent"`
}
