package plan

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func statusOf(err error) int { return httpx.Status(err) }

func (h *Pages) taskEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderTaskEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderTaskEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionManagePlan, "plans.task.edit", "plans")
	if err != nil {
		return err
	}
	t, err := h.Tasks.Task(r.Context(), v.P.ID, r.PathValue("tkid"))
	if err != nil {
		return err
	}
	for k, x := range map[string]string{"plan_id": t.PlanID, "title": t.Title, "notes": t.Notes, "assignee_id": t.AssigneeID,
		"organisation_id": t.OrganisationID, "due": t.Due, "status": t.Status, "tactic_id": t.TacticID, "action_item_id": t.ActionItemID,
		"version": strconv.Itoa(t.Version)} {
		v.Form.Values.Set(k, x)
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{}, formErr)
	}
	return h.renderTaskForm(w, r, v, &taskEditData{Task: t}, status)
}

func (h *Pages) taskUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, tid := r.PathValue("pid"), r.PathValue("tkid")
	t, err := h.Tasks.UpdateTask(r.Context(), pid, tid, taskForm(r))
	if web.IsFormError(err) {
		return h.renderTaskEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans/"+t.PlanID+"#tasks", "flash.task_saved")
	return nil
}

// taskStatus changes a task's status from any list (the plan's, the
// partnership's tasks, my tasks) and goes back to it.
func (h *Pages) taskStatus(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, tid := r.PathValue("pid"), r.PathValue("tkid")
	t, err := h.Tasks.SetTaskStatus(r.Context(), pid, tid, pk.TaskStatusInput{Status: r.PostForm.Get("status"),
		Version: web.Atoi(r.PostForm.Get("version"))})
	back := "/p/" + pid + "/tasks"
	switch r.PostForm.Get("from") {
	case "mine":
		back = "/tasks"
	case "plan":
		if t != nil {
			back = "/p/" + pid + "/plans/" + t.PlanID + "#tasks"
		}
	}
	if web.IsFormError(err) {
		// The task changed meanwhile (or the status is unknown): the list
		// shows it as it is now, with the reason.
		web.Redirect(w, r, back, "flash.task_conflict")
		return nil
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, back, "flash.task_saved")
	return nil
}

func (h *Pages) taskDelete(w http.ResponseWriter, r *http.Request) error {
	pid, tid := r.PathValue("pid"), r.PathValue("tkid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionManagePlan, "plans", web.Confirm{Question: "plans.task.delete_confirm", Effect: "confirm.effect.final",
			Button: "plans.task.delete", Back: "/p/" + pid + "/tasks/" + tid + "/edit", Find: func() (string, error) {
				t, err := h.Tasks.Task(r.Context(), pid, tid)
				if err != nil {
					return "", err
				}
				return t.Title, nil
			}})
	}
	t, err := h.Tasks.Task(r.Context(), pid, tid)
	if err != nil {
		return err
	}
	if err := h.Tasks.DeleteTask(r.Context(), pid, tid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderTaskEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans/"+t.PlanID+"#tasks", "flash.task_deleted")
	return nil
}
