package indicator

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/indicator"
	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/web"
)

// numbers writes the numbers of the pages; data types embed it so that the
// templates call {{$d.Num .Actual}}.
type numbers struct{}

// Num writes an optional number as typed back (12.5), "" for none.
func (numbers) Num(x *float64) string { return fmtNumber(x) }

// Val writes a number.
func (numbers) Val(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

type showData struct {
	numbers
	Indicator    *pk.Indicator
	Measurements []*pk.Measurement
	Cut          bool
	Chart        template.HTML
	// Rows is the chart as a table: every dated point of it in order.
	Rows []chartRow
	// Measure is the form that records a result.
	Measure    *web.Form
	CanDefine  bool
	CanMeasure bool
	Me         string
	// Today is the latest day a result may be dated.
	Today string
	// YesNo are the answers of a yes/no indicator's form.
	YesNo []string
}

// chartRow is one date of the chart's table: the baseline, a target and
// the actual on that day, whichever there are.
type chartRow struct {
	Date     time.Time
	Baseline *float64
	Target   *float64
	Label    string
	Actual   *float64
}

// chartRows lists the chart's points by date, as its table shows them.
func chartRows(ind *pk.Indicator, actuals []indicator.Point) []chartRow {
	by := map[time.Time]*chartRow{}
	row := func(d time.Time) *chartRow {
		if by[d] == nil {
			by[d] = &chartRow{Date: d}
		}
		return by[d]
	}
	rule := ind.RuleIndicator()
	if ind.Baseline != nil && !rule.BaselineDate.IsZero() {
		row(rule.BaselineDate).Baseline = ind.Baseline
	}
	for _, t := range rule.Targets {
		r := row(t.Due)
		r.Target, r.Label = ptr(t.Value), t.Label
	}
	for _, p := range actuals {
		row(p.Date).Actual = ptr(p.Value)
	}
	out := make([]chartRow, 0, len(by))
	for _, r := range by {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b chartRow) int { return a.Date.Compare(b.Date) })
	return out
}

func (h *Pages) showPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, nil, "")
}

// renderShow draws an indicator's page; after a refused form the form of
// section (measure, delete) shows the messages.
func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, status int, formErr error, section string) error {
	v, err := h.PartnershipView(r, pk.ActionViewIndicators, "indicator.title", "indicators")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	ind, err := h.Indicators.Indicator(ctx, pid, r.PathValue("inid"))
	if err != nil {
		return err
	}
	ms, cut, err := h.Indicators.Measurements(ctx, pid, ind.ID)
	if err != nil {
		return err
	}
	now := h.now()
	d := &showData{Indicator: ind, Measurements: ms, Cut: cut, Me: pk.UserIDFromContext(ctx),
		CanMeasure: pk.Can(v.P.MyRole, pk.ActionRecordMeasurements), Today: now.Format(time.DateOnly),
		YesNo: []string{"yes", "no"}}
	if d.CanDefine, err = h.mayDefine(r, v.P, ind); err != nil {
		return err
	}
	rms := make([]indicator.Measurement, len(ms))
	for i, m := range ms {
		rms[i] = m.RuleMeasurement()
	}
	l := h.Bundle.Localizer(v.Lang)
	rule := ind.RuleIndicator()
	d.Chart = template.HTML(indicator.ChartSVG(rule, rms, now, l.T, svgtext.Direction(v.Dir), l.ShortDate))
	d.Rows = chartRows(ind, indicator.Actuals(rule, rms, now))
	d.Measure = &web.Form{Values: map[string][]string{"date": {d.Today}}}
	if formErr != nil {
		f := h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		if section == "measure" {
			d.Measure = f
		}
		v.Form = &web.Form{Error: f.Error}
	}
	v.Data = d
	h.Render(w, r, status, templates, "indicator", v)
	return nil
}

// mayDefine says whether the page offers to change the indicator: to
// coordinators, and for a plan's indicator to the plan's conveners (the
// store decides again on every change).
func (h *Pages) mayDefine(r *http.Request, p *pk.Partnership, ind *pk.Indicator) (bool, error) {
	switch {
	case !pk.Can(p.MyRole, pk.ActionDefineIndicators):
		return false, nil
	case p.MyRole.AtLeast(pk.RoleCoordinator):
		return true, nil
	case ind.PlanID == "":
		return false, nil
	}
	page, err := h.Plans.PlanPage(r.Context(), p.ID, ind.PlanID)
	if err != nil {
		return false, err
	}
	return page.MayManage, nil
}
