package health

import "math"

// MinRaters is the small-number rule of the health check: an item's
// aggregate is shown only when at least this many members rated it, so that
// no mean is one or two people's answer in disguise.
const MinRaters = 3

// The red/amber/green thresholds on the 1–5 scale: green from a mean of
// GreenFrom, red below RedBelow, amber between. A spread (standard
// deviation) of WideSpread or more keeps an item from green: members see it
// very differently, which is itself worth talking about.
const (
	GreenFrom  = 3.5
	RedBelow   = 2.5
	WideSpread = 1.2
)

// Colours of an item.
const (
	Green = "green"
	Amber = "amber"
	Red   = "red"
	// TooFew is an item rated by fewer than MinRaters members.
	TooFew = "too_few"
)

// Aggregate is one item's result in one round.
type Aggregate struct {
	Item string `json:"item"`
	// N is how many members rated it.
	N int `json:"raters"`
	// Mean and SD (population standard deviation) are 0 when Colour is TooFew.
	Mean   float64 `json:"mean"`
	SD     float64 `json:"sd"`
	Colour string  `json:"colour"`
}

// AggregateScores computes an item's aggregate from its scores; scores outside
// the scale are ignored.
func AggregateScores(item string, scores []int) Aggregate {
	a := Aggregate{Item: item}
	var sum float64
	var kept []float64
	for _, s := range scores {
		if s >= MinScore && s <= MaxScore {
			kept = append(kept, float64(s))
			sum += float64(s)
		}
	}
	a.N = len(kept)
	if a.N < MinRaters {
		a.Colour = TooFew
		return a
	}
	mean := sum / float64(a.N)
	var ss float64
	for _, x := range kept {
		ss += (x - mean) * (x - mean)
	}
	a.Mean, a.SD = round2(mean), round2(math.Sqrt(ss/float64(a.N)))
	a.Colour = Colour(a.Mean, a.SD)
	return a
}

// Colour is the red/amber/green of a mean and its spread.
func Colour(mean, sd float64) string {
	switch {
	case mean < RedBelow:
		return Red
	case mean >= GreenFrom && sd < WideSpread:
		return Green
	}
	return Amber
}

// Overall is the mean of the items' means that are shown, 0 when none is.
func Overall(aggs []Aggregate) (float64, int) {
	var sum float64
	n := 0
	for _, a := range aggs {
		if a.Colour != TooFew {
			sum += a.Mean
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return round2(sum / float64(n)), n
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
