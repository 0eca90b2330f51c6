package partnerkit

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Lens is one angle from which a lenses prioritisation scores options
// (after the Six Strategic Lenses). Name is a catalogue key
// ("decision.lens.<key>") while a default lens keeps its wording, and the
// partnership's own text once renamed; Weight multiplies its scores.
type Lens struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// LensSet is the partnership's lenses: the defaults until a coordinator
// edits them. A lenses proposal keeps the set it was brought under.
type LensSet struct {
	Lenses    []Lens     `json:"lenses"`
	Default   bool       `json:"default"`
	Version   int        `json:"version"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// LensInput is one lens of a new set: Key empty adds a lens; Name empty
// keeps a default lens's own wording.
type LensInput struct {
	Key    string
	Name   string
	Weight float64
}

// LensSetInput replaces the partnership's lenses. Version is the set's
// version the editor saw (0 while the defaults stand).
type LensSetInput struct {
	Version int
	Lenses  []LensInput
}

// Bounds of a lens set.
const (
	MaxLenses      = 12
	MaxLensWeight  = 10
	MaxLensNameLen = 100
)

// DefaultLensKeys are the Six Strategic Lenses' keys, in their order.
var DefaultLensKeys = []string{"urgency", "building_block", "relationships", "feasibility", "impact", "resources"}

// IsDefaultLens reports whether key is one of the six default lenses.
func IsDefaultLens(key string) bool {
	for _, k := range DefaultLensKeys {
		if k == key {
			return true
		}
	}
	return false
}

// Validate checks each row by its position ("lenses.2.name"): one lens at
// least, at most MaxLenses, a name for every lens of the partnership's
// own, weights from 0 to MaxLensWeight, no key twice.
func (in *LensSetInput) Validate() error {
	var v Validator
	if len(in.Lenses) == 0 {
		v.Add("lenses", "validation.required", nil)
	} else if len(in.Lenses) > MaxLenses {
		v.Add("lenses", "decision.validation.too_many", map[string]any{"Max": MaxLenses})
	}
	seen := map[string]bool{}
	names := map[string]bool{}
	for i, l := range in.Lenses {
		f := "lenses." + strconv.Itoa(i) + "."
		name := strings.TrimSpace(l.Name)
		switch {
		case name == "" && !IsDefaultLens(l.Key):
			v.Add(f+"name", "validation.required", nil)
		case utf8.RuneCountInString(name) > MaxLensNameLen:
			v.Text(f+"name", name, false, MaxLensNameLen)
		case name != "" && names[strings.ToLower(name)]:
			v.Add(f+"name", "decision.validation.given_twice", nil)
		}
		names[strings.ToLower(name)] = true
		if len(l.Key) > 40 {
			v.Text(f+"key", l.Key, false, 40)
		} else if l.Key != "" {
			if seen[l.Key] {
				v.Add(f+"key", "decision.validation.given_twice", nil)
			}
			seen[l.Key] = true
		}
		if math.IsNaN(l.Weight) || l.Weight < 0 || l.Weight > MaxLensWeight {
			v.Add(f+"weight", "validation.range", map[string]any{"Min": 0, "Max": MaxLensWeight})
		}
	}
	return v.Err()
}

// IsKey reports whether the lens's name is still its catalogue key (a
// default lens in our own words), to be shown in the reader's language.
func (l Lens) IsKey() bool {
	return strings.HasPrefix(l.Name, "decision.lens.") && IsDefaultLens(strings.TrimPrefix(l.Name, "decision.lens."))
}
