package spectrum

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"
)

func polylines(els []*svgtest.Element) map[string][][2]float64 {
	out := map[string][][2]float64{}
	for _, e := range els {
		if e.Name != "polyline" {
			continue
		}
		key := strings.TrimPrefix(strings.Fields(e.Parent.Attrs["class"])[1], "series-")
		for _, p := range strings.Fields(e.Attrs["points"]) {
			xy := strings.Split(p, ",")
			x, _ := strconv.ParseFloat(xy[0], 64)
			y, _ := strconv.ParseFloat(xy[1], 64)
			out[key] = append(out[key], [2]float64{x, y})
		}
	}
	return out
}

func TestChartSVG(t *testing.T) {
	dates := []time.Time{day(8), day(1), day(3), day(5)} // unsorted on purpose
	series := CountsOverTime(history, dates)
	els := svgtest.Parse(t, ChartSVG(dates, series, shortT, svgtext.LTR, nil))
	if els[1].Text != "spectrum.chart.title" {
		t.Errorf("title %q", els[1].Text)
	}
	lines := polylines(els)
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5", len(lines))
	}
	dashes := map[string]bool{}
	for _, e := range els {
		if e.Name == "polyline" {
			dashes[e.Attrs["stroke-dasharray"]] = true
		}
	}
	if len(dashes) != 5 {
		t.Errorf("lines not told apart by dash pattern: %v", dashes)
	}
	// Points run left to right in date order; a higher count is higher up.
	pts := lines["passive_ally"]
	if len(pts) != 4 {
		t.Fatalf("passive allies: %v", pts)
	}
	for i := 1; i < len(pts); i++ {
		if pts[i][0] <= pts[i-1][0] {
			t.Errorf("x not increasing: %v", pts)
		}
	}
	// passive allies on days 1, 3, 5, 8: 0, 2, 2, 2
	if !(pts[1][1] < pts[0][1] && pts[1][1] == pts[2][1] && pts[1][1] == pts[3][1]) {
		t.Errorf("passive-ally heights wrong: %v", pts)
	}
	// Dates as YYYY-MM-DD, first and last at least.
	var labels []string
	for _, e := range byClass(els, "date") {
		labels = append(labels, e.Text)
	}
	if len(labels) < 2 || labels[0] != "2026-03-02" || labels[len(labels)-1] != "2026-03-09" {
		t.Errorf("date labels %v", labels)
	}
	// Legend with the latest counts.
	for _, s := range Segments {
		want := fmt.Sprintf("%s (%d)", s.Key(), series[0][s])
		if count(els, want) != 1 {
			t.Errorf("legend lacks %q", want)
		}
	}
}

func TestChartSVGEdgeCases(t *testing.T) {
	// Nothing yet.
	els := svgtest.Parse(t, ChartSVG(nil, nil, fakeT, svgtext.LTR, nil))
	if count(els, "spectrum.chart.empty") != 1 || len(polylines(els)) != 0 {
		t.Error("empty chart")
	}
	// One date: a point in the middle, with a marker.
	one := []time.Time{day(8)}
	els = svgtest.Parse(t, ChartSVG(one, CountsOverTime(history, one), fakeT, svgtext.LTR, nil))
	if p := polylines(els)["active_ally"]; len(p) != 1 || p[0][0] != chartLeft+float64(chartW-chartLeft-chartRight)/2 {
		t.Errorf("single date at %v", p)
	}
	if len(byClass(els, "date")) != 1 {
		t.Error("single date not labelled once")
	}
	// Mismatched lengths: the extra dates are ignored.
	els = svgtest.Parse(t, ChartSVG([]time.Time{day(1), day(2), day(3)}, CountsOverTime(history, []time.Time{day(1)}), nil, svgtext.LTR, nil))
	if p := polylines(els)["neutral"]; len(p) != 1 {
		t.Errorf("mismatched: %v", p)
	}
	// Many dates close together: labels do not crowd.
	var many []time.Time
	for i := range 200 {
		many = append(many, day(i))
	}
	els = svgtest.Parse(t, ChartSVG(many, CountsOverTime(history, many), fakeT, svgtext.LTR, nil))
	var xs []float64
	for _, e := range byClass(els, "date") {
		xs = append(xs, f(e, "x"))
	}
	if len(xs) < 3 || len(xs) > 8 {
		t.Errorf("%d date labels for 200 dates", len(xs))
	}
	for i := 1; i < len(xs); i++ {
		if xs[i]-xs[i-1] < 56 {
			t.Errorf("date labels %v too close", xs)
		}
	}
	if len(byClass(els, "series series-neutral")) != 1 {
		t.Error("series group missing")
	}
}

func TestNiceScale(t *testing.T) {
	for _, c := range []struct{ top, step, max int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {5, 1, 5}, {6, 2, 6}, {7, 2, 8}, {10, 2, 10}, {11, 5, 15}, {23, 5, 25}, {26, 10, 30}, {51, 20, 60}, {1999, 500, 2000},
	} {
		step, m := niceScale(c.top)
		if step != c.step || m != c.max {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", c.top, step, m, c.step, c.max)
		}
	}
}

func BenchmarkChartSVG2000(b *testing.B) {
	all, _ := benchHistory()
	var dates []time.Time
	for i := range 2000 {
		dates = append(dates, day0.Add(time.Duration(i)*8*time.Hour))
	}
	series := CountsOverTime(all, dates)
	b.ResetTimer()
	for b.Loop() {
		ChartSVG(dates, series, fakeT, svgtext.LTR, nil)
	}
}
