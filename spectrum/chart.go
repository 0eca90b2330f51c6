package spectrum

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Layout of the chart, in viewBox units (as wide as the half circle).
const (
	chartW      = 480
	chartLeft   = 44
	chartRight  = 12
	chartTop    = 10
	chartPlotH  = 180
	chartTick   = 12
	legendRowH  = 18
	maxMarkers  = 60 // dates; more and the lines carry the data alone
	dateGap     = 10 // at least this much room between two date labels
	chartLegend = 2  // legend columns
)

// Each segment's line: a colour with at least 3:1 contrast on white
// (tested) and its own dash pattern, so that lines differ without colour.
var lineStyle = map[Segment]struct{ colour, dash string }{
	ActiveAlly:        {"#1b7837", ""},
	PassiveAlly:       {"#2166ac", "8 4"},
	Neutral:           {"#636363", "2 3"},
	PassiveOpposition: {"#b35806", "8 3 2 3"},
	ActiveOpposition:  {"#b2182b", "14 3 3 3 3 3"},
}

// ChartSVG draws the number of actors in each segment over time: one line
// per segment, dates along the horizontal axis (spaced by time, written by
// date — the reader's language's format; YYYY-MM-DD when nil — with as many
// labels as fit without touching), counts up the vertical axis, and a
// legend with each segment's latest count. series[i] holds the counts at
// dates[i] (as CountsOverTime returns them); extra entries in either are
// ignored. For dir RTL the chart is mirrored: time runs from right to left,
// the count axis and its title stand on the right, the legend reads from
// the right.
//
// t translates message IDs (as i18n's Localizer.T); when nil, message IDs
// are shown. All text is escaped; no style attributes are used.
func ChartSVG(dates []time.Time, series []map[Segment]int, t func(string, ...any) string, dir svgtext.Direction, date func(time.Time) string) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	if date == nil {
		date = func(d time.Time) string { return d.Format(time.DateOnly) }
	}
	m := svgtext.NewMirror(dir, chartW)
	n := min(len(dates), len(series))
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return dates[i].Compare(dates[j]) })

	plotW := float64(chartW - chartLeft - chartRight)
	plotBottom := float64(chartTop + chartPlotH)
	legendTop := plotBottom + 58
	legendRows := (len(Segments) + chartLegend - 1) / chartLegend
	height := legendTop + float64(legendRows)*legendRowH + 4

	top := 0
	for _, i := range order {
		for _, s := range Segments {
			top = max(top, series[i][s])
		}
	}
	step, yMax := niceScale(top)
	xOf := func(i int) float64 {
		first, last := dates[order[0]], dates[order[n-1]]
		span := last.Sub(first)
		if span <= 0 {
			return chartLeft + plotW/2
		}
		return chartLeft + plotW*float64(dates[i].Sub(first))/float64(span)
	}
	yOf := func(v int) float64 { return plotBottom - float64(chartPlotH)*float64(v)/float64(yMax) }

	var buf bytes.Buffer
	buf.Grow(4096 + n*5*60)
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" width="%d" height="%s" role="img" class="spectrum-chart" font-family="sans-serif" direction="ltr">`,
		chartW, num(height), chartW, num(height))
	buf.WriteString(`<title>`)
	esc(&buf, t("spectrum.chart.title"))
	buf.WriteString(`</title>`)
	if n > 0 {
		buf.WriteString(`<desc>`)
		esc(&buf, t("spectrum.chart.desc", "From", date(dates[order[0]]), "To", date(dates[order[n-1]]), "Count", n))
		buf.WriteString(`</desc>`)
	}

	// Grid and vertical axis.
	buf.WriteString(`<g class="axes">`)
	for v := 0; v <= yMax; v += step {
		y := yOf(v)
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#dadce0"/>`, num(m.X(chartLeft)), num(y), num(m.X(chartLeft+plotW)), num(y))
		text(&buf, m.X(chartLeft-5), y+4, m.Align(alignRight), chartTick, colText, "", strconv.Itoa(v))
	}
	fmt.Fprintf(&buf, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s"/>`, num(m.X(chartLeft)), chartTop, num(m.X(chartLeft)), num(plotBottom), colBorder)
	fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, num(m.X(chartLeft)), num(plotBottom), num(m.X(chartLeft+plotW)), num(plotBottom), colBorder)
	ay := float64(chartTop) + chartPlotH/2
	ax := num(m.X(13))
	fmt.Fprintf(&buf, `<text class="axis-title" x="%s" y="%s" font-size="12" fill="%s" text-anchor="middle" transform="rotate(-90 %s %s)" font-weight="bold">`, ax, num(ay), colText, ax, num(ay))
	esc(&buf, t("spectrum.chart.y"))
	buf.WriteString(`</text>`)
	text(&buf, m.X(chartLeft+plotW/2), plotBottom+40, alignMiddle, 12, colText, ` font-weight="bold"`, t("spectrum.chart.x"))

	for _, l := range dateLabels(dates, order, xOf, date) {
		x := m.X(xOf(l.i))
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, num(x), num(plotBottom), num(x), num(plotBottom+4), colBorder)
		text(&buf, m.X(l.x), plotBottom+21, alignMiddle, chartTick, colText, ` class="date"`, l.text)
	}
	if n == 0 {
		text(&buf, m.X(chartLeft+plotW/2), float64(chartTop)+chartPlotH/2, alignMiddle, 12, colMuted, ` class="empty"`, t("spectrum.chart.empty"))
	}
	buf.WriteString(`</g>`)

	// One line per segment, the far side first so that our side is on top.
	for k := len(Segments) - 1; k >= 0 && n > 0; k-- {
		s := Segments[k]
		st := lineStyle[s]
		name := t(s.Message())
		fmt.Fprintf(&buf, `<g class="series series-%s"><title>`, s.Key())
		esc(&buf, name)
		buf.WriteString(`</title><polyline fill="none" stroke-width="2" stroke="` + st.colour + `"`)
		if st.dash != "" {
			buf.WriteString(` stroke-dasharray="` + st.dash + `"`)
		}
		buf.WriteString(` points="`)
		for j, i := range order {
			if j > 0 {
				buf.WriteByte(' ')
			}
			buf.WriteString(num(m.X(xOf(i))) + "," + num(yOf(series[i][s])))
		}
		buf.WriteString(`"/>`)
		if n <= maxMarkers {
			for _, i := range order {
				fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="2.5" fill="%s"><title>`, num(m.X(xOf(i))), num(yOf(series[i][s])), st.colour)
				esc(&buf, t("spectrum.chart.point", "Segment", name, "Date", date(dates[i]), "N", series[i][s]))
				buf.WriteString(`</title></circle>`)
			}
		}
		buf.WriteString(`</g>`)
	}

	// Legend, with each segment's latest count.
	buf.WriteString(`<g class="legend">`)
	colW := (float64(chartW) - chartLeft) / chartLegend
	for k, s := range Segments {
		st := lineStyle[s]
		x := float64(chartLeft) + float64(k%chartLegend)*colW
		y := legendTop + float64(k/chartLegend)*legendRowH
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"`, num(m.X(x)), num(y-4), num(m.X(x+28)), num(y-4), st.colour)
		if st.dash != "" {
			buf.WriteString(` stroke-dasharray="` + st.dash + `"`)
		}
		buf.WriteString(`/>`)
		label := t(s.Message())
		if n > 0 {
			label = t("spectrum.svg.wedge", "Segment", label, "N", series[order[n-1]][s])
		}
		text(&buf, m.X(x+34), y, m.Align(alignLeft), 12, colText, "", truncate(label, colW-40, 12))
	}
	buf.WriteString(`</g></svg>`)
	return buf.Bytes()
}

// niceScale picks a step of 1, 2 or 5 times a power of ten giving at most
// five steps up to at least top, and the axis maximum.
func niceScale(top int) (step, yMax int) {
	if top <= 0 {
		return 1, 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			step = m * p
			if (top+step-1)/step <= 5 {
				return step, (top + step - 1) / step * step
			}
		}
	}
}

// dateLabel is a date written under the time axis: the index of its date,
// its text and the centre of the text (left-to-right layout).
type dateLabel struct {
	i    int
	text string
	x    float64
}

// dateLabels picks the dates to write under the axis: the first and the
// last, and between them every date whose text keeps dateGap from the
// previous one. Each text is centred under its tick but kept inside the
// picture; texts are measured (estimated) in their own words, so long
// month names in one language take more room than digits in another.
func dateLabels(dates []time.Time, order []int, xOf func(int) float64, date func(time.Time) string) []dateLabel {
	var out []dateLabel
	place := func(i int) dateLabel {
		s := date(dates[i])
		half := textWidth(s, chartTick) / 2
		return dateLabel{i: i, text: s, x: max(half+2, min(xOf(i), chartW-half-2))}
	}
	fits := func(a, b dateLabel) bool {
		return b.x-textWidth(b.text, chartTick)/2 >= a.x+textWidth(a.text, chartTick)/2+dateGap
	}
	for _, i := range order {
		l := place(i)
		if len(out) == 0 || fits(out[len(out)-1], l) {
			out = append(out, l)
		}
	}
	if len(order) < 2 || out[len(out)-1].i == order[len(order)-1] {
		return out
	}
	// The last date is always written: it drops the labels it would touch,
	// but never the first.
	last := place(order[len(order)-1])
	for len(out) > 1 && !fits(out[len(out)-1], last) {
		out = out[:len(out)-1]
	}
	if fits(out[len(out)-1], last) {
		out = append(out, last)
	}
	return out
}
