package powermap

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext/svgtest"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/svgtext"
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

func texts(els []*svgtest.Element) []string {
	var out []string
	for _, e := range els {
		if e.Name == "text" {
			out = append(out, e.Text)
		}
	}
	return out
}

func count(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

func TestSVGBasics(t *testing.T) {
	points := []Point{
		{ID: "a", Label: `<script>&"`, Support: 2, Influence: 5, Interest: 5},
		{ID: "b", Label: "City council", Support: -2, Influence: 4},
		{ID: `c"><x`, Label: "Youth club", Support: 1, Influence: 1, Interest: 2},
		{ID: "d", Label: "Neighbours", Support: 0, Influence: 2, Strategy: CapacityDevelopment},
		{ID: "e", Label: "Far out", Support: 7, Influence: -3},
	}
	lines := []Line{{From: "a", To: "b", Conflict: true}, {From: "a", To: `c"><x`}, {From: "a", To: "ghost"}, {From: "a", To: "a"}}
	svg := SVG(points, lines, fakeT, svgtext.LTR)
	s := string(svg)
	els := svgtest.Parse(t, svg)

	root := els[0]
	if root.Attrs["role"] != "img" || !strings.HasPrefix(root.Attrs["viewBox"], "0 0 492 ") {
		t.Errorf("root attributes: %v", root.Attrs)
	}
	if els[1].Name != "title" || !strings.HasPrefix(els[1].Text, "powermap.svg.title Count=5") {
		t.Errorf("first child = <%s>%s", els[1].Name, els[1].Text)
	}
	for _, bad := range []string{"<script", "style=", `<x`, `&"`} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG contains %q unescaped", bad)
		}
	}

	// Each actor: one group, its label once among the texts, a title naming it.
	groups := map[string]*svgtest.Element{}
	for _, e := range els {
		if e.Name == "g" && strings.Contains(e.Attrs["class"], "actor") {
			if groups[e.Attrs["data-id"]] != nil {
				t.Errorf("two groups for %q", e.Attrs["data-id"])
			}
			groups[e.Attrs["data-id"]] = e
		}
	}
	tx := texts(els)
	for _, p := range points {
		g := groups[p.ID]
		if g == nil {
			t.Errorf("no group for %q", p.ID)
			continue
		}
		if n := count(tx, p.Label); n != 1 {
			t.Errorf("label %q appears %d times", p.Label, n)
		}
		want := fmt.Sprint(clamp(p.Support, -2, 2), clamp(p.Influence, 1, 5))
		if got := g.Attrs["data-support"] + " " + g.Attrs["data-influence"]; got != want {
			t.Errorf("%s: data = %s, want %s", p.ID, got, want)
		}
	}
	var titles []string
	for _, e := range els {
		if e.Name == "title" && strings.HasPrefix(e.Parent.Attrs["class"], "actor") {
			titles = append(titles, e.Text)
		}
	}
	if len(titles) < len(points) || !strings.Contains(strings.Join(titles, "\n"), `Name=<script>&" Strategy=powermap.strategy.partner`) {
		t.Errorf("actor titles: %q", titles)
	}
	if groups["d"].Attrs["data-strategy"] != "capacity_development" {
		t.Error("a chosen strategy is not kept")
	}
	if !strings.Contains(groups["b"].Attrs["class"], "not-first-target") || strings.Contains(groups["a"].Attrs["class"], "not-first-target") {
		t.Error("not-first target not marked (or marked wrongly)")
	}

	// Lines: one conflict, one cooperation; unknown and self lines dropped.
	var conflict, coop int
	for _, e := range els {
		if e.Name == "line" && strings.HasPrefix(e.Attrs["class"], "link") {
			if e.Attrs["class"] == "link conflict" {
				conflict++
				if e.Attrs["stroke-dasharray"] == "" {
					t.Error("conflict line not dashed")
				}
			} else {
				coop++
			}
		}
	}
	if conflict != 1 || coop != 1 {
		t.Errorf("%d conflict and %d cooperation lines, want 1 and 1", conflict, coop)
	}

	// Quadrant labels (shortened where the IDs are too long), axes, 25 cells.
	var quadrants []string
	for _, e := range els {
		if e.Attrs["class"] == "quadrant-label" {
			quadrants = append(quadrants, e.Text)
		}
	}
	if len(quadrants) != 4 || !strings.HasPrefix(quadrants[0], "powermap.strategy.") {
		t.Errorf("quadrant labels: %q", quadrants)
	}
	for _, id := range []string{AxisSupport, AxisInfluence, "-2", "+2", "0", "1", "5"} {
		if count(tx, id) == 0 {
			t.Errorf("axis text %q missing", id)
		}
	}
	cells := 0
	for _, e := range els {
		if e.Name == "rect" && e.Attrs["class"] == "cell" {
			cells++
		}
	}
	if cells != 25 {
		t.Errorf("%d cells, want 25", cells)
	}
}

// Positions follow the axes: more support to the right, more influence up.
func TestSVGGeometry(t *testing.T) {
	var points []Point
	for sup := -2; sup <= 2; sup++ {
		for inf := 1; inf <= 5; inf++ {
			points = append(points, Point{ID: fmt.Sprint(sup, inf), Label: "x", Support: sup, Influence: inf})
		}
	}
	els := svgtest.Parse(t, SVG(points, nil, nil, svgtext.LTR))
	pos := map[string][2]float64{}
	var current string
	for _, e := range els {
		if e.Name == "g" && strings.HasPrefix(e.Attrs["class"], "actor") {
			current = e.Attrs["data-id"]
		}
		if e.Name == "circle" && current != "" && e.Attrs["fill"] != "none" {
			x, _ := strconv.ParseFloat(e.Attrs["cx"], 64)
			y, _ := strconv.ParseFloat(e.Attrs["cy"], 64)
			pos[current] = [2]float64{x, y}
			current = ""
		}
	}
	for sup := -2; sup < 2; sup++ {
		for inf := 1; inf < 5; inf++ {
			p, right, up := pos[fmt.Sprint(sup, inf)], pos[fmt.Sprint(sup+1, inf)], pos[fmt.Sprint(sup, inf+1)]
			if !(right[0] > p[0] && right[1] == p[1]) || !(up[1] < p[1] && up[0] == p[0]) {
				t.Errorf("(%d,%d) at %v; right %v, up %v", sup, inf, p, right, up)
			}
		}
	}
}

// A crowded cell: labels stay inside the cell and do not overlap; the rest
// pile up behind a "+N more" label; every actor keeps its group.
func TestSVGCrowdedCell(t *testing.T) {
	var points []Point
	for i := range 12 {
		points = append(points, Point{ID: fmt.Sprint("p", i), Label: fmt.Sprintf("Group %02d", i), Support: 1, Influence: 4})
	}
	points = append(points, Point{ID: "alone", Label: "Alone", Support: -1, Influence: 4})
	svg := SVG(points, nil, fakeT, svgtext.LTR)
	els := svgtest.Parse(t, svg)
	tx := texts(els)
	var labels []*svgtest.Element
	for _, e := range els {
		if e.Name == "text" && e.Attrs["class"] == "actor-label" {
			labels = append(labels, e)
		}
	}
	if len(labels) != cellSlots-1+1 {
		t.Errorf("%d labels shown, want %d", len(labels), cellSlots)
	}
	ys := map[string]bool{}
	for _, l := range labels[:cellSlots-1] {
		if ys[l.Attrs["y"]] {
			t.Errorf("two labels at y=%s", l.Attrs["y"])
		}
		ys[l.Attrs["y"]] = true
	}
	if count(tx, "powermap.more Count=8") != 1 {
		t.Errorf("no +8 more: %q", tx)
	}
	// The labelled ones come first by name.
	for i := range cellSlots - 1 {
		if count(tx, fmt.Sprintf("Group %02d", i)) != 1 {
			t.Errorf("Group %02d not labelled", i)
		}
	}
	n := 0
	for _, e := range els {
		if e.Name == "g" && e.Attrs["class"] == "actor" {
			n++
		}
	}
	if n != len(points) {
		t.Errorf("%d actor groups, want %d", n, len(points))
	}
	// Long labels are shortened with an ellipsis.
	long := SVG([]Point{{ID: "l", Label: "The Ministry of the Interior and Migration Affairs", Support: 0, Influence: 3}}, nil, fakeT, svgtext.LTR)
	if !strings.Contains(string(long), "…</text>") {
		t.Error("long label not shortened")
	}
}

// A label runs on into the next cell only when nobody sits there at its
// height.
func TestSVGLabelRunsOn(t *testing.T) {
	name := "Ministry of the Interior"
	for _, c := range []struct {
		points []Point
		whole  bool
	}{
		{[]Point{{ID: "m", Label: name, Support: -1, Influence: 4}}, true},
		{[]Point{{ID: "m", Label: name, Support: -1, Influence: 4}, {ID: "n", Label: "N", Support: 0, Influence: 4}}, false},
		{[]Point{{ID: "m", Label: name, Support: -1, Influence: 4}, {ID: "n", Label: "N", Support: 0, Influence: 3}}, true},
		{[]Point{{ID: "a", Label: "A", Support: -1, Influence: 4}, {ID: "m", Label: name, Support: -1, Influence: 4}, {ID: "n", Label: "N", Support: 0, Influence: 4}}, true},
		{[]Point{{ID: "m", Label: name, Support: 2, Influence: 4}}, false},
	} {
		tx := texts(svgtest.Parse(t, SVG(c.points, nil, fakeT, svgtext.LTR)))
		if got := count(tx, name) == 1; got != c.whole {
			t.Errorf("%v: whole label shown = %v, want %v", c.points, got, c.whole)
		}
	}
}

// With the real catalogues, nothing shows a message ID, and Arabic labels
// are marked right-to-left.
func TestSVGTranslated(t *testing.T) {
	b := bundle(t)
	points := []Point{
		{ID: "a", Label: "وزارة الداخلية", Support: -2, Influence: 5, Interest: 3},
		{ID: "b", Label: "Youth network", Support: 2, Influence: 2},
	}
	for i := range 7 {
		points = append(points, Point{ID: fmt.Sprint(i), Label: fmt.Sprint("Group ", i), Support: 0, Influence: 1})
	}
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		els := svgtest.Parse(t, SVG(points, []Line{{From: "a", To: "b", Conflict: true}}, l.T, svgtext.LTR))
		for _, e := range els {
			if strings.Contains(e.Text, "powermap.") {
				t.Errorf("%s: untranslated <%s>%s", lang, e.Name, e.Text)
			}
			if e.Name == "text" && strings.HasSuffix(e.Text, "…") && e.Attrs["class"] != "actor-label" {
				t.Errorf("%s: label shortened: %q", lang, e.Text)
			}
			if e.Name == "text" && e.Text == "وزارة الداخلية" && e.Attrs["direction"] != "rtl" {
				t.Errorf("%s: Arabic label not marked rtl", lang)
			}
		}
	}
}

// bundle loads the real catalogues. Another area's broken catalogue (work
// in progress elsewhere) skips the test; ours failing to load fails it.
func bundle(t *testing.T) *i18n.Bundle {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		if strings.Contains(err.Error(), "powermap.") {
			t.Fatal(err)
		}
		t.Skipf("catalogues do not load, not because of ours: %v", err)
	}
	return b
}

// Every message ID the package hands out or uses is in the catalogue, and
// the catalogue holds nothing else.
func TestMessageIDs(t *testing.T) {
	keys := catalogKeys(t, "powermap.en.toml")
	ids := []string{Title, Intro, Source, NotFirstTargetMessage, AxisSupport, AxisSupportLow, AxisSupportHigh, AxisInfluence, LineCooperation, LineConflict,
		"powermap.svg.title", "powermap.svg.quadrant_count", "powermap.actor.title", "powermap.actor.title_interest", "powermap.more",
		"powermap.legend.interest", "powermap.legend.not_first_target"}
	ids = append(ids, Questions...)
	for _, s := range Strategies {
		ids = append(ids, s.Message(), s.Advice())
	}
	for v := 0; v <= 5; v++ {
		ids = append(ids, LevelMessage(v))
	}
	// And every ID the drawing asks for.
	points, lines := benchPoints(60)
	SVG(points, lines, func(id string, args ...any) string { ids = append(ids, id); return id }, svgtext.LTR)
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
		if !keys[id] {
			t.Errorf("powermap.en.toml lacks %q", id)
		}
	}
	for id := range keys {
		if !want[id] {
			t.Errorf("powermap.en.toml has %q, which nothing uses", id)
		}
	}
}

// WCAG 2.1 AA: text at least 4.5:1 on every fill it sits on, circles at
// least 3:1 on their quadrant.
func TestContrast(t *testing.T) {
	for s, fill := range quadrantFill {
		for _, c := range []string{colText, colMuted} {
			if r := svgtest.Contrast(c, fill); r < 4.5 {
				t.Errorf("text %s on %s (%s): %.2f", c, fill, s, r)
			}
		}
		if r := svgtest.Contrast(dotFill[s], fill); r < 3 {
			t.Errorf("circle %s on %s (%s): %.2f", dotFill[s], fill, s, r)
		}
		if r := svgtest.Contrast(colConflict, fill); r < 3 {
			t.Errorf("conflict line on %s: %.2f", fill, r)
		}
	}
	if r := svgtest.Contrast(colText, "#ffffff"); r < 4.5 {
		t.Errorf("axis text: %.2f", r)
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in    string
		width float64
		short bool
	}{
		{"short", 100, false},
		{"", 10, false},
		{"A long organisation name", 60, true},
		{"منظمة المجتمع المدني للشباب", 50, true},
		{"東京の市民団体ネットワーク", 40, true},
	} {
		got := truncate(c.in, c.width, 10)
		if c.short != strings.HasSuffix(got, "…") || !strings.HasPrefix(c.in, strings.TrimSuffix(got, "…")) {
			t.Errorf("truncate(%q, %v) = %q", c.in, c.width, got)
		}
		if c.short && len([]rune(got)) < 4 {
			t.Errorf("truncate(%q, %v) = %q: too short", c.in, c.width, got)
		}
		if textWidth(got, 10) > c.width+0.001 {
			t.Errorf("truncate(%q) = %q is %.1f wide, over %v", c.in, got, textWidth(got, 10), c.width)
		}
	}
}

func benchPoints(n int) ([]Point, []Line) {
	points := make([]Point, n)
	var lines []Line
	for i := range points {
		points[i] = Point{ID: fmt.Sprint("actor-", i), Label: fmt.Sprint("Organisation number ", i), Support: i%5 - 2, Influence: i/5%5 + 1, Interest: i % 6}
		if i > 0 && i%3 == 0 {
			lines = append(lines, Line{From: points[i-1].ID, To: points[i].ID, Conflict: i%2 == 0})
		}
	}
	return points, lines
}

func BenchmarkSVG2000(b *testing.B) {
	points, lines := benchPoints(2000)
	for b.Loop() {
		SVG(points, lines, fakeT, svgtext.LTR)
	}
}

// The same with the real translator, which runs a template per actor title.
func BenchmarkSVG2000Arabic(b *testing.B) {
	bd, err := i18n.Load()
	if err != nil {
		b.Skip(err)
	}
	tr := bd.Localizer("ar").T
	points, lines := benchPoints(2000)
	for b.Loop() {
		SVG(points, lines, tr, svgtext.LTR)
	}
}

func TestPattern(t *testing.T) {
	tr := func(tmpl string) func(string, ...any) string {
		return func(_ string, args ...any) string {
			out := tmpl
			for i := 0; i+1 < len(args); i += 2 {
				out = strings.ReplaceAll(out, "{"+args[i].(string)+"}", args[i+1].(string))
			}
			return out
		}
	}
	for _, c := range []struct{ tmpl, want string }{
		{"{A} and {B}", "x and y"},
		{"{B}: {A}!", "y: x!"},     // reordered
		{"only {B}", "only y"},     // a value left out
		{"{A}{A}", "xx"},           // repeated
		{"no values", "no values"}, // none
	} {
		p := newPattern(tr(c.tmpl), "id", "A", "B")
		if got := p.fill("x", "y"); got != c.want {
			t.Errorf("%q: %q, want %q", c.tmpl, got, c.want)
		}
	}
}

// Plural messages have every form each language needs (a missing form
// shows the message ID).
func TestPluralForms(t *testing.T) {
	b := bundle(t)
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		for _, id := range []string{"powermap.more", "powermap.svg.title", "powermap.svg.quadrant_count"} {
			for _, n := range []int{0, 1, 2, 3, 11, 100, 102} {
				if got := l.T(id, "Count", n, "Strategy", "S"); got == id || strings.Contains(got, "<no value>") {
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
