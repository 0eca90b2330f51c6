// Package organisation answers the API calls about organisations: their
// profiles, the directory and their people.
package organisation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the organisations' API calls.
type Handlers struct {
	Organisations pk.OrganisationService
}

// Register adds the organisations' routes.
func (h *Handlers) Register(a *api.API) { h.registerOrganisations(a) }

type organisationBody struct {
	Name       string `json:"name" rule:"required,max=200" doc:"The organisation's name." example:"Youth for Water"`
	Kind       string `json:"kind" rule:"required,enum=organisation_kind" doc:"What kind of organisation it is."`
	Country    string `json:"country" rule:"max=100" doc:"Where it is based." example:"Jordan"`
	City       string `json:"city" rule:"max=100" doc:"Its city." example:"Irbid"`
	Mission    string `json:"mission" rule:"max=4000" doc:"What it works for."`
	Website    string `json:"website" rule:"format=uri,max=500" doc:"An http or https address." example:"https://example.org"`
	RefugeeLed bool   `json:"refugee_led" doc:"Led by refugees."`
	YouthLed   bool   `json:"youth_led" doc:"Led by young people."`
	Version    int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b organisationBody) input() pk.OrganisationInput {
	return pk.OrganisationInput{Name: b.Name, Kind: b.Kind, Country: b.Country, City: b.City, Mission: b.Mission,
		Website: b.Website, RefugeeLed: b.RefugeeLed, YouthLed: b.YouthLed, Version: b.Version}
}

type personBody struct {
	Email string `json:"email" rule:"required,format=email" doc:"The address of an existing account." example:"samir@example.org"`
	Admin bool   `json:"admin" doc:"Whether the person administers the organisation's profile."`
}

func (h *Handlers) registerOrganisations(a *api.API) {
	const tag = "organisations"
	a.Route("GET", "/organisations", httpx.SignedIn, httpx.OpDoc{Summary: "My organisations; with ?q= the directory of all organisations whose name contains q",
		Tag: tag, Response: pk.Organisation{}, List: true, Query: []string{"limit", "cursor", "q"}},
		func(r *http.Request) (any, error) {
			if q := r.URL.Query().Get("q"); q != "" {
				os, err := h.Organisations.OrganisationDirectory(r.Context(), q, pk.MaxPageSize)
				return api.List[*pk.Organisation]{Items: api.NonNil(os)}, err
			}
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			os, next, err := h.Organisations.Organisations(r.Context(), p)
			return api.List[*pk.Organisation]{Items: api.NonNil(os), NextCursor: next}, err
		})
	a.Route("POST", "/organisations", httpx.SignedIn, httpx.OpDoc{Summary: "Create an organisation (you become its administrator)", Tag: tag,
		Request: organisationBody{}, Response: pk.Organisation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b organisationBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			o, err := h.Organisations.CreateOrganisation(r.Context(), b.input())
			return api.Created{Value: o}, err
		})
	a.Route("GET", "/organisations/{oid}", httpx.SignedIn, httpx.OpDoc{Summary: "An organisation's profile", Tag: tag, Response: pk.Organisation{}},
		func(r *http.Request) (any, error) {
			return h.Organisations.Organisation(r.Context(), r.PathValue("oid"))
		})
	a.Route("PATCH", "/organisations/{oid}", httpx.SignedIn, httpx.OpDoc{Summary: "Change an organisation's profile (its administrators; a merge patch: fields left out keep their value; the version is required)", Tag: tag,
		Request: organisationBody{}, Response: pk.Organisation{}},
		func(r *http.Request) (any, error) {
			o, err := h.Organisations.Organisation(r.Context(), r.PathValue("oid"))
			if err != nil {
				return nil, err
			}
			cur := organisationBody{Name: o.Name, Kind: o.Kind, Country: o.Country, City: o.City, Mission: o.Mission,
				Website: o.Website, RefugeeLed: o.RefugeeLed, YouthLed: o.YouthLed}
			var b organisationBody
			if err := api.DecodeMerge(r, cur, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Organisations.UpdateOrganisation(r.Context(), r.PathValue("oid"), b.input())
		})
	a.Route("GET", "/organisations/{oid}/people", httpx.SignedIn, httpx.OpDoc{Summary: "People in an organisation (its own people only)", Tag: tag,
		Response: pk.OrganisationPerson{}, List: true},
		func(r *http.Request) (any, error) {
			ps, err := h.Organisations.OrganisationPeople(r.Context(), r.PathValue("oid"))
			return api.List[*pk.OrganisationPerson]{Items: api.NonNil(ps)}, err
		})
	a.Route("POST", "/organisations/{oid}/people", httpx.SignedIn, httpx.OpDoc{Summary: "Add a person with an account, by email", Tag: tag, Request: personBody{}},
		func(r *http.Request) (any, error) {
			var b personBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return nil, h.Organisations.AddOrganisationPerson(r.Context(), r.PathValue("oid"), b.Email, b.Admin)
		})
	a.Route("DELETE", "/organisations/{oid}/people/{uid}", httpx.SignedIn, httpx.OpDoc{Summary: "Remove a person from an organisation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Organisations.RemoveOrganisationPerson(r.Context(), r.PathValue("oid"), r.PathValue("uid"))
		})
}
