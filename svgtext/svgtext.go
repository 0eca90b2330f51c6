// Package svgtext holds what every server-drawn SVG of Partnerkit needs for
// its labels: escaping, right-to-left detection, width estimates,
// truncation with an ellipsis, anchored <text> elements and compact numbers.
package svgtext

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Text helpers for SVG drawn on the server. Widths are estimates (the
// server does not know the reader's font): generous enough that labels do
// not run into their neighbours in common sans-serif fonts.

// Esc writes s escaped for XML text or attribute values.
func Esc(buf *bytes.Buffer, s string) {
	xml.EscapeText(buf, []byte(s)) // never fails on a bytes.Buffer
}

// IsRTL reports whether the first letter of s is from a right-to-left script.
func IsRTL(s string) bool {
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

// RuneWidth is the estimated advance of r, in ems (close to common
// sans-serif fonts, on the generous side).
func RuneWidth(r rune) float64 {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return 1
	case unicode.Is(unicode.Mn, r): // combining marks, Arabic vowel signs
		return 0
	case strings.ContainsRune("iljI.,;:'|!", r):
		return 0.26
	case strings.ContainsRune(" rtf()-", r):
		return 0.34
	case strings.ContainsRune("mwMW", r):
		return 0.86
	case unicode.IsUpper(r):
		return 0.68
	case unicode.In(r, unicode.Arabic):
		return 0.5
	default:
		return 0.55
	}
}

// Width estimates the width of s at a font size.
func Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += RuneWidth(r)
	}
	return w * size
}

// Truncate shortens s with an ellipsis so that it fits width at a font size.
func Truncate(s string, width, size float64) string {
	if Width(s, size) <= width {
		return s
	}
	budget := width/size - RuneWidth('…')
	w := 0.0
	for i, r := range s {
		w += RuneWidth(r)
		if w > budget {
			return s[:i] + "…"
		}
	}
	return s
}

// Alignment of a text relative to its x: the visual edge at x, whatever the
// script's direction.
type Align int

const (
	Left Align = iota
	Middle
	Right
)

// Text writes one <text> element. Right-to-left text gets direction="rtl"
// (so that the bidirectional algorithm orders it right), with the anchor
// swapped so that the same visual edge stays at x; the root's direction
// does not depend on the page's, because the SVG sets its own.
func Text(buf *bytes.Buffer, x, y float64, a Align, size float64, fill, attrs, s string) {
	anchor := [...]string{"start", "middle", "end"}[a]
	dir := ""
	if IsRTL(s) {
		dir = ` direction="rtl"`
		anchor = [...]string{"end", "middle", "start"}[a]
	}
	fmt.Fprintf(buf, `<text x="%s" y="%s" font-size="%s" fill="%s" text-anchor="%s"%s%s>`, Num(x), Num(y), Num(size), fill, anchor, dir, attrs)
	Esc(buf, s)
	buf.WriteString(`</text>`)
}

// Num formats a coordinate compactly: at most one decimal.
func Num(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// Direction is the reading direction a drawing is made for. A drawing for
// a right-to-left reader is mirrored where direction carries meaning (which
// end of an axis is "against", where the axis titles sit, the order of a
// legend); text inside it reads in its own script's direction either way.
type Direction string

const (
	LTR Direction = "ltr"
	RTL Direction = "rtl"
)

// Mirror maps horizontal positions and alignments of a drawing of a given
// width for a direction: unchanged for LTR, reflected for RTL. Drawings
// compute their layout once, left to right, and write every x through it.
type Mirror struct {
	Width float64
	RTL   bool
}

// NewMirror is the mirror of a drawing width units wide, for dir.
func NewMirror(dir Direction, width float64) Mirror {
	return Mirror{Width: width, RTL: dir == RTL}
}

// X is where the point at x of the left-to-right layout goes.
func (m Mirror) X(x float64) float64 {
	if m.RTL {
		return m.Width - x
	}
	return x
}

// Box is the left edge of a box from x, w wide, in the left-to-right layout.
func (m Mirror) Box(x, w float64) float64 {
	if m.RTL {
		return m.Width - x - w
	}
	return x
}

// Align is the alignment of a text anchored at x in the left-to-right
// layout: its left edge becomes its right edge when mirrored.
func (m Mirror) Align(a Align) Align {
	if m.RTL && a != Middle {
		return Right - a
	}
	return a
}

// Wrap breaks s at spaces into lines that fit width at a font size (a word
// longer than a line is shortened with an ellipsis).
func Wrap(s string, width, size float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case Width(cur+" "+w, size) <= width:
			cur += " " + w
		default:
			lines = append(lines, Truncate(cur, width, size))
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, Truncate(cur, width, size))
	}
	return lines
}
