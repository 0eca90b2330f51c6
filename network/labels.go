package network

import (
	"github.com/partnerkit/partnerkit/svgtext"
)

// box is a rectangle in drawing units.
type box struct{ l, t, r, b float64 }

func (a box) hits(b box) bool { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b }

// placedLabel is a label written at (x, y), its baseline, with an anchor.
type placedLabel struct {
	u      int
	text   string
	x, y   float64
	anchor string // start, middle or end
}

// labelWidth estimates a label's width generously (the server does not
// know the reader's font): the wider of svgtext's estimate and an average
// advance that suits wide sans-serif fonts, plus a little air.
func labelWidth(s string) float64 {
	runes := 0
	for range s {
		runes++
	}
	return max(svgtext.Width(s, fontSize), float64(runes)*fontSize*0.62) + 4
}

// placeLabels finds a place for each label, most central actor first: under
// its actor, above it, beside it on either side, or a line further below
// or above; a place must not touch another label, should not cover an
// actor's shape, and must stay inside the frame. A label that finds no place is left out (the
// actor's <title> and the page's tables still name it).
func placeLabels(order []int, text func(int) string, at func(int) Point, radius func(int) float64, shapes []box, frame box) []placedLabel {
	const ascent, descent = fontSize * 0.95, fontSize * 0.3
	var placed []box
	var out []placedLabel
	for _, u := range order {
		s := text(u)
		w := labelWidth(s)
		p, r := at(u), radius(u)*1.3
		type cand struct {
			x, y   float64
			anchor string
		}
		cands := []cand{
			{p.X, p.Y + r + ascent + 1, "middle"},
			{p.X, p.Y - r - descent - 1, "middle"},
			{p.X + r + 3, p.Y + ascent/2 - 1, "start"},
			{p.X - r - 3, p.Y + ascent/2 - 1, "end"},
			{p.X, p.Y + r + 2*ascent + descent + 2, "middle"},
			{p.X, p.Y - r - ascent - 2*descent - 2, "middle"},
		}
		// First a place clear of every actor; in a crowded drawing, one
		// over other actors (the label's white halo keeps it legible),
		// never over another label.
		found := false
		for pass := 0; pass < 2 && !found; pass++ {
		next:
			for _, c := range cands {
				left := c.x
				switch c.anchor {
				case "middle":
					left -= w / 2
				case "end":
					left -= w
				}
				bx := box{left, c.y - ascent, left + w, c.y + descent}
				if bx.l < frame.l || bx.r > frame.r || bx.t < frame.t || bx.b > frame.b {
					continue
				}
				for _, o := range placed {
					if bx.hits(o) {
						continue next
					}
				}
				if pass == 0 {
					for _, o := range shapes {
						if bx.hits(o) {
							continue next
						}
					}
				}
				placed = append(placed, bx)
				out = append(out, placedLabel{u: u, text: s, x: c.x, y: c.y, anchor: c.anchor})
				found = true
				break
			}
		}
	}
	return out
}

// shapeBox is the box around an actor's shape of radius r at p.
func shapeBox(p Point, r float64) box {
	e := r * 1.3 // the triangle and diamond reach past r
	return box{p.X - e, p.Y - e, p.X + e, p.Y + e}
}
