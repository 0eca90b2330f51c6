package health

import (
	"bytes"
	"fmt"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/svgtext"
)

// The trend chart's geometry: a small line chart of the overall mean (1–5)
// per health round, oldest first, narrow enough for a 360 px phone. The
// table beside it says the same in words.
const (
	chartW, chartH      = 320.0, 170.0
	chartLeft, chartTop = 34.0, 12.0
	chartRight          = 12.0
	chartBottom         = 36.0
)

// trendChart draws the trend, or nothing when no round has a mean yet.
// Every text goes through svgtext, which escapes it.
func trendChart(trend *pk.HealthTrend, t func(string, ...any) string, date func(time.Time) string, dir svgtext.Direction) []byte {
	type point struct {
		at    time.Time
		value float64
	}
	var pts []point
	for _, r := range trend.Rounds {
		if r.Overall > 0 {
			pts = append(pts, point{r.Round.OpenedAt, r.Overall})
		}
	}
	if len(pts) == 0 {
		return nil
	}
	m := svgtext.NewMirror(dir, chartW)
	plotW, plotH := chartW-chartLeft-chartRight, chartH-chartTop-chartBottom
	y := func(v float64) float64 {
		return chartTop + plotH*(health.MaxScore-v)/(health.MaxScore-health.MinScore)
	}
	x := func(i int) float64 {
		if len(pts) == 1 {
			return chartLeft + plotW/2
		}
		return chartLeft + plotW*float64(i)/float64(len(pts)-1)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="trend-title" class="health-trend">`,
		svgtext.Num(chartW), svgtext.Num(chartH))
	buf.WriteString(`<title id="trend-title">`)
	svgtext.Esc(&buf, t("health.trend.chart"))
	buf.WriteString(`</title>`)
	// Bands: red below 2.5, amber to 3.5, green above, behind the line.
	for _, band := range []struct {
		from, to float64
		fill     string
	}{{health.MinScore, health.RedBelow, "#fbe3e1"}, {health.RedBelow, health.GreenFrom, "#fdf1d6"}, {health.GreenFrom, health.MaxScore, "#e3f2e6"}} {
		fmt.Fprintf(&buf, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, svgtext.Num(m.Box(chartLeft, plotW)), svgtext.Num(y(band.to)),
			svgtext.Num(plotW), svgtext.Num(y(band.from)-y(band.to)), band.fill)
	}
	for v := health.MinScore; v <= health.MaxScore; v++ {
		fmt.Fprintf(&buf, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#bbb" stroke-width="0.5"/>`,
			svgtext.Num(m.X(chartLeft)), svgtext.Num(m.X(chartLeft+plotW)), svgtext.Num(y(float64(v))), svgtext.Num(y(float64(v))))
		svgtext.Text(&buf, m.X(chartLeft-6), y(float64(v))+4, m.Align(svgtext.Right), 11, "#333", "", fmt.Sprint(v))
	}
	var path bytes.Buffer
	for i, p := range pts {
		if i > 0 {
			path.WriteString(" ")
		}
		fmt.Fprintf(&path, "%s,%s", svgtext.Num(m.X(x(i))), svgtext.Num(y(p.value)))
	}
	fmt.Fprintf(&buf, `<polyline points="%s" fill="none" stroke="#1f4e79" stroke-width="2"/>`, path.String())
	for i, p := range pts {
		fmt.Fprintf(&buf, `<circle cx="%s" cy="%s" r="4" fill="#1f4e79"/>`, svgtext.Num(m.X(x(i))), svgtext.Num(y(p.value)))
		svgtext.Text(&buf, m.X(x(i)), y(p.value)-8, svgtext.Middle, 11, "#111", "", fmt.Sprintf("%.1f", p.value))
		// Label the first, the last and, on wider charts, every other round.
		if i == 0 || i == len(pts)-1 || (len(pts) <= 5) {
			svgtext.Text(&buf, m.X(x(i)), chartH-chartBottom+16, svgtext.Middle, 10, "#333", "", date(p.at))
		}
	}
	buf.WriteString(`</svg>`)
	return buf.Bytes()
}
