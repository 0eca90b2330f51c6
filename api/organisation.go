package api

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

type organisationBody struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Country    string `json:"country"`
	City       string `json:"city"`
	Mission    string `json:"mission"`
	Website    string `json:"website"`
	RefugeeLed bool   `json:"refugee_led"`
	YouthLed   bool   `json:"youth_led"`
	Version    int    `json:"version,omitempty"`
}

func (b organisationBody) input() pk.OrganisationInput {
	return pk.OrganisationInput{Name: b.Name, Kind: b.Kind, Country: b.Country, City: b.City, Mission: b.Mission,
		Website: b.Website, RefugeeLed: b.RefugeeLed, YouthLed: b.YouthLed, Version: b.Version}
}

type personBody struct {
	Email string `json:"email"`
	Admin bool   `json:"admin"`
}

func (a *API) registerOrganisations() {
	const tag = "organisations"
	a.route("GET", "/organisations", httpx.SignedIn, httpx.OpDoc{Summary: "My organisations; with ?q= the directory of all organisations whose name contains q",
		Tag: tag, Response: pk.Organisation{}, List: true, Query: []string{"limit", "cursor", "q"}},
		func(r *http.Request) (any, error) {
			if q := r.URL.Query().Get("q"); q != "" {
				os, err := a.DB.OrganisationDirectory(r.Context(), q, pk.MaxPageSize)
				return List[*pk.Organisation]{Items: nonNil(os)}, err
			}
			p, err := page(r)
			if err != nil {
				return nil, err
			}
			os, next, err := a.DB.Organisations(r.Context(), p)
			return List[*pk.Organisation]{Items: nonNil(os), NextCursor: next}, err
		})
	a.route("POST", "/organisations", httpx.SignedIn, httpx.OpDoc{Summary: "Create an organisation (you become its administrator)", Tag: tag,
		Request: organisationBody{}, Response: pk.Organisation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b organisationBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			o, err := a.DB.CreateOrganisation(r.Context(), b.input())
			return Created{o}, err
		})
	a.route("GET", "/organisations/{oid}", httpx.SignedIn, httpx.OpDoc{Summary: "An organisation's profile", Tag: tag, Response: pk.Organisation{}},
		func(r *http.Request) (any, error) { return a.DB.Organisation(r.Context(), r.PathValue("oid")) })
	a.route("PATCH", "/organisations/{oid}", httpx.SignedIn, httpx.OpDoc{Summary: "Change an organisation's profile (its administrators)", Tag: tag,
		Request: organisationBody{}, Response: pk.Organisation{}},
		func(r *http.Request) (any, error) {
			var b organisationBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			v, err := version(r, b.Version)
			if err != nil {
				return nil, err
			}
			b.Version = v
			return a.DB.UpdateOrganisation(r.Context(), r.PathValue("oid"), b.input())
		})
	a.route("GET", "/organisations/{oid}/people", httpx.SignedIn, httpx.OpDoc{Summary: "People in an organisation (its own people only)", Tag: tag,
		Response: pk.OrganisationPerson{}, List: true},
		func(r *http.Request) (any, error) {
			ps, err := a.DB.OrganisationPeople(r.Context(), r.PathValue("oid"))
			return List[*pk.OrganisationPerson]{Items: nonNil(ps)}, err
		})
	a.route("POST", "/organisations/{oid}/people", httpx.SignedIn, httpx.OpDoc{Summary: "Add a person with an account, by email", Tag: tag, Request: personBody{}},
		func(r *http.Request) (any, error) {
			var b personBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return nil, a.DB.AddOrganisationPerson(r.Context(), r.PathValue("oid"), b.Email, b.Admin)
		})
	a.route("DELETE", "/organisations/{oid}/people/{uid}", httpx.SignedIn, httpx.OpDoc{Summary: "Remove a person from an organisation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, a.DB.RemoveOrganisationPerson(r.Context(), r.PathValue("oid"), r.PathValue("uid"))
		})
}
