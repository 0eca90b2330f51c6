package account

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// saveSelfDeclared keeps what the person chose to say of themselves for the
// partnerships' health signals (counted only as shares, never shown per
// person).
func (h *Pages) saveSelfDeclared(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	err := h.Accounts.SetSelfDeclared(r.Context(), pk.SelfDeclared{LivedExperience: r.PostForm.Get("lived_experience"), Young: r.PostForm.Get("young")})
	if web.IsFormError(err) {
		return h.renderAccount(w, r, httpx.Status(err), err, nil)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/account", "flash.saved")
	return nil
}
