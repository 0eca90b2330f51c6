package api

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

type partnershipBody struct {
	Name           string `json:"name"`
	Purpose        string `json:"purpose"`
	Form           string `json:"form"`
	Basis          string `json:"basis"`
	Scope          string `json:"scope"`
	Structure      string `json:"structure"`
	OrganisationID string `json:"organisation_id,omitempty"`
	Version        int    `json:"version,omitempty"`
}

func (b partnershipBody) input() pk.PartnershipInput {
	return pk.PartnershipInput{Name: b.Name, Purpose: b.Purpose, Form: b.Form, Basis: b.Basis, Scope: b.Scope,
		Structure: b.Structure, OrganisationID: b.OrganisationID, Version: b.Version}
}

type versionBody struct {
	Version int `json:"version"`
}

type roleBody struct {
	Role    string `json:"role"`
	Version int    `json:"version"`
}

type statusBody struct {
	Status  string `json:"status"`
	Version int    `json:"version"`
}

type handOverBody struct {
	UserID string `json:"user_id"`
}

type invitationBody struct {
	Email          string `json:"email"`
	Role           string `json:"role"`
	OrganisationID string `json:"organisation_id,omitempty"`
	Message        string `json:"message,omitempty"`
	Language       string `json:"language,omitempty"`
}

type acceptBody struct {
	OrganisationID string `json:"organisation_id,omitempty"`
}

// withVersion decodes a body with a version and applies If-Match.
func withVersion[T any](r *http.Request, b *T, v *int) error {
	if err := decode(r, b); err != nil {
		return err
	}
	n, err := version(r, *v)
	*v = n
	return err
}

func (a *API) registerPartnerships() {
	const tag = "partnerships"
	a.route("GET", "/partnerships", httpx.SignedIn, httpx.OpDoc{Summary: "My partnerships (?archived=true to include archived ones)", Tag: tag,
		Response: pk.Partnership{}, List: true, Query: []string{"limit", "cursor", "archived"}},
		func(r *http.Request) (any, error) {
			p, err := page(r)
			if err != nil {
				return nil, err
			}
			ps, next, err := a.DB.Partnerships(r.Context(), p, r.URL.Query().Get("archived") == "true")
			return List[*pk.Partnership]{Items: nonNil(ps), NextCursor: next}, err
		})
	a.route("POST", "/partnerships", httpx.SignedIn, httpx.OpDoc{Summary: "Create a partnership (you become its coordinator)", Tag: tag,
		Request: partnershipBody{}, Response: pk.Partnership{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b partnershipBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			p, err := a.DB.CreatePartnership(r.Context(), b.input())
			return Created{p}, err
		})
	a.route("GET", "/partnerships/{pid}", httpx.RoleFor(pk.ActionViewPartnership), httpx.OpDoc{Summary: "A partnership", Tag: tag, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) { return a.DB.Partnership(r.Context(), r.PathValue("pid")) })
	a.route("PATCH", "/partnerships/{pid}", httpx.RoleFor(pk.ActionEditPartnership), httpx.OpDoc{Summary: "Change a partnership's profile", Tag: tag,
		Request: partnershipBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			var b partnershipBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.UpdatePartnership(r.Context(), r.PathValue("pid"), b.input())
		})
	for _, x := range []struct {
		path     string
		archived bool
		summary  string
	}{{"/archive", true, "Archive a partnership (read-only until restored)"}, {"/restore", false, "Restore an archived partnership"}} {
		archived := x.archived
		a.route("POST", "/partnerships/{pid}"+x.path, httpx.RoleFor(pk.ActionArchivePartnership), httpx.OpDoc{Summary: x.summary, Tag: tag,
			Request: versionBody{}, Response: pk.Partnership{}},
			func(r *http.Request) (any, error) {
				var b versionBody
				if err := withVersion(r, &b, &b.Version); err != nil {
					return nil, err
				}
				return a.DB.SetArchived(r.Context(), r.PathValue("pid"), archived, b.Version)
			})
	}
	a.route("GET", "/partnerships/{pid}/dashboard", httpx.RoleFor(pk.ActionViewPartnership), httpx.OpDoc{Summary: "The partnership's overview in numbers", Tag: tag,
		Response: pk.Dashboard{}},
		func(r *http.Request) (any, error) { return a.DB.Dashboard(r.Context(), r.PathValue("pid")) })
	a.route("GET", "/partnerships/{pid}/audit", httpx.RoleFor(pk.ActionViewAudit), httpx.OpDoc{Summary: "The audit log, newest first", Tag: tag,
		Response: pk.AuditEntry{}, List: true, Query: []string{"limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := page(r)
			if err != nil {
				return nil, err
			}
			es, next, err := a.DB.Audit(r.Context(), r.PathValue("pid"), p)
			return List[*pk.AuditEntry]{Items: nonNil(es), NextCursor: next}, err
		})
}

func (a *API) registerMembers() {
	const tag = "members"
	a.route("GET", "/partnerships/{pid}/members", httpx.RoleFor(pk.ActionViewMembers), httpx.OpDoc{Summary: "Member organisations and people (emails for coordinators only)", Tag: tag,
		Response: pk.Members{}},
		func(r *http.Request) (any, error) { return a.DB.Members(r.Context(), r.PathValue("pid")) })
	a.route("PATCH", "/partnerships/{pid}/members/{uid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Change a person's role", Tag: tag,
		Request: roleBody{}, Response: pk.Person{}},
		func(r *http.Request) (any, error) {
			var b roleBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.SetRole(r.Context(), r.PathValue("pid"), r.PathValue("uid"), pk.Role(b.Role), b.Version)
		})
	a.route("DELETE", "/partnerships/{pid}/members/{uid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Remove a person", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, a.DB.RemovePerson(r.Context(), r.PathValue("pid"), r.PathValue("uid"))
		})
	a.route("PATCH", "/partnerships/{pid}/organisations/{oid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Set a member organisation's status (invited, active, left)", Tag: tag,
		Request: statusBody{}, Response: pk.MemberOrganisation{}},
		func(r *http.Request) (any, error) {
			var b statusBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.SetOrganisationStatus(r.Context(), r.PathValue("pid"), r.PathValue("oid"), b.Status, b.Version)
		})
	a.route("POST", "/partnerships/{pid}/leave", httpx.RoleFor(pk.ActionLeave), httpx.OpDoc{Summary: "Leave the partnership", Tag: tag},
		func(r *http.Request) (any, error) { return nil, a.DB.Leave(r.Context(), r.PathValue("pid")) })
	a.route("POST", "/partnerships/{pid}/handover", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Hand coordination over to another person", Tag: tag,
		Request: handOverBody{}},
		func(r *http.Request) (any, error) {
			var b handOverBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return nil, a.DB.HandOver(r.Context(), r.PathValue("pid"), b.UserID)
		})
	a.route("GET", "/partnerships/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Invitations sent", Tag: tag,
		Response: pk.Invitation{}, List: true},
		func(r *http.Request) (any, error) {
			x, err := a.DB.Invitations(r.Context(), r.PathValue("pid"))
			return List[*pk.Invitation]{Items: nonNil(x)}, err
		})
	a.route("POST", "/partnerships/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Invite someone by email", Tag: tag,
		Request: invitationBody{}, Response: pk.Invitation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b invitationBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			x, err := a.DB.Invite(r.Context(), r.PathValue("pid"), pk.InvitationInput{Email: b.Email, Role: b.Role,
				OrganisationID: b.OrganisationID, Message: b.Message, Language: b.Language})
			return Created{x}, err
		})
	a.route("DELETE", "/partnerships/{pid}/invitations/{iid}", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Withdraw an invitation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, a.DB.RevokeInvitation(r.Context(), r.PathValue("pid"), r.PathValue("iid"))
		})
	a.route("GET", "/invitations/{token}", httpx.Public, httpx.OpDoc{Summary: "The invitation behind an emailed link", Tag: tag, Response: pk.Invitation{}},
		func(r *http.Request) (any, error) { return a.DB.InvitationByToken(r.Context(), r.PathValue("token")) })
	a.route("POST", "/invitations/{token}/accept", httpx.SignedIn, httpx.OpDoc{Summary: "Accept an invitation (by its link token, or its ID when sent to my confirmed address)", Tag: tag,
		Request: acceptBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			var b acceptBody
			if r.ContentLength != 0 {
				if err := decode(r, &b); err != nil {
					return nil, err
				}
			}
			return a.DB.AcceptInvitation(r.Context(), r.PathValue("token"), b.OrganisationID)
		})
	a.route("POST", "/invitations/{token}/decline", httpx.SignedIn, httpx.OpDoc{Summary: "Decline an invitation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, a.DB.DeclineInvitation(r.Context(), r.PathValue("token"))
		})
}
