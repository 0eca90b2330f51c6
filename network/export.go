package network

import (
	"bufio"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
)

// column is one node attribute of the exports.
type column struct {
	name  string // attribute id and title in GEXF, attr.name in GraphML
	typ   string // "string", "integer" or "double" (GEXF names)
	value func(u int) (string, bool)
}

// reserved names are taken by our own columns or by the tools (Gephi's id,
// label, weight; GraphML readers' id): a node attribute with such a key is
// exported as "attr_KEY".
var reserved = map[string]bool{
	"id": true, "label": true, "kind": true, "weight": true, "type": true, "strength": true,
	"directed": true, "degree": true, "betweenness": true, "closeness": true,
	"eigenvector": true, "reach": true, "community": true, "component": true,
}

// nodeColumns lists the node attributes: kind, every Attrs key (sorted),
// then the measures when res is given.
func nodeColumns(nodes []Node, res *Result) []column {
	cols := []column{{"kind", "string", func(u int) (string, bool) { return nodes[u].Kind, true }}}
	keys := map[string]bool{}
	for _, n := range nodes {
		for k := range n.Attrs {
			keys[k] = true
		}
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	taken := map[string]bool{}
	for k := range reserved {
		taken[k] = true
	}
	for _, k := range keys2names(sorted, taken) {
		cols = append(cols, column{k.name, "string", func(u int) (string, bool) {
			v, ok := nodes[u].Attrs[k.key]
			return v, ok
		}})
	}
	if res == nil {
		return cols
	}
	metric := func(name, typ string, f func(NodeMetrics) string) column {
		return column{name, typ, func(u int) (string, bool) {
			m, ok := res.Metrics[nodes[u].ID]
			if !ok {
				return "", false
			}
			return f(m), true
		}}
	}
	return append(cols,
		metric("degree", "integer", func(m NodeMetrics) string { return strconv.Itoa(m.Degree) }),
		metric("betweenness", "double", func(m NodeMetrics) string { return fmtFloat(m.Betweenness) }),
		metric("closeness", "double", func(m NodeMetrics) string { return fmtFloat(m.Closeness) }),
		metric("eigenvector", "double", func(m NodeMetrics) string { return fmtFloat(m.Eigenvector) }),
		metric("reach", "double", func(m NodeMetrics) string { return fmtFloat(m.Reach) }),
		metric("community", "integer", func(m NodeMetrics) string { return strconv.Itoa(m.Community) }),
		metric("component", "integer", func(m NodeMetrics) string { return strconv.Itoa(m.Component) }),
	)
}

type keyName struct{ key, name string }

// keys2names gives each attribute key (in order) a column name not yet
// taken: the key itself, or "attr_KEY" (with "_" added until free).
func keys2names(keys []string, taken map[string]bool) []keyName {
	out := make([]keyName, 0, len(keys))
	for _, k := range keys {
		name := k
		if taken[name] {
			name = "attr_" + k
			for taken[name] {
				name += "_"
			}
		}
		taken[name] = true
		out = append(out, keyName{k, name})
	}
	return out
}

// exportEdges are the relationships between known actors (self-loops
// included: the exports carry the data as mapped, unfiltered).
func exportEdges(index map[string]int, edges []Edge) []Edge {
	out := make([]Edge, 0, len(edges))
	for _, e := range edges {
		if _, ok := index[e.From]; !ok {
			continue
		}
		if _, ok := index[e.To]; !ok {
			continue
		}
		out = append(out, e)
	}
	return out
}

// weight is an edge's weight in the exports: its strength, 1 when none was
// given.
func weight(e Edge) int {
	if e.Strength > 0 {
		return e.Strength
	}
	return 1
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// xmlWriter writes XML text, keeping the first error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriter(w)} }

func (x *xmlWriter) raw(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// text writes s escaped for element content or a quoted attribute value;
// characters XML forbids become U+FFFD.
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.text(value)
	x.raw(`"`)
}

func (x *xmlWriter) close() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

// WriteGEXF writes the network in GEXF 1.3 for Gephi: every actor with its
// kind, Attrs and, when res is given, its measures (degree, betweenness,
// closeness, eigenvector, reach, community, component) as declared node
// attributes; every relationship between known actors (self-loops
// included, not filtered by type) as an edge with its type as label, kind and
// "type" attribute, its strength as weight (1 when none) and "strength"
// attribute. The graph's default edge type is directed when every
// relationship is directed, undirected otherwise; when both occur each edge
// states its own type, as Gephi's own exporter does (the 1.3 schema has no
// "mixed" value). Actors with an empty or repeated ID are left out.
func WriteGEXF(w io.Writer, nodes []Node, edges []Edge, res *Result) error {
	kept, index := keptNodes(nodes)
	es := exportEdges(index, edges)
	cols := nodeColumns(kept, res)
	directed, undirected := false, false
	for _, e := range es {
		directed = directed || e.Directed
		undirected = undirected || !e.Directed
	}
	def := "undirected"
	if directed && !undirected {
		def = "directed"
	}
	mixed := directed && undirected

	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.raw(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`, "\n")
	x.raw("  <meta>\n    <creator>Partnerkit</creator>\n  </meta>\n")
	x.raw(`  <graph mode="static" defaultedgetype="`, def, `">`, "\n")
	x.raw(`    <attributes class="node">`, "\n")
	for _, c := range cols {
		x.raw("      <attribute")
		x.attr("id", c.name)
		x.attr("title", c.name)
		x.attr("type", c.typ)
		x.raw("/>\n")
	}
	x.raw("    </attributes>\n")
	x.raw(`    <attributes class="edge">`, "\n")
	x.raw(`      <attribute id="type" title="type" type="string"/>`, "\n")
	x.raw(`      <attribute id="strength" title="strength" type="integer"/>`, "\n")
	x.raw("    </attributes>\n")

	x.raw(`    <nodes count="`, strconv.Itoa(len(kept)), `">`, "\n")
	for u, n := range kept {
		x.raw("      <node")
		x.attr("id", n.ID)
		x.attr("label", displayName(n))
		x.raw(">\n        <attvalues>\n")
		for _, c := range cols {
			if v, ok := c.value(u); ok {
				x.raw("          <attvalue")
				x.attr("for", c.name)
				x.attr("value", v)
				x.raw("/>\n")
			}
		}
		x.raw("        </attvalues>\n      </node>\n")
	}
	x.raw("    </nodes>\n")

	x.raw(`    <edges count="`, strconv.Itoa(len(es)), `">`, "\n")
	for i, e := range es {
		x.raw(`      <edge id="e`, strconv.Itoa(i), `"`)
		x.attr("source", e.From)
		x.attr("target", e.To)
		if mixed {
			if e.Directed {
				x.raw(` type="directed"`)
			} else {
				x.raw(` type="undirected"`)
			}
		}
		if e.Type != "" {
			x.attr("label", e.Type)
			x.attr("kind", e.Type)
		}
		x.raw(` weight="`, strconv.Itoa(weight(e)), `">`, "\n        <attvalues>\n")
		x.raw(`          <attvalue for="type"`)
		x.attr("value", e.Type)
		x.raw("/>\n")
		x.raw(`          <attvalue for="strength" value="`, strconv.Itoa(e.Strength), `"/>`, "\n")
		x.raw("        </attvalues>\n      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.close()
}

// graphMLType maps our column types to GraphML's attr.type.
var graphMLType = map[string]string{"string": "string", "integer": "int", "double": "double"}

// WriteGraphML writes the network in GraphML for Cytoscape, NetworkX and
// yEd: <key> declarations for the node label, kind, every Attrs key and,
// when res is given, the measures; edges carry type, strength (int), weight
// (double: the strength, 1 when none) and directed (boolean). Every
// relationship between known actors is written (self-loops included, not
// filtered by type).
//
// Direction: when every relationship is directed the graph's edgedefault is
// "directed", otherwise "undirected", and the per-edge "directed" data says
// which ones point one way. No edge carries GraphML's own directed="true"
// attribute, because NetworkX refuses to read a graph that mixes it with an
// undirected default.
func WriteGraphML(w io.Writer, nodes []Node, edges []Edge, res *Result) error {
	kept, index := keptNodes(nodes)
	es := exportEdges(index, edges)
	cols := nodeColumns(kept, res)
	allDirected := len(es) > 0
	for _, e := range es {
		allDirected = allDirected && e.Directed
	}
	def := "undirected"
	if allDirected {
		def = "directed"
	}

	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`, "\n")
	x.raw(`  <key id="label" for="node" attr.name="label" attr.type="string"/>`, "\n")
	for i, c := range cols {
		x.raw(`  <key id="n`, strconv.Itoa(i), `" for="node"`)
		x.attr("attr.name", c.name)
		x.raw(` attr.type="`, graphMLType[c.typ], `"/>`, "\n")
	}
	x.raw(`  <key id="type" for="edge" attr.name="type" attr.type="string"/>`, "\n")
	x.raw(`  <key id="strength" for="edge" attr.name="strength" attr.type="int"/>`, "\n")
	x.raw(`  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`, "\n")
	x.raw(`  <key id="directed" for="edge" attr.name="directed" attr.type="boolean"/>`, "\n")
	x.raw(`  <graph id="network" edgedefault="`, def, `">`, "\n")
	for u, n := range kept {
		x.raw("    <node")
		x.attr("id", n.ID)
		x.raw(">\n")
		x.raw(`      <data key="label">`)
		x.text(displayName(n))
		x.raw("</data>\n")
		for i, c := range cols {
			if v, ok := c.value(u); ok {
				x.raw(`      <data key="n`, strconv.Itoa(i), `">`)
				x.text(v)
				x.raw("</data>\n")
			}
		}
		x.raw("    </node>\n")
	}
	for i, e := range es {
		x.raw(`    <edge id="e`, strconv.Itoa(i), `"`)
		x.attr("source", e.From)
		x.attr("target", e.To)
		x.raw(">\n")
		x.raw(`      <data key="type">`)
		x.text(e.Type)
		x.raw("</data>\n")
		x.raw(`      <data key="strength">`, strconv.Itoa(e.Strength), "</data>\n")
		x.raw(`      <data key="weight">`, strconv.Itoa(weight(e)), "</data>\n")
		x.raw(`      <data key="directed">`, strconv.FormatBool(e.Directed), "</data>\n")
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.close()
}
