package spectrum

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/svgtext/svgtest"

	"github.com/partnerkit/partnerkit/i18n"
)

// fakeT shows the message ID followed by its arguments, so that user text
// reaches the output as it would through a real translation.
func fakeT(id string, args ...any) string {
	var b strings.Builder
	b.WriteString(id)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, " %v=%v", args[i], args[i+1])
	}
	return b.String()
}

// shortT is fakeT with short segment names and headings, like real
// translations, so that layout tests see realistic widths.
func shortT(id string, args ...any) string {
	switch {
	case strings.HasPrefix(id, "spectrum.segment."):
		return strings.TrimPrefix(id, "spectrum.segment.")
	case id == "spectrum.svg.wedge":
		return fmt.Sprintf("%v (%v)", args[1], args[3])
	}
	return fakeT(id, args...)
}

func byClass(els []*svgtest.Element, class string) []*svgtest.Element {
	var out []*svgtest.Element
	for _, e := range els {
		if e.Attrs["class"] == class {
			out = append(out, e)
		}
	}
	return out
}

func count(els []*svgtest.Element, text string) int {
	n := 0
	for _, e := range els {
		if e.Name == "text" && e.Text == text {
			n++
		}
	}
	return n
}

func f(e *svgtest.Element, a string) float64 {
	v, _ := strconv.ParseFloat(e.Attrs[a], 64)
	return v
}

// bundle loads the real catalogues. Another area's broken catalogue (work
// in progress elsewhere) skips the test; ours failing to load fails it.
func bundle(t *testing.T) *i18n.Bundle {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		if strings.Contains(err.Error(), "spectrum.") {
			t.Fatal(err)
		}
		t.Skipf("catalogues do not load, not because of ours: %v", err)
	}
	return b
}

func TestSVG(t *testing.T) {
	groups := map[Segment][]Label{
		ActiveAlly:        {{ID: "a", Name: `<script>&"`}, {ID: "b", Name: "Refugee Youth Network"}},
		PassiveAlly:       {{ID: "c", Name: "Churches"}},
		Neutral:           {{ID: `d"><x`, Name: "Local press"}, {ID: "e", Name: "Teachers"}},
		PassiveOpposition: nil,
		ActiveOpposition:  {{ID: "f", Name: "وزارة الداخلية"}},
		Segment(7):        {{ID: "g", Name: "Nowhere"}},
	}
	svg := SVG(groups, shortT, svgtext.LTR)
	s := string(svg)
	els := svgtest.Parse(t, svg)
	if !strings.HasPrefix(els[1].Text, "spectrum.svg.title Count=6") {
		t.Errorf("title = %q", els[1].Text)
	}
	for _, bad := range []string{"<script", "style=", "<x", `&"`} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG contains %q unescaped", bad)
		}
	}
	for seg, labels := range groups {
		for _, l := range labels {
			want := 1
			if !seg.Valid() {
				want = 0
			}
			if n := count(els, l.Name); n != want {
				t.Errorf("%q shown %d times, want %d", l.Name, n, want)
			}
		}
	}
	actors := byClass(els, "actor")
	if len(actors) != 6 {
		t.Errorf("%d actor texts, want 6", len(actors))
	}
	ids := map[string]bool{}
	for _, a := range actors {
		ids[a.Attrs["data-id"]] = true
		if (a.Text == "وزارة الداخلية") != (a.Attrs["direction"] == "rtl") {
			t.Errorf("%q: direction %q", a.Text, a.Attrs["direction"])
		}
	}
	if !ids[`d"><x`] || !ids["a"] {
		t.Errorf("data-id lost: %v", ids)
	}
	// Every wedge: its name and count, even when empty.
	for _, seg := range Segments {
		// A heading too wide for one row is broken over two.
		head := fmt.Sprintf("%s (%d)", seg.Key(), len(groups[seg]))
		var parts []string
		for _, e := range byClass(els, "segment-label") {
			if e.Parent.Attrs["data-segment"] == seg.Key() {
				parts = append(parts, e.Text)
			}
		}
		if got := strings.Join(parts, " "); got != head {
			t.Errorf("heading %q, want %q", got, head)
		}
	}
	if count(els, Us) != 1 {
		t.Error("no centre label")
	}
}

// Each text sits in its own wedge, inside the half ring, and no two texts
// of a wedge overlap (by the width estimate the layout uses).
func TestSVGPlacement(t *testing.T) {
	groups := map[Segment][]Label{}
	for i := range 300 {
		s := Segment(i%5 - 2)
		groups[s] = append(groups[s], Label{ID: fmt.Sprint(i), Name: fmt.Sprintf("Organisation %d %s", i, strings.Repeat("x", i%13))})
	}
	b := bundle(t)
	for _, lang := range i18n.Languages {
		els := svgtest.Parse(t, SVG(groups, b.Localizer(lang).T, svgtext.LTR))
		cx, base := float64(specW)/2, float64(specMargin+outerR)
		type box struct{ l, r, y float64 }
		boxes := map[string][]box{}
		for _, e := range els {
			if e.Name != "text" || e.Parent.Name != "g" {
				continue
			}
			seg := e.Parent.Attrs["data-segment"]
			x, y := f(e, "x")-cx, base-f(e, "y")
			size := f(e, "font-size")
			w := textWidth(e.Text, size)
			// The box's corners lie within the wedge's angles and the ring.
			s, _ := ParseSegment(seg)
			lo, hi := wedgeAngles(s, svgtext.LTR)
			for _, p := range [][2]float64{{x - w/2, y - 3}, {x + w/2, y - 3}, {x - w/2, y + size}, {x + w/2, y + size}} {
				a := math.Atan2(p[1], p[0]) * 180 / math.Pi
				r := math.Hypot(p[0], p[1])
				if a < lo-0.01 || a > hi+0.01 || r > outerR || r < innerR {
					t.Errorf("%s: %q (%s) sticks out of its wedge at %.0f°, r %.0f", lang, e.Text, seg, a, r)
					break
				}
			}
			for _, o := range boxes[seg] {
				if o.y == y && x-w/2 < o.r && o.l < x+w/2 {
					t.Errorf("%s: %q overlaps another text", lang, e.Text)
				}
			}
			boxes[seg] = append(boxes[seg], box{x - w/2, x + w/2, y})
		}
		// Shown names plus "+N more" account for everyone.
		more := regexp.MustCompile(`\d+`)
		for _, seg := range Segments {
			shown, rest := 0, 0
			for _, e := range els {
				if e.Parent == nil || e.Parent.Attrs["data-segment"] != seg.Key() {
					continue
				}
				switch e.Attrs["class"] {
				case "actor":
					shown++
				case "more":
					rest, _ = strconv.Atoi(more.FindString(e.Text))
				}
			}
			if shown+rest != len(groups[seg]) || shown < 2 {
				t.Errorf("%s, %s: %d shown + %d more, of %d", lang, seg, shown, rest, len(groups[seg]))
			}
		}
	}
}

func TestSVGShortened(t *testing.T) {
	long := "The Association of Friends of the Municipal Library and Archives"
	els := svgtest.Parse(t, SVG(map[Segment][]Label{Neutral: {{ID: "x", Name: long}}}, shortT, svgtext.LTR))
	for _, e := range els {
		if e.Attrs["class"] == "actor" {
			if !strings.HasSuffix(e.Text, "…") {
				t.Errorf("not shortened: %q", e.Text)
			}
			return
		}
		if e.Name == "title" && e.Parent.Attrs["class"] == "actor" && e.Text != long {
			t.Errorf("title = %q", e.Text)
		}
	}
	t.Error("name not shown")
}

func TestSVGEmpty(t *testing.T) {
	els := svgtest.Parse(t, SVG(nil, nil, svgtext.LTR))
	if len(byClass(els, "actor")) != 0 || count(els, Us) != 1 {
		t.Error("empty spectrum drawn wrong")
	}
}

func TestWedgeAngles(t *testing.T) {
	prev := 180.0
	for _, s := range []Segment{ActiveOpposition, PassiveOpposition, Neutral, PassiveAlly, ActiveAlly} {
		lo, hi := wedgeAngles(s, svgtext.LTR)
		if hi != prev || hi-lo != 36 {
			t.Errorf("%s: %v..%v", s, lo, hi)
		}
		prev = lo
	}
	if prev != 0 {
		t.Errorf("wedges end at %v°", prev)
	}
}

// Every message ID the package hands out or draws is in the catalogue, and
// the catalogue holds nothing else.
func TestMessageIDs(t *testing.T) {
	keys := catalogKeys(t, "spectrum.en.toml")
	ids := []string{Title, Intro, Source, Us, Remember, NextStepMessage, CountMessage}
	ids = append(ids, Questions...)
	for _, s := range Segments {
		ids = append(ids, s.Message(), s.Advice())
	}
	for _, s := range TacticStatuses {
		ids = append(ids, TacticStatusMessage(s))
	}
	for _, d := range []string{Towards, Away, New} {
		ids = append(ids, DirectionMessage(d))
	}
	record := func(id string, _ ...any) string { ids = append(ids, id); return id }
	groups := map[Segment][]Label{}
	for i := range 200 {
		groups[Neutral] = append(groups[Neutral], Label{ID: fmt.Sprint(i), Name: "n"})
	}
	SVG(groups, record, svgtext.LTR)
	ChartSVG([]time.Time{day(1), day(2)}, CountsOverTime(history, []time.Time{day(1), day(2)}), record, svgtext.LTR, nil)
	ChartSVG(nil, nil, record, svgtext.LTR, nil)
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
		if !keys[id] {
			t.Errorf("spectrum.en.toml lacks %q", id)
		}
	}
	for id := range keys {
		if !want[id] {
			t.Errorf("spectrum.en.toml has %q, which nothing uses", id)
		}
	}
}

// With the real catalogues, nothing shows a message ID.
func TestTranslated(t *testing.T) {
	b := bundle(t)
	groups := map[Segment][]Label{Neutral: {{ID: "1", Name: "Press"}}}
	for range 60 {
		groups[ActiveAlly] = append(groups[ActiveAlly], Label{ID: "x", Name: "Ally"})
	}
	dates := []time.Time{day(1), day(5)}
	for _, lang := range i18n.Languages {
		tr := b.Localizer(lang).T
		for _, svg := range [][]byte{SVG(groups, tr, svgtext.LTR), ChartSVG(dates, CountsOverTime(history, dates), tr, svgtext.LTR, nil), ChartSVG(nil, nil, tr, svgtext.LTR, nil)} {
			for _, e := range svgtest.Parse(t, svg) {
				if strings.Contains(e.Text, "spectrum.") {
					t.Errorf("%s: untranslated <%s>%s", lang, e.Name, e.Text)
				}
				if e.Attrs["class"] == "segment-label" && strings.HasSuffix(e.Text, "…") {
					t.Errorf("%s: wedge heading shortened: %q", lang, e.Text)
				}
			}
		}
	}
}

// WCAG 2.1 AA: text at least 4.5:1 on the wedges; chart lines at least 3:1
// on white; white on the "us" disc.
func TestContrast(t *testing.T) {
	for s, fill := range wedgeFill {
		for _, c := range []string{colText, colMuted} {
			if r := svgtest.Contrast(c, fill); r < 4.5 {
				t.Errorf("%s on %s (%s): %.2f", c, fill, s, r)
			}
		}
	}
	for s, st := range lineStyle {
		if r := svgtest.Contrast(st.colour, "#ffffff"); r < 3 {
			t.Errorf("line %s (%s): %.2f", st.colour, s, r)
		}
	}
	if r := svgtest.Contrast("#ffffff", colUs); r < 4.5 {
		t.Errorf("us: %.2f", r)
	}
}

func BenchmarkSVG2000(b *testing.B) {
	groups := map[Segment][]Label{}
	for i := range 2000 {
		s := Segment(i%5 - 2)
		groups[s] = append(groups[s], Label{ID: fmt.Sprint(i), Name: fmt.Sprint("Organisation number ", i)})
	}
	for b.Loop() {
		SVG(groups, fakeT, svgtext.LTR)
	}
}

// Plural messages have every form each language needs (a missing form
// shows the message ID).
func TestPluralForms(t *testing.T) {
	b := bundle(t)
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		for _, id := range []string{CountMessage, "spectrum.more", "spectrum.svg.title", "spectrum.svg.segment_count", "spectrum.chart.desc"} {
			for _, n := range []int{0, 1, 2, 3, 11, 100, 102} {
				if got := l.T(id, "Count", n, "Segment", "S", "From", "F", "To", "T"); got == id || strings.Contains(got, "<no value>") {
					t.Errorf("%s %s Count=%d: %q", lang, id, n, got)
				}
			}
		}
	}
}

// catalogKeys returns the message IDs of one of our catalogue files.
func catalogKeys(t *testing.T, file string) map[string]bool {
	t.Helper()
	keys, err := i18n.Keys(file)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
