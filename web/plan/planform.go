package plan

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type planEditData struct {
	Plan     *pk.Plan // nil for a new plan
	Options  *options
	Statuses []string
	// Coordinator: only coordinators move a plan to another action group.
	Coordinator bool
}

// planValues fills a form with a plan as it is.
func planValues(p *pk.Plan) *web.Form {
	f := &web.Form{Values: map[string][]string{}}
	for k, x := range map[string]string{"goal_id": p.GoalID, "title": p.Title, "body_id": p.BodyID, "organisation_id": p.OrganisationID,
		"strategy": p.Strategy, "evaluation": p.Evaluation, "risks": p.Risks, "status": p.Status, "start": p.Start, "end": p.End,
		"weight": strconv.Itoa(p.Weight), "currency": p.Currency, "version": strconv.Itoa(p.Version)} {
		f.Values.Set(k, x)
	}
	if p.Public {
		f.Values.Set("public", "on")
	}
	return f
}

func (h *Pages) planEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderPlanEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderPlanEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionManagePlan, "plans.plan.edit", "plans")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	page, err := h.Plans.PlanPage(ctx, pid, r.PathValue("plid"))
	if err != nil {
		return err
	}
	if !page.MayManage {
		return pk.Errorf(pk.EFORBIDDEN, "plans.error.not_convener", nil)
	}
	d := &planEditData{Plan: page.Plan, Statuses: pk.PlanStatuses, Coordinator: v.P.MyRole.AtLeast(pk.RoleCoordinator)}
	if d.Options, err = h.loadOptions(r, pid, false); err != nil {
		return err
	}
	if d.Options.Goals, _, err = h.Goals.Goals(ctx, pid); err != nil {
		return err
	}
	v.Form = planValues(page.Plan)
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "plan_edit", v)
	return nil
}

func (h *Pages) planNew(w http.ResponseWriter, r *http.Request) error {
	return h.renderPlanNew(w, r, http.StatusOK, nil)
}

// renderPlanNew draws the form that opens a plan, under the goal ?goal_id=
// names when it does.
func (h *Pages) renderPlanNew(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionCreatePlans, "plans.plan.new", "plans")
	if err != nil {
		return err
	}
	d := &planEditData{Statuses: pk.PlanStatuses, Coordinator: true}
	if d.Options, err = h.loadOptions(r, v.P.ID, false); err != nil {
		return err
	}
	if d.Options.Goals, _, err = h.Goals.Goals(r.Context(), v.P.ID); err != nil {
		return err
	}
	v.Form.Values.Set("goal_id", r.URL.Query().Get("goal_id"))
	v.Form.Values.Set("weight", "1")
	v.Form.Values.Set("currency", "EUR")
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "plan_edit", v)
	return nil
}

func (h *Pages) planUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, plid := r.PathValue("pid"), r.PathValue("plid")
	_, err := h.Plans.UpdatePlan(r.Context(), pid, plid, planForm(r))
	if web.IsFormError(err) {
		return h.renderPlanEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans/"+plid, "flash.plan_saved")
	return nil
}

func (h *Pages) planDelete(w http.ResponseWriter, r *http.Request) error {
	pid, plid := r.PathValue("pid"), r.PathValue("plid")
	back := "/p/" + pid + "/plans/" + plid
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionCreatePlans, "plans", web.Confirm{Question: "plans.plan.delete_confirm", Effect: "confirm.effect.final",
			Button: "plans.plan.delete", Back: back, Find: func() (string, error) {
				p, err := h.Plans.Plan(r.Context(), pid, plid)
				if err != nil {
					return "", err
				}
				return p.Title, nil
			}})
	}
	if err := h.Plans.DeletePlan(r.Context(), pid, plid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderPlan(w, r, httpx.Status(err), "plan", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans", "flash.plan_deleted")
	return nil
}
