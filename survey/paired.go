package survey

import (
	"cmp"
	"slices"
)

// Pair is one respondent's two scores and the change between them.
type Pair struct {
	Key    string
	Pre    float64
	Post   float64
	Change float64
}

// Pairing is the paired change of a pre/post test: each respondent who
// answered both rounds, and the group's means. Respondents with only one
// round count in Unpaired and in neither mean, so that dropping out cannot
// pass for learning.
type Pairing struct {
	Pairs      []Pair
	MeanPre    float64
	MeanPost   float64
	MeanChange float64
	Improved   int
	Same       int
	Worse      int
	Unpaired   int
}

// Paired pairs pre and post scores by respondent key. Pairs come out by
// change (largest gain first), then key, an order that says nothing of
// who answered when.
func Paired(pre, post map[string]float64) Pairing {
	var p Pairing
	for k, a := range pre {
		b, ok := post[k]
		if !ok {
			p.Unpaired++
			continue
		}
		p.Pairs = append(p.Pairs, Pair{Key: k, Pre: a, Post: b, Change: b - a})
	}
	for k := range post {
		if _, ok := pre[k]; !ok {
			p.Unpaired++
		}
	}
	slices.SortFunc(p.Pairs, func(x, y Pair) int {
		if c := cmp.Compare(y.Change, x.Change); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	if len(p.Pairs) == 0 {
		return p
	}
	for _, x := range p.Pairs {
		p.MeanPre += x.Pre
		p.MeanPost += x.Post
		switch {
		case x.Change > 0:
			p.Improved++
		case x.Change < 0:
			p.Worse++
		default:
			p.Same++
		}
	}
	n := float64(len(p.Pairs))
	p.MeanPre /= n
	p.MeanPost /= n
	p.MeanChange = p.MeanPost - p.MeanPre
	return p
}

// Score is one answer's score on a pre/post test. When the test has
// knowledge questions (a right option), it is the percentage answered
// right, unanswered ones counting as wrong; otherwise it is the mean of
// the answer's ratings (1–5). ok is false when there is nothing to score.
func Score(right, knowledgeQuestions int, ratingSum, ratings int) (score float64, ok bool) {
	if knowledgeQuestions > 0 {
		return 100 * float64(right) / float64(knowledgeQuestions), true
	}
	if ratings == 0 {
		return 0, false
	}
	return float64(ratingSum) / float64(ratings), true
}
