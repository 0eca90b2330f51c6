package contribution

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/money"
	"github.com/partnerkit/partnerkit/web"
)

// Amounts are typed in the currency's major unit ("1250.50", "1 250,50",
// Arabic-Indic digits too) and stored in minor units; money.Parse reads
// them exactly, with no floating point.

// amounts reads the named amount fields of a form; a field left empty is
// 0. Every field that is not an amount is named in the error, so the form
// comes back with the message beside it.
func amounts(f url.Values, currency string, names ...string) (map[string]int64, error) {
	out := map[string]int64{}
	var bad []pk.FieldError
	for _, n := range names {
		s := strings.TrimSpace(f.Get(n))
		if s == "" {
			continue
		}
		x, err := money.Parse(s, currency)
		if err != nil {
			bad = append(bad, pk.FieldError{Field: n, Key: "contributions.validation.amount_format",
				Data: map[string]any{"Currency": currency}})
			continue
		}
		out[n] = x
	}
	if bad != nil {
		return nil, pk.Invalid(bad...)
	}
	return out, nil
}

// amountValue writes minor units back into a form field ("" for 0).
func amountValue(n int64, currency string) string {
	if n == 0 {
		return ""
	}
	return money.Format(n, currency)
}

// contributionForm reads the form that pledges or changes a contribution.
func contributionForm(r *http.Request, currency string) (pk.ContributionInput, error) {
	r.ParseForm()
	f := r.PostForm
	a, err := amounts(f, currency, "amount", "amount_delivered")
	if err != nil {
		return pk.ContributionInput{}, err
	}
	return pk.ContributionInput{OrganisationID: f.Get("organisation_id"), PlanID: f.Get("plan_id"), Kind: f.Get("kind"),
		Description: f.Get("description"), Funder: f.Get("funder"), Amount: a["amount"], AmountDelivered: a["amount_delivered"],
		Hours: web.Atoi(f.Get("hours")), HoursDelivered: web.Atoi(f.Get("hours_delivered")), PledgedOn: f.Get("pledged_on"),
		DeliveredOn: f.Get("delivered_on"), Withdrawn: f.Get("withdrawn") == "on", Version: web.Atoi(f.Get("version"))}, nil
}

// contributionValues is a contribution as its form's values.
func contributionValues(c *pk.Contribution) url.Values {
	withdrawn := ""
	if c.Withdrawn {
		withdrawn = "on"
	}
	return url.Values{"organisation_id": {c.OrganisationID}, "plan_id": {c.PlanID}, "kind": {c.Kind}, "description": {c.Description},
		"funder": {c.Funder}, "amount": {amountValue(c.Amount, c.Currency)}, "amount_delivered": {amountValue(c.AmountDelivered, c.Currency)},
		"hours": {intValue(c.Hours)}, "hours_delivered": {intValue(c.HoursDelivered)}, "pledged_on": {c.PledgedOn},
		"delivered_on": {c.DeliveredOn}, "withdrawn": {withdrawn}, "version": {strconv.Itoa(c.Version)}}
}

func intValue(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// barrierForm reads the form that names or changes a barrier.
func barrierForm(r *http.Request) pk.BarrierInput {
	r.ParseForm()
	f := r.PostForm
	return pk.BarrierInput{OrganisationID: f.Get("organisation_id"), Kind: f.Get("kind"), Description: f.Get("description"),
		Resolved: f.Get("resolved") == "on", Version: web.Atoi(f.Get("version"))}
}

// expenseForm reads the form that records or changes an expense.
func expenseForm(r *http.Request, currency string) (pk.ExpenseInput, error) {
	r.ParseForm()
	f := r.PostForm
	a, err := amounts(f, currency, "amount")
	if err != nil {
		return pk.ExpenseInput{}, err
	}
	return pk.ExpenseInput{PlanID: f.Get("plan_id"), SpentOn: f.Get("spent_on"), Description: f.Get("description"),
		Amount: a["amount"], Version: web.Atoi(f.Get("version"))}, nil
}

// option is a choice of a select whose labels are the partnership's own
// names (organisations, plans, committees), never translated.
type option struct{ ID, Name string }

// planOptions lists the partnership's action plans (the first MaxPlans;
// the bool says the list was cut).
func (h *Pages) planOptions(ctx context.Context, pid string) ([]option, bool, error) {
	plans, cut, err := h.Plans.Plans(ctx, pid, "")
	if err != nil {
		return nil, false, err
	}
	out := make([]option, 0, len(plans))
	for _, p := range plans {
		out = append(out, option{p.ID, p.Title})
	}
	return out, cut, nil
}

// orgOptions lists the organisations the asker may record for.
func (h *Pages) orgOptions(ctx context.Context, pid string) ([]option, error) {
	orgs, err := h.Contributions.MyOrganisations(ctx, pid)
	if err != nil {
		return nil, err
	}
	out := make([]option, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, option{o.OrganisationID, o.Name})
	}
	return out, nil
}

// formErr shows a refused form again: v's form keeps what was typed and
// gets the messages.
func (h *Pages) formErr(r *http.Request, v *web.View, err error) {
	if err != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, err)
	}
}
