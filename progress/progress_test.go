package progress

import "testing"

func TestPlan(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		c    PlanCounts
		want int
		ok   bool
	}{
		{"empty plan has no progress", PlanCounts{}, 0, false},
		{"only dropped tasks: nothing to count", PlanCounts{TasksDropped: 3}, 0, false},
		{"nothing done yet is 0 %", PlanCounts{TasksOpen: 4}, 0, true},
		{"dropped tasks leave the count", PlanCounts{TasksDone: 1, TasksOpen: 1, TasksDropped: 8}, 50, true},
		{"milestones count as units", PlanCounts{TasksDone: 1, TasksOpen: 2, MilestonesReached: 1}, 50, true},
		{"a third rounds down", PlanCounts{TasksDone: 1, TasksOpen: 2}, 33, true},
		{"199 of 200 is not done", PlanCounts{TasksDone: 199, TasksOpen: 1}, 99, true},
		{"all done", PlanCounts{TasksDone: 5, MilestonesReached: 2}, 100, true},
	}
	for _, c := range cases {
		f, ok := Plan(c.c)
		if ok != c.ok || (ok && f.Percent() != c.want) {
			t.Errorf("%s: %v %v (%d), want %d %v", c.name, f, ok, f.Percent(), c.want, c.ok)
		}
	}
}

func TestGoalFromPlans(t *testing.T) {
	t.Parallel()
	half := WeightedPlan{Progress: Fraction{1, 2}, Has: true}
	done := WeightedPlan{Progress: Fraction{3, 3}, Has: true}
	third := WeightedPlan{Progress: Fraction{1, 3}, Has: true}
	none := WeightedPlan{}
	w := func(p WeightedPlan, weight int) WeightedPlan { p.Weight = weight; return p }
	dropped := done
	dropped.Dropped = true
	cases := []struct {
		name  string
		plans []WeightedPlan
		want  int
		ok    bool
	}{
		{"no plans", nil, 0, false},
		{"only plans without progress", []WeightedPlan{none, none}, 0, false},
		{"one plan is the goal", []WeightedPlan{half}, 50, true},
		{"unweighted mean", []WeightedPlan{half, done}, 75, true},
		{"a plan without progress does not pull to 0", []WeightedPlan{half, none}, 50, true},
		{"dropped plans do not count", []WeightedPlan{half, dropped}, 50, true},
		{"weights", []WeightedPlan{w(half, 1), w(done, 3)}, 87, true},
		{"weight 0 counts as 1", []WeightedPlan{w(half, 0), w(done, 1)}, 75, true},
		// The mean of exact fractions: 1/3 and 2/3 make 1/2, not the mean
		// of 33 and 66 (49).
		{"exact fractions, not rounded percentages", []WeightedPlan{third, {Progress: Fraction{2, 3}, Has: true}}, 50, true},
		{"parents follow children: all done is 100", []WeightedPlan{done, w(done, 7)}, 100, true},
		{"parents never overstate: almost done is 99", []WeightedPlan{done, {Progress: Fraction{99, 100}, Has: true}}, 99, true},
	}
	for _, c := range cases {
		got, ok := Goal(c.plans)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: %d %v, want %d %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
