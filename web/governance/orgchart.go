package governance

import (
	"bytes"
	"fmt"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/svgtext"
)

// The organisation chart's geometry: a box per body, one row per level of
// nesting (a body under another sits a row lower), lines from each body up
// to the body it sits under.
const (
	chartBoxW, chartBoxH = 180.0, 58.0
	chartGapX, chartGapY = 20.0, 40.0
	chartPad             = 10.0
)

// depths gives each body its level: 0 without a parent (or with a parent
// not in the list), the parent's plus one otherwise. A loop in the data
// (the store refuses them) stops at MaxBodies steps.
func depths(bodies []*pk.Body) map[string]int {
	byID := map[string]*pk.Body{}
	for _, b := range bodies {
		byID[b.ID] = b
	}
	out := map[string]int{}
	for _, b := range bodies {
		d, at := 0, b
		for d < pk.MaxBodies {
			up, ok := byID[at.ParentID]
			if !ok {
				break
			}
			d, at = d+1, up
		}
		out[b.ID] = d
	}
	return out
}

// orgChart draws the bodies as an SVG: each box names the body (cut to fit)
// and how many seats are held in it today. Every text goes through svgtext,
// which escapes it. seatCount maps a body's ID to its seats held; tr
// translates the one label.
func orgChart(bodies []*pk.Body, seatCount map[string]int, tr func(id string, args ...any) string) []byte {
	d := depths(bodies)
	rows := map[int][]*pk.Body{}
	maxDepth, widest := 0, 1
	for _, b := range bodies {
		rows[d[b.ID]] = append(rows[d[b.ID]], b)
		maxDepth = max(maxDepth, d[b.ID])
		widest = max(widest, len(rows[d[b.ID]]))
	}
	type point struct{ x, y float64 }
	at := map[string]point{}
	for depth := 0; depth <= maxDepth; depth++ {
		for i, b := range rows[depth] {
			at[b.ID] = point{chartPad + float64(i)*(chartBoxW+chartGapX), chartPad + float64(depth)*(chartBoxH+chartGapY)}
		}
	}
	w := 2*chartPad + float64(widest)*chartBoxW + float64(widest-1)*chartGapX
	h := 2*chartPad + float64(maxDepth+1)*chartBoxH + float64(maxDepth)*chartGapY
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="orgchart-title">`,
		svgtext.Num(w), svgtext.Num(h), svgtext.Num(w), svgtext.Num(h))
	buf.WriteString(`<title id="orgchart-title">`)
	svgtext.Esc(&buf, tr("governance.chart.title"))
	buf.WriteString(`</title>`)
	for _, b := range bodies {
		up, ok := at[b.ParentID]
		if !ok || b.ParentID == "" {
			continue
		}
		p := at[b.ID]
		fmt.Fprintf(&buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#5b6770" stroke-width="1.5"/>`,
			svgtext.Num(up.x+chartBoxW/2), svgtext.Num(up.y+chartBoxH), svgtext.Num(p.x+chartBoxW/2), svgtext.Num(p.y))
	}
	for _, b := range bodies {
		p := at[b.ID]
		fmt.Fprintf(&buf, `<rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="#f4f6f8" stroke="#1f5f8b" stroke-width="1.5"/>`,
			svgtext.Num(p.x), svgtext.Num(p.y), svgtext.Num(chartBoxW), svgtext.Num(chartBoxH))
		name := svgtext.Truncate(b.Name, chartBoxW-16, 13)
		svgtext.Text(&buf, p.x+chartBoxW/2, p.y+24, svgtext.Middle, 13, "#1b1f23", ` font-weight="bold"`, name)
		svgtext.Text(&buf, p.x+chartBoxW/2, p.y+44, svgtext.Middle, 12, "#3d4750", "",
			tr("governance.chart.seats", map[string]any{"N": strconv.Itoa(seatCount[b.ID])}))
	}
	buf.WriteString(`</svg>`)
	return buf.Bytes()
}
