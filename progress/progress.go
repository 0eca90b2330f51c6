// Package progress computes how far an action plan and a goal have come,
// from stored facts only, so a parent's progress is always its children's.
//
// A plan's progress counts units of work: each task that is not dropped and
// each milestone is one unit; done tasks and reached milestones are the
// units done. A dropped task leaves the count (it is not work left, nor
// work done). A plan with nothing to count has no progress: not 0 %, which
// would say "nothing done" when nothing was planned yet.
//
// A goal's progress is the weighted mean of its plans' progress (every plan
// weighs 1 unless the partnership gave weights). Dropped plans, and plans
// with no progress yet, do not count: they would pull the goal to 0 % for
// work nobody planned. A goal none of whose plans has progress has none.
// The mean is taken over the plans' exact fractions (not their rounded
// percentages), and percentages round down, so 99.9 % never shows as done.
package progress

import "math/big"

// Fraction is Done units out of Total.
type Fraction struct{ Done, Total int }

// Percent is the fraction as a whole percentage, rounded down.
func (f Fraction) Percent() int {
	if f.Total <= 0 {
		return 0
	}
	return f.Done * 100 / f.Total
}

// PlanCounts are the facts a plan's progress is made of.
type PlanCounts struct {
	TasksDone, TasksOpen, TasksDropped int
	MilestonesReached, MilestonesOpen  int
}

// Plan returns a plan's progress; false when there is nothing to count.
func Plan(c PlanCounts) (Fraction, bool) {
	f := Fraction{Done: c.TasksDone + c.MilestonesReached, Total: c.TasksDone + c.TasksOpen + c.MilestonesReached + c.MilestonesOpen}
	return f, f.Total > 0
}

// WeightedPlan is one plan as its goal sees it.
type WeightedPlan struct {
	Progress Fraction
	Has      bool // the plan has progress (Plan said true)
	Weight   int  // 1 or more; 0 or less counts as 1
	Dropped  bool
}

// Goal returns a goal's progress in whole percent (rounded down); false
// when no plan counts.
func Goal(plans []WeightedPlan) (int, bool) {
	sum, weights := new(big.Rat), int64(0)
	for _, p := range plans {
		if p.Dropped || !p.Has || p.Progress.Total <= 0 {
			continue
		}
		w := int64(p.Weight)
		if w <= 0 {
			w = 1
		}
		sum.Add(sum, big.NewRat(w*int64(p.Progress.Done), int64(p.Progress.Total)))
		weights += w
	}
	if weights == 0 {
		return 0, false
	}
	pct := new(big.Rat).Mul(sum, big.NewRat(100, weights))
	return int(new(big.Int).Quo(pct.Num(), pct.Denom()).Int64()), true
}
