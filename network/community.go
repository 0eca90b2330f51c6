package network

import (
	"math/rand/v2"
	"slices"
)

// communitySeed fixes the Louvain method's order of visits, so the same
// network always gives the same communities.
const communitySeed = 20240601

// communities finds communities with the Louvain method (Blondel et al.
// 2008) at resolution 1, and numbers them largest first (ties: the one whose
// first actor comes first). It returns the member lists, in input order, and
// each node's community number.
func communities(g *simpleGraph) ([][]int, []int) {
	n := g.n()
	of := make([]int32, n)
	for u := range of {
		of[u] = int32(u)
	}
	if g.m > 0 {
		w := make([]float64, len(g.nbr))
		for i := range w {
			w[i] = 1
		}
		level := &weighted{off: g.off, nbr: g.nbr, w: w, self: make([]float64, n)}
		rng := rand.New(rand.NewPCG(communitySeed, communitySeed))
		for {
			comm, moved := level.localMoves(rng)
			if !moved {
				break
			}
			var k int32
			level, k = level.aggregate(comm)
			for u := range of {
				of[u] = comm[of[u]]
			}
			if int(k) == 1 {
				break
			}
		}
	}
	// Members in input order, communities in order of their first member.
	index := make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var comms [][]int
	for u, c := range of {
		if index[c] < 0 {
			index[c] = len(comms)
			comms = append(comms, nil)
		}
		comms[index[c]] = append(comms[index[c]], u)
	}
	slices.SortStableFunc(comms, func(a, b []int) int { return len(b) - len(a) })
	commOf := make([]int, n)
	for c, members := range comms {
		for _, u := range members {
			commOf[u] = c
		}
	}
	return comms, commOf
}

// weighted is one level of the Louvain method: an undirected weighted graph
// in compressed rows without self-loops, each node's self-loop weight apart
// (the ties inside a community of the level below, counted from both ends).
type weighted struct {
	off  []int32
	nbr  []int32
	w    []float64
	self []float64
}

// localMoves moves each node, in a seeded random order, to the neighbouring
// community that raises modularity most, sweeping until no node moves. It
// returns each node's community, numbered 0…k-1 in order of first node, and
// whether any node moved.
func (lv *weighted) localMoves(rng *rand.Rand) ([]int32, bool) {
	n := len(lv.self)
	comm := make([]int32, n)
	strength := make([]float64, n) // k_i, ties counted once per end, self-loop as given
	total := 0.0                   // 2m
	for u := range n {
		comm[u] = int32(u)
		s := lv.self[u]
		for _, x := range lv.w[lv.off[u]:lv.off[u+1]] {
			s += x
		}
		strength[u] = s
		total += s
	}
	tot := slices.Clone(strength) // Σ k over each community's members
	toComm := make([]float64, n)  // weight from the node at hand to each community
	touched := make([]int32, 0, 64)
	order := rng.Perm(n)
	moved := false
	for {
		movedThisSweep := false
		for _, u := range order {
			cu := comm[u]
			ku := strength[u]
			touched = touched[:0]
			for i := lv.off[u]; i < lv.off[u+1]; i++ {
				c := comm[lv.nbr[i]]
				if toComm[c] == 0 {
					touched = append(touched, c)
				}
				toComm[c] += lv.w[i]
			}
			tot[cu] -= ku
			// Gain of joining c, up to a positive factor: k_i,in(c) - tot(c)·k_i/2m.
			best, bestGain := cu, toComm[cu]-tot[cu]*ku/total
			for _, c := range touched {
				if gain := toComm[c] - tot[c]*ku/total; gain > bestGain+1e-12 {
					best, bestGain = c, gain
				}
			}
			for _, c := range touched {
				toComm[c] = 0
			}
			tot[best] += ku
			if best != cu {
				comm[u] = best
				movedThisSweep = true
			}
		}
		if !movedThisSweep {
			break
		}
		moved = true
	}
	// Renumber 0…k-1 in order of first node.
	number := make([]int32, n)
	for i := range number {
		number[i] = -1
	}
	k := int32(0)
	for u, c := range comm {
		if number[c] < 0 {
			number[c] = k
			k++
		}
		comm[u] = number[c]
	}
	return comm, moved
}

// aggregate makes the next level: one node per community, the ties between
// communities summed, the ties inside each become its self-loop.
func (lv *weighted) aggregate(comm []int32) (*weighted, int32) {
	k := int32(0)
	for _, c := range comm {
		k = max(k, c+1)
	}
	members := make([][]int32, k)
	for u, c := range comm {
		members[c] = append(members[c], int32(u))
	}
	next := &weighted{off: make([]int32, k+1), self: make([]float64, k)}
	acc := make([]float64, k)
	touched := make([]int32, 0, 64)
	for c := range k {
		touched = touched[:0]
		for _, u := range members[c] {
			next.self[c] += lv.self[u]
			for i := lv.off[u]; i < lv.off[u+1]; i++ {
				d := comm[lv.nbr[i]]
				if d == c {
					next.self[c] += lv.w[i]
					continue
				}
				if acc[d] == 0 {
					touched = append(touched, d)
				}
				acc[d] += lv.w[i]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			next.nbr = append(next.nbr, d)
			next.w = append(next.w, acc[d])
			acc[d] = 0
		}
		next.off[c+1] = int32(len(next.nbr))
	}
	return next, k
}
