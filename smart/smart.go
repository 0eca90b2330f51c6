// Package smart checks a goal against SMART (specific, measurable,
// achievable, relevant, time-bound; seed 004, stage 2: "Are our goals
// SMART?"), letter by letter, from the goal's own fields. The check never
// blocks: it says which letters are met and, for each one that is not,
// what is missing, as catalogue keys the reader sees in their language.
//
// What each letter needs here:
//
//   - Specific: what is to change, in a title or description of at least
//     MinWords words, and who it is for (the beneficiaries).
//   - Measurable: a measure (an indicator) and a number to reach.
//   - Achievable: an owner (a member organisation answerable for it), at
//     least one action plan, and resources on a plan (a budget line or a
//     staffing need).
//   - Relevant: linked to at least one statement of the theory of change.
//   - Time-bound: a date, not yet passed while the goal is still active.
//
// Universal goals (seed 001, activity 12: goals that apply to a mission
// whatever the issue) are broad by nature: for them, a missing number or
// date is said as advice to measure and date them through specific goals.
package smart

import (
	"strings"
	"unicode"
)

// The letters, in order.
const (
	Specific   = "S"
	Measurable = "M"
	Achievable = "A"
	Relevant   = "R"
	TimeBound  = "T"
)

// Letters lists the letters in order.
var Letters = []string{Specific, Measurable, Achievable, Relevant, TimeBound}

// MinWords is how many words the "what" of a specific goal needs at least.
const MinWords = 3

// Goal is what the check reads of a goal.
type Goal struct {
	Universal     bool
	Title         string
	Description   string
	Beneficiaries string
	Measure       string
	HasTarget     bool
	HasOwner      bool
	Plans         int
	// ResourcedPlans counts the plans with a budget line or a staffing need.
	ResourcedPlans int
	Statements     int
	Due            string // YYYY-MM-DD or empty
	Active         bool
	Today          string // YYYY-MM-DD: the check reads no clock
}

// Gap is one thing missing for a letter: a catalogue key.
type Gap struct {
	Letter  string `json:"letter"`
	Message string `json:"message"`
}

// Result says which letters are met and what is missing for the others.
type Result struct {
	Met     []string `json:"met"`
	Missing []Gap    `json:"missing"`
}

// Check runs the SMART check on a goal.
func Check(g Goal) Result {
	gaps := map[string][]string{}
	add := func(letter, key string) { gaps[letter] = append(gaps[letter], key) }
	if words(g.Title)+words(g.Description) < MinWords {
		add(Specific, "smart.missing.what")
	}
	if strings.TrimSpace(g.Beneficiaries) == "" {
		add(Specific, "smart.missing.who")
	}
	if strings.TrimSpace(g.Measure) == "" {
		add(Measurable, universal(g, "smart.missing.measure"))
	}
	if !g.HasTarget {
		add(Measurable, universal(g, "smart.missing.number"))
	}
	if !g.HasOwner {
		add(Achievable, "smart.missing.owner")
	}
	switch {
	case g.Plans == 0:
		add(Achievable, "smart.missing.plan")
	case g.ResourcedPlans == 0:
		add(Achievable, "smart.missing.resources")
	}
	if g.Statements == 0 {
		add(Relevant, "smart.missing.statement")
	}
	switch {
	case g.Due == "":
		add(TimeBound, universal(g, "smart.missing.date"))
	case g.Active && g.Today != "" && g.Due < g.Today:
		add(TimeBound, "smart.missing.date_passed")
	}
	r := Result{Met: []string{}, Missing: []Gap{}}
	for _, l := range Letters {
		if len(gaps[l]) == 0 {
			r.Met = append(r.Met, l)
		}
		for _, key := range gaps[l] {
			r.Missing = append(r.Missing, Gap{Letter: l, Message: key})
		}
	}
	return r
}

// universal turns the key of a missing measure, number or date into the
// advice for a universal goal.
func universal(g Goal, key string) string {
	if g.Universal {
		return strings.Replace(key, "smart.missing.", "smart.universal.", 1)
	}
	return key
}

// words counts the words of s (runs of letters or digits), in any script.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// Keys lists every catalogue key the check may answer, for the
// completeness test of the catalogue.
var Keys = []string{
	"smart.missing.what", "smart.missing.who", "smart.missing.measure", "smart.missing.number",
	"smart.missing.owner", "smart.missing.plan", "smart.missing.resources", "smart.missing.statement",
	"smart.missing.date", "smart.missing.date_passed",
	"smart.universal.measure", "smart.universal.number", "smart.universal.date",
}
