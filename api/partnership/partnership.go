// Package partnership answers the API calls about partnerships themselves
// and who is in them: the profile, archiving, the overview, the audit log,
// members and their roles, and invitations.
package partnership

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the partnerships' and their members' API calls.
type Handlers struct {
	Partnerships pk.PartnershipService
	Members      pk.MemberService
}

// Register adds the routes of partnerships, their audit log, members and
// invitations.
func (h *Handlers) Register(a *api.API) {
	h.registerPartnerships(a)
	h.registerAudit(a)
	h.registerMembers(a)
	h.registerInvitations(a)
}

type partnershipBody struct {
	Name           string `json:"name" rule:"required,max=200" doc:"The partnership's name." example:"Water Justice Coalition"`
	Purpose        string `json:"purpose" rule:"max=4000" doc:"Why it exists." example:"Safe, affordable water for every district by 2030."`
	Form           string `json:"form" rule:"enum=partnership_form" doc:"Its form on the continuum of collaboration." example:"campaign_coalition"`
	Basis          string `json:"basis" rule:"enum=partnership_basis" doc:"What it is built around." example:"issue"`
	Scope          string `json:"scope" rule:"enum=partnership_scope" doc:"How far it reaches." example:"local"`
	Structure      string `json:"structure" rule:"enum=partnership_structure" doc:"Formal or informal." example:"informal"`
	OrganisationID string `json:"organisation_id,omitempty" doc:"The organisation that founds it (one you administer)."`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b partnershipBody) input() pk.PartnershipInput {
	return pk.PartnershipInput{Name: b.Name, Purpose: b.Purpose, Form: b.Form, Basis: b.Basis, Scope: b.Scope,
		Structure: b.Structure, OrganisationID: b.OrganisationID, Version: b.Version}
}

func (h *Handlers) registerPartnerships(a *api.API) {
	const tag = "partnerships"
	a.Route("GET", "/partnerships", httpx.SignedIn, httpx.OpDoc{Summary: "My partnerships (?archived=true to include archived ones)", Tag: tag,
		Response: pk.Partnership{}, List: true, Query: []string{"limit", "cursor", "archived"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			ps, next, err := h.Partnerships.Partnerships(r.Context(), p, r.URL.Query().Get("archived") == "true")
			return api.List[*pk.Partnership]{Items: api.NonNil(ps), NextCursor: next}, err
		})
	a.Route("POST", "/partnerships", httpx.SignedIn, httpx.OpDoc{Summary: "Create a partnership (you become its coordinator)", Tag: tag,
		Request: partnershipBody{}, Response: pk.Partnership{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b partnershipBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			p, err := h.Partnerships.CreatePartnership(r.Context(), b.input())
			return api.Created{Value: p}, err
		})
	a.Route("GET", "/partnerships/{pid}", httpx.RoleFor(pk.ActionViewPartnership), httpx.OpDoc{Summary: "A partnership", Tag: tag, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) { return h.Partnerships.Partnership(r.Context(), r.PathValue("pid")) })
	a.Route("PATCH", "/partnerships/{pid}", httpx.RoleFor(pk.ActionEditPartnership), httpx.OpDoc{Summary: "Change a partnership's profile (a merge patch: fields left out keep their value; the version is required)", Tag: tag,
		Request: partnershipBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			cur, err := h.Partnerships.Partnership(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			var b partnershipBody
			if err := api.DecodeMerge(r, partnershipBody{Name: cur.Name, Purpose: cur.Purpose, Form: cur.Form, Basis: cur.Basis,
				Scope: cur.Scope, Structure: cur.Structure}, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Partnerships.UpdatePartnership(r.Context(), r.PathValue("pid"), b.input())
		})
	for _, x := range []struct {
		path     string
		archived bool
		summary  string
	}{{"/archive", true, "Archive a partnership (read-only until restored)"}, {"/restore", false, "Restore an archived partnership"}} {
		archived := x.archived
		a.Route("POST", "/partnerships/{pid}"+x.path, httpx.RoleFor(pk.ActionArchivePartnership), httpx.OpDoc{Summary: x.summary, Tag: tag,
			Request: api.VersionBody{}, Response: pk.Partnership{}},
			func(r *http.Request) (any, error) {
				var b api.VersionBody
				if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
					return nil, err
				}
				return h.Partnerships.SetArchived(r.Context(), r.PathValue("pid"), archived, b.Version)
			})
	}
	a.Route("GET", "/partnerships/{pid}/dashboard", httpx.RoleFor(pk.ActionViewPartnership), httpx.OpDoc{Summary: "The partnership's overview in numbers", Tag: tag,
		Response: pk.Dashboard{}},
		func(r *http.Request) (any, error) { return h.Partnerships.Dashboard(r.Context(), r.PathValue("pid")) })
}
