package contribution

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/money"
	"github.com/partnerkit/partnerkit/web"
)

type budgetData struct {
	B *pk.Budget
	// Exports are the CSV and XLSX files of the contributions and the
	// plans' figures (served by the API, which records them in the audit
	// log).
	Exports     []export
	CanSettings bool
	CanSpend    bool
}

type export struct {
	Label string // message ID
	Href  string
}

// budget shows, per plan, needs against pledges and deliveries and the
// budget against spending; for the partnership, the kinds contributed and
// the funding sources, with the share of the largest funder and of the
// largest contributing member and the warning when one dominates.
func (h *Pages) budget(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewContributions, "budget.title", "budget")
	if err != nil {
		return err
	}
	b, err := h.Contributions.Budget(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	base := "/api/v1/partnerships/" + v.P.ID + "/contributions/export"
	v.Data = &budgetData{B: b, CanSettings: pk.Can(v.P.MyRole, pk.ActionEditBudgetSettings),
		CanSpend: pk.Can(v.P.MyRole, pk.ActionRecordExpenses) && !v.P.Archived,
		Exports: []export{
			{"budget.export.budget_csv", base + ".csv?table=budget"},
			{"budget.export.budget_xlsx", base + ".xlsx?table=budget"},
			{"budget.export.contributions_csv", base + ".csv?table=contributions"},
			{"budget.export.contributions_xlsx", base + ".xlsx?table=contributions"},
		}}
	h.Render(w, r, http.StatusOK, templates, "budget", v)
	return nil
}

type settingsData struct {
	Currencies []string
	Zones      []string
}

func (h *Pages) settings(w http.ResponseWriter, r *http.Request) error {
	return h.renderSettings(w, r, http.StatusOK, nil)
}

// renderSettings shows the partnership's currency and time zone (the
// coordinators').
func (h *Pages) renderSettings(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditBudgetSettings, "budget.settings.title", "budget")
	if err != nil {
		return err
	}
	s, err := h.Contributions.BudgetSettings(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	v.Form.Values = url.Values{"currency": {s.Currency}, "time_zone": {s.TimeZone}, "version": {strconv.Itoa(s.Version)}}
	h.formErr(r, v, formErr)
	v.Data = &settingsData{Currencies: money.Currencies(), Zones: zones}
	h.Render(w, r, status, templates, "budget_settings", v)
	return nil
}

func (h *Pages) settingsSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, f := r.PathValue("pid"), r.PostForm
	cur, err := h.Contributions.BudgetSettings(r.Context(), pid)
	if err != nil {
		return err
	}
	// A new currency converts nothing: the amounts recorded are then read
	// in it, so the change is asked for twice.
	if next := strings.ToUpper(strings.TrimSpace(f.Get("currency"))); next != cur.Currency && money.Known(next) && !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditBudgetSettings, "budget", web.Confirm{Question: "budget.settings.confirm_currency",
			Effect: "budget.settings.currency_effect", Button: "budget.settings.change", Back: "/p/" + pid + "/budget/settings",
			Find: func() (string, error) { return cur.Currency + " → " + next, nil }})
	}
	_, err = h.Contributions.SetBudgetSettings(r.Context(), pid, pk.BudgetSettingsInput{Currency: f.Get("currency"),
		TimeZone: f.Get("time_zone"), Version: web.Atoi(f.Get("version"))})
	if web.IsFormError(err) {
		return h.renderSettings(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/budget", "flash.saved")
	return nil
}

// zones are offered beside the time-zone field; any IANA name is taken.
var zones = []string{"UTC", "Europe/Berlin", "Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Istanbul", "Europe/Athens",
	"Africa/Cairo", "Africa/Casablanca", "Africa/Tunis", "Africa/Algiers", "Africa/Khartoum", "Africa/Nairobi", "Africa/Kampala",
	"Africa/Dakar", "Africa/Abidjan", "Africa/Lagos", "Asia/Beirut", "Asia/Amman", "Asia/Damascus", "Asia/Baghdad", "Asia/Riyadh",
	"Asia/Dubai", "Asia/Kabul", "America/New_York", "America/Toronto"}
