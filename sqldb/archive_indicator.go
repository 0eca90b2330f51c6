package sqldb

import (
	"encoding/json"
	"math"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Indicators in the partnership archive: the domain's own rules for each
// record, as the forms apply them, with numbers read from their text.

func init() {
	archiveChecks["indicators"] = checkArchivedIndicator
	archiveChecks["indicator_targets"] = checkArchivedTarget
	archiveChecks["indicator_measurements"] = checkArchivedMeasurement
}

// archivedNumber reads an optional number stored as text; one that cannot
// be read becomes NaN, which the validation refuses naming the column.
func archivedNumber(v any) *float64 {
	x, err := parseNumber(str(v))
	if err != nil {
		nan := math.NaN()
		return &nan
	}
	return x
}

func checkArchivedIndicator(get func(string) any) error {
	in := pk.IndicatorInput{GoalID: str(get("goal_id")), PlanID: str(get("plan_id")), Name: str(get("name")), Unit: str(get("unit")),
		Kind: str(get("kind")), Direction: str(get("direction")), Baseline: archivedNumber(get("baseline")),
		BaselineDate: str(get("baseline_date")), LifeTarget: archivedNumber(get("life_target")), Frequency: str(get("frequency")),
		Source: str(get("source"))}
	if err := json.Unmarshal([]byte(str(get("categories"))), &in.Categories); err != nil {
		return pk.FieldInvalid("categories", "validation.json", map[string]any{"Detail": err.Error()})
	}
	return in.Validate()
}

func checkArchivedTarget(get func(string) any) error {
	var v pk.Validator
	if x := archivedNumber(get("value")); x == nil || math.IsNaN(*x) {
		v.Add("value", "indicator.validation.number", map[string]any{"Max": pk.MaxIndicatorValue})
	}
	v.Text("label", str(get("label")), false, 60)
	if _, err := time.Parse(time.DateOnly, str(get("due_date"))); err != nil {
		v.Add("due_date", "validation.date", nil)
	}
	return v.Err()
}

func checkArchivedMeasurement(get func(string) any) error {
	var v pk.Validator
	if x := archivedNumber(get("value")); x != nil && (math.IsNaN(*x) || math.IsInf(*x, 0) || math.Abs(*x) > pk.MaxIndicatorValue) {
		v.Add("value", "indicator.validation.number", map[string]any{"Max": pk.MaxIndicatorValue})
	}
	if _, err := time.Parse(time.DateOnly, str(get("measured_on"))); err != nil {
		v.Add("measured_on", "validation.date", nil)
	}
	v.URL("evidence", str(get("evidence")))
	v.Text("note", str(get("note")), false, 4000)
	var breakdown []pk.CategoryValue
	if err := json.Unmarshal([]byte(str(get("breakdown"))), &breakdown); err != nil || len(breakdown) > pk.MaxIndicatorCategories {
		v.Add("breakdown", "validation.json", map[string]any{"Detail": "breakdown"})
	}
	return v.Err()
}
