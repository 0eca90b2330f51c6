package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Evaluations.UpdateEvaluation(r.Context(), r.PathValue("pid"), r.PathValue("evid"), evaluationForm(r))
	return h.done(w, r, "edit", err)
}

func (h *Pages) delete(w http.ResponseWriter, r *http.Request) error {
	if ok, err := h.confirm(w, r, pk.ActionManageEvaluations, "evaluation.delete.confirm"); !ok {
		return err
	}
	pid := r.PathValue("pid")
	err := h.Evaluations.DeleteEvaluation(r.Context(), pid, r.PathValue("evid"), web.Atoi(r.PostForm.Get("version")))
	if err != nil {
		return h.done(w, r, "edit", err)
	}
	web.Redirect(w, r, "/p/"+pid+"/evaluations", "evaluation.flash.deleted")
	return nil
}
