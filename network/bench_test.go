package network

import "testing"

// The benchmarks run on a seeded random network of 2,000 actors and 10,000
// relationships, the size the package promises to handle well under a
// second on two cores.
var benchNodes, benchEdges = randomNetwork(2000, 10000, 1)

func BenchmarkAnalyse(b *testing.B) {
	for b.Loop() {
		Analyse(benchNodes, benchEdges, nil)
	}
}
