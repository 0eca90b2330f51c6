package plan

import (
	"html/template"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/timeline"
	"github.com/partnerkit/partnerkit/web"
)

// goalRow is a goal with its plans, as the overview lists them.
type goalRow struct {
	*pk.Goal
	Plans []*pk.Plan
}

type overviewData struct {
	Goals     []goalRow
	GoalsCut  bool
	PlansCut  bool
	Timeline  template.HTML
	Rows      []*pk.PlanPage
	CanGoals  bool
	CanPlans  bool
	Forms     map[string]*web.Form
	Options   *options
	GoalKinds []string
	Letters   []string
}

func (h *Pages) overview(w http.ResponseWriter, r *http.Request) error {
	return h.renderOverview(w, r, http.StatusOK, "", nil)
}

// renderOverview draws the goals with their plans, the timeline and its
// table, and (for coordinators) the forms that set a goal and open a plan;
// form names the form a refused post came from.
func (h *Pages) renderOverview(w http.ResponseWriter, r *http.Request, status int, form string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPlans, "plans.title", "plans")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	goals, goalsCut, err := h.Goals.Goals(ctx, pid)
	if err != nil {
		return err
	}
	rows, plansCut, err := h.Plans.Timeline(ctx, pid)
	if err != nil {
		return err
	}
	d := &overviewData{GoalsCut: goalsCut, PlansCut: plansCut, Rows: rows, CanGoals: pk.Can(v.P.MyRole, pk.ActionEditGoals) && !v.P.Archived,
		CanPlans: pk.Can(v.P.MyRole, pk.ActionCreatePlans) && !v.P.Archived, Forms: map[string]*web.Form{"goal": {}},
		GoalKinds: pk.GoalKinds, Letters: []string{"S", "M", "A", "R", "T"}}
	byGoal := map[string][]*pk.Plan{}
	for _, row := range rows {
		byGoal[row.Plan.GoalID] = append(byGoal[row.Plan.GoalID], row.Plan)
	}
	for _, g := range goals {
		d.Goals = append(d.Goals, goalRow{Goal: g, Plans: byGoal[g.ID]})
	}
	l := h.Bundle.Localizer(v.Lang)
	if len(rows) > 0 {
		// The timeline package escapes every user text itself.
		d.Timeline = template.HTML(timeline.SVG(timelinePlans(rows), h.today(), svgtext.Direction(v.Dir),
			timeline.Labels{Title: l.T("plans.timeline.title"), Today: l.T("plans.timeline.today"), NoDates: l.T("plans.timeline.no_dates")}))
	}
	if d.CanGoals || d.CanPlans {
		if d.Options, err = h.loadOptions(r, pid, true); err != nil {
			return err
		}
		d.Options.Goals = goals
	}
	if formErr != nil {
		d.Forms[form] = h.FormFromError(r, nil, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "overview", v)
	return nil
}

// timelinePlans turns plans with their milestones into the timeline's rows.
func timelinePlans(rows []*pk.PlanPage) []timeline.Plan {
	out := make([]timeline.Plan, len(rows))
	for i, row := range rows {
		p := timeline.Plan{Title: row.Plan.Title, Start: row.Plan.Start, End: row.Plan.End, Progress: row.Progress}
		for _, m := range row.Milestones {
			p.Milestones = append(p.Milestones, timeline.Milestone{Title: m.Title, Due: m.Due, Done: m.Done != ""})
		}
		out[i] = p
	}
	return out
}
