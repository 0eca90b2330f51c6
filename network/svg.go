package network

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/svgtext"
)

// Drawing constants, in viewBox units. Colours are presentation attributes
// (the CSP forbids inline styles), from the Okabe–Ito palette, which people
// with colour-vision deficiencies can tell apart; shapes tell the kinds
// apart as well, so colour is never the only cue.
const (
	defaultWidth  = 960
	defaultHeight = 640
	allLabels     = 40 // networks up to this size label every actor
	topLabels     = 20 // larger ones label this many of the most central
	labelRunes    = 28
	fontSize      = 12
	legendRow     = 22
	legendMinW    = 360
	colText       = "#1f1f1f"
	colTie        = "#8a8f94"
	colConflict   = "#d55e00"
	colArrow      = "#5f6368"
	colUnknown    = "#999999"
)

var kindFill = map[string]string{
	Individual: "#0072b2", Group: "#e69f00", Organisation: "#009e73", Institution: "#cc79a7",
}

// pairInfo sums up the relationships drawn as one line.
type pairInfo struct {
	u, v     int
	conflict bool
	oneWay   int // +1: every relationship points u → v; -1: v → u; 0: otherwise
	strength int
}

// SVG draws the network of the chosen types: one line per tie (dashed and
// orange when any of its relationships is a conflict, with an arrow when all
// of them point the same way), actors sized by degree, shaped and coloured by
// kind, labels on every actor in small networks and on the most central
// ones otherwise, and a legend below. res and pos may be nil, in which case
// they are computed (Analyse, and Layout on a 960 × 640 frame); actors
// without a position are left out. The picture is the whole frame (960 ×
// 640, or more when positions lie outside it), so that a page drawing it
// at its width uses all of it. Labels are placed where they touch no other
// label and no actor, most central actor first; one that finds no room is
// left out (its actor's <title> names it). Each actor is a
// <g class="node kind-KIND" data-id="ID"> with a <title> naming it; brokers
// and boundary crossers also get the classes "broker" and "crosser".
//
// t translates message IDs (as i18n's Localizer.T does: pairs of name and
// value); when t is nil the message IDs themselves are shown. All user text
// is escaped; the output uses no style attributes. The drawing sets
// direction="ltr" so that its geometry holds inside right-to-left pages
// (left and right mean nothing in a network); Arabic text still reads right
// to left within each label, and for dir RTL the legend reads from the
// right.
func SVG(nodes []Node, edges []Edge, types []string, res *Result, pos map[string]Point, t func(id string, args ...any) string, dir svgtext.Direction) []byte {
	if t == nil {
		t = func(id string, _ ...any) string { return id }
	}
	if res == nil {
		res = Analyse(nodes, edges, types)
	}
	if pos == nil {
		pos = Layout(nodes, edges, types, defaultWidth, defaultHeight)
	}
	g := build(nodes, edges, types)
	// An actor's ties are counted in the analysed network, which may be
	// larger than what is drawn (a page draws the most connected only).
	degree := func(u int) int {
		if m, ok := res.Metrics[g.nodes[u].ID]; ok {
			return m.Degree
		}
		return g.degree(u)
	}
	var drawn []int
	for u, nd := range g.nodes {
		if _, ok := pos[nd.ID]; ok {
			drawn = append(drawn, u)
		}
	}

	// Extent of the drawing and sizes of the shapes.
	minX, minY, maxX, maxY := 0.0, 0.0, 0.0, 0.0
	for i, u := range drawn {
		p := pos[g.nodes[u].ID]
		if i == 0 {
			minX, minY, maxX, maxY = p.X, p.Y, p.X, p.Y
		}
		minX, minY = min(minX, p.X), min(minY, p.Y)
		maxX, maxY = max(maxX, p.X), max(maxY, p.Y)
	}
	spacing := 60.0
	if len(drawn) > 1 {
		if a := (maxX - minX) * (maxY - minY); a > 0 {
			spacing = math.Sqrt(a / float64(len(drawn)))
		} else {
			spacing = max(maxX-minX, maxY-minY) / float64(len(drawn)-1)
		}
	}
	rMax := min(max(spacing*0.3, 4), 16)
	rMin := max(2.5, rMax*0.45)
	maxDeg := 0
	for _, u := range drawn {
		maxDeg = max(maxDeg, degree(u))
	}
	radius := func(u int) float64 {
		if maxDeg == 0 {
			return rMin
		}
		return rMin + (rMax-rMin)*math.Sqrt(float64(degree(u))/float64(maxDeg))
	}
	labelled := labelSet(g, drawn, res)

	// The frame: the layout's, grown to hold every shape.
	margin := rMax*1.3 + 6
	x0, y0 := min(0, minX-margin), min(0, minY-margin)
	w := max(float64(defaultWidth), maxX+margin) - x0
	h := max(float64(defaultHeight), maxY+margin) - y0
	w = max(w, legendMinW)

	// Labels, most central first, where they touch nothing.
	shapes := make([]box, 0, len(drawn))
	for _, u := range drawn {
		shapes = append(shapes, shapeBox(pos[g.nodes[u].ID], radius(u)))
	}
	var order []int
	for _, u := range labelOrder(g, drawn, res) {
		if labelled[u] {
			order = append(order, u)
		}
	}
	placed := placeLabels(order,
		func(u int) string { return ellipsis(displayName(g.nodes[u]), labelRunes) },
		func(u int) Point { return pos[g.nodes[u].ID] },
		radius, shapes, box{x0, y0, x0 + w, y0 + h})

	legend := legendItems(g, drawn, len(placed), edges, types, t)
	legendH := layoutLegend(legend, w)
	total := h + legendH

	var buf bytes.Buffer
	buf.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="`)
	buf.WriteString(num(x0) + " " + num(y0) + " " + num(w) + " " + num(total))
	buf.WriteString(`" width="` + num(w) + `" height="` + num(total) + `" role="img" class="network-map" direction="ltr" font-family="sans-serif" font-size="` + strconv.Itoa(fontSize) + `">`)
	buf.WriteString("<title>")
	esc(&buf, t("network.svg.title", "Count", res.Nodes))
	buf.WriteString("</title><desc>")
	esc(&buf, t("network.svg.desc", "Count", res.Edges))
	buf.WriteString("</desc>")
	thin := g.m > 500 // many ties: thinner, fainter lines and smaller arrows
	arrow := "9"
	if thin {
		arrow = "6"
	}
	buf.WriteString(`<defs><marker id="network-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="` + arrow + `" markerHeight="` + arrow + `" orient="auto"><path d="M0,0L10,5L0,10z" fill="` + colArrow + `"/></marker></defs>`)

	if len(drawn) == 0 {
		buf.WriteString(`<text class="network-empty" x="` + num(x0+w/2) + `" y="` + num(y0+h/2) + `" text-anchor="middle" fill="` + colText + `">`)
		esc(&buf, t("network.svg.empty"))
		buf.WriteString("</text>")
	}

	// Ties.
	buf.WriteString(`<g class="ties" fill="none">`)
	for _, p := range pairs(g, edges, types) {
		a, okA := pos[g.nodes[p.u].ID]
		b, okB := pos[g.nodes[p.v].ID]
		if !okA || !okB {
			continue
		}
		if p.oneWay < 0 {
			a, b = b, a
			p.u, p.v = p.v, p.u
		}
		if p.oneWay != 0 { // end the arrow at the target's edge
			dx, dy := b.X-a.X, b.Y-a.Y
			if d := math.Hypot(dx, dy); d > 0 {
				cut := min(radius(p.v)+1.5, d/2)
				b = Point{b.X - dx/d*cut, b.Y - dy/d*cut}
			}
		}
		width := 1 + 0.4*float64(min(max(p.strength-1, 0), 4))
		if thin {
			width *= 0.6
		}
		buf.WriteString(`<line class="tie`)
		colour := colTie
		if p.conflict {
			buf.WriteString(` tie-conflict`)
			colour = colConflict
		}
		buf.WriteByte('"')
		attrNum(&buf, "x1", a.X)
		attrNum(&buf, "y1", a.Y)
		attrNum(&buf, "x2", b.X)
		attrNum(&buf, "y2", b.Y)
		buf.WriteString(` stroke="` + colour + `"`)
		attrNum(&buf, "stroke-width", width)
		if p.conflict {
			buf.WriteString(` stroke-dasharray="6 4"`)
		}
		if thin {
			buf.WriteString(` stroke-opacity="0.45"`)
		}
		if p.oneWay != 0 {
			buf.WriteString(` marker-end="url(#network-arrow)"`)
		}
		buf.WriteString("/>")
	}
	buf.WriteString("</g>")

	// Actors.
	brokers := map[string]bool{}
	for _, id := range res.Brokers {
		brokers[id] = true
	}
	crossers := map[string]bool{}
	for _, c := range res.BoundaryCrossers {
		crossers[c.ID] = true
	}
	buf.WriteString(`<g class="nodes" stroke="#ffffff" stroke-width="1">`)
	for _, u := range drawn {
		nd := g.nodes[u]
		p := pos[nd.ID]
		buf.WriteString(`<g class="node kind-`)
		esc(&buf, cmp.Or(nd.Kind, "unknown"))
		if brokers[nd.ID] {
			buf.WriteString(" broker")
		}
		if crossers[nd.ID] {
			buf.WriteString(" crosser")
		}
		buf.WriteString(`" data-id="`)
		esc(&buf, nd.ID)
		buf.WriteString(`"><title>`)
		// The name comes first and outside the message, so that it shows
		// whatever the translator does.
		esc(&buf, displayName(nd)+" — "+t("network.svg.node", "Kind", kindName(nd.Kind, t), "Count", degree(u)))
		buf.WriteString("</title>")
		shape(&buf, nd.Kind, p.X, p.Y, radius(u))
		buf.WriteString("</g>")
	}
	buf.WriteString("</g>")

	// Labels on top, with a white halo for legibility over lines.
	buf.WriteString(`<g class="labels" text-anchor="middle" fill="` + colText + `" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`)
	for _, l := range placed {
		buf.WriteString(`<text x="` + num(l.x) + `" y="` + num(l.y) + `"`)
		anchor := l.anchor
		if svgtext.IsRTL(l.text) {
			buf.WriteString(` direction="rtl"`)
			anchor = map[string]string{"start": "end", "middle": "middle", "end": "start"}[anchor]
		}
		if anchor != "middle" {
			buf.WriteString(` text-anchor="` + anchor + `"`)
		}
		buf.WriteString(`>`)
		esc(&buf, l.text)
		buf.WriteString("</text>")
	}
	buf.WriteString("</g>")

	writeLegend(&buf, legend, x0, y0+h, w, dir == svgtext.RTL)
	buf.WriteString("</svg>")
	return buf.Bytes()
}

// pairs collects, for every tie of the simple graph, what its relationships
// say: conflict, a single direction, the greatest strength. In tie order.
func pairs(g *simpleGraph, edges []Edge, types []string) []pairInfo {
	chosen := typeFilter(types)
	at := map[[2]int]int{}
	var out []pairInfo
	for _, e := range edges {
		if !chosen(e.Type) {
			continue
		}
		u, ok1 := g.index[e.From]
		v, ok2 := g.index[e.To]
		if !ok1 || !ok2 || u == v {
			continue
		}
		dir := 0
		if e.Directed {
			dir = 1
		}
		if u > v {
			u, v, dir = v, u, -dir
		}
		i, seen := at[[2]int{u, v}]
		if !seen {
			i = len(out)
			at[[2]int{u, v}] = i
			out = append(out, pairInfo{u: u, v: v, oneWay: dir})
		} else if out[i].oneWay != dir {
			out[i].oneWay = 0
		}
		p := &out[i]
		p.conflict = p.conflict || e.Type == InConflictWith
		p.strength = max(p.strength, e.Strength)
	}
	return out
}

// labelSet picks the actors whose names are written: all in small networks,
// otherwise the most central by betweenness, then degree, then label.
func labelSet(g *simpleGraph, drawn []int, res *Result) map[int]bool {
	out := make(map[int]bool, len(drawn))
	if len(drawn) <= allLabels {
		for _, u := range drawn {
			out[u] = true
		}
		return out
	}
	for _, u := range labelOrder(g, drawn, res)[:topLabels] {
		out[u] = true
	}
	return out
}

// labelOrder is the actors from the most central: by betweenness, then
// degree, then label.
func labelOrder(g *simpleGraph, drawn []int, res *Result) []int {
	order := slices.Clone(drawn)
	slices.SortStableFunc(order, func(a, b int) int {
		ma, mb := res.Metrics[g.nodes[a].ID], res.Metrics[g.nodes[b].ID]
		if c := cmp.Compare(mb.Betweenness, ma.Betweenness); c != 0 {
			return c
		}
		if c := cmp.Compare(g.degree(b), g.degree(a)); c != 0 {
			return c
		}
		return cmp.Compare(g.nodes[a].Label, g.nodes[b].Label)
	})
	return order
}

// shape draws an actor: circle for a person, triangle for a group, square
// for an organisation, diamond for an institution, grey circle otherwise.
func shape(buf *bytes.Buffer, kind string, x, y, r float64) {
	fill := kindFill[kind]
	if fill == "" {
		fill = colUnknown
	}
	switch kind {
	case Group:
		polygon(buf, fill, x, y-1.3*r, x+1.15*r, y+0.75*r, x-1.15*r, y+0.75*r)
	case Organisation:
		buf.WriteString(`<rect x="` + num(x-0.9*r) + `" y="` + num(y-0.9*r) + `" width="` + num(1.8*r) + `" height="` + num(1.8*r) + `" fill="` + fill + `"/>`)
	case Institution:
		polygon(buf, fill, x, y-1.25*r, x+1.25*r, y, x, y+1.25*r, x-1.25*r, y)
	default:
		buf.WriteString(`<circle`)
		attrNum(buf, "cx", x)
		attrNum(buf, "cy", y)
		attrNum(buf, "r", r)
		buf.WriteString(` fill="` + fill + `"/>`)
	}
}

func polygon(buf *bytes.Buffer, fill string, xy ...float64) {
	buf.WriteString(`<polygon points="`)
	for i := 0; i < len(xy); i += 2 {
		if i > 0 {
			buf.WriteByte(' ')
		}
		buf.WriteString(num(xy[i]) + "," + num(xy[i+1]))
	}
	buf.WriteString(`" fill="` + fill + `"/>`)
}

// legendItem is one entry of the legend: a symbol and its text.
type legendItem struct {
	symbol string // "kind:KIND", "tie", "conflict", "directed" or "" for a note
	text   string
	x, y   float64 // placed by layoutLegend, relative to the legend's corner
}

func legendItems(g *simpleGraph, drawn []int, labelled int, edges []Edge, types []string, t func(string, ...any) string) []legendItem {
	items := []legendItem{{text: t("network.legend.title")}}
	present := map[string]bool{}
	for _, u := range drawn {
		k := g.nodes[u].Kind
		if !ValidKind(k) {
			k = ""
		}
		present[k] = true
	}
	for _, k := range append(slices.Clone(Kinds), "") {
		if present[k] {
			items = append(items, legendItem{symbol: "kind:" + k, text: kindName(k, t)})
		}
	}
	conflict, oneWay := false, false
	for _, p := range pairs(g, edges, types) {
		conflict = conflict || p.conflict
		oneWay = oneWay || p.oneWay != 0
	}
	if g.m > 0 {
		items = append(items, legendItem{symbol: "tie", text: t("network.legend.tie")})
	}
	if conflict {
		items = append(items, legendItem{symbol: "conflict", text: t("network.legend.conflict")})
	}
	if oneWay {
		items = append(items, legendItem{symbol: "directed", text: t("network.legend.directed")})
	}
	items = append(items, legendItem{text: t("network.legend.size")})
	if labelled < len(drawn) {
		items = append(items, legendItem{text: t("network.legend.labels", "Count", labelled)})
	}
	return items
}

// layoutLegend places the items in rows across width w and returns the
// legend's height.
func layoutLegend(items []legendItem, w float64) float64 {
	const pad, symbolW, gap = 8.0, 22.0, 18.0
	x, y := pad, pad
	for i := range items {
		iw := textWidth(items[i].text)
		if items[i].symbol != "" {
			iw += symbolW
		}
		if x > pad && x+iw > w-pad {
			x, y = pad, y+legendRow
		}
		items[i].x, items[i].y = x, y
		x += iw + gap
	}
	return y + legendRow + pad
}

// writeLegend draws the placed items; rtl mirrors them within the width w,
// so that the legend reads from the right, each symbol to the right of its
// text.
func writeLegend(buf *bytes.Buffer, items []legendItem, x0, y0, w float64, rtl bool) {
	buf.WriteString(`<g class="legend" fill="` + colText + `">`)
	for _, it := range items {
		y := y0 + it.y + legendRow/2 // the row's middle
		room := 0.0
		if it.symbol != "" {
			room = 22
		}
		if rtl {
			r := x0 + w - it.x
			writeLegendSymbol(buf, it.symbol, r-16, y)
			svgtext.Text(buf, r-room, y+4, svgtext.Right, fontSize, colText, "", it.text)
			continue
		}
		x := x0 + it.x
		writeLegendSymbol(buf, it.symbol, x, y)
		svgtext.Text(buf, x+room, y+4, svgtext.Left, fontSize, colText, "", it.text)
	}
	buf.WriteString("</g>")
}

// writeLegendSymbol draws a legend item's symbol, 16 units wide from x,
// centred on y; notes have none.
func writeLegendSymbol(buf *bytes.Buffer, symbol string, x, y float64) {
	switch {
	case strings.HasPrefix(symbol, "kind:"):
		shape(buf, symbol[5:], x+7, y, 6)
	case symbol == "tie", symbol == "conflict", symbol == "directed":
		colour, extra := colTie, ""
		switch symbol {
		case "conflict":
			colour, extra = colConflict, ` stroke-dasharray="6 4"`
		case "directed":
			extra = ` marker-end="url(#network-arrow)"`
		}
		buf.WriteString(`<line x1="` + num(x) + `" y1="` + num(y) + `" x2="` + num(x+16) + `" y2="` + num(y) + `" stroke="` + colour + `" stroke-width="2"` + extra + `/>`)
	}
}

// textWidth estimates the width of a text at fontSize (labelWidth): no font
// metrics on the server.
func textWidth(s string) float64 { return labelWidth(s) }

func kindName(kind string, t func(string, ...any) string) string {
	if !ValidKind(kind) {
		return t("network.kind.unknown")
	}
	return t(KindMessage(kind))
}

func displayName(n Node) string { return cmp.Or(n.Label, n.ID) }

func ellipsis(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func esc(buf *bytes.Buffer, s string) { _ = xml.EscapeText(buf, []byte(s)) }

// num formats a coordinate with one decimal, enough on screen and short.
func num(x float64) string { return string(appendNum(nil, x)) }

func appendNum(b []byte, x float64) []byte {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.AppendFloat(b, x, 'f', -1, 64)
}

// attrNum writes ` name="x"` without building strings: the drawing of a
// large network writes tens of thousands of coordinates.
func attrNum(buf *bytes.Buffer, name string, x float64) {
	buf.WriteByte(' ')
	buf.WriteString(name)
	buf.WriteString(`="`)
	buf.Write(appendNum(buf.AvailableBuffer(), x))
	buf.WriteByte('"')
}
