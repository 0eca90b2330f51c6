package partnership

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type roleBody struct {
	Role    string `json:"role" rule:"required,enum=role" doc:"The person's new role." example:"coordinator"`
	Version int    `json:"version" doc:"The membership's version the change is based on." example:"1"`
}

type statusBody struct {
	Status  string `json:"status" rule:"required,enum=member_status" doc:"The member organisation's status." example:"active"`
	Version int    `json:"version" doc:"The membership's version the change is based on." example:"1"`
}

type handOverBody struct {
	UserID string `json:"user_id" rule:"required" doc:"The person who becomes coordinator (a member)." example:"u1v2w3x4y5z6a7b8c9d0"`
}

func (h *Handlers) registerMembers(a *api.API) {
	const tag = "members"
	a.Route("GET", "/partnerships/{pid}/members", httpx.RoleFor(pk.ActionViewMembers), httpx.OpDoc{Summary: "Member organisations and people (emails for coordinators only)", Tag: tag,
		Response: pk.Members{}},
		func(r *http.Request) (any, error) { return h.Members.Members(r.Context(), r.PathValue("pid")) })
	a.Route("PATCH", "/partnerships/{pid}/members/{uid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Change a person's role", Tag: tag,
		Request: roleBody{}, Response: pk.Person{}},
		func(r *http.Request) (any, error) {
			var b roleBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Members.SetRole(r.Context(), r.PathValue("pid"), r.PathValue("uid"), pk.Role(b.Role), b.Version)
		})
	a.Route("DELETE", "/partnerships/{pid}/members/{uid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Remove a person", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Members.RemovePerson(r.Context(), r.PathValue("pid"), r.PathValue("uid"))
		})
	a.Route("PATCH", "/partnerships/{pid}/organisations/{oid}", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Set a member organisation's status (invited, active, left)", Tag: tag,
		Request: statusBody{}, Response: pk.MemberOrganisation{}},
		func(r *http.Request) (any, error) {
			var b statusBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Members.SetOrganisationStatus(r.Context(), r.PathValue("pid"), r.PathValue("oid"), b.Status, b.Version)
		})
	a.Route("POST", "/partnerships/{pid}/leave", httpx.RoleFor(pk.ActionLeave), httpx.OpDoc{Summary: "Leave the partnership", Tag: tag},
		func(r *http.Request) (any, error) { return nil, h.Members.Leave(r.Context(), r.PathValue("pid")) })
	a.Route("POST", "/partnerships/{pid}/handover", httpx.RoleFor(pk.ActionManageMembers), httpx.OpDoc{Summary: "Hand coordination over to another person", Tag: tag,
		Request: handOverBody{}},
		func(r *http.Request) (any, error) {
			var b handOverBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return nil, h.Members.HandOver(r.Context(), r.PathValue("pid"), b.UserID)
		})
}
