package web

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Web) registerMembers(rt *httpx.Router) {
	h.handle(rt, "GET", "/p/{pid}/members", httpx.RoleFor(pk.ActionViewMembers), h.members)
	h.handle(rt, "POST", "/p/{pid}/members/{uid}/role", httpx.RoleFor(pk.ActionManageMembers), h.memberRole)
	h.handle(rt, "POST", "/p/{pid}/members/{uid}/remove", httpx.RoleFor(pk.ActionManageMembers), h.memberRemove)
	h.handle(rt, "POST", "/p/{pid}/organisations/{oid}/status", httpx.RoleFor(pk.ActionManageMembers), h.organisationStatus)
	h.handle(rt, "POST", "/p/{pid}/leave", httpx.RoleFor(pk.ActionLeave), h.leave)
	h.handle(rt, "POST", "/p/{pid}/handover", httpx.RoleFor(pk.ActionManageMembers), h.handOver)
	h.handle(rt, "GET", "/p/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), h.invitations)
	h.handle(rt, "POST", "/p/{pid}/invitations", httpx.RoleFor(pk.ActionInvite), h.invite)
	h.handle(rt, "POST", "/p/{pid}/invitations/{iid}/revoke", httpx.RoleFor(pk.ActionInvite), h.revokeInvitation)
	h.handle(rt, "GET", "/invitations/{token}", httpx.Public, h.invitation)
	h.handle(rt, "POST", "/invitations/{token}/accept", httpx.SignedIn, h.acceptInvitation)
	h.handle(rt, "POST", "/invitations/{token}/decline", httpx.SignedIn, h.declineInvitation)
}

type membersData struct {
	Members *pk.Members
	Roles   []string
}

func (h *Web) members(w http.ResponseWriter, r *http.Request) error {
	return h.renderMembers(w, r, http.StatusOK, nil)
}

func (h *Web) renderMembers(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionViewMembers, "members.title", "members")
	if err != nil {
		return err
	}
	m, err := h.DB.Members(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.formFromError(r, nil, formErr)
	}
	v.Data = &membersData{Members: m, Roles: pk.Roles}
	h.render(w, r, status, "members", v)
	return nil
}

// memberAction runs a members-page action and comes back to the page,
// showing a refused change (say, removing the last coordinator) there.
func (h *Web) memberAction(w http.ResponseWriter, r *http.Request, fn func() error) error {
	r.ParseForm()
	err := fn()
	if isFormError(err) {
		return h.renderMembers(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+r.PathValue("pid")+"/members", "flash.saved")
	return nil
}

func (h *Web) memberRole(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error {
		_, err := h.DB.SetRole(r.Context(), r.PathValue("pid"), r.PathValue("uid"), pk.Role(r.PostForm.Get("role")), atoi(r.PostForm.Get("version")))
		return err
	})
}

func (h *Web) memberRemove(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error { return h.DB.RemovePerson(r.Context(), r.PathValue("pid"), r.PathValue("uid")) })
}

func (h *Web) organisationStatus(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error {
		_, err := h.DB.SetOrganisationStatus(r.Context(), r.PathValue("pid"), r.PathValue("oid"), r.PostForm.Get("status"), atoi(r.PostForm.Get("version")))
		return err
	})
}

func (h *Web) handOver(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func() error { return h.DB.HandOver(r.Context(), r.PathValue("pid"), r.PostForm.Get("user_id")) })
}

func (h *Web) leave(w http.ResponseWriter, r *http.Request) error {
	err := h.DB.Leave(r.Context(), r.PathValue("pid"))
	if isFormError(err) {
		return h.renderMembers(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/", "flash.left")
	return nil
}

type invitationsData struct {
	Invitations   []*pk.Invitation
	Organisations []*pk.Organisation
	Roles         []string
}

func (h *Web) invitations(w http.ResponseWriter, r *http.Request) error {
	return h.renderInvitations(w, r, http.StatusOK, nil)
}

func (h *Web) renderInvitations(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionInvite, "invitations.title", "invitations")
	if err != nil {
		return err
	}
	d := &invitationsData{Roles: pk.Roles}
	if d.Invitations, err = h.DB.Invitations(r.Context(), v.P.ID); err != nil {
		return err
	}
	// Organisations to invite: those already linked to the partnership and
	// the inviter's own; others are found by name on the organisations page.
	m, err := h.DB.Members(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, o := range m.Organisations {
		seen[o.OrganisationID] = true
		d.Organisations = append(d.Organisations, &pk.Organisation{ID: o.OrganisationID, Name: o.Name})
	}
	if q := r.URL.Query().Get("organisation"); q != "" {
		if o, err := h.DB.Organisation(r.Context(), q); err == nil && !seen[o.ID] {
			d.Organisations = append(d.Organisations, o)
			v.Form.Values.Set("organisation_id", o.ID)
		}
	}
	v.Form.Values.Set("role", string(pk.RoleMember))
	if formErr != nil {
		v.Form = h.formFromError(r, &Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.render(w, r, status, "invitations", v)
	return nil
}

func (h *Web) invite(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.DB.Invite(r.Context(), r.PathValue("pid"), pk.InvitationInput{Email: f.Get("email"), Role: f.Get("role"),
		OrganisationID: f.Get("organisation_id"), Message: f.Get("message"), Language: f.Get("language")})
	if isFormError(err) {
		return h.renderInvitations(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+r.PathValue("pid")+"/invitations", "flash.invitation_sent")
	return nil
}

func (h *Web) revokeInvitation(w http.ResponseWriter, r *http.Request) error {
	if err := h.DB.RevokeInvitation(r.Context(), r.PathValue("pid"), r.PathValue("iid")); err != nil {
		return err
	}
	redirect(w, r, "/p/"+r.PathValue("pid")+"/invitations", "flash.invitation_revoked")
	return nil
}

type invitationData struct {
	Invitation    *pk.Invitation
	Token         string
	Organisations []*pk.Organisation
}

// invitation is where an emailed link lands: it shows the invitation and
// offers to sign in or sign up, then to accept or decline.
func (h *Web) invitation(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	x, err := h.DB.InvitationByToken(r.Context(), token)
	if err != nil {
		return err
	}
	v := h.view(r, "invitation.title")
	d := &invitationData{Invitation: x, Token: token}
	if v.User != nil {
		if d.Organisations, _, err = h.DB.Organisations(r.Context(), pk.PageRequest{Limit: pk.MaxPageSize}); err != nil {
			return err
		}
		v.Form.Values.Set("organisation_id", x.OrganisationID)
	}
	v.Data = d
	h.render(w, r, http.StatusOK, "invitation", v)
	return nil
}

func (h *Web) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	p, err := h.DB.AcceptInvitation(r.Context(), r.PathValue("token"), r.PostForm.Get("organisation_id"))
	if err != nil {
		return err
	}
	redirect(w, r, "/p/"+p.ID, "flash.joined")
	return nil
}

func (h *Web) declineInvitation(w http.ResponseWriter, r *http.Request) error {
	if err := h.DB.DeclineInvitation(r.Context(), r.PathValue("token")); err != nil {
		return err
	}
	redirect(w, r, "/", "flash.declined")
	return nil
}
