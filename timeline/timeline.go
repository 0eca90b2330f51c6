// Package timeline draws the timeline of action plans (a Gantt-like chart,
// after seed 001's "all action plans should display timelines"): one row
// per plan with a bar from its start to its end, filled as far as its
// progress, diamonds for its milestones (filled once reached) and a line
// for today. It is drawn for a phone first: 340 units wide, the plan's
// name on its own line above its bar, so no label competes with the bars
// for width; a reader of a right-to-left language gets the time axis
// mirrored (time runs from right to left). The page sets a table with the
// same facts beside it, for screen readers and for exact dates.
package timeline

import (
	"bytes"
	"fmt"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Width is the drawing's width in SVG units (a 360 px phone minus margins).
const Width = 340.0

// Geometry of a row: the label line, then the bar.
const (
	pad       = 8.0
	axisH     = 22.0
	footH     = 20.0 // the today label, under the rows
	rowH      = 46.0
	labelSize = 12.0
	barY      = 20.0 // from the row's top
	barH      = 12.0
	diamond   = 6.0
)

// Milestone is a dated step on a plan's row.
type Milestone struct {
	Title string
	Due   string // YYYY-MM-DD
	Done  bool
}

// Plan is one row.
type Plan struct {
	Title      string
	Start, End string // YYYY-MM-DD, either may be empty
	Progress   *int   // percent, nil when nothing to count
	Milestones []Milestone
}

// Labels are the words the chart writes, in the reader's language.
type Labels struct {
	Title, Today, NoDates string
}

// SVG draws the timeline; today is YYYY-MM-DD. Plans with neither dates
// nor milestones get a row saying so, so that every plan appears.
func SVG(plans []Plan, today string, dir svgtext.Direction, l Labels) []byte {
	from, to, ok := span(plans, today)
	m := svgtext.NewMirror(dir, Width)
	h := axisH + float64(len(plans))*rowH + footH
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="tl-title" class="timeline" direction="%s">`,
		svgtext.Num(Width), svgtext.Num(h), dir)
	b.WriteString(`<title id="tl-title">`)
	svgtext.Esc(&b, l.Title)
	b.WriteString(`</title>`)
	left, right := pad, Width-pad
	x := func(day string) float64 {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil || !ok {
			return left
		}
		f := float64(t.Sub(from)) / float64(to.Sub(from))
		return m.X(left + f*(right-left))
	}
	if ok {
		axis(&b, from, to, left, right, m, h)
		tx := x(today)
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#b3261e" stroke-width="1.5" stroke-dasharray="4 3"/>`,
			svgtext.Num(tx), svgtext.Num(axisH), svgtext.Num(tx), svgtext.Num(h-footH+2))
		// The label under the line, kept inside the drawing near its ends.
		lx := min(max(tx, left+svgtext.Width(l.Today, 12)/2), right-svgtext.Width(l.Today, 12)/2)
		svgtext.Text(&b, lx, h-5, svgtext.Middle, 12, "#b3261e", "", l.Today)
	}
	for i, p := range plans {
		top := axisH + float64(i)*rowH
		svgtext.Text(&b, m.X(left), top+14, m.Align(svgtext.Left), labelSize, "#1f1f1f", "", svgtext.Truncate(p.Title, right-left, labelSize))
		if !ok || (p.Start == "" && p.End == "" && len(p.Milestones) == 0) {
			svgtext.Text(&b, m.X(left), top+barY+barH, m.Align(svgtext.Left), 12, "#5f5f5f", "", l.NoDates)
			continue
		}
		start, end := p.Start, p.End
		if start == "" {
			start = end
		}
		if end == "" {
			end = start
		}
		if start != "" {
			x1, x2 := x(start), x(end)
			if x2 < x1 {
				x1, x2 = x2, x1
			}
			w := max(x2-x1, 2)
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="3" fill="#dbe4f0" stroke="#3b5b8c"><title>`,
				svgtext.Num(x1), svgtext.Num(top+barY), svgtext.Num(w), svgtext.Num(barH))
			svgtext.Esc(&b, p.Title+": "+p.Start+" – "+p.End)
			b.WriteString(`</title></rect>`)
			if p.Progress != nil && *p.Progress > 0 {
				pw := w * float64(min(*p.Progress, 100)) / 100
				px := x1
				if m.RTL {
					px = x1 + w - pw // progress grows from the start, which is on the right
				}
				fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="3" fill="#3b5b8c"/>`,
					svgtext.Num(px), svgtext.Num(top+barY), svgtext.Num(pw), svgtext.Num(barH))
			}
		}
		for _, ms := range p.Milestones {
			cx, cy := x(ms.Due), top+barY+barH/2
			fill := "#ffffff"
			if ms.Done {
				fill = "#1b7f3b"
			}
			fmt.Fprintf(&b, `<path d="M%s %sl%s %sl%s %sl%s %sz" fill="%s" stroke="#1b5e20" stroke-width="1.5"><title>`,
				svgtext.Num(cx), svgtext.Num(cy-diamond), svgtext.Num(diamond), svgtext.Num(diamond), svgtext.Num(-diamond),
				svgtext.Num(diamond), svgtext.Num(-diamond), svgtext.Num(-diamond), fill)
			svgtext.Esc(&b, ms.Title+": "+ms.Due)
			b.WriteString(`</title></path>`)
		}
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// span is the time the chart covers: every date of every plan and today,
// widened to whole months; false when no plan has a date.
func span(plans []Plan, today string) (time.Time, time.Time, bool) {
	var lo, hi time.Time
	seen := false
	see := func(day string) {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return
		}
		if !seen || t.Before(lo) {
			lo = t
		}
		if !seen || t.After(hi) {
			hi = t
		}
		seen = true
	}
	for _, p := range plans {
		see(p.Start)
		see(p.End)
		for _, m := range p.Milestones {
			see(m.Due)
		}
	}
	if !seen {
		return lo, hi, false
	}
	see(today)
	lo = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
	hi = time.Date(hi.Year(), hi.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return lo, hi, true
}

// axis writes month ticks, labelled with the month number (and the year at
// January and at the start) every few months so the labels never crowd.
func axis(b *bytes.Buffer, from, to time.Time, left, right float64, m svgtext.Mirror, h float64) {
	months := 0
	for t := from; t.Before(to); t = t.AddDate(0, 1, 0) {
		months++
	}
	every := max(1, (months+4)/5)
	i := 0
	for t := from; t.Before(to); t = t.AddDate(0, 1, 0) {
		f := float64(t.Sub(from)) / float64(to.Sub(from))
		x := m.X(left + f*(right-left))
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#e0e0e0"/>`, svgtext.Num(x), svgtext.Num(axisH), svgtext.Num(x), svgtext.Num(h-footH))
		if i%every == 0 {
			label := t.Format("01")
			if i == 0 || t.Month() == time.January {
				label = t.Format("2006-01")
			}
			// The last label would run past the edge: it ends at its tick.
			a := svgtext.Left
			if f > 0.8 {
				a = svgtext.Right
			}
			svgtext.Text(b, x+2*sign(m)*alignSign(a), 14, m.Align(a), 12, "#5f5f5f", "", label)
		}
		i++
	}
}

func alignSign(a svgtext.Align) float64 {
	if a == svgtext.Right {
		return -1
	}
	return 1
}

func sign(m svgtext.Mirror) float64 {
	if m.RTL {
		return -1
	}
	return 1
}
