package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// PlanPage returns a plan with its milestones, budget, staffing, task
// counts and progress, and whether the asker may manage it.
func (store *PlanStore) PlanPage(ctx context.Context, pid, plid string) (*pk.PlanPage, error) {
	part, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans)
	if err != nil {
		return nil, err
	}
	q := store.db.read
	plan, err := loadPlan(ctx, store.db, q, pid, plid)
	if err != nil {
		return nil, err
	}
	page := &pk.PlanPage{Plan: plan, MayManage: pk.Can(part.MyRole, pk.ActionManagePlan) && !part.Archived &&
		mayManagePlan(part.MyRole, pk.UserIDFromContext(ctx), plan)}
	if page.Milestones, err = planMilestones(ctx, q, plid); err != nil {
		return nil, err
	}
	if page.Budget, err = collect(scanBudgetLine)(q.QueryContext(ctx, budgetSelect+`WHERE plan_id = $1 ORDER BY created_at, id LIMIT $2`,
		plid, pk.MaxPlanLines)); err != nil {
		return nil, err
	}
	for _, l := range page.Budget {
		page.BudgetTotal += l.Amount
	}
	if page.Staffing, err = collect(scanStaffing)(q.QueryContext(ctx, staffingSelect+`WHERE plan_id = $1 ORDER BY created_at, id LIMIT $2`,
		plid, pk.MaxPlanLines)); err != nil {
		return nil, err
	}
	facts, err := readPlanFacts(ctx, q, pid, plid, store.db.now().Format("2006-01-02"))
	if err != nil {
		return nil, err
	}
	page.Tasks = facts.counts(plid)
	page.Progress = facts.percent(plid)
	plan.Progress = page.Progress
	return page, nil
}

// planMilestones lists a plan's milestones by due date (the store keeps at
// most MaxPlanMilestones).
func planMilestones(ctx context.Context, q queryer, plid string) ([]*pk.Milestone, error) {
	return collect(scanMilestone)(q.QueryContext(ctx, milestoneSelect+`WHERE plan_id = $1 ORDER BY due_date, id LIMIT $2`,
		plid, pk.MaxPlanMilestones))
}

// Timeline returns every plan (up to MaxPlans) with its milestones and
// progress, for the timeline chart and its table.
func (store *PlanStore) Timeline(ctx context.Context, pid string) ([]*pk.PlanPage, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans); err != nil {
		return nil, false, err
	}
	q := store.db.read
	plans, cut, err := listPlans(ctx, store.db, q, pid, "")
	if err != nil {
		return nil, false, err
	}
	facts, err := readPlanFacts(ctx, q, pid, "", store.db.now().Format("2006-01-02"))
	if err != nil {
		return nil, false, err
	}
	byID := map[string]*pk.PlanPage{}
	out := make([]*pk.PlanPage, len(plans))
	for i, p := range plans {
		p.Progress = facts.percent(p.ID)
		out[i] = &pk.PlanPage{Plan: p, Milestones: []*pk.Milestone{}, Tasks: facts.counts(p.ID), Progress: p.Progress}
		byID[p.ID] = out[i]
	}
	ms, err := collect(scanMilestone)(q.QueryContext(ctx, milestoneSelect+`WHERE partnership_id = $1 ORDER BY plan_id, due_date, id LIMIT $2`,
		pid, pk.MaxPlans*pk.MaxPlanMilestones))
	if err != nil {
		return nil, false, err
	}
	for _, m := range ms {
		if p := byID[m.PlanID]; p != nil {
			p.Milestones = append(p.Milestones, m)
		}
	}
	return out, cut, nil
}

// PublicPlan returns a plan the partnership made public, to anyone: the
// goal, the plan's strategy and evaluation, the action group and the
// responsible organisation (organisations are public), milestones and
// progress — never people's names, budget or staffing. Any other plan, and
// any plan of an archived partnership, is ENOTFOUND.
func (store *PlanStore) PublicPlan(ctx context.Context, plid string) (*pk.PublicPlan, error) {
	q := store.db.read
	var pid string
	var archived bool
	if err := q.QueryRowContext(ctx, `SELECT pl.partnership_id, p.archived FROM plans pl JOIN partnerships p ON p.id = pl.partnership_id
		WHERE pl.id = $1 AND pl.public`, plid).Scan(&pid, &archived); err != nil {
		return nil, notFoundIfNone(err)
	}
	if archived {
		return nil, pk.NotFound()
	}
	plan, err := loadPlan(ctx, store.db, q, pid, plid)
	if err != nil {
		return nil, err
	}
	out := &pk.PublicPlan{GoalTitle: plan.GoalTitle, Title: plan.Title, BodyName: plan.BodyName,
		OrganisationName: plan.OrganisationName, Strategy: plan.Strategy, Evaluation: plan.Evaluation, Status: plan.Status,
		Start: plan.Start, End: plan.End}
	if err := q.QueryRowContext(ctx, `SELECT name FROM partnerships WHERE id = $1`, pid).Scan(&out.PartnershipName); err != nil {
		return nil, err
	}
	if out.Milestones, err = planMilestones(ctx, q, plid); err != nil {
		return nil, err
	}
	facts, err := readPlanFacts(ctx, q, pid, plid, store.db.now().Format("2006-01-02"))
	if err != nil {
		return nil, err
	}
	out.Progress = facts.percent(plid)
	return out, nil
}
