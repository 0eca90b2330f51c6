package health

import (
	"cmp"
	"fmt"
	"math"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
)

// signalRow is a signal as the pages show it: its explanation in the
// reader's language (message "health.signal.<key>.<state>"), the item it
// is tied to, and its state for the badge.
type signalRow struct {
	Key, Item, State string
	Message          string
	Args             map[string]any
}

// signalRows turns the report into rows; the organisation a signal names is
// a member organisation, shown by its name (never a person).
func signalRows(rep *pk.SignalReport) []signalRow {
	out := make([]signalRow, 0, len(rep.Signals))
	for _, s := range rep.Signals {
		out = append(out, signalRow{Key: s.Key, Item: s.Item, State: s.State,
			Message: "health.signal." + s.Key + "." + s.State, Args: signalArgs(s, rep.Names)})
	}
	return out
}

// signalArgs are a signal message's arguments: Percent and Limit as whole
// percentages, Value and LimitValue as decimals (for a Gini coefficient),
// Org, N and Of.
func signalArgs(s health.Signal, names map[string]string) map[string]any {
	return map[string]any{
		"Percent":    int(math.Round(math.Abs(s.Value) * 100)),
		"Limit":      int(math.Round(math.Abs(s.Threshold) * 100)),
		"Value":      fmt.Sprintf("%.2f", s.Value),
		"LimitValue": fmt.Sprintf("%.2f", s.Threshold),
		"Org":        cmp.Or(names[s.Org], s.Org), // a funder is named by its own words
		"N":          s.N,
		"Of":         s.Of,
		"Min":        health.MinPeople,
	}
}

// bySignalItem groups signal rows by the item they are tied to.
func bySignalItem(rows []signalRow) map[string][]signalRow {
	out := map[string][]signalRow{}
	for _, r := range rows {
		out[r.Item] = append(out[r.Item], r)
	}
	return out
}
