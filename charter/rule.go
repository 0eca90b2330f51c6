// Package charter holds the charter's rules as pure functions: which body
// decides a decision area, by which method, with which quorum and voting
// unit, and whether a charter's rules and areas fit together. The store and
// the API call it; the decisions module will too.
package charter

import (
	"regexp"
	"slices"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// Lookup answers who decides in area for body. With an area, the area's
// body decides (whatever body was asked about), by the area's method, or by
// that body's own rule when the area names none. Without an area, body's
// own rule answers; with neither, the rule of the body that adopted the
// charter (the one that holds the charter itself). It fails with "not found" when the area is not in the
// charter or the body has no rule, so nothing is decided by a rule that was
// never adopted.
func Lookup(c *pk.Charter, bodyID, area string) (pk.Rule, error) {
	if c == nil {
		return pk.Rule{}, pk.NotFound()
	}
	if area == "" {
		if bodyID == "" {
			bodyID = c.AdoptedByBody
		}
		r, ok := bodyRule(c, bodyID)
		if !ok {
			return pk.Rule{}, pk.NotFound()
		}
		return r, nil
	}
	i := slices.IndexFunc(c.Areas, func(a pk.AreaRule) bool { return a.Area == area })
	if i < 0 {
		return pk.Rule{}, pk.NotFound()
	}
	a := c.Areas[i]
	if a.Method != "" {
		return pk.Rule{BodyID: a.BodyID, Method: a.Method, Quorum: a.Quorum, Unit: a.Unit}, nil
	}
	r, ok := bodyRule(c, a.BodyID)
	if !ok {
		return pk.Rule{}, pk.NotFound()
	}
	return r, nil
}

func bodyRule(c *pk.Charter, bodyID string) (pk.Rule, bool) {
	i := slices.IndexFunc(c.Rules, func(r pk.BodyRule) bool { return r.BodyID == bodyID })
	if i < 0 {
		return pk.Rule{}, false
	}
	r := c.Rules[i]
	return pk.Rule{BodyID: r.BodyID, Method: r.Method, Quorum: r.Quorum, Unit: r.Unit}, true
}

// areaName: the partnership's own areas are short lowercase codes, so they
// can sit in a URL and a catalogue key.
var areaName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Validate checks a new charter version against the partnership's bodies
// (their IDs): every field, every body rule for a known body once, every
// area named well, assigned to a known body, claimed by exactly one, and
// the four standard areas all assigned. The adopting body must be known.
func Validate(in *pk.CharterInput, bodies []string) error {
	var v pk.Validator
	in.ValidateFields(&v)
	if in.AdoptedByBody != "" && !slices.Contains(bodies, in.AdoptedByBody) {
		v.Add("adopted_by_body_id", "governance.validation.unknown_body", nil)
	}
	if len(in.Rules) > pk.MaxCharterRules {
		v.Add("rules", "governance.validation.too_many", map[string]any{"Max": pk.MaxCharterRules})
	}
	if len(in.Areas) > pk.MaxCharterAreas {
		v.Add("areas", "governance.validation.too_many", map[string]any{"Max": pk.MaxCharterAreas})
	}
	if err := v.Err(); err != nil && (v.Has("rules") || v.Has("areas")) {
		return err
	}
	seenBody := map[string]bool{}
	for i, r := range in.Rules {
		f := "rules." + strconv.Itoa(i)
		switch {
		case !slices.Contains(bodies, r.BodyID):
			v.Add(f+".body_id", "governance.validation.unknown_body", nil)
		case seenBody[r.BodyID]:
			v.Add(f+".body_id", "governance.validation.body_twice", nil)
		}
		seenBody[r.BodyID] = true
		v.OneOf(f+".method", r.Method, true, pk.DecisionMethods)
		v.OneOf(f+".unit", r.Unit, true, pk.VotingUnits)
		checkShare(&v, f+".quorum", r.Quorum)
	}
	claimed := map[string]bool{}
	for i, a := range in.Areas {
		f := "areas." + strconv.Itoa(i)
		if !areaName.MatchString(a.Area) {
			v.Add(f+".area", "governance.validation.area_name", nil)
		} else if claimed[a.Area] {
			// Two bodies (or the same one twice) claiming one area: the
			// charter would not say who decides.
			v.Add(f+".area", "governance.validation.area_claimed_twice", map[string]any{"Area": a.Area})
		}
		claimed[a.Area] = true
		if a.BodyID == "" {
			v.Add(f+".body_id", "governance.validation.area_without_body", map[string]any{"Area": a.Area})
		} else if !slices.Contains(bodies, a.BodyID) {
			v.Add(f+".body_id", "governance.validation.unknown_body", nil)
		}
		if a.Method == "" {
			// The area takes its body's own rule, which must then exist.
			if a.BodyID != "" && !slices.ContainsFunc(in.Rules, func(r pk.BodyRule) bool { return r.BodyID == a.BodyID }) {
				v.Add(f+".method", "governance.validation.no_rule_for_body", nil)
			}
			if a.Unit != "" || a.Quorum != 0 {
				v.Add(f+".method", "validation.required", nil)
			}
			continue
		}
		v.OneOf(f+".method", a.Method, true, pk.DecisionMethods)
		v.OneOf(f+".unit", a.Unit, true, pk.VotingUnits)
		checkShare(&v, f+".quorum", a.Quorum)
	}
	for _, std := range pk.StandardAreas {
		if !claimed[std] {
			v.Add("areas", "governance.validation.area_without_body", map[string]any{"Area": std})
		}
	}
	return v.Err()
}

func checkShare(v *pk.Validator, field string, x float64) {
	if !(x >= 0 && x <= 1) { // NaN fails too
		v.Add(field, "governance.validation.share", map[string]any{"Min": 0, "Max": 1})
	}
}
