package agreement

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// comment adds a comment on a section (section, body) and comes back to
// that section; a refused comment is shown again under it.
func (h *Pages) comment(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, id := r.PathValue("pid"), r.PathValue("agid")
	section := r.PostForm.Get("section")
	_, err := h.Agreements.AddAgreementComment(r.Context(), pid, id, pk.AgreementCommentInput{Section: section, Body: r.PostForm.Get("body")})
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "comment", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/agreements/"+id+"#comments-"+section, "flash.agreement_comment_added")
	return nil
}

// deleteComment deletes a comment once confirmed (the author's own, or any
// for a coordinator: the store decides).
func (h *Pages) deleteComment(w http.ResponseWriter, r *http.Request) error {
	pid, id := r.PathValue("pid"), r.PathValue("agid")
	back := "/p/" + pid + "/agreements/" + id
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionCommentAgreements, "agreements", web.Confirm{Question: "agreement.comments.delete_confirm",
			Effect: "confirm.effect.final", Button: "agreement.comments.delete", Back: back})
	}
	err := h.Agreements.DeleteAgreementComment(r.Context(), pid, id, r.PathValue("cid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "status", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, back+"#comments-"+r.PostForm.Get("section"), "flash.agreement_comment_deleted")
	return nil
}
