package plan

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type planData struct {
	Page    *pk.PlanPage
	Tasks   []*pk.Task
	Next    string
	Forms   map[string]*web.Form
	Options *options
	// Budget total written for the reader, in the plan's currency.
	Total    string
	Statuses []string
	// CanDelete: coordinators delete plans.
	CanDelete bool
	// MayStatus: the tasks whose status the asker may change (their own,
	// or all of a plan they manage); Amounts the budget lines written out.
	MayStatus map[string]bool
	Amounts   map[string]string
	Today     string
}

func (h *Pages) planPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderPlan(w, r, http.StatusOK, "", nil)
}

// renderPlan draws a plan: its facts, progress, milestones, budget,
// staffing and tasks, with the forms of whoever manages it; form names
// the form a refused post came from.
func (h *Pages) renderPlan(w http.ResponseWriter, r *http.Request, status int, form string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPlans, "plans.plan.title", "plans")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	page, err := h.Plans.PlanPage(ctx, pid, r.PathValue("plid"))
	if err != nil {
		return err
	}
	tasks, next, err := h.Tasks.Tasks(ctx, pid, pk.TaskFilter{PlanID: page.Plan.ID}, web.ListPage(r))
	if err != nil {
		return err
	}
	d := &planData{Page: page, Tasks: tasks, Next: next, Statuses: pk.TaskStatuses, Today: h.today(),
		MayStatus: mayStatus(v.P, v.User.ID, tasks, page.MayManage), Amounts: map[string]string{},
		Forms:     map[string]*web.Form{"milestones": {}, "budget-lines": {}, "staffing": {}},
		Total:     money(page.BudgetTotal, page.Plan.Currency),
		CanDelete: pk.Can(v.P.MyRole, pk.ActionCreatePlans) && !v.P.Archived}
	for _, l := range page.Budget {
		d.Amounts[l.ID] = money(l.Amount, page.Plan.Currency)
	}
	if formErr != nil {
		d.Forms[form] = h.FormFromError(r, nil, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "plan", v)
	return nil
}

// mayStatus says which tasks' status the asker may change: members their
// own, and every task of a plan they manage (the store decides again).
func mayStatus(p *pk.Partnership, uid string, tasks []*pk.Task, manage bool) map[string]bool {
	out := map[string]bool{}
	if p.Archived || !pk.Can(p.MyRole, pk.ActionUpdateOwnTask) {
		return out
	}
	for _, t := range tasks {
		out[t.ID] = manage || t.AssigneeID == uid
	}
	return out
}

// money writes minor units as an amount with two decimals and the
// currency code (currencies without cents are rare among the partnership's
// funders; the code is always shown).
func money(minor int64, currency string) string {
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	cents := strconv.FormatInt(minor%100, 10)
	if len(cents) < 2 {
		cents = "0" + cents
	}
	return sign + strconv.FormatInt(minor/100, 10) + "." + cents + " " + currency
}

// planForm reads the form that opens or changes a plan.
func planForm(r *http.Request) pk.PlanInput {
	r.ParseForm()
	f := r.PostForm
	return pk.PlanInput{GoalID: f.Get("goal_id"), Title: f.Get("title"), BodyID: f.Get("body_id"), OrganisationID: f.Get("organisation_id"),
		Strategy: f.Get("strategy"), Evaluation: f.Get("evaluation"), Risks: f.Get("risks"), Status: f.Get("status"),
		Start: f.Get("start"), End: f.Get("end"), Weight: web.Atoi(f.Get("weight")), Public: f.Get("public") == "on",
		Currency: f.Get("currency"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) planCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	p, err := h.Plans.CreatePlan(r.Context(), pid, planForm(r))
	if web.IsFormError(err) {
		return h.renderPlanNew(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans/"+p.ID, "flash.plan_saved")
	return nil
}
