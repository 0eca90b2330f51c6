package theoryofchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strings"
	"unicode"
)

// Layout of the diagram, in viewBox units. Boxes have one size so that rows
// line up (as tall as the longest text needs, up to maxLines); longer texts
// are cut with an ellipsis and shown whole in the box's <title> (the
// tooltip, and what screen readers get).
const (
	boxW      = 240
	boxPad    = 10
	lineH     = 15
	fontSize  = 12
	maxLines  = 6
	lineRunes = 38 // what fits in boxW at fontSize, roughly, for Latin and Arabic script
	maxCols   = 4  // more boxes in a level wrap onto further rows: readable on a phone
	gapX      = 24
	gapY      = 28
	bandGap   = 44
	labelH    = 26
	margin    = 16
	noteH     = 22
)

// Colours, as presentation attributes: the CSP forbids inline styles.
var levelFill = map[Level]string{
	Vision: "#e8f0fe", Goal: "#e6f4ea", Outcome: "#fef7e0", Activity: "#f3e8fd",
}

const (
	colText    = "#1f1f1f"
	colStroke  = "#5f6368"
	colProblem = "#b3261e"
	colUnknown = "#eeeeee"
)

// SVG draws the theory of change as layers, the vision at the top and the
// activities at the bottom, one band per level (and a last band for
// statements of an unknown level). Each statement is a box with its wrapped
// "if … then … because …" text; arrows follow the links. Statements with a
// problem get a red, thicker border and a "!" badge, and links that are part
// of a circle or go down the levels are drawn red and dashed, so the marking
// does not rely on colour alone. Links to unknown IDs are not drawn.
//
// t translates message IDs (as i18n's Localizer.T does: pairs of name and
// value); when t is nil the message IDs themselves are shown. All text is
// escaped; the output uses no style attributes.
func SVG(stmts []Statement, problems []Problem, t func(id string, args ...any) string) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	g := newGraph(stmts)

	// Which statements and links have problems, and the messages to list in
	// each box's title.
	stmtProblems := map[string][]string{}
	var general []string
	badLink := map[[2]string]bool{}
	for _, p := range problems {
		msg := t(p.Message())
		if p.StatementID == "" {
			general = append(general, msg)
		} else {
			stmtProblems[p.StatementID] = append(stmtProblems[p.StatementID], msg)
		}
		if p.Kind == Cycle || p.Kind == LevelOrder {
			for k := 0; k+1 < len(p.Path); k++ {
				badLink[[2]string{p.Path[k], p.Path[k+1]}] = true
			}
		}
	}

	// Bands from the top: vision, goal, outcome, activity, then unknown levels.
	type band struct {
		level Level // "" for the unknown band
		stmts []int
	}
	var bands []band
	for i := len(Levels) - 1; i >= 0; i-- {
		bands = append(bands, band{level: Levels[i]})
	}
	var unknown []int
	for i, s := range stmts {
		if r := s.Level.Rank(); r >= 0 {
			b := &bands[len(Levels)-1-r]
			b.stmts = append(b.stmts, i)
		} else {
			unknown = append(unknown, i)
		}
	}
	if len(unknown) > 0 {
		bands = append(bands, band{stmts: unknown})
	}
	cols := 1
	for _, b := range bands {
		cols = max(cols, min(len(b.stmts), maxCols))
	}
	width := 2*margin + cols*boxW + (cols-1)*gapX
	texts := make([]string, len(stmts))
	wrapped := make([][]string, len(stmts))
	used := 2
	for i, s := range stmts {
		texts[i] = statementText(s, t)
		wrapped[i] = wrap(texts[i], lineRunes, maxLines)
		used = max(used, len(wrapped[i]))
	}
	boxH := 2*boxPad + used*lineH

	// Place the boxes.
	type pos struct{ x, y int }
	at := make([]pos, len(stmts))
	y := margin + len(general)*noteH
	type label struct {
		text string
		y    int
		rows int
	}
	var labels []label
	for _, b := range bands {
		name := t("theoryofchange.level.unknown")
		if b.level != "" {
			name = t(b.level.Message())
		}
		rows := (len(b.stmts) + cols - 1) / cols
		labels = append(labels, label{name, y, rows})
		y += labelH
		for k, i := range b.stmts {
			row, col := k/cols, k%cols
			inRow := min(cols, len(b.stmts)-row*cols)
			offset := (cols - inRow) * (boxW + gapX) / 2 // centre short rows
			at[i] = pos{margin + offset + col*(boxW+gapX), y + row*(boxH+gapY)}
		}
		if rows == 0 {
			y += noteH
		} else {
			y += rows*boxH + (rows-1)*gapY
		}
		y += bandGap
	}
	height := y - bandGap + margin

	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" class="toc-diagram toc-cols-%d" font-family="sans-serif">`, width, height, width, height, cols)
	buf.WriteString("<title>")
	esc(&buf, t("theoryofchange.svg.title", "Count", len(stmts)))
	buf.WriteString("</title><desc>")
	esc(&buf, t("theoryofchange.svg.desc", "Count", len(problems)))
	buf.WriteString("</desc>")

	for k, msg := range general {
		textLine(&buf, msg, margin, width-margin, margin+k*noteH+fontSize+2, fontSize+1, colProblem, "toc-note")
	}
	for _, l := range labels {
		textLine(&buf, l.text, margin, width-margin, l.y+fontSize+4, fontSize+2, colText, "toc-level-label")
		if l.rows == 0 {
			textLine(&buf, t("theoryofchange.svg.empty_level"), margin, width-margin, l.y+labelH+fontSize, fontSize, colStroke, "toc-empty")
		}
	}

	// Links first, so that boxes sit on top of the lines.
	buf.WriteString(`<g class="toc-links">`)
	for i, outs := range g.out {
		for _, j := range outs {
			bad := badLink[[2]string{stmts[i].ID, stmts[j].ID}]
			link(&buf, at[i].x, at[i].y, at[j].x, at[j].y, boxH, i == j, bad)
		}
	}
	buf.WriteString(`</g>`)

	buf.WriteString(`<g class="toc-statements">`)
	for i, s := range stmts {
		x, y := at[i].x, at[i].y
		msgs := stmtProblems[s.ID]
		class := "toc-statement"
		fill := colUnknown
		if s.Level.Rank() >= 0 {
			class += " toc-" + string(s.Level)
			fill = levelFill[s.Level]
		}
		stroke, strokeW := colStroke, 1
		if len(msgs) > 0 {
			class += " toc-problem"
			stroke, strokeW = colProblem, 3
		}
		text := texts[i]
		buf.WriteString(`<g class="` + class + `" data-statement="`)
		esc(&buf, s.ID)
		buf.WriteString(`"><title>`)
		esc(&buf, strings.Join(append([]string{text}, msgs...), "\n"))
		buf.WriteString(`</title>`)
		fmt.Fprintf(&buf, `<rect x="%d" y="%d" width="%d" height="%d" rx="6" fill="%s" stroke="%s" stroke-width="%d"/>`, x, y, boxW, boxH, fill, stroke, strokeW)
		lines := wrapped[i]
		lx, dir := x+boxPad, ""
		if isRTL(text) {
			lx, dir = x+boxW-boxPad, ` direction="rtl" text-anchor="start"`
		}
		fmt.Fprintf(&buf, `<text x="%d" y="%d" font-size="%d" fill="%s"%s>`, lx, y+boxPad+fontSize, fontSize, colText, dir)
		for k, line := range lines {
			dy := 0
			if k > 0 {
				dy = lineH
			}
			fmt.Fprintf(&buf, `<tspan x="%d" dy="%d">`, lx, dy)
			esc(&buf, line)
			buf.WriteString(`</tspan>`)
		}
		buf.WriteString(`</text>`)
		if len(msgs) > 0 {
			cx, cy := x+boxW-2, y+2
			fmt.Fprintf(&buf, `<circle cx="%d" cy="%d" r="9" fill="%s" class="toc-badge"/>`, cx, cy, colProblem)
			fmt.Fprintf(&buf, `<text x="%d" y="%d" font-size="13" font-weight="bold" fill="#ffffff" text-anchor="middle">!</text>`, cx, cy+5)
		}
		buf.WriteString(`</g>`)
	}
	buf.WriteString(`</g></svg>`)
	return buf.Bytes()
}

// statementText is the sentence shown in a box; empty parts show a
// placeholder so that a gap is visible.
func statementText(s Statement, t func(string, ...any) string) string {
	part := func(v string) string {
		if blank(v) {
			return t("theoryofchange.svg.missing")
		}
		return strings.TrimSpace(v)
	}
	if s.Level == Vision {
		return t("theoryofchange.svg.vision_text", "Then", part(s.Then))
	}
	return t("theoryofchange.svg.statement", "If", part(s.If), "Then", part(s.Then), "Because", part(s.Because))
}

// link draws an arrow from box (x1,y1) to box (x2,y2): between the facing
// edges (top and bottom, or the sides within a row), or as a loop for a
// statement that leads to itself.
func link(buf *bytes.Buffer, x1, y1, x2, y2, boxH int, self, bad bool) {
	stroke, extra := colStroke, ""
	class := "toc-link"
	if bad {
		stroke, extra, class = colProblem, ` stroke-dasharray="6 4"`, "toc-link toc-link-problem"
	}
	if self {
		sx, sy := float64(x1+boxW), float64(y1+boxH/3)
		ex, ey := float64(x1+boxW), float64(y1+2*boxH/3)
		fmt.Fprintf(buf, `<path class="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f" fill="none" stroke="%s" stroke-width="1.5"%s/>`,
			class, sx, sy, sx+30, sy-10, ex+30, ey+10, ex+4, ey, stroke, extra)
		arrowHead(buf, ex+30, ey+10, ex, ey, stroke)
		return
	}
	var sx, sy, ex, ey float64
	switch {
	case y2 < y1: // target above: the usual direction, towards the vision
		sx, sy, ex, ey = float64(x1+boxW/2), float64(y1), float64(x2+boxW/2), float64(y2+boxH)
	case y2 > y1:
		sx, sy, ex, ey = float64(x1+boxW/2), float64(y1+boxH), float64(x2+boxW/2), float64(y2)
	case x2 > x1:
		sx, sy, ex, ey = float64(x1+boxW), float64(y1+boxH/2), float64(x2), float64(y2+boxH/2)
	default:
		sx, sy, ex, ey = float64(x1), float64(y1+boxH/2), float64(x2+boxW), float64(y2+boxH/2)
	}
	fmt.Fprintf(buf, `<line class="%s" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5"%s/>`, class, sx, sy, ex, ey, stroke, extra)
	arrowHead(buf, sx, sy, ex, ey, stroke)
}

// arrowHead draws a filled triangle at (ex,ey) pointing away from (sx,sy).
// Drawn per link rather than with a <marker>, whose id could clash when a
// page holds two diagrams.
func arrowHead(buf *bytes.Buffer, sx, sy, ex, ey float64, fill string) {
	dx, dy := ex-sx, ey-sy
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	const size, half = 9.0, 4.5
	bx, by := ex-dx*size, ey-dy*size
	fmt.Fprintf(buf, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`,
		ex, ey, bx-dy*half, by+dx*half, bx+dy*half, by-dx*half, fill)
}

// textLine writes one line of text, anchored at the left, or at the right
// for right-to-left script.
func textLine(buf *bytes.Buffer, s string, left, right, y, size int, fill, class string) {
	if isRTL(s) {
		fmt.Fprintf(buf, `<text class="%s" x="%d" y="%d" font-size="%d" fill="%s" direction="rtl" text-anchor="start">`, class, right, y, size, fill)
	} else {
		fmt.Fprintf(buf, `<text class="%s" x="%d" y="%d" font-size="%d" fill="%s">`, class, left, y, size, fill)
	}
	esc(buf, s)
	buf.WriteString(`</text>`)
}

func esc(buf *bytes.Buffer, s string) {
	xml.EscapeText(buf, []byte(s)) // never fails on a bytes.Buffer
}

// isRTL reports whether the first letter of s is from a right-to-left script.
func isRTL(s string) bool {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// wrap breaks s into lines of at most width runes at spaces (cutting words
// longer than a line), keeping at most maxLines and ending a shortened text
// with an ellipsis.
func wrap(s string, width, maxLines int) []string {
	var lines []string
	var cur []rune
	flush := func() {
		lines = append(lines, string(cur))
		cur = cur[:0]
	}
	for _, w := range strings.Fields(s) {
		word := []rune(w)
		for len(word) > 0 {
			room := width - len(cur)
			if len(cur) > 0 {
				room-- // the space
			}
			switch {
			case len(word) <= room:
				if len(cur) > 0 {
					cur = append(cur, ' ')
				}
				cur = append(cur, word...)
				word = nil
			case len(cur) > 0:
				flush()
			default: // a word longer than a whole line
				cur = append(cur, word[:width]...)
				word = word[width:]
				flush()
			}
		}
		if len(lines) > maxLines {
			break
		}
	}
	if len(cur) > 0 {
		flush()
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines[maxLines-1] = strings.TrimRight(string(last), " ") + "…"
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}
