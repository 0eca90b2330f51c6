package indicator

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"
)

func tr(id string, args ...any) string {
	if len(args) == 0 {
		return id
	}
	return id + fmt.Sprint(args...)
}

func byClass(els []*svgtest.Element, class string) []*svgtest.Element {
	var out []*svgtest.Element
	for _, e := range els {
		if strings.Contains(" "+e.Attrs["class"]+" ", " "+class+" ") {
			out = append(out, e)
		}
	}
	return out
}

func attr(t *testing.T, e *svgtest.Element, a string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(e.Attrs[a], 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>", e.Name, a, e.Attrs[a])
	}
	return f
}

func TestChartSVG(t *testing.T) {
	ind := quarterly()
	ind.Baseline, ind.BaselineDate = v(10), day(-5)
	ind.Targets[0].Label = `<Q1 & "first">`
	ms := []Measurement{m(30, 20, true), m(80, 25, false), m(150, 30, false), m(400, 99, false)}
	els := svgtest.Parse(t, ChartSVG(ind, ms, day(200), tr, svgtext.LTR, nil))
	if els[1].Text != "indicator.chart.title" {
		t.Errorf("title %q", els[1].Text)
	}
	dots := byClass(els, "actual")
	if len(dots) != 3 {
		t.Fatalf("%d actual dots, want 3 (the future one left out)", len(dots))
	}
	// The running sum climbs, left to right.
	for k := 1; k < len(dots); k++ {
		if attr(t, dots[k], "cx") <= attr(t, dots[k-1], "cx") || attr(t, dots[k], "cy") >= attr(t, dots[k-1], "cy") {
			t.Errorf("dot %d not right of and above the one before", k)
		}
	}
	if got := len(byClass(els, "target")); got != 4 {
		t.Errorf("%d targets, want 4", got)
	}
	found := false
	for _, e := range els {
		if e.Name == "title" && strings.Contains(e.Text, `<Q1 & "first">`) {
			found = true // the parser unescaped it: it was escaped
		}
	}
	if !found {
		t.Error("target label missing from the titles")
	}
	for _, s := range []string{"series-baseline", "series-life", "series-targets", "series-actuals"} {
		if len(byClass(els, s)) != 1 {
			t.Errorf("no %s", s)
		}
	}
	for _, c := range []string{colText, colMuted, colAxis, colBaseline, colTarget, colLife, colActual} {
		if r := svgtest.Contrast(c, "#ffffff"); r < 3 {
			t.Errorf("colour %s has contrast %.2f on white", c, r)
		}
	}
}

func TestChartSVGMirrored(t *testing.T) {
	ind := quarterly()
	ms := []Measurement{m(30, 20, true), m(80, 25, false)}
	ltr := byClass(svgtest.Parse(t, ChartSVG(ind, ms, day(100), tr, svgtext.LTR, nil)), "actual")
	rtl := byClass(svgtest.Parse(t, ChartSVG(ind, ms, day(100), tr, svgtext.RTL, nil)), "actual")
	for k := range ltr {
		if l, r := attr(t, ltr[k], "cx"), attr(t, rtl[k], "cx"); l+r != chartW {
			t.Errorf("dot %d at %v left to right and %v right to left", k, l, r)
		}
	}
	if attr(t, rtl[1], "cx") >= attr(t, rtl[0], "cx") {
		t.Error("time does not run right to left")
	}
}

func TestChartSVGEdgeCases(t *testing.T) {
	if ChartSVG(Indicator{Kind: Qualitative}, nil, day0, tr, svgtext.LTR, nil) != nil {
		t.Error("a chart for a qualitative indicator")
	}
	// Nothing measured, no target: an empty chart that says so.
	els := svgtest.Parse(t, ChartSVG(Indicator{Kind: Number, Direction: Increase, Start: day0}, nil, day0, tr, svgtext.LTR, nil))
	if len(byClass(els, "empty")) != 1 {
		t.Error("empty chart does not say so")
	}
	// Yes/no: written as words, not 0 and 1.
	yn := Indicator{Kind: YesNo, Direction: Increase, Start: day0, Targets: []Target{{Due: day(50), Value: 1}}}
	words := func(id string, args ...any) string { return strings.TrimPrefix(tr(id, args...), "indicator.") }
	var ticks []string
	for _, e := range byClass(svgtest.Parse(t, ChartSVG(yn, []Measurement{m(10, 0, false)}, day(60), words, svgtext.LTR, nil)), "tick") {
		ticks = append(ticks, e.Text)
	}
	if strings.Join(ticks, ",") != "no,yes" {
		t.Errorf("yes/no ticks %v", ticks)
	}
	// Negative values and one date only.
	neg := Indicator{Kind: Number, Direction: Decrease, Start: day0}
	svgtest.Parse(t, ChartSVG(neg, []Measurement{m(0, -3, false)}, day0, tr, svgtext.RTL, nil))
}

func TestNiceScale(t *testing.T) {
	for _, c := range []struct{ lo, hi, step, yLo, yHi float64 }{
		{0, 0, 0.2, 0, 1},
		{0, 1, 0.2, 0, 1},
		{0, 100, 20, 0, 100},
		{0, 230, 50, 0, 250},
		{-3, 0, 1, -3, 0},
		{0, 12000, 5000, 0, 15000},
	} {
		step, lo, hi := niceScale(c.lo, c.hi)
		if step != c.step || lo != c.yLo || hi != c.yHi {
			t.Errorf("niceScale(%v, %v) = %v, %v, %v; want %v, %v, %v", c.lo, c.hi, step, lo, hi, c.step, c.yLo, c.yHi)
		}
	}
	for in, want := range map[float64]string{1200: "1200", 12000: "12k", 3500000: "3.5M", 0.25: "0.25", -40: "-40"} {
		if got := compact(in); got != want {
			t.Errorf("compact(%v) = %q, want %q", in, got, want)
		}
	}
}
