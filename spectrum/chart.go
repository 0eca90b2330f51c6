package spectrum

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Layout of the chart, in viewBox units (as wide as the half circle).
const (
	chartW      = 480
	chartLeft   = 44
	chartRight  = 12
	chartTop    = 10
	chartPlotH  = 180
	chartTick   = 10
	legendRowH  = 16
	maxMarkers  = 60 // dates; more and the lines carry the data alone
	dateLabelW  = 66 // "2026-03-01" at chartTick, with a gap
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
// per segment, dates along the horizontal axis (spaced by time, labelled
// YYYY-MM-DD in the dates' own time zone, as many labels as fit), counts up
// the vertical axis, and a legend with each segment's latest count. series[i]
// holds the counts at dates[i] (as CountsOverTime returns them); extra
// entries in either are ignored.
//
// t translates message IDs (as i18n's Localizer.T); when nil, message IDs
// are shown. All text is escaped; no style attributes are used.
func ChartSVG(dates []time.Time, series []map[Segment]int, t func(string, ...any) string) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	n := min(len(dates), len(series))
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return dates[i].Compare(dates[j]) })

	plotW := float64(chartW - chartLeft - chartRight)
	plotBottom := float64(chartTop + chartPlotH)
	legendTop := plotBottom + 48
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
		esc(&buf, t("spectrum.chart.desc", "From", dates[order[0]].Format(time.DateOnly), "To", dates[order[n-1]].Format(time.DateOnly), "Count", n))
		buf.WriteString(`</desc>`)
	}

	// Grid and vertical axis.
	buf.WriteString(`<g class="axes">`)
	for v := 0; v <= yMax; v += step {
		y := yOf(v)
		fmt.Fprintf(&buf, `<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="#dadce0"/>`, chartLeft, num(y), num(chartLeft+plotW), num(y))
		text(&buf, chartLeft-5, y+3.5, alignRight, chartTick, colText, "", strconv.Itoa(v))
	}
	fmt.Fprintf(&buf, `<line x1="%d" y1="%d" x2="%d" y2="%s" stroke="%s"/>`, chartLeft, chartTop, chartLeft, num(plotBottom), colBorder)
	fmt.Fprintf(&buf, `<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, chartLeft, num(plotBottom), num(chartLeft+plotW), num(plotBottom), colBorder)
	ay := float64(chartTop) + chartPlotH/2
	fmt.Fprintf(&buf, `<text x="13" y="%s" font-size="11" fill="%s" text-anchor="middle" transform="rotate(-90 13 %s)" font-weight="bold">`, num(ay), colText, num(ay))
	esc(&buf, t("spectrum.chart.y"))
	buf.WriteString(`</text>`)
	text(&buf, chartLeft+plotW/2, plotBottom+32, alignMiddle, 11, colText, ` font-weight="bold"`, t("spectrum.chart.x"))

	// Date labels: the first and the last, and between them those that do
	// not crowd their neighbours.
	var labelled []int
	for _, i := range order {
		if len(labelled) == 0 || xOf(i)-xOf(labelled[len(labelled)-1]) >= dateLabelW {
			labelled = append(labelled, i)
		}
	}
	if n > 0 {
		if last := order[n-1]; labelled[len(labelled)-1] != last {
			if len(labelled) > 1 && xOf(last)-xOf(labelled[len(labelled)-1]) < dateLabelW {
				labelled = labelled[:len(labelled)-1]
			}
			if xOf(last)-xOf(labelled[len(labelled)-1]) >= dateLabelW {
				labelled = append(labelled, last)
			}
		}
	}
	for _, i := range labelled {
		x := xOf(i)
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, num(x), num(plotBottom), num(x), num(plotBottom+4), colBorder)
		// Centred under its tick, but kept inside the picture.
		x = max(dateLabelW/2, min(x, chartW-dateLabelW/2))
		text(&buf, x, plotBottom+15, alignMiddle, chartTick, colText, ` class="date"`, dates[i].Format(time.DateOnly))
	}
	if n == 0 {
		text(&buf, chartLeft+plotW/2, float64(chartTop)+chartPlotH/2, alignMiddle, 12, colMuted, ` class="empty"`, t("spectrum.chart.empty"))
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
			buf.WriteString(num(xOf(i)) + "," + num(yOf(series[i][s])))
		}
		buf.WriteString(`"/>`)
		if n <= maxMarkers {
			for _, i := range order {
				fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="2.5" fill="%s"><title>`, num(xOf(i)), num(yOf(series[i][s])), st.colour)
				esc(&buf, t("spectrum.chart.point", "Segment", name, "Date", dates[i].Format(time.DateOnly), "N", series[i][s]))
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
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"`, num(x), num(y-4), num(x+28), num(y-4), st.colour)
		if st.dash != "" {
			buf.WriteString(` stroke-dasharray="` + st.dash + `"`)
		}
		buf.WriteString(`/>`)
		label := t(s.Message())
		if n > 0 {
			label = t("spectrum.svg.wedge", "Segment", label, "N", series[order[n-1]][s])
		}
		text(&buf, x+34, y, alignLeft, 11, colText, "", truncate(label, colW-40, 11))
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
