package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// The barriers that restrain member organisations, the plans' expenses and
// the partnership's money settings: what the budget is computed from,
// beside the contributions.
const (
	barriersPath = "/partnerships/{pid}/barriers"
	barrierPath  = barriersPath + "/{barid}"
	expensesPath = "/partnerships/{pid}/expenses"
	expensePath  = expensesPath + "/{exid}"
	settingsPath = "/partnerships/{pid}/budget-settings"
)

// barrierBody is a barrier as the API takes it.
type barrierBody struct {
	OrganisationID string `json:"organisation_id" rule:"required" doc:"The member organisation restrained (an ID): your own, or any for a coordinator."`
	Kind           string `json:"kind" rule:"required,enum=barrier_kind" doc:"What kind of barrier it is." example:"staff_time"`
	Description    string `json:"description" rule:"required,max=2000" doc:"What holds the organisation back." example:"Our volunteers work during the day"`
	Resolved       bool   `json:"resolved" doc:"The barrier was removed."`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b barrierBody) input() pk.BarrierInput {
	return pk.BarrierInput{OrganisationID: b.OrganisationID, Kind: b.Kind, Description: b.Description, Resolved: b.Resolved, Version: b.Version}
}

// expenseBody is an expense as the API takes it.
type expenseBody struct {
	PlanID      string `json:"plan_id" rule:"required" doc:"The action plan the money was spent on (an ID): one you convene, or any for a coordinator."`
	SpentOn     string `json:"spent_on" rule:"required,format=date" doc:"The day it was spent." example:"2026-02-10"`
	Description string `json:"description" rule:"required,max=500" doc:"What it was spent on." example:"Train tickets"`
	Amount      int64  `json:"amount" doc:"In minor units of the partnership's currency, more than 0." example:"12000"`
	Version     int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b expenseBody) input() pk.ExpenseInput {
	return pk.ExpenseInput{PlanID: b.PlanID, SpentOn: b.SpentOn, Description: b.Description, Amount: b.Amount, Version: b.Version}
}

// settingsBody is the partnership's money settings as the API takes them.
type settingsBody struct {
	Currency string `json:"currency" rule:"required" doc:"The ISO 4217 code every amount is in (EUR, USD, JOD, XOF, …)." example:"EUR"`
	TimeZone string `json:"time_zone" rule:"required,max=64" doc:"The IANA time zone reports fall due in." example:"Europe/Berlin"`
	Version  int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (h *Handlers) registerResources(a *api.API) {
	view, record := httpx.RoleFor(pk.ActionViewContributions), httpx.RoleFor(pk.ActionRecordContributions)
	spend := httpx.RoleFor(pk.ActionRecordExpenses)
	a.Route("GET", barriersPath, view, httpx.OpDoc{Summary: "Barriers that restrain member organisations, unresolved first (at most 500)", Tag: tag,
		Response: pk.Barrier{}, List: true},
		func(r *http.Request) (any, error) {
			bs, cut, err := h.Contributions.Barriers(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Barrier]{Items: api.NonNil(bs), ItemsCut: cut}, err
		})
	a.Route("POST", barriersPath, record, httpx.OpDoc{Summary: "Name a barrier (members for their own organisation, coordinators for any)", Tag: tag,
		Request: barrierBody{}, Response: pk.Barrier{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b barrierBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Contributions.NameBarrier(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", barrierPath, view, httpx.OpDoc{Summary: "A barrier", Tag: tag, Response: pk.Barrier{}},
		func(r *http.Request) (any, error) {
			return h.Contributions.Barrier(r.Context(), r.PathValue("pid"), r.PathValue("barid"))
		})
	a.Route("PATCH", barrierPath, record, httpx.OpDoc{Summary: "Change a barrier, or mark it resolved (fields sent)", Tag: tag,
		Request: barrierBody{}, Response: pk.Barrier{}},
		func(r *http.Request) (any, error) {
			pid, bid := r.PathValue("pid"), r.PathValue("barid")
			cur, err := h.Contributions.Barrier(r.Context(), pid, bid)
			if err != nil {
				return nil, err
			}
			current := barrierBody{OrganisationID: cur.OrganisationID, Kind: cur.Kind, Description: cur.Description, Resolved: cur.Resolved}
			var b barrierBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Contributions.UpdateBarrier(r.Context(), pid, bid, b.input())
		})
	a.Route("DELETE", barrierPath, record, httpx.OpDoc{Summary: "Delete a barrier (If-Match or ?version= required)", Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Contributions.DeleteBarrier(r.Context(), r.PathValue("pid"), r.PathValue("barid"), v)
		})

	a.Route("GET", expensesPath, view, httpx.OpDoc{Summary: "Expenses on the action plans, newest first (at most 5000; plan_id narrows to one plan)", Tag: tag,
		Response: pk.Expense{}, List: true, Query: []string{"plan_id"}},
		func(r *http.Request) (any, error) {
			es, cut, err := h.Contributions.Expenses(r.Context(), r.PathValue("pid"), r.URL.Query().Get("plan_id"))
			return api.List[*pk.Expense]{Items: api.NonNil(es), ItemsCut: cut}, err
		})
	a.Route("POST", expensesPath, spend, httpx.OpDoc{Summary: "Record an expense on a plan (its conveners and coordinators)", Tag: tag,
		Request: expenseBody{}, Response: pk.Expense{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b expenseBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Contributions.RecordExpense(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", expensePath, view, httpx.OpDoc{Summary: "An expense", Tag: tag, Response: pk.Expense{}},
		func(r *http.Request) (any, error) {
			return h.Contributions.Expense(r.Context(), r.PathValue("pid"), r.PathValue("exid"))
		})
	a.Route("PATCH", expensePath, spend, httpx.OpDoc{Summary: "Change an expense (fields sent)", Tag: tag, Request: expenseBody{}, Response: pk.Expense{}},
		func(r *http.Request) (any, error) {
			pid, eid := r.PathValue("pid"), r.PathValue("exid")
			cur, err := h.Contributions.Expense(r.Context(), pid, eid)
			if err != nil {
				return nil, err
			}
			current := expenseBody{PlanID: cur.PlanID, SpentOn: cur.SpentOn, Description: cur.Description, Amount: cur.Amount}
			var b expenseBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Contributions.UpdateExpense(r.Context(), pid, eid, b.input())
		})
	a.Route("DELETE", expensePath, spend, httpx.OpDoc{Summary: "Delete an expense (If-Match or ?version= required)", Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Contributions.DeleteExpense(r.Context(), r.PathValue("pid"), r.PathValue("exid"), v)
		})

	a.Route("GET", settingsPath, view, httpx.OpDoc{Summary: "The partnership's currency and the time zone reports fall due in", Tag: tag,
		Response: pk.BudgetSettings{}},
		func(r *http.Request) (any, error) {
			return h.Contributions.BudgetSettings(r.Context(), r.PathValue("pid"))
		})
	a.Route("PATCH", settingsPath, httpx.RoleFor(pk.ActionEditBudgetSettings), httpx.OpDoc{Summary: "Change the currency or the time zone (coordinators; amounts are not converted)", Tag: tag,
		Request: settingsBody{}, Response: pk.BudgetSettings{}},
		func(r *http.Request) (any, error) {
			pid := r.PathValue("pid")
			cur, err := h.Contributions.BudgetSettings(r.Context(), pid)
			if err != nil {
				return nil, err
			}
			var b settingsBody
			if err := api.DecodeMerge(r, settingsBody{Currency: cur.Currency, TimeZone: cur.TimeZone}, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Contributions.SetBudgetSettings(r.Context(), pid, pk.BudgetSettingsInput{Currency: b.Currency, TimeZone: b.TimeZone, Version: b.Version})
		})
}
