package powermap

import (
	"strconv"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"
)

// For a right-to-left reader the map is the left-to-right map reflected:
// active opposition on the right, allies on the left, the influence axis
// and its title on the right, every text at least 12 units high.
func TestSVGMirrored(t *testing.T) {
	t.Parallel()
	points := []Point{
		{ID: "a", Label: "وزارة الداخلية", Support: -2, Influence: 5, Interest: 3},
		{ID: "b", Label: "Youth network", Support: 2, Influence: 2},
	}
	ltr := svgtest.Parse(t, SVG(points, []Line{{From: "a", To: "b"}}, fakeT, svgtext.LTR))
	rtl := svgtest.Parse(t, SVG(points, []Line{{From: "a", To: "b"}}, fakeT, svgtext.RTL))
	if len(ltr) != len(rtl) {
		t.Fatalf("%d elements left to right, %d right to left", len(ltr), len(rtl))
	}
	x := func(e *svgtest.Element, a string) float64 {
		v, err := strconv.ParseFloat(e.Attrs[a], 64)
		if err != nil {
			t.Fatalf("<%s %s=%q>", e.Name, a, e.Attrs[a])
		}
		return v
	}
	for i, l := range ltr {
		r := rtl[i]
		switch {
		case l.Name == "rect" && l.Attrs["class"] == "cell":
			if got, want := x(r, "x"), mapW-x(l, "x")-colW; got != want {
				t.Errorf("cell %s/%s at x %v, want %v", l.Attrs["data-support"], l.Attrs["data-influence"], got, want)
			}
		case l.Name == "circle" || l.Name == "line" && l.Attrs["class"] != "":
			k := "cx"
			if l.Name == "line" {
				k = "x1"
			}
			if got, want := x(r, k), mapW-x(l, k); got != want {
				t.Errorf("<%s> at %v, want %v", l.Name, got, want)
			}
		case l.Name == "text":
			if x(l, "font-size") < 12 {
				t.Errorf("%q at %v units", l.Text, l.Attrs["font-size"])
			}
			if l.Text != r.Text {
				t.Errorf("text %q became %q", l.Text, r.Text)
			}
			if got, want := x(r, "x"), mapW-x(l, "x"); got < want-0.11 || got > want+0.11 {
				t.Errorf("%q at x %v, want %v", l.Text, got, want)
			}
		}
	}
	// Which end is "against" is where the reader starts reading.
	for _, c := range []struct {
		els      []*svgtest.Element
		lowRight bool
	}{{ltr, false}, {rtl, true}} {
		for _, e := range c.els {
			if e.Attrs["class"] == "axis-low" && (x(e, "x") > mapW/2) != c.lowRight {
				t.Errorf("the opposition end %q at x %v", e.Text, e.Attrs["x"])
			}
			if e.Attrs["class"] == "axis-title" && (x(e, "x") > mapW/2) != c.lowRight {
				t.Errorf("the influence axis title at x %v", e.Attrs["x"])
			}
		}
	}
}
