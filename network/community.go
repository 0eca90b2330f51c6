package network

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/community"
)

// communitySeed fixes the Louvain method's random order of visits, so the
// same network always gives the same communities.
const communitySeed = 20240601

// communities finds communities with gonum's Louvain method (Blondel et al.
// 2008) at resolution 1, and numbers them largest first (ties: the one whose
// first actor comes first). It returns the member lists, in input order, and
// each node's community number.
func communities(g *simpleGraph) ([][]int, []int) {
	n := g.n()
	var comms [][]int
	if g.m == 0 {
		// Louvain has nothing to join: every actor stands alone.
		comms = make([][]int, n)
		for u := range comms {
			comms[u] = []int{u}
		}
	} else {
		r := community.Modularize(gonumGraph{g}, 1, rand.NewPCG(communitySeed, communitySeed))
		for _, c := range r.Communities() {
			if len(c) == 0 {
				continue // the last round of moves can leave a community empty
			}
			members := make([]int, len(c))
			for i, nd := range c {
				members[i] = int(nd.ID())
			}
			slices.Sort(members)
			comms = append(comms, members)
		}
	}
	slices.SortFunc(comms, func(a, b []int) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return a[0] - b[0]
	})
	commOf := make([]int, n)
	for c, members := range comms {
		for _, u := range members {
			commOf[u] = c
		}
	}
	return comms, commOf
}
