package network

import (
	"hash/fnv"
	"math"
)

// Point is a position in the drawing, in the units of Layout's width and
// height, y pointing down as in SVG.
type Point struct{ X, Y float64 }

// Layout parameters, in units of the ideal tie length.
const (
	exactRepulsion = 300 // components up to this size compare every pair
	componentGap   = 1.5 // space between packed components
	maxTieShare    = 3.0 // a tie is at most 1/maxTieShare of the drawing's shorter side
)

// Layout places the actors for drawing: Fruchterman–Reingold's force-directed
// method (1991) on each component of the network of the chosen types (as
// Analyse builds it), the components then packed in rows, largest first, and
// the whole scaled to fit width × height with a margin. It is deterministic:
// starting positions come from a hash of each ID, the iteration count is
// fixed, and nothing random is used. Large components (more than 300 actors)
// only repel actors nearby (the grid variant of the method), which keeps
// 2,000 actors fast. Every kept actor gets a position.
func Layout(nodes []Node, edges []Edge, types []string, width, height float64) map[string]Point {
	g := build(nodes, edges, types)
	n := g.n()
	out := make(map[string]Point, n)
	if n == 0 {
		return out
	}
	width, height = max(width, 1), max(height, 1)
	comps, _ := g.components()
	pos := make([]Point, n)

	// Lay out each component around the origin and pack the bounding boxes.
	type box struct{ minX, minY, w, h float64 }
	boxes := make([]box, len(comps))
	area := 0.0
	for c, members := range comps {
		forceDirected(g, members, pos)
		b := box{minX: math.Inf(1), minY: math.Inf(1)}
		maxX, maxY := math.Inf(-1), math.Inf(-1)
		for _, u := range members {
			b.minX, b.minY = min(b.minX, pos[u].X), min(b.minY, pos[u].Y)
			maxX, maxY = max(maxX, pos[u].X), max(maxY, pos[u].Y)
		}
		b.w, b.h = maxX-b.minX+componentGap, maxY-b.minY+componentGap
		boxes[c] = b
		area += b.w * b.h
	}
	rowWidth := math.Sqrt(area * width / height)
	for _, b := range boxes {
		rowWidth = max(rowWidth, b.w)
	}
	x, y, rowH := 0.0, 0.0, 0.0
	totalW, totalH := 0.0, 0.0
	for c, members := range comps {
		b := boxes[c]
		if x > 0 && x+b.w > rowWidth {
			x, y, rowH = 0, y+rowH, 0
		}
		for _, u := range members {
			pos[u].X += x - b.minX
			pos[u].Y += y - b.minY
		}
		x += b.w
		rowH = max(rowH, b.h)
		totalW, totalH = max(totalW, x), max(totalH, y+rowH)
	}
	// The last gap of each row and column is margin, not drawing.
	totalW -= componentGap
	totalH -= componentGap

	// Fit into the frame, centred, with a margin of 5% of the shorter side.
	margin := 0.05 * min(width, height)
	innerW, innerH := width-2*margin, height-2*margin
	scale := min(innerW, innerH) / maxTieShare
	if totalW > 0 {
		scale = min(scale, innerW/totalW)
	}
	if totalH > 0 {
		scale = min(scale, innerH/totalH)
	}
	offX := (width - totalW*scale) / 2
	offY := (height - totalH*scale) / 2
	for u, nd := range g.nodes {
		out[nd.ID] = Point{X: offX + pos[u].X*scale, Y: offY + pos[u].Y*scale}
	}
	return out
}

// forceDirected runs Fruchterman–Reingold on one component with an ideal
// tie length of 1, writing positions into pos.
func forceDirected(g *simpleGraph, members []int, pos []Point) {
	k := len(members)
	side := math.Sqrt(float64(k))
	for _, u := range members {
		pos[u] = hashPoint(g.nodes[u].ID, side)
	}
	if k == 1 {
		pos[members[0]] = Point{}
		return
	}
	iters := 300
	switch {
	case k > 1000:
		iters = 100
	case k > exactRepulsion:
		iters = 150
	}
	local := make([]int32, g.n()) // node index → position in members
	for i, u := range members {
		local[u] = int32(i)
	}
	disp := make([]Point, k)
	var grid cellGrid
	temp := side / 10
	for it := 0; it < iters; it++ {
		clear(disp)
		if k <= exactRepulsion {
			for i := 0; i < k; i++ {
				for j := i + 1; j < k; j++ {
					repel(pos, disp, members, i, j)
				}
			}
		} else {
			grid.fill(pos, members)
			grid.repelNear(pos, disp, members)
		}
		// Attraction along ties, each tie once (from its lower end).
		for i, u := range members {
			for _, v := range g.neighbours(u) {
				if int(v) < u {
					continue
				}
				j := int(local[v])
				dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
				d := math.Hypot(dx, dy) // force d²/k along the unit vector: d·(dx,dy)
				disp[i].X -= dx * d
				disp[i].Y -= dy * d
				disp[j].X += dx * d
				disp[j].Y += dy * d
			}
		}
		// Move each actor along its displacement, at most temp; cool linearly.
		t := temp * (1 - float64(it)/float64(iters))
		for i, u := range members {
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d > 0 {
				step := min(d, t) / d
				pos[u].X += disp[i].X * step
				pos[u].Y += disp[i].Y * step
			}
		}
	}
}

// repel applies the repulsive force 1/d between members i and j.
func repel(pos, disp []Point, members []int, i, j int) {
	a, b := members[i], members[j]
	dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
	d2 := dx*dx + dy*dy
	if d2 < 1e-12 {
		// Same spot: push apart along a fixed direction that depends on the
		// pair, so the result stays deterministic.
		dx, dy = 0.01*float64(1+i%7), 0.01*float64(1+j%5)
		d2 = dx*dx + dy*dy
	}
	// Force k²/d along the unit vector (dx,dy)/d: (dx,dy)/d².
	fx, fy := dx/d2, dy/d2
	disp[i].X += fx
	disp[i].Y += fy
	disp[j].X -= fx
	disp[j].Y -= fy
}

// cellGrid buckets a component's actors in square cells of side 2 (twice
// the ideal tie length) so that repulsion only compares near neighbours.
type cellGrid struct {
	minX, minY, cell float64
	cols, rows       int
	start            []int32 // actors of cell c are items[start[c]:start[c+1]]
	items            []int32 // positions in members
	cellOf           []int32
}

func (gr *cellGrid) fill(pos []Point, members []int) {
	k := len(members)
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, u := range members {
		minX, minY = min(minX, pos[u].X), min(minY, pos[u].Y)
		maxX, maxY = max(maxX, pos[u].X), max(maxY, pos[u].Y)
	}
	w, h := maxX-minX, maxY-minY
	// Cells no smaller than the cut-off, and no more than about 4 per actor.
	cell := max(2, math.Sqrt(w*h/float64(4*k)))
	gr.minX, gr.minY, gr.cell = minX, minY, cell
	gr.cols, gr.rows = int(w/cell)+1, int(h/cell)+1
	cells := gr.cols * gr.rows
	gr.start = resize(gr.start, cells+1)
	clear(gr.start)
	gr.items = resize(gr.items, k)
	gr.cellOf = resize(gr.cellOf, k)
	for i, u := range members {
		c := gr.index(pos[u])
		gr.cellOf[i] = int32(c)
		gr.start[c+1]++
	}
	for c := 0; c < cells; c++ {
		gr.start[c+1] += gr.start[c]
	}
	fill := make([]int32, cells)
	copy(fill, gr.start[:cells])
	for i := range members {
		c := gr.cellOf[i]
		gr.items[fill[c]] = int32(i)
		fill[c]++
	}
}

func (gr *cellGrid) index(p Point) int {
	cx := min(int((p.X-gr.minX)/gr.cell), gr.cols-1)
	cy := min(int((p.Y-gr.minY)/gr.cell), gr.rows-1)
	return cy*gr.cols + cx
}

// repelNear applies repulsion between actors closer than 2, looking at each
// actor's cell and the neighbouring ones; each pair once.
func (gr *cellGrid) repelNear(pos, disp []Point, members []int) {
	const cutoff2 = 4.0
	for i := range members {
		c := int(gr.cellOf[i])
		cx, cy := c%gr.cols, c/gr.cols
		for y := max(cy-1, 0); y <= min(cy+1, gr.rows-1); y++ {
			for x := max(cx-1, 0); x <= min(cx+1, gr.cols-1); x++ {
				cc := y*gr.cols + x
				for _, j := range gr.items[gr.start[cc]:gr.start[cc+1]] {
					if int(j) <= i {
						continue
					}
					a, b := members[i], members[j]
					dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
					if dx*dx+dy*dy < cutoff2 {
						repel(pos, disp, members, i, int(j))
					}
				}
			}
		}
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// hashPoint is a starting position in [0, side)² drawn from the ID's hash.
func hashPoint(id string, side float64) Point {
	h := fnv.New64a()
	h.Write([]byte(id))
	v := h.Sum64()
	return Point{
		X: float64(v&0xffffffff) / (1 << 32) * side,
		Y: float64(v>>32) / (1 << 32) * side,
	}
}
