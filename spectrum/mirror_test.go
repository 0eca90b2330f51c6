package spectrum

import (
	"strconv"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"
)

func attr(t *testing.T, e *svgtest.Element, a string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(e.Attrs[a], 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>", e.Name, a, e.Attrs[a])
	}
	return v
}

// For a right-to-left reader the active opposition's wedge is on the right
// and the active allies' on the left; names keep their wedge.
func TestSVGMirrored(t *testing.T) {
	t.Parallel()
	groups := map[Segment][]Label{
		ActiveOpposition: {{ID: "o", Name: "وزارة الداخلية"}},
		ActiveAlly:       {{ID: "a", Name: "Youth network"}},
	}
	for _, c := range []struct {
		dir           svgtext.Direction
		opposeOnRight bool
	}{{svgtext.LTR, false}, {svgtext.RTL, true}} {
		seen := 0
		for _, e := range svgtest.Parse(t, SVG(groups, shortT, c.dir)) {
			if e.Name != "text" {
				continue
			}
			if attr(t, e, "font-size") < 12 {
				t.Errorf("%s: %q at %v units", c.dir, e.Text, e.Attrs["font-size"])
			}
			right := attr(t, e, "x") > specW/2
			switch e.Attrs["data-id"] {
			case "o":
				seen++
				if right != c.opposeOnRight {
					t.Errorf("%s: the active opposition drawn at x %v", c.dir, e.Attrs["x"])
				}
			case "a":
				seen++
				if right == c.opposeOnRight {
					t.Errorf("%s: the active allies drawn at x %v", c.dir, e.Attrs["x"])
				}
			}
		}
		if seen != 2 {
			t.Errorf("%s: %d of 2 names drawn", c.dir, seen)
		}
	}
}

// The chart over time runs from right to left for a right-to-left reader,
// its count axis title on the right; its date labels, in a language with
// long month names, never come closer than dateGap, and the first and last
// dates are always labelled.
func TestChartMirroredAndSpaced(t *testing.T) {
	t.Parallel()
	var dates []time.Time
	for d := 0; d < 40; d++ {
		dates = append(dates, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 3*d))
	}
	dates = append(dates, dates[len(dates)-1].Add(24*time.Hour)) // a last date crowding its neighbour
	long := func(d time.Time) string { return d.Format("2 September 2006") }
	series := make([]map[Segment]int, len(dates))
	for i := range series {
		series[i] = map[Segment]int{ActiveAlly: i}
	}
	for _, dir := range []svgtext.Direction{svgtext.LTR, svgtext.RTL} {
		els := svgtest.Parse(t, ChartSVG(dates, series, shortT, dir, long))
		var xs []float64
		var texts []string
		for _, e := range els {
			if e.Name == "text" && attr(t, e, "font-size") < 12 {
				t.Errorf("%s: %q at %v units", dir, e.Text, e.Attrs["font-size"])
			}
			if e.Attrs["class"] == "date" {
				xs, texts = append(xs, attr(t, e, "x")), append(texts, e.Text)
			}
			if e.Attrs["class"] == "axis-title" && (attr(t, e, "x") > chartW/2) != (dir == svgtext.RTL) {
				t.Errorf("%s: count axis title at x %v", dir, e.Attrs["x"])
			}
		}
		if len(xs) < 3 || texts[0] != long(dates[0]) || texts[len(texts)-1] != long(dates[len(dates)-1]) {
			t.Fatalf("%s: date labels %q", dir, texts)
		}
		for k := 1; k < len(xs); k++ {
			gap := xs[k] - xs[k-1]
			if dir == svgtext.RTL {
				gap = -gap // time runs leftwards
			}
			room := (textWidth(texts[k], chartTick)+textWidth(texts[k-1], chartTick))/2 + dateGap
			if gap < room-0.2 {
				t.Errorf("%s: %q and %q %.1f apart, want %.1f", dir, texts[k-1], texts[k], gap, room)
			}
		}
		for _, x := range xs {
			if x < 0 || x > chartW {
				t.Errorf("%s: a date label at x %v, outside the picture", dir, x)
			}
		}
	}
}
