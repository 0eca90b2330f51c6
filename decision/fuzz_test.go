package decision

import (
	"strings"
	"testing"
)

// FuzzDecide: whatever the parameters and ballots, Decide answers with a
// result or an error, never a panic, and a result is consistent with its
// ballots.
func FuzzDecide(f *testing.F) {
	f.Add("gradients", 0.5, 4, 0.25, "", "", "endorse,more_discussion,block,serious_disagreement", "x")
	f.Add("consent", 1.0, 2, 0.0, "", "", "object,block", "")
	f.Add("two_thirds", 0.0, 0, 0.0, "", "", "", "")
	f.Add("chair", 0.3, 3, 0.0, "passed", "", "yes,no,abstain", "r")
	f.Add("commitment", 0.5, 3, 0.0, "", "let_happen", "against,none,make_happen", "")
	f.Add("majority", -1.0, -5, 9.0, "blocked", "yes", "yes,yes,yes", "")
	f.Fuzz(func(t *testing.T, method string, quorum float64, eligible int, share float64, chair, minimum, choices, reason string) {
		var bs []Ballot
		if choices != "" {
			for i, c := range strings.Split(choices, ",") {
				if i >= 200 {
					break
				}
				bs = append(bs, Ballot{Voter: c + reason, Choice: c, Reason: reason})
			}
		}
		p := Params{Method: method, Quorum: quorum, Eligible: eligible, MoreDiscussionShare: share, ChairDecision: Outcome(chair), Minimum: minimum}
		r, err := Decide(p, bs)
		if err != nil {
			return
		}
		total := 0
		for _, c := range r.Counts {
			total += c.N
		}
		if total != len(bs) || r.Cast != len(bs) || r.Cast > r.Eligible && r.Cast > 0 {
			t.Fatalf("counts %v for %d ballots of %d eligible", r.Counts, len(bs), r.Eligible)
		}
		if r.QuorumNeeded < 1 || r.QuorumMet != (r.Cast >= r.QuorumNeeded) || (r.Outcome == NoQuorum) != !r.QuorumMet {
			t.Fatalf("quorum: %+v", r)
		}
		if _, err := Tally(method, bs); err != nil {
			t.Fatalf("Tally refuses what Decide accepted: %v", err)
		}
	})
}

// FuzzPrioritise: likewise for the ordering; positions never decrease
// and totals never increase down the list.
func FuzzPrioritise(f *testing.F) {
	f.Add("ranked", "a,b,c", "c,a", 0, 0, 1.0)
	f.Add("dots", "a,b", "a,a,b", 3, 0, 1.0)
	f.Add("score", "a,b", "b", 0, 5, 1.0)
	f.Add("lenses", "a,b,a", "", 0, 5, -2.0)
	f.Fuzz(func(t *testing.T, method, options, picks string, dots, maxScore int, weight float64) {
		opts := strings.Split(options, ",")
		if len(opts) > 60 {
			opts = opts[:60]
		}
		var ranking []string
		scores := map[string]float64{}
		lensScores := map[string]map[string]float64{}
		for i, o := range strings.Split(picks, ",") {
			if i >= 60 {
				break
			}
			ranking = append(ranking, o)
			scores[o]++
			lensScores[o] = map[string]float64{LensImpact: float64(i), "own": 1}
		}
		lenses := append(DefaultLenses(), Lens{Key: "own", Name: "Own", Weight: weight})
		p := PriorityParams{Method: method, Options: opts, Lenses: lenses, DotsPerVoter: dots, MaxScore: maxScore}
		rs, err := Prioritise(p, []Preference{{Scores: scores, Ranking: ranking, LensScores: lensScores}})
		if err != nil {
			return
		}
		if len(rs) != len(opts) {
			t.Fatalf("%d options, %d ranked", len(opts), len(rs))
		}
		for i := 1; i < len(rs); i++ {
			if rs[i].Total > rs[i-1].Total || rs[i].Position < rs[i-1].Position {
				t.Fatalf("out of order: %+v", rs)
			}
		}
	})
}
