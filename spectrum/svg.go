package spectrum

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Label is an actor shown in its wedge.
type Label struct {
	ID   string // opaque; carried in data-id for scripts
	Name string
}

// Layout of the half circle, in viewBox units: 500 wide, every text at
// least 12 units high; pages draw it at least 500 px wide (scrolling
// sideways inside its box on a phone), so no text shows under 12 px.
const (
	specW      = 500
	specMargin = 10
	outerR     = 240 // the arc
	innerR     = 44  // the "us" half disc at the centre of the base
	wedgePad   = 5   // distance of text from the wedge's edges
	nameSize   = 12
	headSize   = 12
	rowStep    = 16 // baseline to baseline
	nameGap    = 8  // between names on a row
	maxNameW   = 140
	minRowW    = 28
	minNameW   = 44  // a name shortened below this would say too little
	minHeadW   = 120 // the room a heading may be shortened to
)

var wedgeFill = map[Segment]string{
	ActiveAlly:        "#c8e6c9",
	PassiveAlly:       "#e6f4ea",
	Neutral:           "#f1f3f4",
	PassiveOpposition: "#fce8e6",
	ActiveOpposition:  "#f9d2ce",
}

const (
	colText   = "#202124"
	colMuted  = "#3c4043"
	colBorder = "#5f6368"
	colUs     = "#3c4043" // white text on it
)

// wedgeAngles is the wedge's range of angles in degrees, counter-clockwise
// from the right end of the base. Active opposition is on the left and
// active allies on the right, like the power map's support axis, so that
// the two views read the same way; for a right-to-left reader both are
// mirrored, active opposition on the right.
func wedgeAngles(s Segment, dir svgtext.Direction) (lo, hi float64) {
	i := float64(s - ActiveOpposition) // 0 .. 4 from the start of reading
	if dir == svgtext.RTL {
		return 36 * i, 36 * (i + 1)
	}
	return 180 - 36*(i+1), 180 - 36*i
}

// slot is a row of text inside a wedge: its baseline height above the base
// and the horizontal room, relative to the centre.
type slot struct {
	h, left, right float64
	items          []item
	used           float64
}

type item struct {
	text, full, id string
	w              float64
	class          string
	size           float64
	bold           bool
}

func (r *slot) room() float64 {
	if len(r.items) == 0 {
		return r.right - r.left
	}
	return r.right - r.left - r.used - nameGap
}

func (r *slot) add(it item) {
	if len(r.items) > 0 {
		r.used += nameGap
	}
	r.used += it.w
	r.items = append(r.items, it)
}

func (r *slot) removeLast() {
	it := r.items[len(r.items)-1]
	r.items = r.items[:len(r.items)-1]
	r.used -= it.w
	if len(r.items) > 0 {
		r.used -= nameGap
	}
}

// slots cuts a wedge into rows of text, from the top down. A row's room is
// where a text box from h-3 to h+size fits between the wedge's two edges
// (kept wedgePad away) and between the two circles; every bound moves
// monotonically with height, so checking the box's bottom and top is enough.
func slots(s Segment, size float64, dir svgtext.Direction) []slot {
	lo, hi := wedgeAngles(s, dir)
	a1, a2 := lo*math.Pi/180, hi*math.Pi/180
	span := func(y float64) (float64, float64, bool) {
		l, r := math.Inf(-1), math.Inf(1)
		// Counter-clockwise of the lower edge, clockwise of the upper one.
		if sin := math.Sin(a1); sin > 1e-9 {
			r = min(r, (y*math.Cos(a1)-wedgePad)/sin)
		} else if y < wedgePad {
			return 0, 0, false
		}
		if sin := math.Sin(a2); sin > 1e-9 {
			l = max(l, (y*math.Cos(a2)+wedgePad)/sin)
		} else if y < wedgePad {
			return 0, 0, false
		}
		ro := float64(outerR - wedgePad)
		if y >= ro {
			return 0, 0, false
		}
		edge := math.Sqrt(ro*ro - y*y)
		l, r = max(l, -edge), min(r, edge)
		if ri := float64(innerR + wedgePad); y < ri {
			hole := math.Sqrt(ri*ri - y*y)
			switch {
			case r <= 0:
				r = min(r, -hole)
			case l >= 0:
				l = max(l, hole)
			default: // the middle wedge, split by the disc: no row here
				return 0, 0, false
			}
		}
		return l, r, r > l
	}
	var out []slot
	for h := float64(outerR) - size - wedgePad; h >= 3; h -= rowStep {
		l1, r1, ok1 := span(h - 3)
		l2, r2, ok2 := span(h + size)
		if !ok1 || !ok2 {
			continue
		}
		l, r := max(l1, l2), min(r1, r2)
		if r-l >= minRowW {
			out = append(out, slot{h: h, left: l, right: r})
		}
	}
	return out
}

// fit puts it on the first row with room for it and returns that row's
// index, or -1.
func fit(rows []slot, it item) int {
	for k := range rows {
		if rows[k].room() >= it.w {
			rows[k].add(it)
			return k
		}
	}
	return -1
}

// roomiest is the index of the row with the most room left, or -1.
func roomiest(rows []slot) int {
	best := -1
	for k := range rows {
		if best < 0 || rows[k].room() > rows[best].room() {
			best = k
		}
	}
	return best
}

// headRows picks the rows for a wedge's heading: the first row, from the
// top, where it fits whole; else the first two rows in a row that hold it
// broken at a space; else the first row where most of it fits, or the
// widest, to be shortened. The text stays at headSize: a smaller heading
// would be unreadable on a phone.
func headRows(rows []slot, head string) (int, []string) {
	w := textWidth(head, headSize)
	for k, r := range rows {
		if r.right-r.left >= w {
			return k, []string{head}
		}
	}
	words := strings.Fields(head)
	for k := 0; k+1 < len(rows); k++ {
		for cut := len(words) - 1; cut > 0; cut-- {
			a, b := strings.Join(words[:cut], " "), strings.Join(words[cut:], " ")
			if rows[k].right-rows[k].left >= textWidth(a, headSize) && rows[k+1].right-rows[k+1].left >= textWidth(b, headSize) {
				return k, []string{a, b}
			}
		}
	}
	w = min(w, minHeadW)
	for k, r := range rows {
		if r.right-r.left >= w {
			return k, []string{head}
		}
	}
	return max(0, roomiest(rows)), []string{head}
}

// SVG draws the Spectrum of Allies as a half circle of five wedges, active
// opposition on the left, active allies on the right (mirrored for dir RTL,
// names in each row then following right to left) and "us" at the centre
// of the base. Each wedge shows its segment's name and count, then the
// names of its actors (ordered by name, then ID), as many as fit; the rest
// are summed up as "+N more". Names too long for a row are shortened with an
// ellipsis, the full name in the text's <title>. Each name is a
// <text class="actor" data-id="…">. Groups under invalid segments are
// ignored.
//
// t translates message IDs (as i18n's Localizer.T); when nil, message IDs
// are shown. All text is escaped; no style attributes are used.
func SVG(groups map[Segment][]Label, t func(string, ...any) string, dir svgtext.Direction) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	cx := float64(specW) / 2
	base := float64(specMargin + outerR)
	height := base + 14
	total := 0
	for s, g := range groups {
		if s.Valid() {
			total += len(g)
		}
	}

	var buf bytes.Buffer
	buf.Grow(4096 + 160*total)
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" width="%d" height="%s" role="img" class="spectrum" font-family="sans-serif" direction="ltr">`,
		specW, num(height), specW, num(height))
	buf.WriteString(`<title>`)
	esc(&buf, t("spectrum.svg.title", "Count", total))
	buf.WriteString(`</title><desc>`)
	var desc []string
	for _, s := range Segments {
		desc = append(desc, t("spectrum.svg.segment_count", "Segment", t(s.Message()), "Count", len(groups[s])))
	}
	esc(&buf, strings.Join(desc, " "))
	buf.WriteString(`</desc>`)

	pt := func(r, deg float64) (float64, float64) {
		a := deg * math.Pi / 180
		return cx + r*math.Cos(a), base - r*math.Sin(a)
	}
	for _, s := range Segments {
		lo, hi := wedgeAngles(s, dir)
		fmt.Fprintf(&buf, `<g class="wedge wedge-%s" data-segment="%s">`, s.Key(), s.Key())
		x1, y1 := pt(innerR, lo)
		x2, y2 := pt(outerR, lo)
		x3, y3 := pt(outerR, hi)
		x4, y4 := pt(innerR, hi)
		fmt.Fprintf(&buf, `<path d="M%s %s L%s %s A%d %d 0 0 0 %s %s L%s %s A%d %d 0 0 1 %s %sZ" fill="%s" stroke="%s" stroke-width="1"/>`,
			num(x1), num(y1), num(x2), num(y2), outerR, outerR, num(x3), num(y3), num(x4), num(y4), innerR, innerR, num(x1), num(y1), wedgeFill[s], colBorder)

		rows := slots(s, headSize, dir) // room for the taller heading on any row
		names := slices.Clone(groups[s])
		slices.SortFunc(names, func(a, b Label) int {
			return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
		})

		// The heading goes on the first row wide enough for it, names on
		// the rows below it (those above are narrow; leaving them empty
		// keeps the wedge easy to read).
		head := t("spectrum.svg.wedge", "Segment", t(s.Message()), "N", len(names))
		at, lines := headRows(rows, head)
		if len(rows) == 0 {
			lines = nil
		}
		for k, line := range lines {
			w := rows[at+k].right - rows[at+k].left
			shown := truncate(line, w, headSize)
			full := line
			if len(lines) == 1 {
				full = head
			}
			rows[at+k].add(item{text: shown, full: full, w: w, class: "segment-label", size: headSize, bold: true})
		}
		order := rows[min(at+len(lines), len(rows)):]

		var placed []int // the row of each name placed, in order
		for _, n := range names {
			shown := truncate(n.Name, maxNameW, nameSize)
			it := item{text: shown, full: n.Name, id: n.ID, w: textWidth(shown, nameSize), class: "actor", size: nameSize}
			k := fit(order, it)
			if k < 0 {
				// Shorten it further into the largest room left, if
				// enough of the name would still show.
				k = roomiest(order)
				if k < 0 || order[k].room() < minNameW {
					break
				}
				it.text = truncate(n.Name, order[k].room(), nameSize)
				it.w = textWidth(it.text, nameSize)
				order[k].add(it)
			}
			placed = append(placed, k)
		}
		// Make room for "+N more", taking back the last names if needed
		// (first fit appends, so the last name placed ends its row).
		for len(placed) < len(names) {
			more := t("spectrum.more", "Count", len(names)-len(placed))
			if fit(order, item{text: more, full: more, w: textWidth(more, nameSize), class: "more", size: nameSize}) >= 0 || len(placed) == 0 {
				break
			}
			order[placed[len(placed)-1]].removeLast()
			placed = placed[:len(placed)-1]
		}
		for _, r := range order {
			writeRow(&buf, r, cx, base, dir)
		}
		for k := range lines {
			writeRow(&buf, rows[at+k], cx, base, dir)
		}
		buf.WriteString(`</g>`)
	}

	// "Us" at the centre of the base.
	fmt.Fprintf(&buf, `<path d="M%s %s A%d %d 0 0 1 %s %sZ" fill="%s" class="us"/>`, num(cx-innerR), num(base), innerR, innerR, num(cx+innerR), num(base), colUs)
	text(&buf, cx, base-12, alignMiddle, 12, "#ffffff", ` font-weight="bold"`, truncate(t(Us), 2*innerR-16, 12))
	fmt.Fprintf(&buf, `<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="%s"/>`, specMargin, num(base), specW-specMargin, num(base), colBorder)
	buf.WriteString(`</svg>`)
	return buf.Bytes()
}

// writeRow centres a row's texts in its room, in reading order: from the
// left, or from the right for dir RTL. Names use text-anchor middle, so
// their place does not depend on the script's direction.
func writeRow(buf *bytes.Buffer, r slot, cx, base float64, dir svgtext.Direction) {
	if len(r.items) == 0 {
		return
	}
	x := cx + (r.left+r.right)/2 - r.used/2
	y := base - r.h
	for _, it := range r.items {
		mid := x + it.w/2
		if dir == svgtext.RTL {
			mid = 2*cx + r.left + r.right - mid // the same room, from its right end
		}
		x += it.w + nameGap
		fill, attrs := colText, ` class="`+it.class+`"`
		if it.bold {
			attrs += ` font-weight="bold"`
		}
		if it.class == "more" {
			fill, attrs = colMuted, attrs+` font-style="italic"`
		}
		if it.id != "" {
			var b bytes.Buffer
			esc(&b, it.id)
			attrs += ` data-id="` + b.String() + `"`
		}
		if it.text == it.full {
			text(buf, mid, y, alignMiddle, it.size, fill, attrs, it.text)
			continue
		}
		// Shortened: the whole name in a <title> inside the text.
		var inner bytes.Buffer
		text(&inner, mid, y, alignMiddle, it.size, fill, attrs, it.text)
		s := inner.String()
		i := strings.Index(s, ">") + 1
		buf.WriteString(s[:i])
		buf.WriteString(`<title>`)
		esc(buf, it.full)
		buf.WriteString(`</title>`)
		buf.WriteString(s[i:])
	}
}
