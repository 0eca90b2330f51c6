package plan

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type goalBody struct {
	Kind                string   `json:"kind" rule:"required,enum=goal_kind" doc:"Specific (the partnership's own, measurable) or universal (a broad aim plans contribute to)." example:"specific"`
	Title               string   `json:"title" rule:"required,max=300" doc:"What is to change." example:"Seat young newcomers on the youth council"`
	Description         string   `json:"description" rule:"max=4000" doc:"More about the change." example:"Two seats held by young newcomers by the end of the year."`
	Beneficiaries       string   `json:"beneficiaries" rule:"max=500" doc:"Who the goal is for." example:"young newcomers aged 16 to 25"`
	Measure             string   `json:"measure" rule:"max=500" doc:"The indicator progress is counted by." example:"young newcomers with a seat"`
	Target              *float64 `json:"target" doc:"The number to reach (null for none)." example:"2"`
	Unit                string   `json:"unit" rule:"max=100" doc:"The unit of the number." example:"seats"`
	OwnerOrganisationID string   `json:"owner_organisation_id" doc:"The member organisation answerable for the goal (an ID), if any."`
	Due                 string   `json:"due" rule:"format=date" doc:"By when (YYYY-MM-DD)." example:"2026-12-31"`
	Status              string   `json:"status" rule:"enum=goal_status" doc:"active (the default), achieved or dropped." example:"active"`
	StatementIDs        []string `json:"statement_ids" rule:"items=20" doc:"The theory-of-change statements the goal serves (IDs)."`
	Version             int      `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b goalBody) input() pk.GoalInput {
	return pk.GoalInput{Kind: b.Kind, Title: b.Title, Description: b.Description, Beneficiaries: b.Beneficiaries, Measure: b.Measure,
		Target: b.Target, Unit: b.Unit, OwnerOrganisationID: b.OwnerOrganisationID, Due: b.Due, Status: b.Status,
		StatementIDs: b.StatementIDs, Version: b.Version}
}

func goalBodyOf(g *pk.Goal) goalBody {
	return goalBody{Kind: g.Kind, Title: g.Title, Description: g.Description, Beneficiaries: g.Beneficiaries, Measure: g.Measure,
		Target: g.Target, Unit: g.Unit, OwnerOrganisationID: g.OwnerOrganisationID, Due: g.Due, Status: g.Status,
		StatementIDs: g.StatementIDs}
}

func (h *Handlers) registerGoals(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewPlans), httpx.RoleFor(pk.ActionEditGoals)
	a.Route("GET", goalsPath, view, httpx.OpDoc{Summary: "The partnership's goals, oldest first (at most 200), each with its SMART check and progress", Tag: tag,
		Response: pk.Goal{}, List: true},
		func(r *http.Request) (any, error) {
			gs, cut, err := h.Goals.Goals(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Goal]{Items: api.NonNil(gs), ItemsCut: cut}, err
		})
	a.Route("POST", goalsPath, edit, httpx.OpDoc{Summary: "Set a goal (coordinators); the answer carries its SMART check", Tag: tag,
		Request: goalBody{}, Response: pk.Goal{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b goalBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Goals.CreateGoal(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", goalPath, view, httpx.OpDoc{Summary: "A goal with its SMART check and progress", Tag: tag, Response: pk.Goal{}},
		func(r *http.Request) (any, error) {
			return h.Goals.Goal(r.Context(), r.PathValue("pid"), r.PathValue("goid"))
		})
	a.Route("PATCH", goalPath, edit, httpx.OpDoc{Summary: "Change a goal (fields sent; version or If-Match required)", Tag: tag,
		Request: goalBody{}, Response: pk.Goal{}},
		func(r *http.Request) (any, error) {
			pid, gid := r.PathValue("pid"), r.PathValue("goid")
			cur, err := h.Goals.Goal(r.Context(), pid, gid)
			if err != nil {
				return nil, err
			}
			var b goalBody
			if err := api.DecodeMerge(r, goalBodyOf(cur), &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Goals.UpdateGoal(r.Context(), pid, gid, b.input())
		})
	a.Route("DELETE", goalPath, edit, httpx.OpDoc{Summary: "Delete a goal without plans (409 while it has plans; If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Goals.DeleteGoal(r.Context(), r.PathValue("pid"), r.PathValue("goid"), v)
		})
}
