package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/smart"
)

// planFacts are the counts progress and the SMART check are made of, per
// plan, read in three grouped queries for a whole partnership (or one plan
// when plid is set).
type planFacts struct {
	tasks      map[string]*pk.TaskCounts
	milestones map[string][2]int // reached, all
	resourced  map[string]bool
}

func readPlanFacts(ctx context.Context, q queryer, pid, plid, today string) (*planFacts, error) {
	f := &planFacts{tasks: map[string]*pk.TaskCounts{}, milestones: map[string][2]int{}, resourced: map[string]bool{}}
	rows, err := q.QueryContext(ctx, `
		SELECT plan_id, status, COUNT(*),
			SUM(CASE WHEN status IN ('todo', 'doing') AND due_date <> '' AND due_date < $3 THEN 1 ELSE 0 END)
		FROM tasks WHERE partnership_id = $1 AND ($2 = '' OR plan_id = $2) GROUP BY plan_id, status`, pid, plid, today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, status string
		var n, overdue int
		if err := rows.Scan(&id, &status, &n, &overdue); err != nil {
			return nil, err
		}
		c := f.tasks[id]
		if c == nil {
			c = &pk.TaskCounts{}
			f.tasks[id] = c
		}
		switch status {
		case pk.TaskTodo:
			c.Todo += n
		case pk.TaskDoing:
			c.Doing += n
		case pk.TaskDone:
			c.Done += n
		case pk.TaskDropped:
			c.Dropped += n
		}
		c.Overdue += overdue
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ms, err := q.QueryContext(ctx, `
		SELECT plan_id, SUM(CASE WHEN done_date <> '' THEN 1 ELSE 0 END), COUNT(*)
		FROM plan_milestones WHERE partnership_id = $1 AND ($2 = '' OR plan_id = $2) GROUP BY plan_id`, pid, plid)
	if err != nil {
		return nil, err
	}
	defer ms.Close()
	for ms.Next() {
		var id string
		var reached, all int
		if err := ms.Scan(&id, &reached, &all); err != nil {
			return nil, err
		}
		f.milestones[id] = [2]int{reached, all}
	}
	if err := ms.Err(); err != nil {
		return nil, err
	}
	ms.Close()
	rs, err := q.QueryContext(ctx, `
		SELECT plan_id FROM plan_budget_lines WHERE partnership_id = $1 AND ($2 = '' OR plan_id = $2)
		UNION SELECT plan_id FROM plan_staffing WHERE partnership_id = $1 AND ($2 = '' OR plan_id = $2)`, pid, plid)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var id string
		if err := rs.Scan(&id); err != nil {
			return nil, err
		}
		f.resourced[id] = true
	}
	return f, rs.Err()
}

// counts returns a plan's task counts (zero when it has no tasks).
func (f *planFacts) counts(plid string) pk.TaskCounts {
	if c := f.tasks[plid]; c != nil {
		return *c
	}
	return pk.TaskCounts{}
}

// fraction is a plan's progress as the progress rule computes it.
func (f *planFacts) fraction(plid string) (progress.Fraction, bool) {
	c, m := f.counts(plid), f.milestones[plid]
	return progress.Plan(progress.PlanCounts{TasksDone: c.Done, TasksOpen: c.Todo + c.Doing, TasksDropped: c.Dropped,
		MilestonesReached: m[0], MilestonesOpen: m[1] - m[0]})
}

// percent is a plan's progress for a page: nil when there is nothing to count.
func (f *planFacts) percent(plid string) *int {
	fr, ok := f.fraction(plid)
	if !ok {
		return nil
	}
	p := fr.Percent()
	return &p
}

// fillPlans sets each plan's progress.
func (f *planFacts) fillPlans(plans []*pk.Plan) {
	for _, p := range plans {
		p.Progress = f.percent(p.ID)
	}
}

// fillGoals sets each goal's progress, rolled up from its plans, and its
// SMART check.
func (f *planFacts) fillGoals(goals []*pk.Goal, plans []*pk.Plan, today string) {
	byGoal := map[string][]*pk.Plan{}
	for _, p := range plans {
		byGoal[p.GoalID] = append(byGoal[p.GoalID], p)
	}
	for _, g := range goals {
		var weighted []progress.WeightedPlan
		resourced := 0
		for _, p := range byGoal[g.ID] {
			fr, ok := f.fraction(p.ID)
			weighted = append(weighted, progress.WeightedPlan{Progress: fr, Has: ok, Weight: p.Weight, Dropped: p.Status == "dropped"})
			if f.resourced[p.ID] {
				resourced++
			}
		}
		g.Progress = nil
		if pct, ok := progress.Goal(weighted); ok {
			g.Progress = &pct
		}
		g.Smart = smart.Check(smart.Goal{Universal: g.Kind == pk.GoalUniversal, Title: g.Title, Description: g.Description,
			Beneficiaries: g.Beneficiaries, Measure: g.Measure, HasTarget: g.Target != nil, HasOwner: g.OwnerOrganisationID != "",
			Plans: g.PlanCount, ResourcedPlans: resourced, Statements: len(g.StatementIDs), Due: g.Due,
			Active: g.Status == "active", Today: today})
	}
}

// completeGoals fills goals' progress and SMART checks from all the
// partnership's plans.
func completeGoals(ctx context.Context, db *DB, q queryer, pid string, goals []*pk.Goal) error {
	if len(goals) == 0 {
		return nil
	}
	today := db.now().Format("2006-01-02")
	plans, _, err := listPlans(ctx, db, q, pid, "")
	if err != nil {
		return err
	}
	f, err := readPlanFacts(ctx, q, pid, "", today)
	if err != nil {
		return err
	}
	f.fillGoals(goals, plans, today)
	return nil
}
