package account

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type homeData struct {
	Partnerships  []*pk.Partnership
	Next          string
	Invitations   []*pk.Invitation
	Organisations []*pk.Organisation
	Verified      bool
	Archived      bool
}

// home is the landing page for visitors and, for people signed in, the list
// of their partnerships, invitations and organisations.
func (h *Pages) home(w http.ResponseWriter, r *http.Request) error {
	if pk.UserFromContext(r.Context()) == nil {
		// A visitor has no partnerships yet: the tab says what the page does.
		h.Render(w, r, http.StatusOK, templates, "landing", h.View(r, "landing.heading"))
		return nil
	}
	v := h.View(r, "home.title")
	ctx := r.Context()
	d := &homeData{Archived: r.URL.Query().Get("archived") == "1"}
	var err error
	if d.Partnerships, d.Next, err = h.Partnerships.Partnerships(ctx, pk.PageRequest{Cursor: r.URL.Query().Get("cursor")}, d.Archived); err != nil {
		return err
	}
	if d.Invitations, err = h.Members.MyInvitations(ctx); err != nil {
		return err
	}
	if d.Organisations, _, err = h.Organisations.Organisations(ctx, pk.PageRequest{Limit: 20}); err != nil {
		return err
	}
	if d.Verified, err = h.Accounts.EmailVerified(ctx); err != nil {
		return err
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "home", v)
	return nil
}
