package indicator

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Layout of the chart, in viewBox units: narrow enough to be drawn at full
// size in a 360 px phone's column, so that no text is under 12 px.
const (
	chartW     = 300
	chartLeft  = 46
	chartRight = 14
	chartTop   = 12
	chartPlotH = 150
	chartTick  = 12
	legendRowH = 18
	dateGap    = 8
)

// Colours with at least 3:1 contrast on white (tested), each series with
// its own shape or dash, so that none depends on colour alone.
const (
	colText     = "#202124"
	colMuted    = "#3c4043"
	colGrid     = "#dadce0"
	colAxis     = "#5f6368"
	colBaseline = "#6b6b6b"
	colTarget   = "#b35806"
	colLife     = "#8c2d04"
	colActual   = "#2166ac"
)

// ChartSVG draws an indicator over time: the baseline (a grey dashed line
// from its date), the periodic targets (orange diamonds, joined by a dotted
// line), the life target (a dark line across) and the actuals (a blue line
// with dots) — the running sum for a count that should grow, the values
// otherwise. Dates run along the horizontal axis (right to left for RTL,
// where the value axis stands on the right); yes/no values are written
// "no" and "yes". Qualitative indicators have no chart (nil).
//
// t translates message IDs (i18n's Localizer.T); date writes a date in the
// reader's format (YYYY-MM-DD when nil). All text is escaped; no style
// attributes are used.
func ChartSVG(ind Indicator, ms []Measurement, today time.Time, t func(string, ...any) string, dir svgtext.Direction, date func(time.Time) string) []byte {
	if ind.Kind == Qualitative {
		return nil
	}
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	if date == nil {
		date = func(d time.Time) string { return d.Format(time.DateOnly) }
	}
	actuals := Actuals(ind, ms, today)

	// The span of time and values.
	var first, last time.Time
	see := func(d time.Time) {
		if d.IsZero() {
			return
		}
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if last.IsZero() || d.After(last) {
			last = d
		}
	}
	lo, hi := 0.0, 0.0
	val := func(y float64) { lo, hi = min(lo, y), max(hi, y) }
	if ind.Baseline != nil {
		see(ind.BaselineDate)
		val(*ind.Baseline)
	}
	if ind.LifeTarget != nil {
		val(*ind.LifeTarget)
	}
	for _, tg := range ind.Targets {
		see(tg.Due)
		val(tg.Value)
	}
	for _, p := range actuals {
		see(p.Date)
		val(p.Value)
	}
	if first.IsZero() {
		first, last = ind.Start, ind.Start
	}
	if ind.Baseline != nil && ind.BaselineDate.IsZero() {
		// A baseline without a date stands at the start of the chart.
		see(first)
	}
	if ind.Kind == YesNo {
		lo, hi = 0, 1
	} else if ind.Kind == Percentage {
		hi = max(hi, 100)
	}
	step, yLo, yHi := niceScale(lo, hi)

	plotW := float64(chartW - chartLeft - chartRight)
	plotBottom := float64(chartTop + chartPlotH)
	m := svgtext.NewMirror(dir, chartW)
	xOf := func(d time.Time) float64 {
		span := last.Sub(first)
		if span <= 0 {
			return chartLeft + plotW/2
		}
		return chartLeft + plotW*float64(d.Sub(first))/float64(span)
	}
	yOf := func(y float64) float64 { return plotBottom - chartPlotH*(y-yLo)/(yHi-yLo) }
	valueText := func(y float64) string {
		if ind.Kind == YesNo {
			if y != 0 {
				return t("indicator.yes")
			}
			return t("indicator.no")
		}
		return compact(y)
	}

	type legendItem struct {
		key, colour, dash, shape string
	}
	var legend []legendItem

	var buf bytes.Buffer
	buf.Grow(4096 + len(actuals)*120)
	legendTop := plotBottom + 44
	rows := 0
	if ind.Baseline != nil {
		rows++
	}
	if len(ind.Targets) > 0 {
		rows++
	}
	if ind.LifeTarget != nil {
		rows++
	}
	rows++ // actuals, always
	height := legendTop + float64(rows)*legendRowH
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" width="%d" height="%s" role="img" class="indicator-chart" font-family="sans-serif" direction="ltr">`,
		chartW, svgtext.Num(height), chartW, svgtext.Num(height))
	buf.WriteString(`<title>`)
	svgtext.Esc(&buf, t("indicator.chart.title"))
	buf.WriteString(`</title><desc>`)
	svgtext.Esc(&buf, t("indicator.chart.desc", "From", date(first), "To", date(last), "Count", len(actuals)))
	buf.WriteString(`</desc>`)

	// Grid, axes and their labels.
	buf.WriteString(`<g class="axes">`)
	if ind.Kind == YesNo {
		for _, y := range []float64{0, 1} {
			gridLine(&buf, m, y, yOf, plotW, valueText(y))
		}
	} else {
		for y := yLo; y <= yHi+step/2; y += step {
			gridLine(&buf, m, y, yOf, plotW, valueText(y))
		}
	}
	fmt.Fprintf(&buf, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s"/>`, n(m.X(chartLeft)), chartTop, n(m.X(chartLeft)), n(plotBottom), colAxis)
	fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, n(m.X(chartLeft)), n(plotBottom), n(m.X(chartLeft+plotW)), n(plotBottom), colAxis)
	// The first and last dates, under the axis, kept inside the picture.
	for k, d := range []time.Time{first, last} {
		if k == 1 && !last.After(first) {
			break
		}
		s := date(d)
		half := svgtext.Width(s, chartTick) / 2
		x := max(half+2, min(xOf(d), chartW-half-2))
		svgtext.Text(&buf, m.X(x), plotBottom+18, svgtext.Middle, chartTick, colText, ` class="date"`, s)
	}
	buf.WriteString(`</g>`)

	// The baseline: a dashed line from its date to the end.
	if ind.Baseline != nil {
		from := first
		if !ind.BaselineDate.IsZero() {
			from = ind.BaselineDate
		}
		y := yOf(*ind.Baseline)
		fmt.Fprintf(&buf, `<g class="series series-baseline"><title>`)
		svgtext.Esc(&buf, t("indicator.chart.baseline_point", "Value", valueText(*ind.Baseline), "Date", date(from)))
		fmt.Fprintf(&buf, `</title><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="6 4"/></g>`,
			n(m.X(xOf(from))), n(y), n(m.X(chartLeft+plotW)), n(y), colBaseline)
		legend = append(legend, legendItem{"indicator.chart.baseline", colBaseline, "6 4", "line"})
	}
	// The life target: a solid thin line across.
	if ind.LifeTarget != nil {
		y := yOf(*ind.LifeTarget)
		buf.WriteString(`<g class="series series-life"><title>`)
		svgtext.Esc(&buf, t("indicator.chart.life_point", "Value", valueText(*ind.LifeTarget)))
		fmt.Fprintf(&buf, `</title><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="1 3" stroke-linecap="round"/></g>`,
			n(m.X(chartLeft)), n(y), n(m.X(chartLeft+plotW)), n(y), colLife)
		legend = append(legend, legendItem{"indicator.chart.life", colLife, "1 3", "line"})
	}
	// Periodic targets: diamonds joined by a dotted line.
	if len(ind.Targets) > 0 {
		ts := append([]Target(nil), ind.Targets...)
		sortTargets(ts)
		buf.WriteString(`<g class="series series-targets"><polyline fill="none" stroke-width="1.5" stroke-dasharray="3 3" stroke="` + colTarget + `" points="`)
		for k, tg := range ts {
			if k > 0 {
				buf.WriteByte(' ')
			}
			buf.WriteString(n(m.X(xOf(tg.Due))) + "," + n(yOf(tg.Value)))
		}
		buf.WriteString(`"/>`)
		for _, tg := range ts {
			x, y := m.X(xOf(tg.Due)), yOf(tg.Value)
			fmt.Fprintf(&buf, `<polygon class="target" points="%s,%s %s,%s %s,%s %s,%s" fill="%s"><title>`,
				n(x), n(y-5), n(x+5), n(y), n(x), n(y+5), n(x-5), n(y), colTarget)
			svgtext.Esc(&buf, t("indicator.chart.target_point", "Label", tg.Label, "Value", valueText(tg.Value), "Date", date(tg.Due)))
			buf.WriteString(`</title></polygon>`)
		}
		buf.WriteString(`</g>`)
		legend = append(legend, legendItem{"indicator.chart.targets", colTarget, "3 3", "diamond"})
	}
	// Actuals: a solid line with dots.
	buf.WriteString(`<g class="series series-actuals">`)
	if len(actuals) > 1 {
		buf.WriteString(`<polyline fill="none" stroke-width="2.5" stroke="` + colActual + `" points="`)
		for k, p := range actuals {
			if k > 0 {
				buf.WriteByte(' ')
			}
			buf.WriteString(n(m.X(xOf(p.Date))) + "," + n(yOf(p.Value)))
		}
		buf.WriteString(`"/>`)
	}
	for _, p := range actuals {
		fmt.Fprintf(&buf, `<circle class="actual" cx="%s" cy="%s" r="3" fill="%s"><title>`, n(m.X(xOf(p.Date))), n(yOf(p.Value)), colActual)
		svgtext.Esc(&buf, t("indicator.chart.actual_point", "Value", valueText(p.Value), "Date", date(p.Date)))
		buf.WriteString(`</title></circle>`)
	}
	if len(actuals) == 0 {
		svgtext.Text(&buf, m.X(chartLeft+plotW/2), float64(chartTop)+chartPlotH/2, svgtext.Middle, 12, colMuted, ` class="empty"`, t("indicator.chart.empty"))
	}
	buf.WriteString(`</g>`)
	legend = append(legend, legendItem{"indicator.chart.actuals", colActual, "", "dot"})

	// Legend, one row each.
	buf.WriteString(`<g class="legend">`)
	for k, it := range legend {
		y := legendTop + float64(k)*legendRowH
		x := float64(chartLeft)
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"`, n(m.X(x)), n(y-4), n(m.X(x+24)), n(y-4), it.colour)
		if it.dash != "" {
			buf.WriteString(` stroke-dasharray="` + it.dash + `"`)
		}
		buf.WriteString(`/>`)
		cx := m.X(x + 12)
		switch it.shape {
		case "diamond":
			fmt.Fprintf(&buf, `<polygon points="%s,%s %s,%s %s,%s %s,%s" fill="%s"/>`, n(cx), n(y-9), n(cx+5), n(y-4), n(cx), n(y+1), n(cx-5), n(y-4), it.colour)
		case "dot":
			fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="3" fill="%s"/>`, n(cx), n(y-4), it.colour)
		}
		label := svgtext.Truncate(t(it.key), chartW-x-34, 12)
		svgtext.Text(&buf, m.X(x+30), y, m.Align(svgtext.Left), 12, colText, "", label)
	}
	buf.WriteString(`</g></svg>`)
	return buf.Bytes()
}

func gridLine(buf *bytes.Buffer, m svgtext.Mirror, y float64, yOf func(float64) float64, plotW float64, label string) {
	py := yOf(y)
	fmt.Fprintf(buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, n(m.X(chartLeft)), n(py), n(m.X(chartLeft+plotW)), n(py), colGrid)
	label = svgtext.Truncate(label, chartLeft-8, chartTick)
	svgtext.Text(buf, m.X(chartLeft-5), py+4, m.Align(svgtext.Right), chartTick, colText, ` class="tick"`, label)
}

// niceScale picks a step of 1, 2 or 5 times a power of ten giving at most
// five steps from a multiple of it at or below lo to one at or above hi.
func niceScale(lo, hi float64) (step, yLo, yHi float64) {
	if hi <= lo {
		hi = lo + 1
	}
	p := math.Pow(10, math.Floor(math.Log10((hi-lo)/5)))
	for {
		for _, f := range []float64{1, 2, 5} {
			step = f * p
			yLo, yHi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
			if (yHi-yLo)/step <= 5+1e-9 {
				return step, yLo, yHi
			}
		}
		p *= 10
	}
}

// compact writes a value short enough for the axis: 1200 → 1.2k,
// 3500000 → 3.5M, 0.25 → 0.25.
func compact(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trim(v/1e9) + "G"
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e4:
		return trim(v/1e3) + "k"
	default:
		return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	}
}

func trim(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

func n(v float64) string { return svgtext.Num(v) }

func sortTargets(ts []Target) {
	slices.SortStableFunc(ts, func(a, b Target) int { return a.Due.Compare(b.Due) })
}
