package partnerkit

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/smart"
)

// Goal is something the partnership sets out to achieve (seed 004, stage
// 2). A specific goal is one the partnership can reach and measure itself;
// a universal goal is a broad aim (an end to child marriage) that plans
// contribute to without owning (seed 001, activity 11). Each goal names the
// theory-of-change statements it serves, so the plans under it trace back
// to the change the partnership believes in.
type Goal struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// Who the goal is for or about (the "who" of a specific goal).
	Beneficiaries string `json:"beneficiaries"`
	// Measure is the indicator progress is counted by; Target its number
	// (nil when none) in Unit.
	Measure string   `json:"measure"`
	Target  *float64 `json:"target"`
	Unit    string   `json:"unit"`
	// OwnerOrganisationID is the member organisation answerable for it.
	OwnerOrganisationID   string `json:"owner_organisation_id,omitempty"`
	OwnerOrganisationName string `json:"owner_organisation_name,omitempty"`
	Due                   string `json:"due,omitempty"` // YYYY-MM-DD
	Status                string `json:"status"`
	// StatementIDs are the theory-of-change statements the goal serves.
	StatementIDs []string `json:"statement_ids"`
	// PlanCount is how many action plans serve the goal.
	PlanCount int `json:"plan_count"`
	// Smart is the SMART check of the goal (never blocking).
	Smart smart.Result `json:"smart"`
	// Progress is rolled up from the goal's plans, in whole percent; nil
	// when no plan has anything to count yet (not 0 %).
	Progress  *int      `json:"progress"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// The kinds of goal (seed 001: specific or universal).
const (
	GoalSpecific  = "specific"
	GoalUniversal = "universal"
)

// GoalKinds lists the kinds in the order forms show them.
var GoalKinds = []string{GoalSpecific, GoalUniversal}

// GoalStatuses are the states of a goal.
var GoalStatuses = []string{"active", "achieved", "dropped"}

// GoalInput creates or changes a goal. Version is the version the writer
// saw (ignored when creating).
type GoalInput struct {
	Kind                string
	Title               string
	Description         string
	Beneficiaries       string
	Measure             string
	Target              *float64
	Unit                string
	OwnerOrganisationID string
	Due                 string
	Status              string
	StatementIDs        []string
	Version             int
}

// MaxGoalStatements bounds the statements one goal names.
const MaxGoalStatements = 20

// Validate checks a goal's own fields; the store checks that the owner is a
// member organisation and that the statements are the partnership's. An
// incomplete goal is allowed: the SMART check says what is missing, it
// never blocks.
func (in *GoalInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	in.Measure = strings.TrimSpace(in.Measure)
	if in.Status == "" {
		in.Status = "active"
	}
	v.OneOf("kind", in.Kind, true, GoalKinds)
	v.Text("title", in.Title, true, 300)
	v.Text("description", in.Description, false, 4000)
	v.Text("beneficiaries", in.Beneficiaries, false, 500)
	v.Text("measure", in.Measure, false, 500)
	v.Text("unit", in.Unit, false, 100)
	v.OneOf("status", in.Status, true, GoalStatuses)
	if in.Target != nil && (math.IsNaN(*in.Target) || math.IsInf(*in.Target, 0) || math.Abs(*in.Target) > 1e12) {
		v.Add("target", "plans.validation.target", nil)
	}
	checkDate(&v, "due", in.Due)
	in.StatementIDs = uniqueIDs(in.StatementIDs)
	if len(in.StatementIDs) > MaxGoalStatements {
		v.Add("statement_ids", "plans.validation.too_many_statements", map[string]any{"Max": MaxGoalStatements})
	}
	return v.Err()
}

// uniqueIDs trims IDs and drops empty and repeated ones, keeping the order.
func uniqueIDs(ids []string) []string {
	out := []string{}
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// MaxGoals bounds a partnership's goals (GoalList cut says so).
const MaxGoals = 200
