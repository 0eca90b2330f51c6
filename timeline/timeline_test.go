package timeline

import (
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"
)

func pct(n int) *int { return &n }

func plans() []Plan {
	return []Plan{
		{Title: "Youth council <campaign> & more", Start: "2026-02-01", End: "2026-09-30", Progress: pct(50),
			Milestones: []Milestone{{Title: "Spring session", Due: "2026-04-15", Done: true}}},
		{Title: "حملة المجلس الشبابي", Start: "2026-06-01", End: "2026-11-30"},
		{Title: "No dates yet"},
	}
}

func attr(e *svgtest.Element, name string) float64 {
	v, _ := strconv.ParseFloat(e.Attrs[name], 64)
	return v
}

func TestTimelineDrawsBarsMilestonesAndToday(t *testing.T) {
	t.Parallel()
	out := SVG(plans(), "2026-03-02", svgtext.LTR, Labels{Title: "Timeline", Today: "today", NoDates: "no dates"})
	els := svgtest.Parse(t, out)
	var bars, fills, diamonds, texts []*svgtest.Element
	for _, e := range els {
		switch e.Name {
		case "rect":
			if e.Attrs["fill"] == "#3b5b8c" {
				fills = append(fills, e)
			} else {
				bars = append(bars, e)
			}
		case "path":
			diamonds = append(diamonds, e)
		case "text":
			texts = append(texts, e)
		}
	}
	if len(bars) != 2 || len(fills) != 1 || len(diamonds) != 1 {
		t.Fatalf("bars %d, fills %d, diamonds %d", len(bars), len(fills), len(diamonds))
	}
	// Half done: the fill is half the bar, from its start.
	if w, fw := attr(bars[0], "width"), attr(fills[0], "width"); fw < w/2-0.2 || fw > w/2+0.2 || attr(fills[0], "x") != attr(bars[0], "x") {
		t.Errorf("fill %v of %v", fw, w)
	}
	// The later plan starts further right; everything fits the width.
	if attr(bars[1], "x") <= attr(bars[0], "x") {
		t.Error("the second plan does not start later")
	}
	for _, b := range bars {
		if attr(b, "x") < 0 || attr(b, "x")+attr(b, "width") > Width {
			t.Errorf("bar outside the drawing: %v", b.Attrs)
		}
	}
	s := string(out)
	if strings.Contains(s, "<campaign>") || !strings.Contains(s, "&lt;campaign&gt; &amp; more") {
		t.Error("a title is not escaped")
	}
	if !strings.Contains(s, `direction="rtl"`) {
		t.Error("the Arabic title is not marked right-to-left")
	}
	if !strings.Contains(s, ">no dates<") || !strings.Contains(s, ">today<") {
		t.Error("missing the words for no dates or today")
	}
}

func TestTimelineMirrorsForRightToLeft(t *testing.T) {
	t.Parallel()
	ltr := svgtest.Parse(t, SVG(plans(), "2026-03-02", svgtext.LTR, Labels{}))
	rtl := svgtest.Parse(t, SVG(plans(), "2026-03-02", svgtext.RTL, Labels{}))
	first := func(els []*svgtest.Element) *svgtest.Element {
		for _, e := range els {
			if e.Name == "rect" {
				return e
			}
		}
		return nil
	}
	l, r := first(ltr), first(rtl)
	if got, want := attr(r, "x"), Width-attr(l, "x")-attr(l, "width"); got < want-0.2 || got > want+0.2 {
		t.Errorf("mirrored bar at %v, want %v", got, want)
	}
}

func TestTimelineWithoutDates(t *testing.T) {
	t.Parallel()
	out := SVG([]Plan{{Title: "Only a name"}}, "2026-03-02", svgtext.LTR, Labels{NoDates: "no dates"})
	if !strings.Contains(string(out), ">no dates<") || strings.Contains(string(out), "<rect") {
		t.Errorf("%s", out)
	}
	if out := SVG(nil, "2026-03-02", svgtext.LTR, Labels{}); !strings.HasPrefix(string(out), "<svg") {
		t.Errorf("empty: %s", out)
	}
}
