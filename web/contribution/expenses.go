package contribution

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// Expenses are what the plans spent; ?plan_id= narrows the page to one
// plan and chooses it in the form.

type expensesData struct {
	Items    []*pk.Expense
	Cut      bool
	Total    int64
	Currency string
	Plans    []option
	PlanID   string
	CanSpend bool
}

func (h *Pages) expenses(w http.ResponseWriter, r *http.Request) error {
	return h.renderExpenses(w, r, http.StatusOK, nil)
}

func (h *Pages) renderExpenses(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewContributions, "expenses.title", "budget")
	if err != nil {
		return err
	}
	ctx, pid, plid := r.Context(), v.P.ID, r.URL.Query().Get("plan_id")
	items, cut, err := h.Contributions.Expenses(ctx, pid, plid)
	if err != nil {
		return err
	}
	settings, err := h.Contributions.BudgetSettings(ctx, pid)
	if err != nil {
		return err
	}
	d := &expensesData{Items: items, Cut: cut, Currency: settings.Currency, PlanID: plid,
		CanSpend: pk.Can(v.P.MyRole, pk.ActionRecordExpenses) && !v.P.Archived}
	for _, e := range items {
		d.Total += e.Amount // bounded by MaxExpenses × MaxContributionAmount
	}
	if d.Plans, _, err = h.planOptions(ctx, pid); err != nil {
		return err
	}
	if formErr == nil {
		v.Form.Values = url.Values{"plan_id": {plid}}
	}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "expenses", v)
	return nil
}

func (h *Pages) expenseCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	settings, err := h.Contributions.BudgetSettings(r.Context(), pid)
	if err != nil {
		return err
	}
	in, err := expenseForm(r, settings.Currency)
	if err == nil {
		_, err = h.Contributions.RecordExpense(r.Context(), pid, in)
	}
	if web.IsFormError(err) {
		return h.renderExpenses(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/expenses?plan_id="+url.QueryEscape(in.PlanID), "flash.saved")
	return nil
}

type expenseEditData struct {
	E        *pk.Expense
	Plans    []option
	Currency string
}

func (h *Pages) expenseEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderExpenseEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderExpenseEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionRecordExpenses, "expenses.edit.title", "budget")
	if err != nil {
		return err
	}
	e, err := h.Contributions.Expense(r.Context(), v.P.ID, r.PathValue("exid"))
	if err != nil {
		return err
	}
	d := &expenseEditData{E: e, Currency: e.Currency}
	if d.Plans, _, err = h.planOptions(r.Context(), v.P.ID); err != nil {
		return err
	}
	v.Form.Values = url.Values{"plan_id": {e.PlanID}, "spent_on": {e.SpentOn}, "description": {e.Description},
		"amount": {amountValue(e.Amount, e.Currency)}, "version": {strconv.Itoa(e.Version)}}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "expense_edit", v)
	return nil
}

func (h *Pages) expenseUpdate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	settings, err := h.Contributions.BudgetSettings(r.Context(), pid)
	if err != nil {
		return err
	}
	in, err := expenseForm(r, settings.Currency)
	if err == nil {
		_, err = h.Contributions.UpdateExpense(r.Context(), pid, r.PathValue("exid"), in)
	}
	if web.IsFormError(err) {
		return h.renderExpenseEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/expenses?plan_id="+url.QueryEscape(in.PlanID), "flash.saved")
	return nil
}

func (h *Pages) expenseDelete(w http.ResponseWriter, r *http.Request) error {
	pid, eid := r.PathValue("pid"), r.PathValue("exid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionRecordExpenses, "budget", web.Confirm{Question: "expenses.delete.confirm",
			Effect: "confirm.effect.final", Button: "expenses.delete", Back: "/p/" + pid + "/expenses/" + eid + "/edit",
			Find: func() (string, error) {
				e, err := h.Contributions.Expense(r.Context(), pid, eid)
				if err != nil {
					return "", err
				}
				return e.PlanTitle + ": " + e.Description, nil
			}})
	}
	err := h.Contributions.DeleteExpense(r.Context(), pid, eid, web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderExpenseEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/expenses", "flash.expense_deleted")
	return nil
}
