package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// orgTotal is one organisation's contributions on the list: how many,
// and the value pledged and delivered (withdrawn pledges left out).
type orgTotal struct {
	Name               string
	Count              int
	Pledged, Delivered int64
	Hours, HoursDone   int
}

type listData struct {
	Items    []*pk.Contribution
	Cut      bool
	Totals   []*orgTotal
	Currency string
	// Filter is what narrows the list; Orgs and Plans the filter's and
	// the form's choices.
	Filter    pk.ContributionFilter
	Filtered  bool
	AllOrgs   []option
	Orgs      []option
	Plans     []option
	PlansCut  bool
	Kinds     []string
	Statuses  []string
	CanRecord bool
	API       string
}

func (h *Pages) list(w http.ResponseWriter, r *http.Request) error {
	return h.renderList(w, r, http.StatusOK, nil)
}

// renderList draws the contributions, organisation by organisation, with
// the pledge form; after a refused pledge, the form keeps what was typed.
func (h *Pages) renderList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewContributions, "contributions.title", "contributions")
	if err != nil {
		return err
	}
	ctx, pid, q := r.Context(), v.P.ID, r.URL.Query()
	f := pk.ContributionFilter{OrganisationID: q.Get("organisation_id"), PlanID: q.Get("plan_id"), Kind: q.Get("kind"), Status: q.Get("status")}
	items, cut, err := h.Contributions.Contributions(ctx, pid, f)
	if err != nil {
		return err
	}
	settings, err := h.Contributions.BudgetSettings(ctx, pid)
	if err != nil {
		return err
	}
	d := &listData{Items: items, Cut: cut, Currency: settings.Currency, Filter: f, Filtered: f != pk.ContributionFilter{},
		Kinds: pk.ContributionKinds, Statuses: pk.ContributionStatuses, API: "/api/v1/partnerships/" + pid + "/contributions/export"}
	byOrg := map[string]*orgTotal{}
	for _, c := range items {
		t := byOrg[c.OrganisationID]
		if t == nil {
			t = &orgTotal{Name: c.OrganisationName}
			byOrg[c.OrganisationID] = t
			d.Totals = append(d.Totals, t)
		}
		t.Count++
		if c.Counts() {
			// Bounded: MaxContributions amounts of at most
			// MaxContributionAmount each stay far inside int64.
			t.Pledged += c.Amount
			t.Delivered += c.AmountDelivered
			t.Hours += c.Hours
			t.HoursDone += c.HoursDelivered
		}
	}
	if d.Plans, d.PlansCut, err = h.planOptions(ctx, pid); err != nil {
		return err
	}
	members, err := h.Members.Members(ctx, pid)
	if err != nil {
		return err
	}
	for _, o := range members.Organisations {
		d.AllOrgs = append(d.AllOrgs, option{o.OrganisationID, o.Name})
	}
	if pk.Can(v.P.MyRole, pk.ActionRecordContributions) && !v.P.Archived {
		if d.Orgs, err = h.orgOptions(ctx, pid); err != nil {
			return err
		}
		d.CanRecord = len(d.Orgs) > 0
	}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "contributions", v)
	return nil
}

// create records a pledge from the form on the list.
func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	settings, err := h.Contributions.BudgetSettings(r.Context(), pid)
	if err != nil {
		return err
	}
	in, err := contributionForm(r, settings.Currency)
	if err == nil {
		_, err = h.Contributions.RecordContribution(r.Context(), pid, in)
	}
	if web.IsFormError(err) {
		return h.renderList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/contributions", "flash.saved")
	return nil
}
