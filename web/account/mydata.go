package account

import (
	"encoding/json"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// A person's own data: the download of everything Partnerkit holds about
// them, and deleting the account.

func (h *Pages) registerMyData(rt *httpx.Router) {
	// A post, not a link: downloading sensitive records writes an audit
	// entry, and a GET must change nothing.
	h.Handle(rt, "POST", "/account/export", httpx.SignedIn, h.exportMyData)
	h.Handle(rt, "POST", "/account/delete", httpx.SignedIn, h.deleteAccount)
}

// exportMyData downloads the personal-data document as a file.
func (h *Pages) exportMyData(w http.ResponseWriter, r *http.Request) error {
	d, err := h.Accounts.MyData(r.Context())
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="partnerkit-my-data-`+d.ExportedAt.UTC().Format("2006-01-02")+`.json"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
	return nil
}

// handOverLink is a hand-over as the account page lists it: its text and
// the page where it is done.
type handOverLink struct {
	pk.HandOver
	Message string
	Href    string
}

func handOverLinks(hs []pk.HandOver) []handOverLink {
	out := make([]handOverLink, 0, len(hs))
	for _, x := range hs {
		l := handOverLink{HandOver: x, Message: "account.delete.hand_over_partnership", Href: "/p/" + x.ID + "/members"}
		if x.Kind == pk.HandOverOrganisation {
			l.Message, l.Href = "account.delete.hand_over_organisation", "/organisations/"+x.ID
		}
		out = append(out, l)
	}
	return out
}

// deleteAccount asks for confirmation first (the kernel's confirmation
// page, or the button's prompt), then deletes with the current password.
// A wrong password or something still to hand over draws the account page
// again with the reason.
func (h *Pages) deleteAccount(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.Ask(w, r, nil, web.Confirm{Question: "confirm.account.delete", Effect: "confirm.effect.account_delete",
			Button: "account.delete.submit", Back: "/account"})
	}
	err := h.Accounts.DeleteAccount(r.Context(), r.PostForm.Get("delete_password"))
	if web.IsFormError(err) {
		r.PostForm.Del("delete_password")
		return h.renderAccount(w, r, httpx.Status(err), renameField(err, "password", "delete_password"), nil)
	} else if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies})
	web.Redirect(w, r, "/", "flash.account_deleted")
	return nil
}

// renameField moves a field error to the form's own name for the field
// (the account page has two password fields).
func renameField(err error, from, to string) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	c := *e
	c.Fields = nil
	for _, f := range e.Fields {
		if f.Field == from {
			f.Field = to
		}
		c.Fields = append(c.Fields, f)
	}
	return &c
}
