package plan

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type planBody struct {
	GoalID         string `json:"goal_id" rule:"required" doc:"The goal the plan serves (an ID)."`
	Title          string `json:"title" rule:"required,max=300" doc:"The plan's name." example:"Youth council campaign"`
	BodyID         string `json:"body_id" doc:"The action group carrying it out (a body's ID); only coordinators change it. Its conveners manage the plan."`
	OrganisationID string `json:"organisation_id" doc:"The responsible member organisation (an ID)."`
	Strategy       string `json:"strategy" rule:"max=8000" doc:"How the plan reaches its goal." example:"Meet every council group before the spring session."`
	Evaluation     string `json:"evaluation" rule:"max=4000" doc:"The evaluation criteria." example:"Two delegates named by the council by June."`
	Risks          string `json:"risks" rule:"max=4000" doc:"What could go wrong, and what then." example:"The council session moves: we follow its calendar."`
	Status         string `json:"status" rule:"enum=plan_status" doc:"draft (the default), active, paused, done or dropped." example:"active"`
	Start          string `json:"start" rule:"format=date" doc:"When it starts (YYYY-MM-DD)." example:"2026-02-01"`
	End            string `json:"end" rule:"format=date" doc:"When it ends (YYYY-MM-DD), not before the start." example:"2026-09-30"`
	Weight         int    `json:"weight" rule:"min=0,max=100" doc:"Its weight in the goal's progress, 1 to 100 (0 or left out: 1)." example:"1"`
	Public         bool   `json:"public" doc:"Show the plan on a public page (strategy, milestones, progress; never people's names)."`
	Currency       string `json:"currency" doc:"The budget's currency (ISO 4217, three letters; EUR when left out)." example:"EUR"`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b planBody) input() pk.PlanInput {
	return pk.PlanInput{GoalID: b.GoalID, Title: b.Title, BodyID: b.BodyID, OrganisationID: b.OrganisationID, Strategy: b.Strategy,
		Evaluation: b.Evaluation, Risks: b.Risks, Status: b.Status, Start: b.Start, End: b.End, Weight: b.Weight, Public: b.Public,
		Currency: b.Currency, Version: b.Version}
}

func planBodyOf(p *pk.Plan) planBody {
	return planBody{GoalID: p.GoalID, Title: p.Title, BodyID: p.BodyID, OrganisationID: p.OrganisationID, Strategy: p.Strategy,
		Evaluation: p.Evaluation, Risks: p.Risks, Status: p.Status, Start: p.Start, End: p.End, Weight: p.Weight, Public: p.Public,
		Currency: p.Currency}
}

func (h *Handlers) registerPlans(a *api.API) {
	view, create, manage := httpx.RoleFor(pk.ActionViewPlans), httpx.RoleFor(pk.ActionCreatePlans), httpx.RoleFor(pk.ActionManagePlan)
	a.Route("GET", plansPath, view, httpx.OpDoc{Summary: "The partnership's plans by goal (at most 500), each with its conveners and progress; ?goal_id= keeps one goal's", Tag: tag,
		Response: pk.Plan{}, List: true, Query: []string{"goal_id"}},
		func(r *http.Request) (any, error) {
			ps, cut, err := h.Plans.Plans(r.Context(), r.PathValue("pid"), r.URL.Query().Get("goal_id"))
			return api.List[*pk.Plan]{Items: api.NonNil(ps), ItemsCut: cut}, err
		})
	a.Route("POST", plansPath, create, httpx.OpDoc{Summary: "Open a plan under a goal (coordinators)", Tag: tag,
		Request: planBody{}, Response: pk.Plan{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b planBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Plans.CreatePlan(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", planPath, view, httpx.OpDoc{Summary: "A plan with its milestones, budget (minor units), staffing needs, task counts and progress", Tag: tag,
		Response: pk.PlanPage{}},
		func(r *http.Request) (any, error) {
			return h.Plans.PlanPage(r.Context(), r.PathValue("pid"), r.PathValue("plid"))
		})
	a.Route("PATCH", planPath, manage, httpx.OpDoc{Summary: "Change a plan (coordinators and the conveners of its action group; fields sent; version or If-Match required)", Tag: tag,
		Request: planBody{}, Response: pk.Plan{}},
		func(r *http.Request) (any, error) {
			pid, plid := r.PathValue("pid"), r.PathValue("plid")
			cur, err := h.Plans.Plan(r.Context(), pid, plid)
			if err != nil {
				return nil, err
			}
			var b planBody
			if err := api.DecodeMerge(r, planBodyOf(cur), &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Plans.UpdatePlan(r.Context(), pid, plid, b.input())
		})
	a.Route("DELETE", planPath, create, httpx.OpDoc{Summary: "Delete a plan without tasks, with its milestones, budget and staffing (coordinators; 409 while it has tasks)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Plans.DeletePlan(r.Context(), r.PathValue("pid"), r.PathValue("plid"), v)
		})
}
