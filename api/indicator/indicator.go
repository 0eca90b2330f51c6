// Package indicator answers the API calls of indicators against targets
// and their measurements, and of the partnership report. Every indicator
// answers its `status` by TolaData's rule (`on_track` within ±15 % of the
// target due by now, `over` or `under` — better or worse than planned,
// flipped for an indicator that should decrease — `not_reporting` when a
// result is overdue, `not_rated` when there is nothing to compare yet) and
// its `percent_met`.
package indicator

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
)

// Handlers answers the indicator and report calls.
type Handlers struct {
	Indicators pk.IndicatorService
	Report     reportview.Sources
	// Now is the clock (the report's day); nil is the real one.
	Now func() time.Time
}

const (
	tag              = "indicators"
	indicatorsPath   = "/partnerships/{pid}/indicators"
	indicatorPath    = indicatorsPath + "/{inid}"
	measurementsPath = indicatorPath + "/measurements"
	measurementPath  = measurementsPath + "/{meid}"
	reportPath       = "/partnerships/{pid}/report"
)

// Register adds the routes.
func (h *Handlers) Register(a *api.API) {
	h.registerIndicators(a)
	h.registerMeasurements(a)
	h.registerReport(a)
}

type targetBody struct {
	Due   string  `json:"due" doc:"The day the value is due by (YYYY-MM-DD)." example:"2026-06-30"`
	Value float64 `json:"value" doc:"The value due: cumulative for a count that should grow; 0 or 1 for yes/no." example:"60"`
	Label string  `json:"label" doc:"What the target is (at most 60 characters)." example:"Midline"`
}

type indicatorBody struct {
	GoalID        string       `json:"goal_id" doc:"The goal the indicator measures (an ID); give this or plan_id, not both. Fixed once set."`
	PlanID        string       `json:"plan_id" doc:"The action plan the indicator measures (an ID); give this or goal_id, not both. Fixed once set."`
	Name          string       `json:"name" rule:"required,max=200" doc:"What is counted or observed." example:"Young newcomers reached by the outreach sessions"`
	Unit          string       `json:"unit" rule:"max=40" doc:"The unit of the values." example:"people"`
	Kind          string       `json:"kind" rule:"required,enum=indicator_kind" doc:"number, percentage (0 to 100), yes_no (values 0 or 1) or qualitative (no numbers: the notes are the results)." example:"number"`
	Direction     string       `json:"direction" rule:"required,enum=indicator_direction" doc:"increase or decrease: which way is better. A decreasing indicator needs a baseline above its life target." example:"increase"`
	Baseline      *float64     `json:"baseline" doc:"The value before the work began (null: none)." example:"0"`
	BaselineDate  string       `json:"baseline_date" rule:"format=date" doc:"When the baseline was taken (YYYY-MM-DD)." example:"2026-01-01"`
	LifeTarget    *float64     `json:"life_target" doc:"The target at the end of the programme (null: none)." example:"120"`
	Targets       []targetBody `json:"targets" rule:"items=60" doc:"Periodic targets (monthly, quarterly, annual, midline, end line), each with its due date, value and label; one per day."`
	Frequency     string       `json:"frequency" rule:"required,enum=indicator_frequency" doc:"How often a result is due: monthly, quarterly, half_yearly or annual." example:"quarterly"`
	Source        string       `json:"source" rule:"max=300" doc:"Where the values come from." example:"Sign-in sheets of each session"`
	ResponsibleID string       `json:"responsible_id" doc:"The person who reports the results (a user ID in the partnership), if any."`
	Categories    []string     `json:"categories" rule:"items=20,itemmax=60" doc:"What results may be broken down by (age group, gender, refugee or migrant background, member organisation)."`
	Version       int          `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b indicatorBody) input() pk.IndicatorInput {
	in := pk.IndicatorInput{GoalID: b.GoalID, PlanID: b.PlanID, Name: b.Name, Unit: b.Unit, Kind: b.Kind, Direction: b.Direction,
		Baseline: b.Baseline, BaselineDate: b.BaselineDate, LifeTarget: b.LifeTarget, Frequency: b.Frequency, Source: b.Source,
		ResponsibleID: b.ResponsibleID, Categories: b.Categories, Version: b.Version}
	for _, t := range b.Targets {
		in.Targets = append(in.Targets, pk.IndicatorTarget{Due: t.Due, Value: t.Value, Label: t.Label})
	}
	return in
}

func indicatorBodyOf(ind *pk.Indicator) indicatorBody {
	b := indicatorBody{GoalID: ind.GoalID, PlanID: ind.PlanID, Name: ind.Name, Unit: ind.Unit, Kind: ind.Kind, Direction: ind.Direction,
		Baseline: ind.Baseline, BaselineDate: ind.BaselineDate, LifeTarget: ind.LifeTarget, Frequency: ind.Frequency, Source: ind.Source,
		ResponsibleID: ind.ResponsibleID, Categories: ind.Categories, Targets: []targetBody{}}
	for _, t := range ind.Targets {
		b.Targets = append(b.Targets, targetBody(t))
	}
	return b
}

func (h *Handlers) registerIndicators(a *api.API) {
	view, define := httpx.RoleFor(pk.ActionViewIndicators), httpx.RoleFor(pk.ActionDefineIndicators)
	a.Route("GET", indicatorsPath, view, httpx.OpDoc{Summary: "The partnership's indicators (at most 200, by name), each with its status and percent met; ?goal_id= or ?plan_id= keeps one goal's or plan's, ?as_of= evaluates them on an earlier day", Tag: tag,
		Response: pk.Indicator{}, List: true, Query: []string{"goal_id", "plan_id", "as_of"}},
		func(r *http.Request) (any, error) {
			q := r.URL.Query()
			list, cut, err := h.Indicators.Indicators(r.Context(), r.PathValue("pid"),
				pk.IndicatorFilter{GoalID: q.Get("goal_id"), PlanID: q.Get("plan_id"), AsOf: q.Get("as_of")})
			return api.List[*pk.Indicator]{Items: api.NonNil(list), ItemsCut: cut}, err
		})
	a.Route("POST", indicatorsPath, define, httpx.OpDoc{Summary: "Define an indicator of a goal (coordinators) or of a plan (coordinators and the plan's conveners)", Tag: tag,
		Request: indicatorBody{}, Response: pk.Indicator{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b indicatorBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Indicators.CreateIndicator(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", indicatorPath, view, httpx.OpDoc{Summary: "An indicator with its targets, status and percent met", Tag: tag, Response: pk.Indicator{}},
		func(r *http.Request) (any, error) {
			return h.Indicators.Indicator(r.Context(), r.PathValue("pid"), r.PathValue("inid"))
		})
	a.Route("PATCH", indicatorPath, define, httpx.OpDoc{Summary: "Change an indicator (fields sent; targets and categories are replaced whole; version or If-Match required)", Tag: tag,
		Request: indicatorBody{}, Response: pk.Indicator{}},
		func(r *http.Request) (any, error) {
			pid, iid := r.PathValue("pid"), r.PathValue("inid")
			cur, err := h.Indicators.Indicator(r.Context(), pid, iid)
			if err != nil {
				return nil, err
			}
			var b indicatorBody
			if err := api.DecodeMerge(r, indicatorBodyOf(cur), &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Indicators.UpdateIndicator(r.Context(), pid, iid, b.input())
		})
	a.Route("DELETE", indicatorPath, define, httpx.OpDoc{Summary: "Delete an indicator without measurements (409 while it has some; If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Indicators.DeleteIndicator(r.Context(), r.PathValue("pid"), r.PathValue("inid"), v)
		})
}
