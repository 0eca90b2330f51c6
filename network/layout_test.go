package network

import (
	"math"
	"reflect"
	"testing"
)

func TestLayoutBasics(t *testing.T) {
	if got := Layout(nil, nil, nil, 800, 600); len(got) != 0 {
		t.Errorf("empty network: %d positions", len(got))
	}
	// A single actor sits in the middle of the frame.
	one := Layout(nodesOf(Individual, "a"), nil, nil, 800, 600)
	if p := one["a"]; !near(p.X, 400, 1e-9) || !near(p.Y, 300, 1e-9) {
		t.Errorf("single actor at %v, want (400, 300)", p)
	}
	// No NaN from degenerate frames.
	for _, p := range Layout(nodesOf(Individual, "a", "b"), ties("a-b"), nil, 0, -5) {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) {
			t.Errorf("NaN position %v", p)
		}
	}
}

// Every actor gets a position inside the frame, no two on the same spot.
func TestLayoutInFrame(t *testing.T) {
	nodes, edges := randomNetwork(150, 200, 5)
	const w, h = 900, 500
	pos := Layout(nodes, edges, nil, w, h)
	if len(pos) != len(nodes) {
		t.Fatalf("%d positions for %d actors", len(pos), len(nodes))
	}
	for id, p := range pos {
		if p.X < 0 || p.X > w || p.Y < 0 || p.Y > h || math.IsNaN(p.X) || math.IsNaN(p.Y) {
			t.Errorf("%s at %v, outside %v×%v", id, p, w, h)
		}
	}
	for i, a := range nodes {
		for _, b := range nodes[i+1:] {
			if d := math.Hypot(pos[a.ID].X-pos[b.ID].X, pos[a.ID].Y-pos[b.ID].Y); d < 0.5 {
				t.Errorf("%s and %s only %.2f apart", a.ID, b.ID, d)
			}
		}
	}
}

func TestLayoutDeterministic(t *testing.T) {
	nodes, edges := randomNetwork(400, 900, 9) // large enough for the grid variant
	a := Layout(nodes, edges, nil, 800, 600)
	b := Layout(nodes, edges, nil, 800, 600)
	if !reflect.DeepEqual(a, b) {
		t.Error("two layouts of the same network differ")
	}
}

// Force-directed placement keeps a group together: two cliques joined by
// one tie end up closer inside than across.
func TestLayoutClusters(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b", "c", "d", "e", "f", "g", "h")
	edges := ties("a-b", "a-c", "a-d", "b-c", "b-d", "c-d", "e-f", "e-g", "e-h", "f-g", "f-h", "g-h", "d-e")
	pos := Layout(nodes, edges, nil, 800, 800)
	dist := func(x, y string) float64 { return math.Hypot(pos[x].X-pos[y].X, pos[x].Y-pos[y].Y) }
	inside := (dist("a", "b") + dist("a", "c") + dist("f", "g") + dist("g", "h")) / 4
	across := (dist("a", "h") + dist("b", "g") + dist("c", "f") + dist("a", "g")) / 4
	if inside >= across {
		t.Errorf("mean distance inside cliques %.1f >= across %.1f", inside, across)
	}
}

// Components are packed side by side: their bounding boxes do not overlap.
func TestLayoutComponentsApart(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b", "c", "d", "e", "f", "x", "y", "z")
	edges := ties("a-b", "b-c", "c-a", "d-e", "e-f", "f-d", "x-y")
	pos := Layout(nodes, edges, nil, 600, 400)
	res := Analyse(nodes, edges, nil)
	type box struct{ x0, y0, x1, y1 float64 }
	var boxes []box
	for _, c := range res.Components {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, id := range c {
			p := pos[id]
			b = box{min(b.x0, p.X), min(b.y0, p.Y), max(b.x1, p.X), max(b.y1, p.Y)}
		}
		boxes = append(boxes, b)
	}
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1 {
				t.Errorf("components overlap: %v and %v", a, b)
			}
		}
	}
}

// Type filtering applies to the layout too: without ties, a pair becomes
// two components placed apart.
func TestLayoutTypes(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b")
	edges := []Edge{{From: "a", To: "b", Type: Funds}}
	with := Layout(nodes, edges, []string{Funds}, 400, 400)
	without := Layout(nodes, edges, []string{Family}, 400, 400)
	if reflect.DeepEqual(with, without) {
		t.Error("layout ignores the type filter")
	}
}
