package partnership

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type invitationBody struct {
	Email          string `json:"email" rule:"required,format=email" doc:"Whom to invite." example:"samir@example.org"`
	Role           string `json:"role" rule:"required,enum=role" doc:"The role they will have." example:"member"`
	OrganisationID string `json:"organisation_id,omitempty" doc:"The organisation they join for."`
	Message        string `json:"message,omitempty" rule:"max=2000" doc:"A word in the invitation email."`
	Language       string `json:"language,omitempty" rule:"enum=language" doc:"The language of the email."`
}

type acceptBody struct {
	OrganisationID string `json:"organisation_id,omitempty" doc:"The organisation you join for (one of yours)."`
}

// registerInvitations adds invitations, sent and received. They are listed
// with the members in the OpenAPI document, as they always were.
func (h *Handlers) registerInvitations(a *api.API) {
	const tag = "members"
	a.Route("GET", "/partnerships/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Invitations sent", Tag: tag,
		Response: pk.Invitation{}, List: true},
		func(r *http.Request) (any, error) {
			x, err := h.Members.Invitations(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Invitation]{Items: api.NonNil(x)}, err
		})
	a.Route("POST", "/partnerships/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Invite someone by email", Tag: tag,
		Request: invitationBody{}, Response: pk.Invitation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b invitationBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Members.Invite(r.Context(), r.PathValue("pid"), pk.InvitationInput{Email: b.Email, Role: b.Role,
				OrganisationID: b.OrganisationID, Message: b.Message, Language: b.Language})
			return api.Created{Value: x}, err
		})
	a.Route("DELETE", "/partnerships/{pid}/invitations/{iid}", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Withdraw an invitation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Members.RevokeInvitation(r.Context(), r.PathValue("pid"), r.PathValue("iid"))
		})
	a.Route("GET", "/invitations/{token}", httpx.Public, httpx.OpDoc{Summary: "The invitation behind an emailed link", Tag: tag, Response: pk.Invitation{}},
		func(r *http.Request) (any, error) {
			return h.Members.InvitationByToken(r.Context(), r.PathValue("token"))
		})
	a.Route("POST", "/invitations/{token}/accept", httpx.SignedIn, httpx.OpDoc{Summary: "Accept an invitation (by its link token, or its ID when sent to my confirmed address)", Tag: tag,
		Request: acceptBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			var b acceptBody
			if r.ContentLength != 0 {
				if err := api.Decode(r, &b); err != nil {
					return nil, err
				}
			}
			return h.Members.AcceptInvitation(r.Context(), r.PathValue("token"), b.OrganisationID)
		})
	a.Route("POST", "/invitations/{token}/decline", httpx.SignedIn, httpx.OpDoc{Summary: "Decline an invitation", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Members.DeclineInvitation(r.Context(), r.PathValue("token"))
		})
}
