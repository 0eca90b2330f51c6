package network

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext/svgtest"

	"github.com/partnerkit/partnerkit/svgtext"
)

// svgDoc is what the tests read back from a drawing.
type svgDoc struct {
	root      xml.StartElement
	firstElem string            // name of the root's first child element
	nodes     map[string]string // data-id → the node's <title>
	nodeClass map[string]string
	labels    []string
	lines     []map[string]string
	texts     []string // every text content
}

// parseSVG checks that b is well-formed XML and collects what the tests need.
func parseSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	doc := svgDoc{nodes: map[string]string{}, nodeClass: map[string]string{}}
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []xml.StartElement
	var nodeID string
	inLabels := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				doc.root = tok.Copy()
			} else if len(stack) == 1 && doc.firstElem == "" {
				doc.firstElem = tok.Name.Local
			}
			stack = append(stack, tok.Copy())
			a := attrs(tok)
			switch tok.Name.Local {
			case "g":
				if strings.HasPrefix(a["class"], "node ") {
					nodeID = a["data-id"]
					doc.nodeClass[nodeID] = a["class"]
				}
				if a["class"] == "labels" {
					inLabels = true
				}
			case "line":
				doc.lines = append(doc.lines, a)
			}
		case xml.EndElement:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.Name.Local == "g" && attrs(top)["class"] == "labels" {
				inLabels = false
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			text := string(tok)
			doc.texts = append(doc.texts, text)
			parent := stack[len(stack)-1].Name.Local
			if parent == "title" && len(stack) >= 2 && stack[len(stack)-2].Name.Local == "g" && nodeID != "" {
				doc.nodes[nodeID] = text
				nodeID = ""
			}
			if parent == "text" && inLabels {
				doc.labels = append(doc.labels, text)
			}
		}
	}
	return doc
}

func attrs(e xml.StartElement) map[string]string {
	m := map[string]string{}
	for _, a := range e.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

// noStyle fails on inline styles, which the Content-Security-Policy forbids.
func noStyle(t *testing.T, b []byte) {
	t.Helper()
	if bytes.Contains(b, []byte("style=")) || bytes.Contains(b, []byte("<style")) {
		t.Error("SVG uses a style attribute or element")
	}
}

const nasty = `<&"Café عربي>`

func sampleNetwork() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "a", Label: nasty, Kind: Individual},
		{ID: `x"><script>`, Label: "Bruno", Kind: Individual},
		{ID: "o1", Label: "Youth Network", Kind: Organisation},
		{ID: "o2", Label: "Diaspora Council", Kind: Organisation},
		{ID: "g1", Label: "Women's circle", Kind: Group},
		{ID: "i1", Label: "City Hall", Kind: Institution},
		{ID: "u", Label: "", Kind: "something else"},
		{ID: "lone", Label: "Alone", Kind: Individual},
	}
	edges := []Edge{
		{From: "a", To: "o1", Type: WorksAt, Directed: true},
		{From: "a", To: "o2", Type: MemberOf, Directed: true},
		{From: "a", To: "o2", Type: CooperatesWith}, // makes a–o2 two-way
		{From: `x"><script>`, To: "o1", Type: CooperatesWith},
		{From: "o1", To: "i1", Type: InConflictWith},
		{From: "i1", To: "o1", Type: Funds, Directed: true, Strength: 3},
		{From: "g1", To: "o2", Type: Funds, Directed: true},
		{From: "u", To: "g1", Type: Other},
	}
	return nodes, edges
}

func TestSVG(t *testing.T) {
	nodes, edges := sampleNetwork()
	out := SVG(nodes, edges, nil, nil, nil, nil, svgtext.LTR)
	noStyle(t, out)
	doc := parseSVG(t, out)
	a := attrs(doc.root)
	if doc.root.Name.Local != "svg" || a["role"] != "img" || a["viewBox"] == "" {
		t.Errorf("root = %s %v; want svg with role=img and a viewBox", doc.root.Name.Local, a)
	}
	if doc.firstElem != "title" {
		t.Errorf("first child is <%s>, want <title>", doc.firstElem)
	}
	if len(doc.nodes) != len(nodes) {
		t.Errorf("%d node groups with titles, want %d", len(doc.nodes), len(nodes))
	}
	// User text comes back exactly: escaped, not interpreted.
	if _, ok := doc.nodes[`x"><script>`]; !ok {
		t.Error(`the ID x"><script> did not survive as a data-id`)
	}
	if !strings.Contains(doc.nodes["a"], nasty) {
		t.Errorf("title of a = %q, want it to name %q", doc.nodes["a"], nasty)
	}
	if bytes.Contains(out, []byte("<script")) {
		t.Error("unescaped user text in SVG")
	}
	// Small networks label everyone; an empty label falls back to the ID.
	if len(doc.labels) != len(nodes) || !contains(doc.labels, nasty) || !contains(doc.labels, "u") {
		t.Errorf("labels = %q", doc.labels)
	}
	// Kinds, brokers and boundary crossers are classes.
	if c := doc.nodeClass["a"]; c != "node kind-individual broker crosser" {
		t.Errorf("class of a = %q", c)
	}
	if c := doc.nodeClass["u"]; c != "node kind-something else" {
		t.Errorf("class of u = %q", c)
	}
	// Ties: 6 pairs (a–o2 twice counts once). Conflict dashed; one-way
	// arrows only where every relationship points the same way: a→o1, g1→o2
	// (o1–i1 mixes an undirected conflict with funding i1→o1: no arrow).
	var ties, dashed, arrows int
	for _, l := range doc.lines {
		if !strings.HasPrefix(l["class"], "tie") {
			continue
		}
		ties++
		if l["stroke-dasharray"] != "" {
			dashed++
		}
		if l["marker-end"] != "" {
			arrows++
		}
	}
	if ties != 6 || dashed != 1 || arrows != 2 {
		t.Errorf("%d ties, %d dashed, %d arrows; want 6, 1, 2", ties, dashed, arrows)
	}
	// Every kind in the legend has its symbol: the four kinds and the grey
	// circle of the unknown one, besides the 8 actors.
	if n := bytes.Count(out, []byte("<circle")) + bytes.Count(out, []byte("<rect")) + bytes.Count(out, []byte("<polygon")); n != len(nodes)+5 {
		t.Errorf("%d shapes, want %d actors and 5 legend symbols", n, len(nodes))
	}
	for _, id := range []string{"network.legend.conflict", "network.legend.directed", "network.kind.unknown", "network.svg.title"} {
		if !contains(doc.texts, id) {
			t.Errorf("%s missing from the drawing", id)
		}
	}
}

// Translations reach the picture, with their placeholders.
func TestSVGTranslates(t *testing.T) {
	nodes, edges := sampleNetwork()
	tr := func(id string, args ...any) string {
		if id == "network.svg.title" {
			return "Carte : " + strings.TrimSpace(strings.Repeat("x", args[1].(int)))
		}
		return "T(" + id + ")"
	}
	doc := parseSVG(t, SVG(nodes, edges, nil, nil, nil, tr, svgtext.LTR))
	if !contains(doc.texts, "Carte : xxxxxxxx") || !contains(doc.texts, "T(network.legend.tie)") {
		t.Errorf("texts = %q", doc.texts)
	}
}

// Large networks name only the most central actors.
func TestSVGLarge(t *testing.T) {
	nodes, edges := randomNetwork(300, 600, 2)
	res := Analyse(nodes, edges, nil)
	out := SVG(nodes, edges, nil, res, nil, nil, svgtext.LTR)
	noStyle(t, out)
	doc := parseSVG(t, out)
	// Up to topLabels, fewer when a label finds no free place.
	if len(doc.nodes) != 300 || len(doc.labels) > topLabels || len(doc.labels) < topLabels/2 {
		t.Errorf("%d nodes, %d labels; want 300, at most %d", len(doc.nodes), len(doc.labels), topLabels)
	}
	// The broker with the highest betweenness is among the labelled.
	top := nodes[0]
	for _, n := range nodes {
		if n.ID == res.Brokers[0] {
			top = n
		}
	}
	if !contains(doc.labels, top.Label) {
		t.Errorf("top broker %q is not labelled", top.Label)
	}
}

func TestSVGEdgeCases(t *testing.T) {
	for name, c := range map[string]struct {
		nodes []Node
		pos   map[string]Point
	}{
		"empty":          {nil, nil},
		"single":         {nodesOf(Group, "g"), nil},
		"no position":    {nodesOf(Group, "g", "h"), map[string]Point{}},
		"half positions": {nodesOf(Group, "g", "h"), map[string]Point{"g": {1, 2}}},
	} {
		t.Run(name, func(t *testing.T) {
			out := SVG(c.nodes, ties("g-h"), nil, nil, c.pos, nil, svgtext.LTR)
			noStyle(t, out)
			doc := parseSVG(t, out)
			if bytes.Contains(out, []byte("NaN")) || bytes.Contains(out, []byte("Inf")) {
				t.Errorf("bad number in %s", out)
			}
			if len(doc.nodes) == 0 && !contains(doc.texts, "network.svg.empty") {
				t.Error("an empty drawing does not say so")
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Labels never overlap one another (by the generous width estimate the
// drawing uses), stay inside the picture, and the picture is the whole
// frame it is given, however few the actors.
func TestSVGLabelsApart(t *testing.T) {
	for _, n := range []int{3, 12, 36, 80} {
		nodes, edges := randomNetwork(n, 2*n, 7)
		for i := range nodes {
			nodes[i].Label = fmt.Sprintf("Neighbourhood organisation %d", i)
		}
		out := SVG(nodes, edges, nil, nil, nil, nil, svgtext.LTR)
		els := svgtest.Parse(t, out)
		vb := strings.Fields(els[0].Attrs["viewBox"])
		w, _ := strconv.ParseFloat(vb[2], 64)
		if w < defaultWidth {
			t.Errorf("%d actors: picture %v units wide, want the frame's %d", n, w, defaultWidth)
		}
		var boxes []box
		for _, e := range els {
			if e.Name != "text" || e.Parent.Attrs["class"] != "labels" {
				continue
			}
			x, _ := strconv.ParseFloat(e.Attrs["x"], 64)
			y, _ := strconv.ParseFloat(e.Attrs["y"], 64)
			lw := labelWidth(e.Text)
			l := x - lw/2
			switch e.Attrs["text-anchor"] {
			case "start":
				l = x
			case "end":
				l = x - lw
			}
			b := box{l, y - fontSize*0.95, l + lw, y + fontSize*0.3}
			if b.l < 0 || b.r > w {
				t.Errorf("%d actors: %q outside the picture", n, e.Text)
			}
			for _, o := range boxes {
				if b.hits(o) {
					t.Errorf("%d actors: %q overlaps another label", n, e.Text)
				}
			}
			boxes = append(boxes, b)
		}
		if len(boxes) == 0 {
			t.Errorf("%d actors: no label placed", n)
		}
	}
}
