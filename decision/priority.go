package decision

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	pk "github.com/partnerkit/partnerkit"
)

// Bounds of one prioritisation, generous for a partnership's agenda and
// small enough that no input makes the count slow.
const (
	MaxOptions     = 50
	MaxLenses      = 12
	MaxScoreLimit  = 100
	MaxDotsLimit   = 100
	MaxLensWeight  = 10
	maxKeyLength   = 100
	maxPreferences = MaxEligible
)

// Preference is one voter's input: Scores (score: option → score; dots:
// option → dots), Ranking (ranked: options, most preferred first, as many
// as the voter wishes) or LensScores (lenses: option → lens key → score).
// Scores and dots are whole numbers.
type Preference struct {
	Scores     map[string]float64
	Ranking    []string
	LensScores map[string]map[string]float64
}

// RankedOption is one option's place in the order.
type RankedOption struct {
	Option string
	Total  float64
	// Position starts at 1; tied options share a position and the next
	// one skips (1, 2, 2, 4), so a position says how many came before.
	Position int
	// Contributions (lenses): every lens key → its weighted part of Total.
	Contributions map[string]float64
}

// PriorityParams say how options are ordered. Options are in the order the
// caller shows them (say, as they were proposed); ties keep that order.
type PriorityParams struct {
	Method       string
	Options      []string
	Lenses       []Lens
	DotsPerVoter int
	MaxScore     int
}

// Prioritise orders the options by the preferences, highest total first:
//
//   - score: the sum of the scores each option received (an option a voter
//     left out counts 0 from them);
//   - dots: the sum of the dots placed on it;
//   - ranked: a points-by-rank (Borda) count: with n options, a voter's
//     first choice earns n points, the second n−1, and so on; options a
//     voter did not rank earn nothing from them;
//   - lenses: per lens, the mean score the option received from those who
//     scored it through that lens, times the lens's weight; the total is
//     the sum of these contributions, each returned beside it.
//
// It fails with a pk.Error of code invalid naming the field for an unknown
// method, option or lens, a score out of range, too many dots or a ranking
// naming an option twice.
func Prioritise(p PriorityParams, prefs []Preference) ([]RankedOption, error) {
	if err := p.validate(prefs); err != nil {
		return nil, err
	}
	totals := make([]float64, len(p.Options))
	var contributions []map[string]float64
	switch p.Method {
	case Score, Dots:
		for _, pr := range prefs {
			for i, o := range p.Options {
				totals[i] += pr.Scores[o]
			}
		}
	case Ranked:
		points := make(map[string]int, len(p.Options))
		for _, pr := range prefs {
			for j, o := range pr.Ranking {
				points[o] += len(p.Options) - j
			}
		}
		for i, o := range p.Options {
			totals[i] = float64(points[o])
		}
	case Lenses:
		contributions = make([]map[string]float64, len(p.Options))
		for i, o := range p.Options {
			contributions[i] = make(map[string]float64, len(p.Lenses))
			for _, l := range p.Lenses {
				sum, k := 0.0, 0
				for _, pr := range prefs {
					if s, ok := pr.LensScores[o][l.Key]; ok {
						sum += s
						k++
					}
				}
				part := 0.0
				if k > 0 {
					part = l.Weight * sum / float64(k)
				}
				contributions[i][l.Key] = round6(part)
				totals[i] += part
			}
		}
	}
	out := make([]RankedOption, len(p.Options))
	for i, o := range p.Options {
		out[i] = RankedOption{Option: o, Total: round6(totals[i])}
		if contributions != nil {
			out[i].Contributions = contributions[i]
		}
	}
	// Stable: equal totals keep the options' own order.
	slices.SortStableFunc(out, func(a, b RankedOption) int {
		switch {
		case a.Total > b.Total:
			return -1
		case a.Total < b.Total:
			return 1
		}
		return 0
	})
	for i := range out {
		if i > 0 && out[i].Total == out[i-1].Total {
			out[i].Position = out[i-1].Position
		} else {
			out[i].Position = i + 1
		}
	}
	return out, nil
}

// round6 keeps totals to six decimals, so that sums of weighted means that
// are equal on paper (0.1 + 0.2 and 0.3) are equal here, and tie.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func (p PriorityParams) validate(prefs []Preference) error {
	var v pk.Validator
	switch p.Method {
	case "":
		v.Add("method", "validation.required", nil)
		return v.Err()
	case Score, Dots, Ranked, Lenses:
	default:
		v.Add("method", "validation.choice", nil)
		return v.Err()
	}
	if len(p.Options) == 0 {
		v.Add("options", "validation.required", nil)
	} else if len(p.Options) > MaxOptions {
		v.Add("options", "decision.validation.too_many", map[string]any{"Max": MaxOptions})
	}
	checkKeys(&v, "options", p.Options)
	if len(prefs) > maxPreferences {
		v.Add("preferences", "decision.validation.too_many", map[string]any{"Max": maxPreferences})
	}
	switch p.Method {
	case Score:
		v.IntRange("max_score", p.MaxScore, 1, MaxScoreLimit)
	case Dots:
		v.IntRange("dots_per_voter", p.DotsPerVoter, 1, MaxDotsLimit)
	case Lenses:
		v.IntRange("max_score", p.MaxScore, 1, MaxScoreLimit)
		p.checkLenses(&v)
	}
	if err := v.Err(); err != nil {
		return err // the preferences are read against valid parameters only
	}
	for i, pr := range prefs {
		f := "preferences." + strconv.Itoa(i) + "."
		switch p.Method {
		case Score:
			p.checkScores(&v, f+"scores", pr.Scores, p.MaxScore)
		case Dots:
			p.checkScores(&v, f+"scores", pr.Scores, p.DotsPerVoter)
			sum := 0.0
			for _, s := range pr.Scores {
				sum += s
			}
			if !v.Has(f+"scores") && sum > float64(p.DotsPerVoter) {
				v.Add(f+"scores", "decision.validation.too_many_dots", map[string]any{"Max": p.DotsPerVoter, "Count": int(sum)})
			}
		case Ranked:
			seen := make(map[string]bool, len(pr.Ranking))
			for j, o := range pr.Ranking {
				switch {
				case !slices.Contains(p.Options, o):
					v.Add(f+"ranking."+strconv.Itoa(j), "decision.validation.unknown_option", nil)
				case seen[o]:
					v.Add(f+"ranking."+strconv.Itoa(j), "decision.validation.ranked_twice", nil)
				}
				seen[o] = true
			}
		case Lenses:
			for o, byLens := range pr.LensScores {
				if !slices.Contains(p.Options, o) {
					v.Add(f+"lens_scores", "decision.validation.unknown_option", nil)
					continue
				}
				for key, s := range byLens {
					if !slices.ContainsFunc(p.Lenses, func(l Lens) bool { return l.Key == key }) {
						v.Add(f+"lens_scores", "decision.validation.unknown_lens", nil)
					} else if !whole(s, p.MaxScore) {
						v.Add(f+"lens_scores", "validation.range", map[string]any{"Min": 0, "Max": p.MaxScore})
					}
				}
			}
		}
	}
	return v.Err()
}

// checkScores: every key an option, every value a whole number 0..max.
func (p PriorityParams) checkScores(v *pk.Validator, field string, scores map[string]float64, max int) {
	for o, s := range scores {
		if !slices.Contains(p.Options, o) {
			v.Add(field, "decision.validation.unknown_option", nil)
			return
		}
		if !whole(s, max) {
			v.Add(field, "validation.range", map[string]any{"Min": 0, "Max": max})
			return
		}
	}
}

func (p PriorityParams) checkLenses(v *pk.Validator) {
	if len(p.Lenses) == 0 {
		v.Add("lenses", "validation.required", nil)
		return
	}
	if len(p.Lenses) > MaxLenses {
		v.Add("lenses", "decision.validation.too_many", map[string]any{"Max": MaxLenses})
	}
	keys := make([]string, len(p.Lenses))
	for i, l := range p.Lenses {
		keys[i] = l.Key
		if w := l.Weight; math.IsNaN(w) || w < 0 || w > MaxLensWeight {
			v.Add("lenses."+strconv.Itoa(i)+".weight", "validation.range", map[string]any{"Min": 0, "Max": MaxLensWeight})
		}
	}
	checkKeys(v, "lenses", keys)
}

// checkKeys: each key present, not too long, and given once.
func checkKeys(v *pk.Validator, field string, keys []string) {
	seen := make(map[string]bool, len(keys))
	for i, k := range keys {
		f := field + "." + strconv.Itoa(i)
		switch {
		case k == "":
			v.Add(f, "validation.required", nil)
		case !utf8.ValidString(k):
			v.Add(f, "validation.encoding", nil)
		case utf8.RuneCountInString(k) > maxKeyLength:
			v.Add(f, "validation.too_long", map[string]any{"Max": maxKeyLength, "Count": utf8.RuneCountInString(k)})
		case seen[k]:
			v.Add(f, "decision.validation.given_twice", nil)
		}
		seen[k] = true
	}
}

// whole reports whether s is a whole number from 0 to max.
func whole(s float64, max int) bool {
	return s >= 0 && s <= float64(max) && s == math.Trunc(s)
}
