package network

import (
	"io"
	"testing"

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
