package network

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/svgtext"
)

// The GEXF document as the tests read it back.
type gexfDoc struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes struct {
			Count int `xml:"count,attr"`
			Node  []struct {
				ID     string     `xml:"id,attr"`
				Label  string     `xml:"label,attr"`
				Values []attValue `xml:"attvalues>attvalue"`
			} `xml:"node"`
		} `xml:"nodes"`
		Edges struct {
			Count int `xml:"count,attr"`
			Edge  []struct {
				ID     string     `xml:"id,attr"`
				Source string     `xml:"source,attr"`
				Target string     `xml:"target,attr"`
				Type   string     `xml:"type,attr"`
				Kind   string     `xml:"kind,attr"`
				Weight string     `xml:"weight,attr"`
				Values []attValue `xml:"attvalues>attvalue"`
			} `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

type attValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func values(vs []attValue) map[string]string {
	m := map[string]string{}
	for _, v := range vs {
		m[v.For] = v.Value
	}
	return m
}

func exportSample() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "a", Label: nasty, Kind: Individual, Attrs: map[string]string{"sector": "civil society", "degree": "self-declared"}},
		{ID: "b", Label: "B", Kind: Organisation, Attrs: map[string]string{"sector": "public"}},
		{ID: "c", Kind: Group},
		{ID: "a", Label: "duplicate, dropped"},
	}
	edges := []Edge{
		{From: "a", To: "b", Type: WorksAt, Directed: true, Strength: 2},
		{From: "a", To: "b", Type: CooperatesWith},
		{From: "b", To: "c", Type: Funds, Directed: true},
		{From: "c", To: "c", Type: Other},      // self-loop: exported
		{From: "c", To: "nobody", Type: Other}, // unknown actor: dropped
		{From: "b", To: "a", Type: InConflictWith, Strength: 5},
	}
	return nodes, edges
}

func TestWriteGEXF(t *testing.T) {
	nodes, edges := exportSample()
	res := Analyse(nodes, edges, nil)
	var buf bytes.Buffer
	if err := WriteGEXF(&buf, nodes, edges, res); err != nil {
		t.Fatal(err)
	}
	var doc gexfDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v\n%s", err, buf.Bytes())
	}
	g := doc.Graph
	if doc.Version != "1.3" || g.DefaultEdgeType != "undirected" {
		t.Errorf("version %q, defaultedgetype %q", doc.Version, g.DefaultEdgeType)
	}
	if g.Nodes.Count != 3 || len(g.Nodes.Node) != 3 || g.Edges.Count != 5 || len(g.Edges.Edge) != 5 {
		t.Fatalf("%d/%d nodes, %d/%d edges; want 3 and 5", g.Nodes.Count, len(g.Nodes.Node), g.Edges.Count, len(g.Edges.Edge))
	}
	// Declarations: kind, Attrs keys (a clash with ours renamed), measures.
	declared := map[string]string{}
	for _, as := range g.Attributes {
		for _, a := range as.Attrs {
			declared[as.Class+":"+a.ID] = a.Type
			if a.ID != a.Title {
				t.Errorf("attribute %q titled %q", a.ID, a.Title)
			}
		}
	}
	for id, typ := range map[string]string{
		"node:kind": "string", "node:sector": "string", "node:attr_degree": "string",
		"node:degree": "integer", "node:betweenness": "double", "node:closeness": "double",
		"node:eigenvector": "double", "node:reach": "double", "node:community": "integer",
		"node:component": "integer", "edge:type": "string", "edge:strength": "integer",
	} {
		if declared[id] != typ {
			t.Errorf("attribute %s declared %q, want %q", id, declared[id], typ)
		}
	}
	a := g.Nodes.Node[0]
	if a.ID != "a" || a.Label != nasty {
		t.Errorf("first node %q labelled %q, want a, %q", a.ID, a.Label, nasty)
	}
	v := values(a.Values)
	m := res.Metrics["a"]
	if v["kind"] != Individual || v["sector"] != "civil society" || v["attr_degree"] != "self-declared" || v["degree"] != strconv.Itoa(m.Degree) {
		t.Errorf("values of a = %v", v)
	}
	for _, k := range []string{"betweenness", "closeness", "eigenvector", "reach"} {
		want := map[string]float64{"betweenness": m.Betweenness, "closeness": m.Closeness, "eigenvector": m.Eigenvector, "reach": m.Reach}[k]
		if got, err := strconv.ParseFloat(v[k], 64); err != nil || got != want {
			t.Errorf("%s of a = %q, want %v", k, v[k], want)
		}
	}
	if c := g.Nodes.Node[2]; c.Label != "c" {
		t.Errorf("node without a label is labelled %q, want its ID", c.Label)
	}
	// Mixed directions: every edge states its type.
	wantType := []string{"directed", "undirected", "directed", "undirected", "undirected"}
	wantWeight := []string{"2", "1", "1", "1", "5"}
	wantKind := []string{WorksAt, CooperatesWith, Funds, Other, InConflictWith}
	for i, e := range g.Edges.Edge {
		if e.Type != wantType[i] || e.Weight != wantWeight[i] || e.Kind != wantKind[i] {
			t.Errorf("edge %d: type %q weight %q kind %q", i, e.Type, e.Weight, e.Kind)
		}
	}
	if v := values(g.Edges.Edge[0].Values); v["type"] != WorksAt || v["strength"] != "2" {
		t.Errorf("edge values = %v", v)
	}
}

// The default edge type follows the relationships; without res there are
// no measures.
func TestWriteGEXFDirections(t *testing.T) {
	nodes := nodesOf(Individual, "a", "b")
	for _, c := range []struct {
		edges   []Edge
		def     string
		perEdge bool
	}{
		{[]Edge{{From: "a", To: "b", Type: Funds, Directed: true}}, "directed", false},
		{[]Edge{{From: "a", To: "b", Type: Family}}, "undirected", false},
		{nil, "undirected", false},
	} {
		var buf bytes.Buffer
		if err := WriteGEXF(&buf, nodes, c.edges, nil); err != nil {
			t.Fatal(err)
		}
		var doc gexfDoc
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Graph.DefaultEdgeType != c.def {
			t.Errorf("defaultedgetype %q, want %q", doc.Graph.DefaultEdgeType, c.def)
		}
		for _, e := range doc.Graph.Edges.Edge {
			if e.Type != "" {
				t.Errorf("edge states type %q in a graph of one direction", e.Type)
			}
		}
		if strings.Contains(buf.String(), `"degree"`) {
			t.Error("measures written without a result")
		}
	}
}

type graphMLDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string     `xml:"id,attr"`
			Data []dataElem `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source   string     `xml:"source,attr"`
			Target   string     `xml:"target,attr"`
			Directed string     `xml:"directed,attr"`
			Data     []dataElem `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type dataElem struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// byName maps data to attribute names through the key declarations.
func (d graphMLDoc) byName(data []dataElem) map[string]string {
	names := map[string]string{}
	for _, k := range d.Keys {
		names[k.ID] = k.Name
	}
	m := map[string]string{}
	for _, x := range data {
		m[names[x.Key]] = x.Value
	}
	return m
}

func TestWriteGraphML(t *testing.T) {
	nodes, edges := exportSample()
	res := Analyse(nodes, edges, nil)
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, nodes, edges, res); err != nil {
		t.Fatal(err)
	}
	var doc graphMLDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, buf.Bytes())
	}
	if doc.Graph.EdgeDefault != "undirected" || len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 5 {
		t.Fatalf("edgedefault %q, %d nodes, %d edges", doc.Graph.EdgeDefault, len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	types := map[string]string{}
	ids := map[string]bool{}
	for _, k := range doc.Keys {
		types[k.For+":"+k.Name] = k.Type
		if ids[k.ID] {
			t.Errorf("key id %q declared twice", k.ID)
		}
		ids[k.ID] = true
	}
	for name, typ := range map[string]string{
		"node:label": "string", "node:kind": "string", "node:sector": "string", "node:attr_degree": "string",
		"node:degree": "int", "node:betweenness": "double", "node:closeness": "double", "node:eigenvector": "double",
		"node:reach": "double", "node:community": "int", "edge:type": "string", "edge:strength": "int",
		"edge:weight": "double", "edge:directed": "boolean",
	} {
		if types[name] != typ {
			t.Errorf("key %s has type %q, want %q", name, types[name], typ)
		}
	}
	a := doc.byName(doc.Graph.Nodes[0].Data)
	if a["label"] != nasty || a["kind"] != Individual || a["degree"] != "1" || a["attr_degree"] != "self-declared" {
		t.Errorf("node a = %v", a)
	}
	if got, _ := strconv.ParseFloat(a["closeness"], 64); got != res.Metrics["a"].Closeness {
		t.Errorf("closeness of a = %q", a["closeness"])
	}
	for i, e := range doc.Graph.Edges {
		if e.Directed != "" {
			t.Errorf("edge %d carries directed=%q, which NetworkX rejects in an undirected graph", i, e.Directed)
		}
	}
	e0 := doc.byName(doc.Graph.Edges[0].Data)
	e1 := doc.byName(doc.Graph.Edges[1].Data)
	if e0["type"] != WorksAt || e0["directed"] != "true" || e0["strength"] != "2" || e0["weight"] != "2" ||
		e1["directed"] != "false" || e1["weight"] != "1" || e1["strength"] != "0" {
		t.Errorf("edges = %v, %v", e0, e1)
	}

	// All relationships directed: a directed graph.
	buf.Reset()
	if err := WriteGraphML(&buf, nodes, edges[:1], nil); err != nil {
		t.Fatal(err)
	}
	doc = graphMLDoc{}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q, want directed", doc.Graph.EdgeDefault)
	}
	for _, k := range doc.Keys {
		if k.Name == "degree" {
			t.Error("measures written without a result")
		}
	}
}

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestExportWriteError(t *testing.T) {
	nodes, edges := randomNetwork(200, 400, 4)
	if err := WriteGEXF(&failWriter{after: 5000}, nodes, edges, nil); err == nil {
		t.Error("GEXF: write error not reported")
	}
	if err := WriteGraphML(&failWriter{after: 5000}, nodes, edges, nil); err == nil {
		t.Error("GraphML: write error not reported")
	}
}

// Whatever people type as IDs, labels and attributes, the exports and the
// drawing stay well-formed, and valid text comes back unchanged.
func FuzzExportsWellFormed(f *testing.F) {
	f.Add("a", nasty, "sector", "civil", "b")
	f.Add("x\x00y", "\xff\xfe", "a b", "]]>", "")
	f.Add("&amp;", "\r\n\t", "<k>", `"'`, "&")
	f.Fuzz(func(t *testing.T, id, label, key, value, other string) {
		nodes := []Node{
			{ID: id, Label: label, Kind: Individual, Attrs: map[string]string{key: value}},
			{ID: other, Label: value, Kind: Organisation},
		}
		edges := []Edge{{From: id, To: other, Type: label, Directed: true, Strength: len(value)}}
		res := Analyse(nodes, edges, nil)
		var gexf, graphml bytes.Buffer
		if err := WriteGEXF(&gexf, nodes, edges, res); err != nil {
			t.Fatal(err)
		}
		if err := WriteGraphML(&graphml, nodes, edges, res); err != nil {
			t.Fatal(err)
		}
		var g gexfDoc
		if err := xml.Unmarshal(gexf.Bytes(), &g); err != nil {
			t.Fatalf("GEXF: %v", err)
		}
		var gm graphMLDoc
		if err := xml.Unmarshal(graphml.Bytes(), &gm); err != nil {
			t.Fatalf("GraphML: %v", err)
		}
		svg := SVG(nodes, edges, nil, res, nil, nil, svgtext.LTR)
		if err := xml.Unmarshal(svg, new(struct{})); err != nil {
			t.Fatalf("SVG: %v", err)
		}
		if bytes.Contains(svg, []byte("style=")) {
			t.Fatal("style attribute in SVG")
		}
		if id != "" && xmlSafe(id) && xmlSafe(label) && len(g.Graph.Nodes.Node) > 0 {
			n := g.Graph.Nodes.Node[0]
			if n.ID != id || (label != "" && n.Label != label) {
				t.Errorf("GEXF node %q %q, want %q %q", n.ID, n.Label, id, label)
			}
		}
	})
}

// xmlSafe reports whether s survives XML unchanged: valid UTF-8, only
// characters XML allows, and no carriage return (parsers normalise line
// ends, though we escape them).
func xmlSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' {
			return false
		}
		if r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
			return false
		}
	}
	return true
}
