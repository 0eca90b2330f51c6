package plan

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

type taskListData struct {
	Tasks     []*pk.Task
	Cards     template.HTML // the tasks' cards (taskCardsHTML)
	Next      string
	Filter    pk.TaskFilter
	Query     template.URL // the filter as a query (encoded, so kept as it is), for the next page's link
	Find      string       // the name search that narrows the people and organisations offered
	Members   *pk.MemberChoices
	Plans     []pk.Choice
	PlansCut  bool
	Statuses  []string
	MayStatus map[string]bool
	CanNew    bool
	PageSize  int
	// MaxChoices is how many people, and organisations, the filter offers.
	MaxChoices int
}

// taskList lists the partnership's tasks: all, overdue, one plan's, one
// person's or one organisation's, by due date, a page at a time. The filter
// offers the plans and, by name, a bounded number of people and
// organisations: ?find= narrows those to the names that hold it.
func (h *Pages) taskList(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPlans, "plans.tasks.title", "plans")
	if err != nil {
		return err
	}
	ctx, pid, q := r.Context(), v.P.ID, r.URL.Query()
	f := pk.TaskFilter{PlanID: q.Get("plan_id"), AssigneeID: q.Get("assignee_id"), OrganisationID: q.Get("organisation_id"),
		Status: q.Get("status"), Overdue: q.Get("overdue") == "on"}
	pg := web.ListPage(r)
	tasks, next, err := h.Tasks.Tasks(ctx, pid, f, pg)
	if err != nil {
		return err
	}
	d := &taskListData{Tasks: tasks, Next: next, Filter: f, Find: q.Get("find"), Statuses: pk.TaskStatuses,
		MayStatus: mayStatus(v.P, v.User.ID, tasks, v.P.MyRole.AtLeast(pk.RoleCoordinator)),
		CanNew:    pk.Can(v.P.MyRole, pk.ActionManagePlan) && !v.P.Archived, PageSize: pg.Normalize().Limit, MaxChoices: pk.MaxMemberChoices}
	keep := url.Values{}
	for k, x := range map[string]string{"plan_id": f.PlanID, "assignee_id": f.AssigneeID, "organisation_id": f.OrganisationID,
		"status": f.Status, "find": d.Find} {
		if x != "" {
			keep.Set(k, x)
		}
	}
	if f.Overdue {
		keep.Set("overdue", "on")
	}
	if pg.Limit > 0 {
		keep.Set("limit", strconv.Itoa(d.PageSize))
	}
	d.Query = template.URL(keep.Encode())
	if d.Members, err = h.Members.MemberChoices(ctx, pid, d.Find, f.AssigneeID, f.OrganisationID); err != nil {
		return err
	}
	if d.Plans, d.PlansCut, err = h.Plans.PlanChoices(ctx, pid); err != nil {
		return err
	}
	d.Cards = v.PlaceDrawn(taskCardsHTML(h.Bundle.Localizer(v.Lang).T, tasks, d.MayStatus, d.Statuses, ""))
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "tasks", v)
	return nil
}

type taskEditData struct {
	Task     *pk.Task // nil for a new task
	Action   *pk.ActionItem
	Options  *options
	Plans    []pk.Choice
	Statuses []string
}

// taskNew draws the form for a new task; ?plan_id= picks the plan, and
// ?meeting=&action_item= fills it from a meeting's action item (the
// person, organisation and due date it names), which the task then links.
func (h *Pages) taskNew(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionManagePlan, "plans.task.new", "plans")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v.Form.Values.Set("plan_id", q.Get("plan_id"))
	d := &taskEditData{}
	if acid := q.Get("action_item"); acid != "" {
		items, _, err := h.Meetings.ActionItems(r.Context(), v.P.ID, q.Get("meeting"))
		if err != nil {
			return err
		}
		for _, a := range items {
			if a.ID == acid {
				d.Action = a
			}
		}
		if d.Action == nil {
			return pk.NotFound()
		}
		for k, x := range map[string]string{"title": d.Action.What, "assignee_id": d.Action.UserID, "organisation_id": d.Action.OrganisationID,
			"due": d.Action.Due, "action_item_id": d.Action.ID} {
			v.Form.Values.Set(k, x)
		}
	}
	return h.renderTaskForm(w, r, v, d, http.StatusOK)
}

// renderTaskForm draws the task form, new or existing, with its choices.
func (h *Pages) renderTaskForm(w http.ResponseWriter, r *http.Request, v *web.View, d *taskEditData, status int) error {
	var err error
	if d.Options, err = h.loadOptions(r, v.P.ID, false); err != nil {
		return err
	}
	if d.Plans, _, err = h.Plans.PlanChoices(r.Context(), v.P.ID); err != nil {
		return err
	}
	d.Statuses = pk.TaskStatuses
	v.Data = d
	h.Render(w, r, status, templates, "task_edit", v)
	return nil
}

// taskForm reads the form that adds or changes a task.
func taskForm(r *http.Request) pk.TaskInput {
	r.ParseForm()
	f := r.PostForm
	return pk.TaskInput{PlanID: f.Get("plan_id"), Title: f.Get("title"), Notes: f.Get("notes"), AssigneeID: f.Get("assignee_id"),
		OrganisationID: f.Get("organisation_id"), Due: f.Get("due"), Status: f.Get("status"), TacticID: f.Get("tactic_id"),
		ActionItemID: f.Get("action_item_id"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) taskCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	t, err := h.Tasks.CreateTask(r.Context(), pid, taskForm(r))
	if web.IsFormError(err) {
		v, verr := h.PartnershipView(r, pk.ActionManagePlan, "plans.task.new", "plans")
		if verr != nil {
			return verr
		}
		v.Form = h.FormFromError(r, v.Form, err)
		return h.renderTaskForm(w, r, v, &taskEditData{}, statusOf(err))
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans/"+t.PlanID+"#tasks", "flash.task_saved")
	return nil
}
