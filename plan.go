package partnerkit

import (
	"strings"
	"time"
)

// Plan is an action plan serving one goal (seed 004, stage 3; seed 001,
// activities 12–14): the action group that carries it out and its
// convener, the member organisation answerable for it, the strategy, the
// timeline with milestones, how it will be evaluated, its budget lines and
// staffing needs, its risks and status. A plan may be shown on a public page
// when the partnership chooses to discuss it in public (seed 001).
type Plan struct {
	ID        string `json:"id"`
	GoalID    string `json:"goal_id"`
	GoalTitle string `json:"goal_title"`
	Title     string `json:"title"`
	// BodyID is the action group (a body of the partnership).
	BodyID   string `json:"body_id,omitempty"`
	BodyName string `json:"body_name,omitempty"`
	// Conveners are the people holding the convener position in the action
	// group today (filled by the store; they manage the plan).
	Conveners []PlanPerson `json:"conveners"`
	// OrganisationID is the responsible member organisation.
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	Strategy         string `json:"strategy"`
	Evaluation       string `json:"evaluation"`
	Risks            string `json:"risks"`
	Status           string `json:"status"`
	Start            string `json:"start,omitempty"` // YYYY-MM-DD
	End              string `json:"end,omitempty"`   // YYYY-MM-DD
	// Weight is the plan's share in its goal's progress (1 to 100; all
	// plans weigh 1 unless the partnership says otherwise).
	Weight int `json:"weight"`
	// Progress is the plan's progress in whole percent, from its tasks and
	// milestones (nil when there is nothing to count yet).
	Progress *int `json:"progress"`
	// Public shows the plan on a page anyone may read, without names of
	// people.
	Public bool `json:"public"`
	// Currency of the budget lines (ISO 4217), "EUR" unless chosen.
	Currency  string    `json:"currency"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// PlanPerson names a person on a plan.
type PlanPerson struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
}

// PlanStatuses are the states of a plan, in order.
var PlanStatuses = []string{"draft", "active", "paused", "done", "dropped"}

// PlanInput creates or changes a plan.
type PlanInput struct {
	GoalID         string
	Title          string
	BodyID         string
	OrganisationID string
	Strategy       string
	Evaluation     string
	Risks          string
	Status         string
	Start          string
	End            string
	Weight         int
	Public         bool
	Currency       string
	Version        int
}

// Validate checks a plan's own fields; the store checks that the goal, the
// action group and the organisation belong to the partnership.
func (in *PlanInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	if in.Currency == "" {
		in.Currency = "EUR"
	}
	if in.Status == "" {
		in.Status = "draft"
	}
	if in.Weight == 0 {
		in.Weight = 1
	}
	if strings.TrimSpace(in.GoalID) == "" {
		v.Add("goal_id", "validation.required", nil)
	}
	v.Text("title", in.Title, true, 300)
	v.Text("strategy", in.Strategy, false, 8000)
	v.Text("evaluation", in.Evaluation, false, 4000)
	v.Text("risks", in.Risks, false, 4000)
	v.OneOf("status", in.Status, true, PlanStatuses)
	v.IntRange("weight", in.Weight, 1, 100)
	if !currencyCode(in.Currency) {
		v.Add("currency", "plans.validation.currency", nil)
	}
	checkSpan(&v, "start", in.Start, "end", in.End)
	return v.Err()
}

// currencyCode reports whether s looks like an ISO 4217 code (three
// letters A–Z).
func currencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// checkSpan checks two optional dates and that the end is not before the
// start.
func checkSpan(v *Validator, fromField, from, toField, to string) {
	f, okF := checkDate(v, fromField, from)
	t, okT := checkDate(v, toField, to)
	if okF && okT && from != "" && to != "" && t.Before(f) {
		v.Add(toField, "plans.validation.end_before_start", nil)
	}
}

// Milestone is a dated step of a plan; Done is the day it was reached.
type Milestone struct {
	ID        string    `json:"id"`
	PlanID    string    `json:"plan_id"`
	Title     string    `json:"title"`
	Due       string    `json:"due"`            // YYYY-MM-DD
	Done      string    `json:"done,omitempty"` // YYYY-MM-DD
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

// MilestoneInput creates or changes a milestone.
type MilestoneInput struct {
	Title   string
	Due     string
	Done    string
	Version int
}

// Validate checks a milestone.
func (in *MilestoneInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	v.Text("title", in.Title, true, 300)
	if in.Due == "" {
		v.Add("due", "validation.required", nil)
	}
	checkDate(&v, "due", in.Due)
	checkDate(&v, "done", in.Done)
	return v.Err()
}

// BudgetLine is one line of a plan's budget: money as integer minor units
// (cents) in the plan's currency, so sums are exact.
type BudgetLine struct {
	ID        string    `json:"id"`
	PlanID    string    `json:"plan_id"`
	Label     string    `json:"label"`
	Amount    int64     `json:"amount"` // minor units
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

// BudgetLineInput creates or changes a budget line.
type BudgetLineInput struct {
	Label   string
	Amount  int64
	Version int
}

// MaxBudgetAmount bounds one line (a trillion minor units), so sums of
// MaxPlanLines lines stay far inside int64.
const MaxBudgetAmount = 1_000_000_000_000

// Validate checks a budget line.
func (in *BudgetLineInput) Validate() error {
	var v Validator
	in.Label = strings.TrimSpace(in.Label)
	v.Text("label", in.Label, true, 300)
	if in.Amount < 0 || in.Amount > MaxBudgetAmount {
		v.Add("amount", "plans.validation.amount", map[string]any{"Max": MaxBudgetAmount})
	}
	return v.Err()
}

// StaffingNeed is a role a plan needs people for: hours per month, from
// inside the partnership or outside it, filled or not yet.
type StaffingNeed struct {
	ID            string    `json:"id"`
	PlanID        string    `json:"plan_id"`
	Role          string    `json:"role"`
	HoursPerMonth int       `json:"hours_per_month"`
	Inside        bool      `json:"inside"`
	Filled        bool      `json:"filled"`
	Version       int       `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
}

// StaffingNeedInput creates or changes a staffing need.
type StaffingNeedInput struct {
	Role          string
	HoursPerMonth int
	Inside        bool
	Filled        bool
	Version       int
}

// MaxHoursPerMonth is a full month of every hour, a bound against typos.
const MaxHoursPerMonth = 744

// Validate checks a staffing need.
func (in *StaffingNeedInput) Validate() error {
	var v Validator
	in.Role = strings.TrimSpace(in.Role)
	v.Text("role", in.Role, true, 200)
	v.IntRange("hours_per_month", in.HoursPerMonth, 0, MaxHoursPerMonth)
	return v.Err()
}

// PlanPage is a plan with everything its page shows.
type PlanPage struct {
	Plan       *Plan           `json:"plan"`
	Milestones []*Milestone    `json:"milestones"`
	Budget     []*BudgetLine   `json:"budget"`
	Staffing   []*StaffingNeed `json:"staffing"`
	// BudgetTotal is the sum of the budget lines, in minor units.
	BudgetTotal int64 `json:"budget_total"`
	// Counts of the plan's tasks by status, and how many are overdue.
	Tasks TaskCounts `json:"tasks"`
	// Progress is the plan's progress in whole percent (nil when there is
	// nothing to count yet).
	Progress *int `json:"progress"`
	// MayManage says whether the asker may change the plan and its tasks
	// (a coordinator, or a convener of its action group).
	MayManage bool `json:"may_manage"`
}

// TaskCounts counts a plan's tasks by status.
type TaskCounts struct {
	Todo    int `json:"todo"`
	Doing   int `json:"doing"`
	Done    int `json:"done"`
	Dropped int `json:"dropped"`
	Overdue int `json:"overdue"`
}

// Bounds of a plan's parts and of the plan lists.
const (
	MaxPlans          = 500
	MaxPlanMilestones = 200
	MaxPlanLines      = 200 // budget lines and staffing needs, each
	MaxPlanTasks      = 1000
)

// PublicPlan is what the public page of a plan shows: no names of people.
type PublicPlan struct {
	PartnershipName  string       `json:"partnership_name"`
	GoalTitle        string       `json:"goal_title"`
	Title            string       `json:"title"`
	BodyName         string       `json:"body_name,omitempty"`
	OrganisationName string       `json:"organisation_name,omitempty"`
	Strategy         string       `json:"strategy"`
	Evaluation       string       `json:"evaluation"`
	Status           string       `json:"status"`
	Start            string       `json:"start,omitempty"`
	End              string       `json:"end,omitempty"`
	Milestones       []*Milestone `json:"milestones"`
	Progress         *int         `json:"progress"`
}
