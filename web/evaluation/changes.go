package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

func (h *Pages) addChange(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Evaluations.AddChange(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.ChangeInput{Text: r.PostForm.Get("text")})
	return h.done(w, r, "changes", err)
}

func (h *Pages) deleteChange(w http.ResponseWriter, r *http.Request) error {
	if ok, err := h.confirm(w, r, pk.ActionManageEvaluations, "evaluation.change.delete_confirm"); !ok {
		return err
	}
	err := h.Evaluations.DeleteChange(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("chid"))
	return h.done(w, r, "changes", err)
}

// changeTask turns a change into a task of the plan chosen.
func (h *Pages) changeTask(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.ChangeTaskInput{PlanID: f.Get("plan_id"), AssigneeID: f.Get("assignee_id"), Due: f.Get("due")}
	_, err := h.Evaluations.ChangeToTask(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("chid"), in)
	return h.done(w, r, "ch-"+r.PathValue("chid"), err)
}
