package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

func (h *Pages) addClosureItem(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.ClosureItemInput{Kind: f.Get("kind"), What: f.Get("what"), OrganisationID: f.Get("organisation_id"),
		PersonID: f.Get("person_id"), Due: f.Get("due")}
	_, err := h.Evaluations.AddClosureItem(r.Context(), r.PathValue("pid"), r.PathValue("evid"), in)
	return h.done(w, r, "closure", err)
}

func (h *Pages) deleteClosureItem(w http.ResponseWriter, r *http.Request) error {
	if ok, err := h.confirm(w, r, pk.ActionManageEvaluations, "evaluation.closure.delete_confirm"); !ok {
		return err
	}
	err := h.Evaluations.DeleteClosureItem(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("ciid"))
	return h.done(w, r, "closure", err)
}

// closureTasks turns the closure items into tasks of the closure plan.
func (h *Pages) closureTasks(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.ClosurePlanInput{PlanID: f.Get("plan_id"), GoalID: f.Get("goal_id"), Title: f.Get("title")}
	_, err := h.Evaluations.ClosureTasks(r.Context(), r.PathValue("pid"), r.PathValue("evid"), in)
	return h.done(w, r, "closure-tasks", err)
}
