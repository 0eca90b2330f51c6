// Package health holds the partnership health check: its items, the
// aggregate of the members' ratings (mean, spread, red/amber/green), the
// trend across rounds, and the signals computed from what members actually
// do, each tied to an item so that a rating and a signal that disagree can
// be set side by side.
//
// The instrument is our own, written from the checklist of an effective
// partnership and the signs of an ineffective one in "Steps of Developing a
// Cooperation Strategy" (Expressions in Dialogue / VYRE, seed 000) and the
// stage-4 questions of "Working Together: Collaborative Practices and
// Tools" (seed 004). Pure functions: no I/O, no clock.
package health

import "slices"

// Item is one statement members rate from 1 (not at all) to 5 (fully).
// Its text is the catalogue key "health.item.<Key>"; Source says where the
// idea comes from ("000.checklist", "000.ineffective", "004.stage4").
type Item struct {
	Key    string
	Source string
}

// Items are the health check's statements, in the order they are asked.
var Items = []Item{
	{"ownership", "000.checklist"},
	{"agreement", "000.checklist"},
	{"inclusion", "000.checklist"},
	{"equal_presence", "000.checklist"},
	{"roles_clear", "000.checklist"},
	{"rules_kept", "000.checklist"},
	{"sharing", "000.checklist"},
	{"equal_opportunity", "000.checklist"},
	{"funding_range", "000.checklist"},
	{"monitoring", "000.checklist"},
	{"learning", "000.checklist"},
	{"added_value", "000.checklist"},
	{"shared_values", "000.ineffective"},
	{"shared_risk", "000.ineffective"},
	{"influence_not_money", "000.ineffective"},
	{"open_motives", "000.ineffective"},
	{"conflict", "000.ineffective"},
	{"benefit", "004.stage4"},
	{"understood", "004.stage4"},
	{"adapting", "004.stage4"},
}

// ItemKeys lists the keys of Items in order (the enum of the API).
var ItemKeys = func() []string {
	out := make([]string, len(Items))
	for i, it := range Items {
		out[i] = it.Key
	}
	return out
}()

// ValidItem reports whether key is one of Items.
func ValidItem(key string) bool { return slices.Contains(ItemKeys, key) }

// Rating scale.
const (
	MinScore = 1
	MaxScore = 5
)
