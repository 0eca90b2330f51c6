package partnerkit

import (
	"strings"
	"time"
)

// Organisation is an NGO, network, group or institution that people belong to
// and that joins partnerships.
type Organisation struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Country string `json:"country"`
	City    string `json:"city"`
	Mission string `json:"mission"`
	Website string `json:"website"`
	// RefugeeLed: led by people with refugee or migrant experience.
	RefugeeLed bool      `json:"refugee_led"`
	YouthLed   bool      `json:"youth_led"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	// MyRole is the asking person's place in it: "admin", "member" or "".
	MyRole OrgRole `json:"my_role,omitempty"`
}

// OrganisationKinds are the kinds of organisation a profile can name.
var OrganisationKinds = []string{
	"ngo", "community_group", "refugee_led", "diaspora", "youth", "faith_based",
	"network", "public_body", "academic", "funder", "business", "other",
}

// OrganisationInput creates or updates an organisation.
type OrganisationInput struct {
	Name       string
	Kind       string
	Country    string
	City       string
	Mission    string
	Website    string
	RefugeeLed bool
	YouthLed   bool
	Version    int
}

// Validate checks an organisation's fields.
func (in *OrganisationInput) Validate() error {
	var v Validator
	in.Name = strings.TrimSpace(in.Name)
	in.Website = strings.TrimSpace(in.Website)
	v.Text("name", in.Name, true, 200)
	v.OneOf("kind", in.Kind, true, OrganisationKinds)
	v.Text("country", in.Country, false, 100)
	v.Text("city", in.City, false, 100)
	v.Text("mission", in.Mission, false, 4000)
	v.URL("website", in.Website)
	return v.Err()
}

// OrganisationPerson is a person who belongs to an organisation.
type OrganisationPerson struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Admin  bool   `json:"admin"`
}
