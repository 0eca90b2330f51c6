package plan

import (
	"encoding/json"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type taskBody struct {
	PlanID         string `json:"plan_id" rule:"required" doc:"The plan the task belongs to (an ID)."`
	Title          string `json:"title" rule:"required,max=300" doc:"What is to be done." example:"Book the meeting room"`
	Notes          string `json:"notes" rule:"max=4000" doc:"Anything the person doing it should know." example:"The community centre has a room on Thursdays."`
	AssigneeID     string `json:"assignee_id" doc:"The person responsible (an ID of someone in the partnership)."`
	OrganisationID string `json:"organisation_id" doc:"The responsible member organisation (an ID)."`
	Due            string `json:"due" rule:"format=date" doc:"By when (YYYY-MM-DD)." example:"2026-04-01"`
	Status         string `json:"status" rule:"enum=task_status" doc:"todo (the default), doing, done or dropped." example:"todo"`
	TacticID       string `json:"tactic_id" doc:"The tactic on a map the task carries out (an ID), if any."`
	ActionItemID   string `json:"action_item_id" doc:"The meeting's action item the task comes from (an ID), if any."`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b taskBody) input() pk.TaskInput {
	return pk.TaskInput{PlanID: b.PlanID, Title: b.Title, Notes: b.Notes, AssigneeID: b.AssigneeID, OrganisationID: b.OrganisationID,
		Due: b.Due, Status: b.Status, TacticID: b.TacticID, ActionItemID: b.ActionItemID, Version: b.Version}
}

func taskBodyOf(t *pk.Task) taskBody {
	return taskBody{PlanID: t.PlanID, Title: t.Title, Notes: t.Notes, AssigneeID: t.AssigneeID, OrganisationID: t.OrganisationID,
		Due: t.Due, Status: t.Status, TacticID: t.TacticID, ActionItemID: t.ActionItemID}
}

type taskStatusBody struct {
	Status  string `json:"status" rule:"required,enum=task_status" doc:"todo, doing, done or dropped." example:"done"`
	Version int    `json:"version" doc:"The version the change is based on (or send If-Match)." example:"1"`
}

func (h *Handlers) registerTasks(a *api.API) {
	view, manage, own := httpx.RoleFor(pk.ActionViewPlans), httpx.RoleFor(pk.ActionManagePlan), httpx.RoleFor(pk.ActionUpdateOwnTask)
	a.Route("GET", tasksPath, view, httpx.OpDoc{Summary: "The partnership's tasks by due date (those without one last), a page at a time: " +
		"?plan_id=, ?assignee_id=, ?organisation_id=, ?status= narrow it, ?overdue=true keeps open tasks past their date", Tag: tag,
		Response: pk.Task{}, List: true, Query: []string{"plan_id", "assignee_id", "organisation_id", "status", "overdue", "limit", "cursor"}},
		func(r *http.Request) (any, error) {
			pg, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			q := r.URL.Query()
			f := pk.TaskFilter{PlanID: q.Get("plan_id"), AssigneeID: q.Get("assignee_id"), OrganisationID: q.Get("organisation_id"),
				Status: q.Get("status"), Overdue: q.Get("overdue") == "true"}
			l, err := h.Tasks.TaskList(r.Context(), r.PathValue("pid"), f, pg)
			if err != nil {
				return nil, err
			}
			return taskListAnswer(a, api.Language(r), l)
		})
	a.Route("POST", tasksPath, manage, httpx.OpDoc{Summary: "Add a task to a plan (coordinators and the plan's conveners); with action_item_id it turns a meeting's action item into a task", Tag: tag,
		Request: taskBody{}, Response: pk.Task{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b taskBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Tasks.CreateTask(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", taskPath, view, httpx.OpDoc{Summary: "A task", Tag: tag, Response: pk.Task{}},
		func(r *http.Request) (any, error) {
			return h.Tasks.Task(r.Context(), r.PathValue("pid"), r.PathValue("tkid"))
		})
	a.Route("PATCH", taskPath, manage, httpx.OpDoc{Summary: "Change a task (coordinators and the plan's conveners; fields sent; version or If-Match required)", Tag: tag,
		Request: taskBody{}, Response: pk.Task{}},
		func(r *http.Request) (any, error) {
			pid, tid := r.PathValue("pid"), r.PathValue("tkid")
			cur, err := h.Tasks.Task(r.Context(), pid, tid)
			if err != nil {
				return nil, err
			}
			var b taskBody
			if err := api.DecodeMerge(r, taskBodyOf(cur), &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Tasks.UpdateTask(r.Context(), pid, tid, b.input())
		})
	a.Route("POST", taskPath+"/status", own, httpx.OpDoc{Summary: "Set a task's status: the person it is given to, the plan's conveners and coordinators", Tag: tag,
		Request: taskStatusBody{}, Response: pk.Task{}},
		func(r *http.Request) (any, error) {
			var b taskStatusBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Tasks.SetTaskStatus(r.Context(), r.PathValue("pid"), r.PathValue("tkid"), pk.TaskStatusInput{Status: b.Status, Version: b.Version})
		})
	a.Route("DELETE", taskPath, manage, httpx.OpDoc{Summary: "Delete a task (coordinators and the plan's conveners; If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Tasks.DeleteTask(r.Context(), r.PathValue("pid"), r.PathValue("tkid"), v)
		})
	a.Route("GET", "/me/tasks", httpx.SignedIn, httpx.OpDoc{Summary: "My open tasks in every partnership I am in, by due date, a page at a time", Tag: tag,
		Response: pk.Task{}, List: true, Query: []string{"limit", "cursor"}},
		func(r *http.Request) (any, error) {
			pg, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			ts, next, err := h.Tasks.MyTasks(r.Context(), pg)
			return api.List[*pk.Task]{Items: api.NonNil(ts), NextCursor: next}, err
		})
}

// taskListAnswer is a page of tasks as the API encodes any list, byte for
// byte: the tasks encoded in lang and compressed once per kept page
// (KeptEncoded; the page's scope says whose view of tactics it holds and
// which day's overdue tasks), the cursor per request. Encoding and
// compressing fifty tasks joined with their plans, people and tactics was
// most of each answer.
func taskListAnswer(a *api.API, lang string, l *pk.TaskList) (api.Encoded, error) {
	items, err := a.KeptEncoded(l.Kept.Scope, l.Kept.Version, "tasks", lang, func() (any, error) {
		return api.NonNil(l.Items), nil
	})
	if err != nil {
		return nil, err
	}
	next, err := json.Marshal(l.Next)
	if err != nil {
		return nil, err
	}
	// The fields in the order api.List declares them; a page of tasks is
	// never cut short of its cursor.
	end := append(append([]byte(`,"next_cursor":`), next...), '}')
	return api.Encoded{{Raw: []byte(`{"items":`)}, items, {Raw: end}}, nil
}
