// Package trust computes what the partner relationship survey shows: how
// far the member organisations trust and value each other, as seen by the
// others, and the network of ties between them. The instrument follows
// PARTNER (Visible Network Labs) in our own words: each member organisation
// rates each other one on three trust items (openness, reliability, support
// of the mission) and three value items (power and influence, resources,
// involvement), each 1–4, and names the intensity of their tie.
//
// The package is pure: no I/O, no clock. Ratings come in, aggregates come
// out; nothing here returns one rater's scores.
package trust

import (
	"cmp"
	"math"
	"slices"

	"github.com/partnerkit/partnerkit/network"
)

// Scale bounds of every rated item.
const (
	MinScore = 1
	MaxScore = 4
)

// MinRaters is the small-number rule: an organisation's received scores
// are shown only when at least this many other organisations rated it
// completely, so that no score is one rater's in disguise.
const MinRaters = 2

// Items are the six rated items, trust first.
var Items = []string{"openness", "reliability", "mission", "power", "resources", "involvement"}

// Tie intensities, weakest first (0 in Rating.Intensity: no tie named).
const (
	Awareness    = 1
	Cooperation  = 2
	Coordination = 3
	Integration  = 4
)

// Intensities names the tie intensities by their value (index 0 unused).
var Intensities = []string{"", "awareness", "cooperation", "coordination", "integration"}

// Rating is one member organisation's rating of another. A score of 0 is
// an item left unanswered.
type Rating struct {
	Rater, Rated                   string
	Openness, Reliability, Mission int
	Power, Resources, Involvement  int
	Intensity                      int
}

// Scores returns the six items in the order of Items.
func (r Rating) Scores() []int {
	return []int{r.Openness, r.Reliability, r.Mission, r.Power, r.Resources, r.Involvement}
}

// Complete reports whether all six items are answered within the scale: only
// complete ratings count towards trust and value, as in PARTNER.
func (r Rating) Complete() bool {
	for _, s := range r.Scores() {
		if s < MinScore || s > MaxScore {
			return false
		}
	}
	return r.Rater != r.Rated
}

// Trust is the mean of the three trust items of a complete rating.
func (r Rating) Trust() float64 { return float64(r.Openness+r.Reliability+r.Mission) / 3 }

// Value is the mean of the three value items of a complete rating.
func (r Rating) Value() float64 { return float64(r.Power+r.Resources+r.Involvement) / 3 }

// Org is one member organisation's received scores.
type Org struct {
	ID string
	// Raters is how many other organisations rated it completely.
	Raters int
	// Shown is false when fewer than MinRaters did: Trust and Value are
	// then 0 and must not be shown.
	Shown        bool
	Trust, Value float64
}

// Summary is what the survey shows for one round.
type Summary struct {
	Orgs []Org
	// Complete counts the complete ratings, Incomplete those left out.
	Complete, Incomplete int
	// Raters counts the organisations that gave at least one complete rating.
	Raters int
	// Shown is false when fewer than MinRaters organisations rated
	// completely: the network's Trust and Value are then 0.
	Shown        bool
	Trust, Value float64
	// Intensity counts the ties named at each intensity (index as
	// Intensities); a pair rated both ways counts the stronger once.
	Intensity [5]int
	// Density and Centralisation are the tie network's, by the network
	// package (any named tie joins two organisations).
	Density, Centralisation float64
	Ties                    int
}

// Summarise aggregates the ratings among the member organisations orgs (in
// display order). Ratings by or of organisations outside orgs are ignored.
func Summarise(orgs []string, ratings []Rating) Summary {
	in := map[string]bool{}
	for _, o := range orgs {
		in[o] = true
	}
	type acc struct {
		n            int
		trust, value float64
	}
	byOrg := map[string]*acc{}
	raters := map[string]bool{}
	var s Summary
	var all acc
	strongest := map[[2]string]int{}
	for _, r := range ratings {
		if !in[r.Rater] || !in[r.Rated] || r.Rater == r.Rated {
			continue
		}
		if r.Intensity >= Awareness && r.Intensity <= Integration {
			k := [2]string{min(r.Rater, r.Rated), max(r.Rater, r.Rated)}
			strongest[k] = max(strongest[k], r.Intensity)
		}
		if !r.Complete() {
			s.Incomplete++
			continue
		}
		s.Complete++
		raters[r.Rater] = true
		a := byOrg[r.Rated]
		if a == nil {
			a = &acc{}
			byOrg[r.Rated] = a
		}
		a.n++
		a.trust += r.Trust()
		a.value += r.Value()
		all.n++
		all.trust += r.Trust()
		all.value += r.Value()
	}
	for _, o := range orgs {
		x := Org{ID: o}
		if a := byOrg[o]; a != nil {
			x.Raters = a.n
			if a.n >= MinRaters {
				x.Shown, x.Trust, x.Value = true, round2(a.trust/float64(a.n)), round2(a.value/float64(a.n))
			}
		}
		s.Orgs = append(s.Orgs, x)
	}
	s.Raters = len(raters)
	if s.Raters >= MinRaters {
		s.Shown, s.Trust, s.Value = true, round2(all.trust/float64(all.n)), round2(all.value/float64(all.n))
	}
	nodes := make([]network.Node, len(orgs))
	for i, o := range orgs {
		nodes[i] = network.Node{ID: o, Kind: network.Organisation}
	}
	keys := make([][2]string, 0, len(strongest))
	for k := range strongest {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	edges := make([]network.Edge, 0, len(keys))
	for _, k := range keys {
		s.Intensity[strongest[k]]++
		edges = append(edges, network.Edge{From: k[0], To: k[1], Type: network.CooperatesWith})
	}
	res := network.Analyse(nodes, edges, nil)
	s.Density, s.Centralisation, s.Ties = round2(res.Density), round2(res.Centralisation), res.Edges
	return s
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
