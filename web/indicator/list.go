package indicator

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type listData struct {
	numbers
	Items []*pk.Indicator
	Cut   bool
	// Counts are how many indicators are in each status, in Statuses' order.
	Counts    []statusCount
	CanDefine bool
	// GoalID and PlanID narrow the list when the page was asked for them.
	GoalID, PlanID string
}

type statusCount struct {
	Status string
	N      int
}

// statusCounts counts indicators by status, the ones asking for attention
// first, leaving out statuses nobody is in.
func statusCounts(items []*pk.Indicator) []statusCount {
	by := map[string]int{}
	for _, ind := range items {
		by[ind.Status]++
	}
	var out []statusCount
	for _, s := range pk.IndicatorStatuses {
		if by[s] > 0 {
			out = append(out, statusCount{s, by[s]})
		}
	}
	return out
}

func (h *Pages) listPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewIndicators, "indicator.list.title", "indicators")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := pk.IndicatorFilter{GoalID: q.Get("goal"), PlanID: q.Get("plan")}
	items, cut, err := h.Indicators.Indicators(r.Context(), v.P.ID, f)
	if err != nil {
		return err
	}
	v.Data = &listData{Items: items, Cut: cut, Counts: statusCounts(items), CanDefine: pk.Can(v.P.MyRole, pk.ActionDefineIndicators),
		GoalID: f.GoalID, PlanID: f.PlanID}
	h.Render(w, r, http.StatusOK, templates, "indicators", v)
	return nil
}
