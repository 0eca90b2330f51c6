package network

import (
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/spatial/barneshut"
	"gonum.org/v1/gonum/spatial/r2"
)

// Point is a position in the drawing, in the units of Layout's width and
// height, y pointing down as in SVG.
type Point struct{ X, Y float64 }

// Layout parameters, in units of the ideal tie length.
const (
	exactRepulsion = 300 // components up to this size compare every pair
	barnesHutTheta = 0.9 // larger ones approximate far groups (Barnes–Hut)
	componentGap   = 1.5 // space between packed components
	maxTieShare    = 3.0 // a tie is at most 1/maxTieShare of the drawing's shorter side
)

// Layout places the actors for drawing: Fruchterman–Reingold's force-directed
// method (1991) on each component of the network of the chosen types (as
// Analyse builds it), the components then packed in rows, largest first, and
// the whole scaled to fit width × height with a margin. It is deterministic:
// starting positions come from a hash of each ID, the iteration count is
// fixed, and nothing random is used. In large components (more than 300
// actors) the repulsion of distant groups is approximated with gonum's
// Barnes–Hut plane, which keeps 2,000 actors fast. Every kept actor gets a
// position.
func Layout(nodes []Node, edges []Edge, types []string, width, height float64) map[string]Point {
	return Place(nil, nodes, edges, types, width, height).Points
}

// Placement is a layout with the shape it was made for.
type Placement struct {
	Points        map[string]Point
	ids           []string
	off, nbr      []int32
	width, height float64
}

// Place lays the network out as Layout does, reusing prev (an earlier
// placement, nil: none) when it was made for the same frame and the same
// shape: the same kept actors in the same order joined by the same ties,
// which is all the layout depends on.
func Place(prev *Placement, nodes []Node, edges []Edge, types []string, width, height float64) *Placement {
	g := build(nodes, edges, types)
	if prev.fits(g, width, height) {
		return prev
	}
	out := &Placement{Points: place(g, width, height), ids: make([]string, g.n()), off: g.off, nbr: g.nbr, width: width, height: height}
	for u, nd := range g.nodes {
		out.ids[u] = nd.ID
	}
	return out
}

func (p *Placement) fits(g *simpleGraph, width, height float64) bool {
	if p == nil || p.width != width || p.height != height || len(p.ids) != g.n() ||
		!slices.Equal(p.off, g.off) || !slices.Equal(p.nbr, g.nbr) {
		return false
	}
	for u, nd := range g.nodes {
		if p.ids[u] != nd.ID {
			return false
		}
	}
	return true
}

func place(g *simpleGraph, width, height float64) map[string]Point {
	n := g.n()
	out := make(map[string]Point, n)
	if n == 0 {
		return out
	}
	width, height = max(width, 1), max(height, 1)
	comps, _ := g.components()
	pos := make([]Point, n)
	local := make([]int32, n) // node index → position in its component

	// Lay out each component around the origin and pack the bounding boxes.
	type box struct{ minX, minY, w, h float64 }
	boxes := make([]box, len(comps))
	area := 0.0
	for c, members := range comps {
		forceDirected(g, members, pos, local)
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
// tie length of 1, writing positions into pos; local is scratch space.
func forceDirected(g *simpleGraph, members []int, pos []Point, local []int32) {
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
		iters = 60
	case k > exactRepulsion:
		iters = 150
	}
	for i, u := range members {
		local[u] = int32(i)
	}
	disp := make([]Point, k)
	var plane *barneshut.Plane
	var particles []barneshut.Particle2
	if k > exactRepulsion {
		particles = make([]barneshut.Particle2, k)
		for i, u := range members {
			particles[i] = &particle{pos: r2.Vec{X: pos[u].X, Y: pos[u].Y}, i: i}
		}
		plane, _ = barneshut.NewPlane(particles)
	}
	temp := side / 10
	for it := 0; it < iters; it++ {
		clear(disp)
		if plane == nil {
			for i := 0; i < k; i++ {
				for j := i + 1; j < k; j++ {
					repel(pos, disp, members, i, j)
				}
			}
		} else {
			for i, u := range members {
				p := particles[i].(*particle)
				p.pos = r2.Vec{X: pos[u].X, Y: pos[u].Y}
			}
			if err := plane.Reset(); err == nil {
				// Each actor's force depends on the plane only, so the
				// workers may split the actors any way.
				workers := min(runtime.GOMAXPROCS(0), 4)
				var wg sync.WaitGroup
				for w := range workers {
					wg.Go(func() {
						for i := w * k / workers; i < (w+1)*k/workers; i++ {
							f := plane.ForceOn(particles[i], barnesHutTheta, frRepulsion)
							disp[i].X += f.X
							disp[i].Y += f.Y
						}
					})
				}
				wg.Wait()
			}
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

// particle is an actor for gonum's Barnes–Hut plane.
type particle struct {
	pos r2.Vec
	i   int // position in members
}

func (p *particle) Coord2() r2.Vec { return p.pos }
func (p *particle) Mass() float64  { return 1 }

// frRepulsion is Fruchterman–Reingold's repulsion (k²/d with k = 1, times
// the masses) on p1 from p2 or from an aggregate of masses, as a
// barneshut.Force2; v points from p1 to p2.
func frRepulsion(p1, p2 barneshut.Particle2, m1, m2 float64, v r2.Vec) r2.Vec {
	d2 := v.X*v.X + v.Y*v.Y
	if d2 == 0 {
		if p2 == nil || p1 == p2 {
			return r2.Vec{}
		}
		// Two actors on the same spot: part them along a fixed direction
		// that depends on which is which, so the result stays deterministic.
		if p1.(*particle).i < p2.(*particle).i {
			return r2.Vec{X: -1, Y: -0.5}
		}
		return r2.Vec{X: 1, Y: 0.5}
	}
	return r2.Scale(-m1*m2/d2, v)
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
