// Package network analyses the relationships between a partnership's
// actors: who is central, who holds the network together, who crosses the
// boundaries between organisations (after the Partnership Action Plan,
// Working Together: Collaborative Practices and Tools), and how far the
// network reaches. It also lays the network out, draws it as SVG, and writes
// it for Gephi (GEXF 1.3) and Cytoscape or NetworkX (GraphML).
//
// The measures follow NetworkX's conventions, so that numbers match what an
// analyst gets elsewhere; the tests check them against values computed by
// hand and by NetworkX 3.6 (testdata/golden.py). Communities come from
// the Louvain method with a fixed seed, and the layout uses gonum's
// Barnes–Hut plane: the same input always gives the same output.
//
// The package is pure: no I/O beyond the writer it is given, no clock, no
// database. Every text a person reads is a message ID from
// i18n/catalog/network.*.toml.
//
// API:
//
//	Node, Edge                       an actor and a relationship, as stored
//	Kinds, Types                     actor kinds and relationship types, in display order
//	ValidKind, ValidType             membership tests for input validation
//	Analyse(nodes, edges, types)     measures per actor and for the network (*Result)
//	Update(prev, nodes, edges, types) the same, reusing prev's costly measures when the shape is unchanged
//	Result, NodeMetrics, Crosser     what Analyse finds
//	Layout(nodes, edges, types, w, h) positions (Point) for drawing
//	Place(prev, nodes, edges, types, w, h) the same as a *Placement, reusing prev when it fits
//	Key, Cached(key, what, compute)  results kept by view and network version
//	SVG(nodes, edges, types, res, pos, t) the network map
//	WriteGEXF, WriteGraphML          exports with every measure as an attribute
//	KindMessage, TypeMessage         message IDs of kind and type names
//	MetricNames, MetricMessage, MetricHelp  names and plain help for each measure
//	Source                           message ID naming the methods
//
// types selects the relationship types that make ties (all when empty), in
// Analyse, Layout and SVG alike; the exports always carry every relationship.
package network
