// Package contribution answers the API calls of contributions, the budget,
// the conveners' periodic reports and the committees' roll-ups. Paths name
// a contribution {coid}, a report {repid} and a roll-up {rollid}.
package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the contribution and reporting API calls.
type Handlers struct {
	Contributions pk.ContributionService
	Reports       pk.ReportService
}

// Register adds the routes.
func (h *Handlers) Register(a *api.API) {
	h.registerContributions(a)
	h.registerReports(a)
	h.registerRollups(a)
	h.registerResources(a)
}

const (
	tag               = "contributions"
	contributionsPath = "/partnerships/{pid}/contributions"
	contributionPath  = contributionsPath + "/{coid}"
	reportsPath       = "/partnerships/{pid}/reports"
	reportPath        = reportsPath + "/{repid}"
	rollupsPath       = "/partnerships/{pid}/rollups"
	rollupPath        = rollupsPath + "/{rollid}"
)

// contributionBody is a contribution as the API takes it. Money is
// integer minor units of the partnership's currency (see /contributions/budget).
type contributionBody struct {
	OrganisationID  string `json:"organisation_id" rule:"required" doc:"The member organisation contributing (an ID): your own, or any for a coordinator."`
	PlanID          string `json:"plan_id" doc:"The action plan it is for (an ID); left out: the partnership as a whole."`
	Kind            string `json:"kind" doc:"money, in_kind, staff_hours, venue, expertise or network_access (the list contribution_kind)." example:"money"`
	Description     string `json:"description" rule:"max=2000" doc:"What is offered; required except for money." example:"Travel for council meetings"`
	Funder          string `json:"funder" rule:"max=200" doc:"Where money comes from (money only); left out: the organisation's own funds." example:"EU grant via Amal"`
	Amount          int64  `json:"amount" doc:"Money pledged, or the estimated value of anything else, in minor units of the partnership's currency." example:"150000"`
	AmountDelivered int64  `json:"amount_delivered" doc:"Money (or value) delivered so far, in minor units." example:"50000"`
	Hours           int    `json:"hours" doc:"Staff hours pledged (staff_hours only)."`
	HoursDelivered  int    `json:"hours_delivered" doc:"Staff hours delivered (staff_hours only)."`
	PledgedOn       string `json:"pledged_on" rule:"required,format=date" doc:"The day it was pledged." example:"2026-02-03"`
	DeliveredOn     string `json:"delivered_on" rule:"format=date" doc:"The day of the latest delivery; required once anything is delivered." example:"2026-02-20"`
	Withdrawn       bool   `json:"withdrawn" doc:"The pledge was taken back: it counts for nothing."`
	Version         int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b contributionBody) input() pk.ContributionInput {
	return pk.ContributionInput{OrganisationID: b.OrganisationID, PlanID: b.PlanID, Kind: b.Kind, Description: b.Description,
		Funder: b.Funder, Amount: b.Amount, AmountDelivered: b.AmountDelivered, Hours: b.Hours, HoursDelivered: b.HoursDelivered,
		PledgedOn: b.PledgedOn, DeliveredOn: b.DeliveredOn, Withdrawn: b.Withdrawn, Version: b.Version}
}

func (h *Handlers) registerContributions(a *api.API) {
	view, record := httpx.RoleFor(pk.ActionViewContributions), httpx.RoleFor(pk.ActionRecordContributions)
	a.Route("GET", contributionsPath, view, httpx.OpDoc{Summary: "Contributions by organisation and pledge date (at most 2000)", Tag: tag,
		Response: pk.Contribution{}, List: true, Query: []string{"organisation_id", "plan_id", "kind", "status"}},
		func(r *http.Request) (any, error) {
			q := r.URL.Query()
			cs, cut, err := h.Contributions.Contributions(r.Context(), r.PathValue("pid"), pk.ContributionFilter{
				OrganisationID: q.Get("organisation_id"), PlanID: q.Get("plan_id"), Kind: q.Get("kind"), Status: q.Get("status")})
			return api.List[*pk.Contribution]{Items: api.NonNil(cs), ItemsCut: cut}, err
		})
	a.Route("POST", contributionsPath, record, httpx.OpDoc{Summary: "Record a pledge (members for their own organisation, coordinators for any)", Tag: tag,
		Request: contributionBody{}, Response: pk.Contribution{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b contributionBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			c, err := h.Contributions.RecordContribution(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: c}, err
		})
	a.Route("GET", contributionsPath+"/budget", view, httpx.OpDoc{Summary: "The budget: per plan needs, pledges, deliveries and spending; funding sources and dominance", Tag: tag,
		Response: pk.Budget{}},
		func(r *http.Request) (any, error) {
			return h.Contributions.Budget(r.Context(), r.PathValue("pid"))
		})
	for _, format := range []struct{ ext, ctype string }{
		{"csv", "text/csv"}, {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		a.Route("GET", contributionsPath+"/export."+format.ext, view, httpx.OpDoc{
			Summary: "Export the contributions (table=contributions, the default) or the plans' budget figures (table=budget) as " +
				format.ext + " (recorded in the audit log)", Tag: tag, Raw: format.ctype, Query: []string{"table"}},
			func(r *http.Request) (any, error) {
				name, ctype, body, err := h.Contributions.ExportContributions(r.Context(), r.PathValue("pid"), r.URL.Query().Get("table"), format.ext)
				return api.Raw{ContentType: ctype, Filename: name, Body: body}, err
			})
	}
	a.Route("GET", contributionPath, view, httpx.OpDoc{Summary: "A contribution", Tag: tag, Response: pk.Contribution{}},
		func(r *http.Request) (any, error) {
			return h.Contributions.Contribution(r.Context(), r.PathValue("pid"), r.PathValue("coid"))
		})
	a.Route("PATCH", contributionPath, record, httpx.OpDoc{Summary: "Change a contribution: a delivery, a withdrawal (fields sent)", Tag: tag,
		Request: contributionBody{}, Response: pk.Contribution{}},
		func(r *http.Request) (any, error) {
			pid, cid := r.PathValue("pid"), r.PathValue("coid")
			cur, err := h.Contributions.Contribution(r.Context(), pid, cid)
			if err != nil {
				return nil, err
			}
			current := contributionBody{OrganisationID: cur.OrganisationID, PlanID: cur.PlanID, Kind: cur.Kind, Description: cur.Description,
				Funder: cur.Funder, Amount: cur.Amount, AmountDelivered: cur.AmountDelivered, Hours: cur.Hours, HoursDelivered: cur.HoursDelivered,
				PledgedOn: cur.PledgedOn, DeliveredOn: cur.DeliveredOn, Withdrawn: cur.Withdrawn}
			var b contributionBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Contributions.UpdateContribution(r.Context(), pid, cid, b.input())
		})
	a.Route("DELETE", contributionPath, record, httpx.OpDoc{Summary: "Delete a contribution recorded by mistake (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Contributions.DeleteContribution(r.Context(), r.PathValue("pid"), r.PathValue("coid"), v)
		})
}
