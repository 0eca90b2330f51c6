package network

import (
	"io"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
)

// The benchmarks run on a seeded random network of 2,000 actors and 10,000
// relationships of mixed types and directions, the size the package
// promises to analyse well under a second on two cores.
var benchNodes, benchEdges = randomNetwork(2000, 10000, 1)

func BenchmarkAnalyse(b *testing.B) {
	for b.Loop() {
		Analyse(benchNodes, benchEdges, nil)
	}
}

func BenchmarkLayout(b *testing.B) {
	for b.Loop() {
		Layout(benchNodes, benchEdges, nil, defaultWidth, defaultHeight)
	}
}

// BenchmarkSVG draws from a given analysis and layout.
func BenchmarkSVG(b *testing.B) {
	res := Analyse(benchNodes, benchEdges, nil)
	pos := Layout(benchNodes, benchEdges, nil, defaultWidth, defaultHeight)
	b.ResetTimer()
	for b.Loop() {
		SVG(benchNodes, benchEdges, nil, res, pos, nil, svgtext.LTR)
	}
}

func BenchmarkWriteGEXF(b *testing.B) {
	res := Analyse(benchNodes, benchEdges, nil)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteGEXF(io.Discard, benchNodes, benchEdges, res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteGraphML(b *testing.B) {
	res := Analyse(benchNodes, benchEdges, nil)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteGraphML(io.Discard, benchNodes, benchEdges, res); err != nil {
			b.Fatal(err)
		}
	}
}

// The large benchmarks run on a seeded random network of 10,000 actors and
// 50,000 relationships, the size of a national coalition. Besides wall time
// they report the process's CPU time per operation (cpu-ms/op), which a
// busy machine disturbs less.
var largeNodes, largeEdges = randomNetwork(10000, 50000, 16)

func BenchmarkLargeAnalyse(b *testing.B) {
	defer cpuPerOp(b)()
	for b.Loop() {
		Analyse(largeNodes, largeEdges, nil)
	}
}

// BenchmarkLargeFirstView is the work of the first view of the network
// page: the analysis, then the layout of the 300 most connected actors and
// the ties among them, the part the page draws (pk.Network.Picture).
func BenchmarkLargeFirstView(b *testing.B) {
	defer cpuPerOp(b)()
	for b.Loop() {
		res := Analyse(largeNodes, largeEdges, nil)
		ids := make([]string, 0, len(largeNodes))
		for _, n := range largeNodes {
			ids = append(ids, n.ID)
		}
		slices.SortFunc(ids, func(x, y string) int { return res.Metrics[y].Degree - res.Metrics[x].Degree })
		core := map[string]bool{}
		for _, id := range ids[:300] {
			core[id] = true
		}
		var nodes []Node
		for _, n := range largeNodes {
			if core[n.ID] {
				nodes = append(nodes, n)
			}
		}
		var edges []Edge
		for _, e := range largeEdges {
			if core[e.From] && core[e.To] {
				edges = append(edges, e)
			}
		}
		Layout(nodes, edges, nil, defaultWidth, defaultHeight)
	}
}

func BenchmarkLargeParts(b *testing.B) {
	g := build(largeNodes, largeEdges, nil)
	comps, _ := g.components()
	b.Run("paths", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			paths(g)
		}
	})
	// One worker searching from a tenth of the actors: the search alone,
	// steadier to compare on a busy machine than the whole.
	b.Run("search", func(b *testing.B) {
		r := renumber(g)
		nbr := make([]uint16, len(r.nbr))
		for i, v := range r.nbr {
			nbr[i] = uint16(v)
		}
		s := newSearch(r.off, nbr, r.bounds)
		bc, cc, reach := make([]float64, g.n()), make([]float64, g.n()), make([]float64, g.n())
		for b.Loop() {
			s.run(0, g.n()/10, bc, cc, reach)
		}
	})
	b.Run("communities", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			communities(g)
		}
	})
	b.Run("eigenvector", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			eigenvector(g, comps)
		}
	})
	b.Run("layout", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			Layout(largeNodes, largeEdges, nil, defaultWidth, defaultHeight)
		}
	})
}

// cpuPerOp starts counting the process's CPU time; the function it returns
// reports it per operation.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
