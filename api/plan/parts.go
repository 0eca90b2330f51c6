package plan

import (
	"context"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type milestoneBody struct {
	Title   string `json:"title" rule:"required,max=300" doc:"The step reached." example:"Spring council session"`
	Due     string `json:"due" rule:"required,format=date" doc:"When it is due (YYYY-MM-DD)." example:"2026-04-15"`
	Done    string `json:"done" rule:"format=date" doc:"The day it was reached (YYYY-MM-DD); empty while not." example:"2026-04-15"`
	Version int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

type budgetLineBody struct {
	Label   string `json:"label" rule:"required,max=300" doc:"What the money is for." example:"Travel to council groups"`
	Amount  int64  `json:"amount" rule:"min=0,max=1000000000000" doc:"The amount in minor units of the plan's currency (cents: 450.00 EUR is 45000)." example:"45000"`
	Version int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

type staffingBody struct {
	Role          string `json:"role" rule:"required,max=200" doc:"The role needed." example:"Youth organiser"`
	HoursPerMonth int    `json:"hours_per_month" rule:"min=0,max=744" doc:"Hours per month." example:"20"`
	Inside        bool   `json:"inside" doc:"Met from inside the partnership (true) or from outside." example:"true"`
	Filled        bool   `json:"filled" doc:"Whether someone fills it already." example:"false"`
	Version       int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

// part describes one kind of a plan's parts for the routes they share:
// add, change (a merge patch over the part as it is) and delete.
type part[B any, T any] struct {
	path, param, name string
	body              func(*B) *int // the body's version field
	current           func(*pk.PlanPage, string) (B, bool)
	add               func(ctx context.Context, pid, plid string, b B) (T, error)
	update            func(ctx context.Context, pid, plid, id string, b B) (T, error)
	remove            func(ctx context.Context, pid, plid, id string, version int) error
}

func registerPart[B any, T any](a *api.API, h *Handlers, p part[B, T]) {
	manage := httpx.RoleFor(pk.ActionManagePlan)
	base, one := planPath+"/"+p.path, planPath+"/"+p.path+"/{"+p.param+"}"
	var zeroB B
	var zeroT T
	a.Route("POST", base, manage, httpx.OpDoc{Summary: "Add a " + p.name + " to a plan (coordinators and its conveners)", Tag: tag,
		Request: zeroB, Response: zeroT, Status: 201},
		func(r *http.Request) (any, error) {
			var b B
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := p.add(r.Context(), r.PathValue("pid"), r.PathValue("plid"), b)
			return api.Created{Value: x}, err
		})
	a.Route("PATCH", one, manage, httpx.OpDoc{Summary: "Change a " + p.name + " (fields sent; version or If-Match required)", Tag: tag,
		Request: zeroB, Response: zeroT},
		func(r *http.Request) (any, error) {
			pid, plid, id := r.PathValue("pid"), r.PathValue("plid"), r.PathValue(p.param)
			page, err := h.Plans.PlanPage(r.Context(), pid, plid)
			if err != nil {
				return nil, err
			}
			cur, ok := p.current(page, id)
			if !ok {
				return nil, pk.NotFound()
			}
			var b B
			if err := api.DecodeMerge(r, cur, &b, p.body(&b)); err != nil {
				return nil, err
			}
			return p.update(r.Context(), pid, plid, id, b)
		})
	a.Route("DELETE", one, manage, httpx.OpDoc{Summary: "Delete a " + p.name + " (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, p.remove(r.Context(), r.PathValue("pid"), r.PathValue("plid"), r.PathValue(p.param), v)
		})
}

func (h *Handlers) registerParts(a *api.API) {
	registerPart(a, h, part[milestoneBody, *pk.Milestone]{path: "milestones", param: "msid", name: "milestone",
		body: func(b *milestoneBody) *int { return &b.Version },
		current: func(pg *pk.PlanPage, id string) (milestoneBody, bool) {
			for _, m := range pg.Milestones {
				if m.ID == id {
					return milestoneBody{Title: m.Title, Due: m.Due, Done: m.Done}, true
				}
			}
			return milestoneBody{}, false
		},
		add: func(ctx context.Context, pid, plid string, b milestoneBody) (*pk.Milestone, error) {
			return h.Plans.AddMilestone(ctx, pid, plid, pk.MilestoneInput{Title: b.Title, Due: b.Due, Done: b.Done})
		},
		update: func(ctx context.Context, pid, plid, id string, b milestoneBody) (*pk.Milestone, error) {
			return h.Plans.UpdateMilestone(ctx, pid, plid, id, pk.MilestoneInput{Title: b.Title, Due: b.Due, Done: b.Done, Version: b.Version})
		},
		remove: h.Plans.DeleteMilestone})
	registerPart(a, h, part[budgetLineBody, *pk.BudgetLine]{path: "budget-lines", param: "blid", name: "budget line",
		body: func(b *budgetLineBody) *int { return &b.Version },
		current: func(pg *pk.PlanPage, id string) (budgetLineBody, bool) {
			for _, l := range pg.Budget {
				if l.ID == id {
					return budgetLineBody{Label: l.Label, Amount: l.Amount}, true
				}
			}
			return budgetLineBody{}, false
		},
		add: func(ctx context.Context, pid, plid string, b budgetLineBody) (*pk.BudgetLine, error) {
			return h.Plans.AddBudgetLine(ctx, pid, plid, pk.BudgetLineInput{Label: b.Label, Amount: b.Amount})
		},
		update: func(ctx context.Context, pid, plid, id string, b budgetLineBody) (*pk.BudgetLine, error) {
			return h.Plans.UpdateBudgetLine(ctx, pid, plid, id, pk.BudgetLineInput{Label: b.Label, Amount: b.Amount, Version: b.Version})
		},
		remove: h.Plans.DeleteBudgetLine})
	registerPart(a, h, part[staffingBody, *pk.StaffingNeed]{path: "staffing", param: "sfid", name: "staffing need",
		body: func(b *staffingBody) *int { return &b.Version },
		current: func(pg *pk.PlanPage, id string) (staffingBody, bool) {
			for _, s := range pg.Staffing {
				if s.ID == id {
					return staffingBody{Role: s.Role, HoursPerMonth: s.HoursPerMonth, Inside: s.Inside, Filled: s.Filled}, true
				}
			}
			return staffingBody{}, false
		},
		add: func(ctx context.Context, pid, plid string, b staffingBody) (*pk.StaffingNeed, error) {
			return h.Plans.AddStaffingNeed(ctx, pid, plid, pk.StaffingNeedInput{Role: b.Role, HoursPerMonth: b.HoursPerMonth, Inside: b.Inside, Filled: b.Filled})
		},
		update: func(ctx context.Context, pid, plid, id string, b staffingBody) (*pk.StaffingNeed, error) {
			return h.Plans.UpdateStaffingNeed(ctx, pid, plid, id, pk.StaffingNeedInput{Role: b.Role, HoursPerMonth: b.HoursPerMonth,
				Inside: b.Inside, Filled: b.Filled, Version: b.Version})
		},
		remove: h.Plans.DeleteStaffingNeed})
}
