package partnership

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerMembers(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/members", httpx.RoleFor(pk.ActionViewMembers), h.members)
	h.Handle(rt, "POST", "/p/{pid}/members/{uid}/role", httpx.RoleFor(pk.ActionManageMembers), h.memberRole)
	h.Handle(rt, "POST", "/p/{pid}/members/{uid}/remove", httpx.RoleFor(pk.ActionManageMembers), h.memberRemove)
	h.Handle(rt, "POST", "/p/{pid}/organisations/{oid}/status", httpx.RoleFor(pk.ActionManageMembers), h.organisationStatus)
	h.Handle(rt, "POST", "/p/{pid}/leave", httpx.RoleFor(pk.ActionLeave), h.leave)
	h.Handle(rt, "POST", "/p/{pid}/handover", httpx.RoleFor(pk.ActionManageMembers), h.handOver)
	h.Handle(rt, "GET", "/p/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), h.invitations)
	h.Handle(rt, "POST", "/p/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), h.invite)
	h.Handle(rt, "POST", "/p/{pid}/invitations/{iid}/revoke", httpx.RoleFor(pk.ActionInvite), h.revokeInvitation)
	h.Handle(rt, "GET", "/invitations/{token}", httpx.Public, h.invitation)
	h.Handle(rt, "POST", "/invitations/{token}/accept", httpx.SignedIn, h.acceptInvitation)
	h.Handle(rt, "POST", "/invitations/{token}/decline", httpx.SignedIn, h.declineInvitation)
}

type membersData struct {
	Members *pk.Members
	Roles   []string
	// MaxOrganisations and MaxPeople are where the lists stop (Members' …Cut).
	MaxOrganisations, MaxPeople int
}

func (h *Pages) members(w http.ResponseWriter, r *http.Request) error {
	return h.renderMembers(w, r, http.StatusOK, nil)
}

func (h *Pages) renderMembers(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMembers, "members.title", "members")
	if err != nil {
		return err
	}
	m, err := h.Members.Members(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, nil, formErr)
	}
	v.Data = &membersData{Members: m, Roles: pk.Roles, MaxOrganisations: pk.MaxMemberOrganisations, MaxPeople: pk.MaxMemberPeople}
	h.Render(w, r, status, templates, "members", v)
	return nil
}

// memberAction runs a members-page action and comes back to the page,
// showing a refused change (say, removing the last coordinator) there.
func (h *Pages) memberAction(w http.ResponseWriter, r *http.Request, fn func() error) error {
	r.ParseForm()
	err := fn()
	if web.IsFormError(err) {
		return h.renderMembers(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/members", "flash.saved")
	return nil
}

func (h *Pages) memberRole(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error {
		_, err := h.Members.SetRole(r.Context(), r.PathValue("pid"), r.PathValue("uid"), pk.Role(r.PostForm.Get("role")), web.Atoi(r.PostForm.Get("version")))
		return err
	})
}

func (h *Pages) memberRemove(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionManageMembers, "members", web.Confirm{Question: "confirm.member.remove",
			Button: "form.remove", Back: "/p/" + r.PathValue("pid") + "/members"})
	}
	return h.memberAction(w, r, func() error { return h.Members.RemovePerson(r.Context(), r.PathValue("pid"), r.PathValue("uid")) })
}

func (h *Pages) organisationStatus(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error {
		_, err := h.Members.SetOrganisationStatus(r.Context(), r.PathValue("pid"), r.PathValue("oid"), r.PostForm.Get("status"), web.Atoi(r.PostForm.Get("version")))
		return err
	})
}

func (h *Pages) handOver(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error { return h.Members.HandOver(r.Context(), r.PathValue("pid"), r.PostForm.Get("user_id")) })
}

func (h *Pages) leave(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionLeave, "members", web.Confirm{Question: "confirm.member.leave",
			Button: "members.leave", Back: "/p/" + r.PathValue("pid") + "/members"})
	}
	err := h.Members.Leave(r.Context(), r.PathValue("pid"))
	if web.IsFormError(err) {
		return h.renderMembers(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/", "flash.left")
	return nil
}

type invitationsData struct {
	Invitations   []*pk.Invitation
	Organisations []*pk.Organisation
	Roles         []string
	// Cut says the list stops at Max (the newest first).
	Cut bool
	Max int
}

func (h *Pages) invitations(w http.ResponseWriter, r *http.Request) error {
	return h.renderInvitations(w, r, http.StatusOK, nil)
}

func (h *Pages) renderInvitations(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionInvite, "invitations.title", "invitations")
	if err != nil {
		return err
	}
	d := &invitationsData{Roles: pk.Roles, Max: pk.MaxInvitations}
	list, err := h.Members.InvitationList(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d.Invitations, d.Cut = list.Invitations, list.Cut
	// Organisations to invite: those already linked to the partnership and
	// the inviter's own; others are found by name on the organisations page.
	m, err := h.Members.Members(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, o := range m.Organisations {
		seen[o.OrganisationID] = true
		d.Organisations = append(d.Organisations, &pk.Organisation{ID: o.OrganisationID, Name: o.Name})
	}
	if q := r.URL.Query().Get("organisation"); q != "" {
		if o, err := h.Organisations.Organisation(r.Context(), q); err == nil && !seen[o.ID] {
			d.Organisations = append(d.Organisations, o)
			v.Form.Values.Set("organisation_id", o.ID)
		}
	}
	v.Form.Values.Set("role", string(pk.RoleMember))
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "invitations", v)
	return nil
}

func (h *Pages) invite(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.Members.Invite(r.Context(), r.PathValue("pid"), pk.InvitationInput{Email: f.Get("email"), Role: f.Get("role"),
		OrganisationID: f.Get("organisation_id"), Message: f.Get("message"), Language: f.Get("language")})
	if web.IsFormError(err) {
		return h.renderInvitations(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/invitations", "flash.invitation_sent")
	return nil
}

func (h *Pages) revokeInvitation(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionInvite, "invitations", web.Confirm{Question: "confirm.invitation.revoke",
			Button: "invitations.revoke", Back: "/p/" + r.PathValue("pid") + "/invitations"})
	}
	if err := h.Members.RevokeInvitation(r.Context(), r.PathValue("pid"), r.PathValue("iid")); err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/invitations", "flash.invitation_revoked")
	return nil
}

type invitationData struct {
	Invitation    *pk.Invitation
	Token         string
	Organisations []*pk.Organisation
}

// invitation is where an emailed link lands: it shows the invitation and
// offers to sign in or sign up, then to accept or decline.
func (h *Pages) invitation(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	x, err := h.Members.InvitationByToken(r.Context(), token)
	if err != nil {
		return err
	}
	v := h.View(r, "invitation.title")
	d := &invitationData{Invitation: x, Token: token}
	if v.User != nil {
		if d.Organisations, _, err = h.Organisations.Organisations(r.Context(), pk.PageRequest{Limit: pk.MaxPageSize}); err != nil {
			return err
		}
		v.Form.Values.Set("organisation_id", x.OrganisationID)
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "invitation", v)
	return nil
}

func (h *Pages) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	p, err := h.Members.AcceptInvitation(r.Context(), r.PathValue("token"), r.PostForm.Get("organisation_id"))
	if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+p.ID, "flash.joined")
	return nil
}

func (h *Pages) declineInvitation(w http.ResponseWriter, r *http.Request) error {
	if err := h.Members.DeclineInvitation(r.Context(), r.PathValue("token")); err != nil {
		return err
	}
	web.Redirect(w, r, "/", "flash.declined")
	return nil
}
