package powermap

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Point is one actor on the map.
type Point struct {
	ID        string // opaque; carried in data-id for scripts and used by Lines
	Label     string // the actor's name, as the reader may see it
	Support   int    // -2..2
	Influence int    // 1..5
	Interest  int    // 1..5, or 0 when not assessed; drawn as the circle's size
	// Strategy chosen for the actor; when empty (or unknown) the quadrant's,
	// StrategyFor(Support, Influence), is shown.
	Strategy Strategy
}

// Line is a relationship between two actors of the map, drawn from circle
// to circle: cooperation solid, conflict dashed and red.
type Line struct {
	From, To string // Point IDs; lines to unknown IDs are not drawn
	Conflict bool
}

// Layout, in viewBox units. Every text is at least 12 units high, and pages
// draw the map at least 492 px wide (in a box that scrolls sideways on a
// phone), so that no text is ever shown under 12 px.
// Each cell holds up to cellSlots actors one under the other; a fuller cell
// shows cellSlots-1 of them labelled and piles the rest in the last slot
// with a "+N more" label (every actor keeps its own circle, title and
// data-id, so scripts and screen readers still reach it).
const (
	mapW      = 492
	plotX     = 44 // room for the influence axis title and ticks
	plotTop   = 8
	colW      = 88
	cellSlots = 5
	slotH     = 16
	cellPad   = 4
	rowH      = 2*cellPad + cellSlots*slotH
	stripH    = 20 // band at the top of each quadrant, with its label
	labelSize = 12
	tickSize  = 12
	legendH   = 18
)

// Colours, as presentation attributes (the CSP forbids inline styles).
// Text is colText on the light quadrant fills (contrast at least 4.5:1); the
// circles reach at least 3:1 on their quadrant's fill (tested).
const (
	colText     = "#202124"
	colMuted    = "#3c4043"
	colBorder   = "#5f6368"
	colCellLine = "#ffffff"
	colConflict = "#b3261e"
	colCoop     = "#3c4043"
)

var quadrantFill = map[Strategy]string{
	Partner:             "#e6f4ea",
	AwarenessRaising:    "#fef7e0",
	CapacityDevelopment: "#e8f0fe",
	Monitor:             "#f1f3f4",
}

var dotFill = map[Strategy]string{
	Partner:             "#137333",
	AwarenessRaising:    "#9a4f00",
	CapacityDevelopment: "#1a5fb4",
	Monitor:             "#5f6368",
}

// rowTop is the top of the cells of an influence row (5 is the top row);
// rows 5 and 2 are the top rows of their quadrants and have the label band
// above them.
func rowTop(influence int) float64 {
	y := float64(plotTop)
	for i := MaxInfluence; i > influence; i-- {
		if i == MaxInfluence || i == InfluenceThreshold-1 {
			y += stripH
		}
		y += rowH
	}
	if influence == MaxInfluence || influence == InfluenceThreshold-1 {
		y += stripH
	}
	return y
}

func colLeft(support int) float64 { return float64(plotX + (support-MinSupport)*colW) }

// radius shows interest: a bigger circle for more interest.
func radius(interest int) float64 {
	if interest < MinInterest || interest > MaxInterest {
		return 5
	}
	return 3.5 + 0.8*float64(interest-1)
}

// SVG draws the power map: support on the horizontal axis (opposition on
// the left, allies on the right, and the other way round for a
// right-to-left reader: dir RTL mirrors the whole map, its axis titles and
// legend), influence on the vertical axis (1 at the bottom, 5 at the top), the four quadrants shaded and labelled with their
// strategies, each actor a circle with its name in its cell, and the lines
// between actors. Points outside the scales are drawn at the nearest edge.
//
// For scripts (dragging an actor): each cell is a <rect class="cell"
// data-support data-influence>; each actor a <g class="actor" data-id
// data-support data-influence data-strategy> holding a <title> (name,
// strategy, values), its <circle> and its label; each line a <line
// class="link cooperation|conflict" data-from data-to>.
//
// t translates message IDs (as i18n's Localizer.T: pairs of name and
// value); when nil, message IDs are shown. All text is escaped; no style
// attributes are used. Within a cell, actors are ordered by label, then ID.
func SVG(points []Point, lines []Line, t func(id string, args ...any) string, dir svgtext.Direction) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}

	// Actors per cell, in a stable order.
	type cellKey struct{ s, i int }
	cells := map[cellKey][]int{}
	for k, p := range points {
		c := cellKey{clamp(p.Support, MinSupport, MaxSupport), clamp(p.Influence, MinInfluence, MaxInfluence)}
		cells[c] = append(cells[c], k)
	}
	for _, idx := range cells {
		slices.SortFunc(idx, func(a, b int) int {
			return cmp.Or(strings.Compare(points[a].Label, points[b].Label), strings.Compare(points[a].ID, points[b].ID), a-b)
		})
	}
	strategyOf := func(p Point) Strategy {
		if p.Strategy.Valid() {
			return p.Strategy
		}
		return StrategyFor(p.Support, p.Influence)
	}
	counts := map[Strategy]int{}
	anyNotFirst := false
	for _, p := range points {
		counts[strategyOf(p)]++
		anyNotFirst = anyNotFirst || NotFirstTarget(p.Support, p.Influence)
	}

	plotW := float64((MaxSupport - MinSupport + 1) * colW)
	plotBottom := rowTop(MinInfluence) + rowH
	legendY := plotBottom + 54
	legendTextW := float64(mapW - plotX - 50 - 4)
	legendRows := len(svgtext.Wrap(t("powermap.legend.interest"), legendTextW, tickSize))
	if anyNotFirst {
		legendRows += len(svgtext.Wrap(t("powermap.legend.not_first_target"), legendTextW, tickSize))
	}
	if len(lines) > 0 {
		legendRows++
	}
	height := legendY + float64(legendRows)*legendH + 4

	m := svgtext.NewMirror(dir, mapW)
	var buf bytes.Buffer
	buf.Grow(2048 + 400*len(points) + 200*len(lines))
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" width="%d" height="%s" role="img" class="powermap" font-family="sans-serif" direction="ltr">`,
		mapW, num(height), mapW, num(height))
	buf.WriteString(`<title>`)
	esc(&buf, t("powermap.svg.title", "Count", len(points)))
	buf.WriteString(`</title><desc>`)
	var desc []string
	for _, s := range Strategies {
		desc = append(desc, t("powermap.svg.quadrant_count", "Strategy", t(s.Message()), "Count", counts[s]))
	}
	esc(&buf, strings.Join(desc, " "))
	buf.WriteString(`</desc>`)

	// Cells, shaded by quadrant.
	buf.WriteString(`<g class="cells">`)
	for inf := MaxInfluence; inf >= MinInfluence; inf-- {
		for sup := MinSupport; sup <= MaxSupport; sup++ {
			fmt.Fprintf(&buf, `<rect class="cell" data-support="%d" data-influence="%d" x="%s" y="%s" width="%d" height="%d" fill="%s" stroke="%s"/>`,
				sup, inf, num(m.Box(colLeft(sup), colW)), num(rowTop(inf)), colW, rowH, quadrantFill[StrategyFor(sup, inf)], colCellLine)
		}
	}
	buf.WriteString(`</g>`)

	// Quadrant bands with their strategy names.
	buf.WriteString(`<g class="quadrants">`)
	for _, q := range []struct {
		lo, hi, inf int
	}{
		{MinSupport, SupportThreshold - 1, MaxInfluence},
		{SupportThreshold, MaxSupport, MaxInfluence},
		{MinSupport, SupportThreshold - 1, InfluenceThreshold - 1},
		{SupportThreshold, MaxSupport, InfluenceThreshold - 1},
	} {
		s := StrategyFor(q.lo, q.inf)
		x, y := colLeft(q.lo), rowTop(q.inf)-stripH
		w := float64((q.hi - q.lo + 1) * colW)
		fmt.Fprintf(&buf, `<rect class="quadrant quadrant-%s" x="%s" y="%s" width="%s" height="%d" fill="%s"/>`,
			s, num(m.Box(x, w)), num(y), num(w), stripH, quadrantFill[s])
		name := t(s.Message())
		shown := truncate(name, w-12, 12)
		attrs := ` font-weight="bold" class="quadrant-label"`
		text(&buf, m.X(x+6), y+stripH-6, m.Align(alignLeft), 12, colText, attrs, shown)
	}
	// Quadrant borders and the plot's frame.
	midX := colLeft(SupportThreshold)
	midY := rowTop(InfluenceThreshold-1) - stripH
	fmt.Fprintf(&buf, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, num(m.X(midX)), plotTop, num(m.X(midX)), num(plotBottom), colBorder)
	fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, num(m.X(plotX)), num(midY), num(m.X(plotX+plotW)), num(midY), colBorder)
	fmt.Fprintf(&buf, `<rect x="%s" y="%d" width="%s" height="%s" fill="none" stroke="%s"/>`, num(m.Box(plotX, plotW)), plotTop, num(plotW), num(plotBottom-plotTop), colBorder)
	buf.WriteString(`</g>`)

	// Axes: influence ticks on the left, support ticks below, titles.
	buf.WriteString(`<g class="axes">`)
	for inf := MinInfluence; inf <= MaxInfluence; inf++ {
		text(&buf, m.X(plotX-6), rowTop(inf)+rowH/2+4, m.Align(alignRight), tickSize, colText, "", fmt.Sprint(inf))
	}
	for sup := MinSupport; sup <= MaxSupport; sup++ {
		text(&buf, m.X(colLeft(sup)+colW/2), plotBottom+14, alignMiddle, tickSize, colText, "", signed(sup))
	}
	ay := (float64(plotTop) + plotBottom) / 2
	ax := num(m.X(14))
	fmt.Fprintf(&buf, `<text class="axis-title" x="%s" y="%s" font-size="12" fill="%s" text-anchor="middle" transform="rotate(-90 %s %s)" font-weight="bold">`, ax, num(ay), colText, ax, num(ay))
	esc(&buf, t(AxisInfluence))
	buf.WriteString(`</text>`)
	text(&buf, m.X(plotX), plotBottom+30, m.Align(alignLeft), tickSize, colText, ` class="axis-low"`, truncate(t(AxisSupportLow), colW*1.5, tickSize))
	text(&buf, m.X(plotX+plotW/2), plotBottom+30, alignMiddle, 12, colText, ` font-weight="bold"`, truncate(t(AxisSupport), colW*2-8, 12))
	text(&buf, m.X(plotX+plotW), plotBottom+30, m.Align(alignRight), tickSize, colText, ` class="axis-high"`, truncate(t(AxisSupportHigh), colW*1.5, tickSize))
	buf.WriteString(`</g>`)

	// Where each actor's circle sits, for the actors and the lines.
	type spot struct {
		x, y    float64
		labeled bool
		width   float64 // room for the label
		more    int     // on the first actor of a pile: how many the pile holds
	}
	at := make([]spot, len(points))
	for c, idx := range cells {
		x0 := colLeft(c.s)
		y0 := rowTop(c.i) + cellPad
		labelled := len(idx)
		if labelled > cellSlots {
			labelled = cellSlots - 1
		}
		// A label may run on into the next cell to the right when that
		// cell has nobody at the same height.
		right := len(cells[cellKey{c.s + 1, c.i}])
		for k, i := range idx {
			slot := min(k, cellSlots-1)
			w := float64(colW - 21)
			if c.s < MaxSupport && right <= slot {
				w += colW
			}
			at[i] = spot{x: m.X(x0 + 9), y: y0 + float64(slot)*slotH + slotH/2, labeled: k < labelled, width: w}
			if k == labelled && k < len(idx) {
				at[i].more = len(idx) - labelled
			}
		}
	}
	byID := map[string]int{}
	for i := len(points) - 1; i >= 0; i-- { // the first point with an ID wins
		byID[points[i].ID] = i
	}

	// Lines under the circles.
	if len(lines) > 0 {
		buf.WriteString(`<g class="links">`)
		for _, l := range lines {
			a, okA := byID[l.From]
			b, okB := byID[l.To]
			if !okA || !okB || a == b {
				continue
			}
			class, stroke, extra, kind := "link cooperation", colCoop, ` stroke-width="1.5"`, t(LineCooperation)
			if l.Conflict {
				class, stroke, extra, kind = "link conflict", colConflict, ` stroke-width="2" stroke-dasharray="6 4"`, t(LineConflict)
			}
			fmt.Fprintf(&buf, `<line class="%s" data-from="`, class)
			esc(&buf, l.From)
			buf.WriteString(`" data-to="`)
			esc(&buf, l.To)
			fmt.Fprintf(&buf, `" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"%s><title>`, num(at[a].x), num(at[a].y), num(at[b].x), num(at[b].y), stroke, extra)
			esc(&buf, points[a].Label+" – "+points[b].Label+": "+kind)
			buf.WriteString(`</title></line>`)
		}
		buf.WriteString(`</g>`)
	}

	// Actors, in the caller's order (a pile's circles share one spot; its
	// "+N more" label sits where the name would be).
	buf.WriteString(`<g class="actors">`)
	strategyNames := map[Strategy]string{}
	for _, s := range Strategies {
		strategyNames[s] = t(s.Message())
	}
	notFirst := t(NotFirstTargetMessage)
	// Titles are translated once, with markers in place of the values, and
	// filled in per actor: running the template 2,000 times costs more
	// than drawing the map.
	titlePlain := newPattern(t, "powermap.actor.title", "Name", "Strategy", "Support", "Influence")
	titleInterest := newPattern(t, "powermap.actor.title_interest", "Name", "Strategy", "Support", "Influence", "Interest")
	for i, p := range points {
		sp := at[i]
		s := strategyOf(p)
		sup, inf := clamp(p.Support, MinSupport, MaxSupport), clamp(p.Influence, MinInfluence, MaxInfluence)
		buf.WriteString(`<g class="actor`)
		nft := NotFirstTarget(p.Support, p.Influence)
		if nft {
			buf.WriteString(` not-first-target`)
		}
		buf.WriteString(`" data-id="`)
		esc(&buf, p.ID)
		fmt.Fprintf(&buf, `" data-support="%d" data-influence="%d" data-interest="%d" data-strategy="%s"><title>`, sup, inf, p.Interest, s)
		pat := titlePlain
		if ValidInterest(p.Interest) && p.Interest != 0 {
			pat = titleInterest
		}
		title := pat.fill(p.Label, strategyNames[s], signed(sup), strconv.Itoa(inf), strconv.Itoa(p.Interest))
		if nft {
			title += "\n" + notFirst
		}
		esc(&buf, title)
		buf.WriteString(`</title>`)
		r := radius(p.Interest)
		if nft {
			fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="2 2"/>`, num(sp.x), num(sp.y), num(r+2), colConflict)
		}
		fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1"/>`, num(sp.x), num(sp.y), num(r), dotFill[s])
		if sp.labeled && p.Label != "" {
			text(&buf, sp.x+m.X(9)-m.X(0), sp.y+4, m.Align(alignLeft), labelSize, colText, ` class="actor-label"`, truncate(p.Label, sp.width, labelSize))
		}
		buf.WriteString(`</g>`)
		if sp.more > 0 {
			text(&buf, sp.x+m.X(9)-m.X(0), sp.y+4, m.Align(alignLeft), labelSize, colMuted, ` class="more" font-style="italic"`, t("powermap.more", "Count", sp.more))
		}
	}
	buf.WriteString(`</g>`)

	// Legend: circle size, the not-first-target ring, the kinds of line.
	buf.WriteString(`<g class="legend">`)
	y := legendY
	lx := float64(plotX)
	for k, interest := range []int{1, 3, 5} {
		fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(m.X(lx+6+float64(k)*14)), num(y-4), num(radius(interest)), colBorder)
	}
	for k, line := range svgtext.Wrap(t("powermap.legend.interest"), legendTextW, tickSize) {
		if k > 0 {
			y += legendH
		}
		text(&buf, m.X(lx+50), y, m.Align(alignLeft), tickSize, colText, "", line)
	}
	if anyNotFirst {
		y += legendH
		fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="7.5" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="2 2"/>`, num(m.X(lx+20)), num(y-4), colConflict)
		for k, line := range svgtext.Wrap(t("powermap.legend.not_first_target"), legendTextW, tickSize) {
			if k > 0 {
				y += legendH
			}
			text(&buf, m.X(lx+50), y, m.Align(alignLeft), tickSize, colText, "", line)
		}
	}
	if len(lines) > 0 {
		y += legendH
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(m.X(lx)), num(y-4), num(m.X(lx+36)), num(y-4), colCoop)
		text(&buf, m.X(lx+50), y, m.Align(alignLeft), tickSize, colText, "", truncate(t(LineCooperation), plotW/2-56, tickSize))
		mx := lx + plotW/2
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="6 4"/>`, num(m.X(mx)), num(y-4), num(m.X(mx+36)), num(y-4), colConflict)
		text(&buf, m.X(mx+50), y, m.Align(alignLeft), tickSize, colText, "", truncate(t(LineConflict), plotW/2-50, tickSize))
	}
	buf.WriteString(`</g></svg>`)
	return buf.Bytes()
}

// pattern is a translated message split at its placeholders.
type pattern struct {
	parts []string // text between values
	slots []int    // which value goes after parts[i]
}

// newPattern translates id with a marker for each named value and cuts the
// result at the markers. A translation may use the values in any order, or
// leave some out.
func newPattern(t func(string, ...any) string, id string, names ...string) pattern {
	args := make([]any, 0, 2*len(names))
	for k, n := range names {
		args = append(args, n, marker(k))
	}
	s := t(id, args...)
	var p pattern
	for {
		at, which := -1, -1
		for k := range names {
			if i := strings.Index(s, marker(k)); i >= 0 && (at < 0 || i < at) {
				at, which = i, k
			}
		}
		if at < 0 {
			p.parts = append(p.parts, s)
			return p
		}
		p.parts = append(p.parts, s[:at])
		p.slots = append(p.slots, which)
		s = s[at+len(marker(which)):]
	}
}

// marker stands for value k; control characters never occur in catalogues.
func marker(k int) string { return "\x00" + strconv.Itoa(k) + "\x00" }

func (p pattern) fill(values ...string) string {
	var b strings.Builder
	for i, part := range p.parts {
		b.WriteString(part)
		if i < len(p.slots) && p.slots[i] < len(values) {
			b.WriteString(values[p.slots[i]])
		}
	}
	return b.String()
}
