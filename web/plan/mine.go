package plan

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

type mineData struct {
	Tasks    []*pk.Task
	Next     string
	Statuses []string
}

// mine lists the signed-in person's open tasks in every partnership, by
// due date, each with the form that changes its status.
func (h *Pages) mine(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "plans.mine.title")
	tasks, next, err := h.Tasks.MyTasks(r.Context(), web.ListPage(r))
	if err != nil {
		return err
	}
	v.Data = &mineData{Tasks: tasks, Next: next, Statuses: pk.TaskStatuses}
	h.Render(w, r, http.StatusOK, templates, "mine", v)
	return nil
}

// public draws a plan the partnership made public, to anyone: no names of
// people, no budget or staffing; any other plan is not found.
func (h *Pages) public(w http.ResponseWriter, r *http.Request) error {
	p, err := h.Plans.PublicPlan(r.Context(), r.PathValue("plid"))
	if err != nil {
		return err
	}
	v := h.View(r, "plans.public.title")
	v.Data = p
	h.Render(w, r, http.StatusOK, templates, "public", v)
	return nil
}
