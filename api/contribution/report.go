package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// reportBody is a report as the API takes it; its figures are filled by
// the server from the plan's tasks, contributions and spending.
type reportBody struct {
	PlanID    string `json:"plan_id" rule:"required" doc:"The action plan reported on (an ID); a convener's own, or any for a coordinator."`
	Period    string `json:"period" rule:"required" doc:"The month reported on, YYYY-MM." example:"2026-02"`
	Progress  string `json:"progress" rule:"required,max=8000" doc:"What was done." example:"Met two council groups."`
	Problems  string `json:"problems" rule:"max=8000" doc:"What got in the way." example:"One meeting moved twice."`
	NextSteps string `json:"next_steps" rule:"max=8000" doc:"What comes next." example:"Meet the remaining groups."`
	// RefreshFigures, in a PATCH, fills the figures again from today's data.
	RefreshFigures bool `json:"refresh_figures,omitempty" doc:"In a PATCH: fill the figures again from the data as it is now."`
	Version        int  `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b reportBody) input() pk.ReportInput {
	return pk.ReportInput{PlanID: b.PlanID, Period: b.Period, Progress: b.Progress, Problems: b.Problems, NextSteps: b.NextSteps, Version: b.Version}
}

func (h *Handlers) registerReports(a *api.API) {
	view, write := httpx.RoleFor(pk.ActionViewReports), httpx.RoleFor(pk.ActionWriteReports)
	a.Route("GET", reportsPath, view, httpx.OpDoc{Summary: "Conveners' monthly reports, newest month first (at most 1000)", Tag: tag,
		Response: pk.Report{}, List: true, Query: []string{"plan_id", "period"}},
		func(r *http.Request) (any, error) {
			q := r.URL.Query()
			rs, cut, err := h.Reports.Reports(r.Context(), r.PathValue("pid"), pk.ReportFilter{PlanID: q.Get("plan_id"), Period: q.Get("period")})
			return api.List[*pk.Report]{Items: api.NonNil(rs), ItemsCut: cut}, err
		})
	a.Route("POST", reportsPath, write, httpx.OpDoc{Summary: "Write a plan's report for a month (its conveners and coordinators)", Tag: tag,
		Request: reportBody{}, Response: pk.Report{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b reportBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Reports.WriteReport(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", reportsPath+"/due", view, httpx.OpDoc{Summary: "The months reports are owed for, plan by plan, with their due days (at most 500)", Tag: tag,
		Response: pk.DueReport{}, List: true},
		func(r *http.Request) (any, error) {
			ds, cut, err := h.Reports.DueReports(r.Context(), r.PathValue("pid"))
			return api.List[*pk.DueReport]{Items: api.NonNil(ds), ItemsCut: cut}, err
		})
	a.Route("GET", reportPath, view, httpx.OpDoc{Summary: "A report", Tag: tag, Response: pk.Report{}},
		func(r *http.Request) (any, error) {
			return h.Reports.Report(r.Context(), r.PathValue("pid"), r.PathValue("repid"))
		})
	a.Route("PATCH", reportPath, write, httpx.OpDoc{Summary: "Change a report's text (fields sent), and fill its figures again if asked", Tag: tag,
		Request: reportBody{}, Response: pk.Report{}},
		func(r *http.Request) (any, error) {
			pid, rid := r.PathValue("pid"), r.PathValue("repid")
			cur, err := h.Reports.Report(r.Context(), pid, rid)
			if err != nil {
				return nil, err
			}
			current := reportBody{PlanID: cur.PlanID, Period: cur.Period, Progress: cur.Progress, Problems: cur.Problems, NextSteps: cur.NextSteps}
			var b reportBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Reports.UpdateReport(r.Context(), pid, rid, b.input(), b.RefreshFigures)
		})
}

// rollupBody asks for a committee's roll-up.
type rollupBody struct {
	BodyID string `json:"body_id" rule:"required" doc:"The executive committee (monthly) or the strategic committee (quarterly), an ID."`
	Period string `json:"period" rule:"required" doc:"A month (YYYY-MM) for the executive committee, a quarter (YYYY-Qn) for the strategic committee." example:"2026-02"`
}

func (h *Handlers) registerRollups(a *api.API) {
	view := httpx.RoleFor(pk.ActionViewReports)
	a.Route("GET", rollupsPath, view, httpx.OpDoc{Summary: "The committees' roll-ups, newest period first (at most 500)", Tag: tag,
		Response: pk.Rollup{}, List: true},
		func(r *http.Request) (any, error) {
			rs, cut, err := h.Reports.Rollups(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Rollup]{Items: api.NonNil(rs), ItemsCut: cut}, err
		})
	a.Route("POST", rollupsPath, httpx.RoleFor(pk.ActionGenerateRollups), httpx.OpDoc{Summary: "Make (or make again) a committee's roll-up of a period's reports (coordinators)", Tag: tag,
		Request: rollupBody{}, Response: pk.Rollup{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b rollupBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Reports.GenerateRollup(r.Context(), r.PathValue("pid"), pk.RollupInput{BodyID: b.BodyID, Period: b.Period})
			return api.Created{Value: x}, err
		})
	a.Route("GET", rollupPath, view, httpx.OpDoc{Summary: "A roll-up with the reports it adds up; its totals equal their sum", Tag: tag, Response: pk.Rollup{}},
		func(r *http.Request) (any, error) {
			return h.Reports.Rollup(r.Context(), r.PathValue("pid"), r.PathValue("rollid"))
		})
}
