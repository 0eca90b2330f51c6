package admission

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// Criterion is one admission criterion of the charter.
type Criterion struct {
	ID   string
	Text string
}

// listMarker is what people put before an item of a list they type: a
// dash, a star, a bullet, or a number with a dot or a bracket.
var listMarker = regexp.MustCompile(`^\s*(?:[-*•·]|\d{1,3}[.)])\s+`)

// Criteria reads the charter's admission criteria as a list the pipeline
// checks one by one: one criterion per non-empty line, without the list
// marker; a text written on one line is read as one criterion per
// semicolon. Why a parse and not a new list field of the charter: the
// criteria stay part of the charter's versioned text, adopted and changed
// with it, in the form people already write them, and every existing
// charter yields its list without a migration. Repeated criteria count
// once; at most pk.MaxAdmissionChecks are read.
func Criteria(text string) []Criterion {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	parts := strings.Split(text, "\n")
	nonEmpty := 0
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			nonEmpty++
		}
	}
	if nonEmpty == 1 {
		parts = strings.Split(strings.TrimSpace(text), ";")
	}
	out := []Criterion{}
	seen := map[string]bool{}
	for _, p := range parts {
		t := strings.Join(strings.Fields(listMarker.ReplaceAllString(p, "")), " ")
		t = strings.TrimRight(t, ";")
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		id := CriterionID(t)
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, Criterion{ID: id, Text: t})
		if len(out) == pk.MaxAdmissionChecks {
			break
		}
	}
	return out
}

// CriterionID names a criterion by its words (case, spacing and a final
// full stop aside), so that a check stays with a criterion a new charter
// version keeps, and a reworded criterion is checked anew.
func CriterionID(text string) string {
	norm := strings.ToLower(strings.Join(strings.Fields(text), " "))
	norm = strings.TrimRight(norm, ".")
	h := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(h[:6])
}

// Tally counts the criteria that have a check and those checked as not
// met; checks maps criterion IDs to results (checks of criteria no longer
// in the charter do not count).
func Tally(criteria []Criterion, checks map[string]string) (checked, notMet int) {
	for _, c := range criteria {
		r, ok := checks[c.ID]
		if !ok {
			continue
		}
		checked++
		if r == pk.CheckNotMet {
			notMet++
		}
	}
	return checked, notMet
}
