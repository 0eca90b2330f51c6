package sqldb

import (
	"context"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/money"
	"github.com/partnerkit/partnerkit/tabular"
)

// Budget reads the plans' needs and spending and the contributions, and
// adds them with pk.BuildBudget.
func (store *ContributionStore) Budget(ctx context.Context, pid string) (*pk.Budget, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	b, _, err := readBudget(ctx, store.db.read, pid)
	return b, err
}

// BudgetInPeriod is the budget today with the pledges and spending dated in
// the period, from one reading of the contributions and of the expenses.
func (store *ContributionStore) BudgetInPeriod(ctx context.Context, pid string, period pk.ReportPeriod) (*pk.ReportBudget, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	if err := period.Validate(); err != nil {
		return nil, err
	}
	b, cs, err := readBudget(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	es, esCut, err := listExpenses(ctx, store.db.read, pid, "")
	if err != nil {
		return nil, err
	}
	return pk.NewReportBudget(b, cs, es, esCut, period), nil
}

func readBudget(ctx context.Context, q queryer, pid string) (*pk.Budget, []*pk.Contribution, error) {
	settings, err := loadBudgetSettings(ctx, q, pid)
	if err != nil {
		return nil, nil, err
	}
	needs, err := collect(func(row rowScanner) (pk.PlanNeeds, error) {
		var n pk.PlanNeeds
		return n, row.Scan(&n.PlanID, &n.Title, &n.Currency, &n.Need, &n.Spent, &n.HoursNeeded)
	})(q.QueryContext(ctx, `
		SELECT pl.id, pl.title, pl.currency,
			COALESCE((SELECT SUM(amount) FROM plan_budget_lines bl WHERE bl.plan_id = pl.id), 0),
			COALESCE((SELECT SUM(amount) FROM plan_expenses e WHERE e.plan_id = pl.id), 0),
			COALESCE((SELECT SUM(hours_per_month) FROM plan_staffing s WHERE s.plan_id = pl.id), 0)
		FROM plans pl WHERE pl.partnership_id = $1 ORDER BY pl.title, pl.id LIMIT $2`, pid, pk.MaxPlans+1))
	if err != nil {
		return nil, nil, err
	}
	plansCut := len(needs) > pk.MaxPlans
	if plansCut {
		needs = needs[:pk.MaxPlans]
	}
	cs, cut, err := listContributions(ctx, q, pid, pk.ContributionFilter{})
	if err != nil {
		return nil, nil, err
	}
	b, err := pk.BuildBudget(*settings, needs, cs)
	if err != nil {
		return nil, nil, err
	}
	b.PlansCut, b.ContributionsCut = plansCut, cut
	return b, cs, nil
}

// ContributionColumns and BudgetColumns are the columns of the exports.
var (
	ContributionColumns = []string{"id", "organisation", "plan", "kind", "status", "description", "funder", "currency",
		"amount", "amount_delivered", "hours", "hours_delivered", "pledged_on", "delivered_on"}
	BudgetColumns = []string{"plan_id", "plan", "currency", "need", "pledged", "delivered", "gap", "pledged_percent",
		"delivered_percent", "budget", "spent", "remaining", "hours_needed_per_month", "hours_pledged", "hours_delivered"}
)

// ExportContributions writes the contributions or the budget's plan
// figures as CSV or XLSX. Amounts are written as decimals of the
// partnership's currency (exact: formatted from minor units). Read from
// the read pool; the audit entry is written after, and the file handed out
// only once it is.
func (store *ContributionStore) ExportContributions(ctx context.Context, pid, table, format string) (string, string, []byte, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return "", "", nil, err
	}
	// Left out: the contributions as CSV.
	if format == "" {
		format = "csv"
	}
	if table == "" {
		table = "contributions"
	}
	if format != "csv" && format != "xlsx" {
		return "", "", nil, pk.FieldInvalid("format", "validation.one_of", map[string]any{"Allowed": "csv, xlsx"})
	}
	if table != "contributions" && table != "budget" {
		return "", "", nil, pk.FieldInvalid("table", "validation.one_of", map[string]any{"Allowed": "contributions, budget"})
	}
	b, cs, err := readBudget(ctx, store.db.read, pid)
	if err != nil {
		return "", "", nil, err
	}
	cur := b.Settings.Currency
	amount := func(n int64) string { return money.Format(n, cur) }
	var header []string
	var rows [][]string
	if table == "contributions" {
		header = ContributionColumns
		for _, c := range cs {
			rows = append(rows, []string{c.ID, c.OrganisationName, c.PlanTitle, c.Kind, c.Status, c.Description, c.Funder, cur,
				amount(c.Amount), amount(c.AmountDelivered), strconv.Itoa(c.Hours), strconv.Itoa(c.HoursDelivered), c.PledgedOn, c.DeliveredOn})
		}
	} else {
		header = BudgetColumns
		for _, p := range b.Plans {
			rows = append(rows, []string{p.PlanID, p.Title, cur, amount(p.Coverage.Need), amount(p.Coverage.Pledged),
				amount(p.Coverage.Delivered), amount(p.Coverage.Gap), p.Coverage.PledgedShare.Percent(), p.Coverage.DeliveredShare.Percent(),
				amount(p.Balance.Budget), amount(p.Balance.Spent), amount(p.Balance.Remaining),
				strconv.Itoa(p.HoursNeeded), strconv.Itoa(p.HoursPledged), strconv.Itoa(p.HoursDelivered)})
		}
	}
	var body []byte
	ctype := "text/csv; charset=utf-8"
	if format == "csv" {
		body, err = tabular.WriteCSV(header, rows)
	} else {
		body, err = tabular.WriteXLSX(table, header, rows)
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	if err != nil {
		return "", "", nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionViewContributions); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "contribution.export", "partnership", pid, table+" "+format, nil,
			map[string]any{"table": table, "format": format, "rows": len(rows)})
	})
	if err != nil {
		return "", "", nil, err
	}
	return table + "." + format, ctype, body, nil
}
