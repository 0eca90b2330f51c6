package partnerkit

import (
	"strconv"

	"github.com/partnerkit/partnerkit/network"
)

// NetworkFilter chooses what the network is made of: the relationship types
// (none: all), and a map whose latest assessments add each actor's
// spectrum segment and engagement strategy (empty: none).
type NetworkFilter struct {
	Types []string
	MapID string
}

// Network is a partnership's network as the asking person may see it, and
// its analysis. Sensitive actors and relationships are left out in the SQL
// for anyone who may not see sensitive data, so the metrics are those of
// the visible network and cannot betray a hidden actor.
type Network struct {
	Partnership *Partnership
	Filter      NetworkFilter
	Nodes       []network.Node
	Edges       []network.Edge
	Result      *network.Result
	// Actors are the per-actor rows, in name order; shared with other
	// requests for the same version: never change them.
	Actors []*NetworkActor
	// MayViewSensitive tells whether the asker may see sensitive rows;
	// HasSensitive whether any sensitive actor or relationship is included.
	MayViewSensitive bool
	HasSensitive     bool
	// Key names the view and version of the network read: the measures and
	// the layout are kept under it (network.Cached).
	Key network.Key
}

// Layout places the actors for drawing in a width × height frame (see
// network.Layout). Like the measures, it is computed once per distinct
// network and kept for the next request.
func (n *Network) Layout(width, height float64) map[string]network.Point {
	what := "layout " + strconv.FormatFloat(width, 'g', -1, 64) + "x" + strconv.FormatFloat(height, 'g', -1, 64)
	return network.Cached(n.Key, what, func(prev any) any {
		p, _ := prev.(*network.Placement)
		return network.Place(p, n.Nodes, n.Edges, n.Filter.Types, width, height)
	}).(*network.Placement).Points
}

// NetworkPicture is what a page draws of a network: the actors, the ties
// among them and their places.
type NetworkPicture struct {
	Nodes     []network.Node
	Edges     []network.Edge
	Points    map[string]network.Point
	placement *network.Placement
}

// Picture lays out the limit most connected actors (MostConnected) and the
// ties among them, what a page draws when the network is larger than it can
// show; with no more actors than limit, the whole network (as Layout).
// Laying out and drawing only what is shown lets the drawing use its whole
// frame, and on a national network costs milliseconds where the full layout
// takes most of a second. Kept per network like Layout.
func (n *Network) Picture(limit int, width, height float64) *NetworkPicture {
	if len(n.Actors) <= limit {
		return &NetworkPicture{Nodes: n.Nodes, Edges: n.Edges, Points: n.Layout(width, height)}
	}
	what := "picture " + strconv.Itoa(limit) + " " + strconv.FormatFloat(width, 'g', -1, 64) + "x" + strconv.FormatFloat(height, 'g', -1, 64)
	return network.Cached(n.Key, what, func(prev any) any {
		core := n.MostConnected(limit)
		out := &NetworkPicture{Nodes: make([]network.Node, 0, len(core))}
		for _, nd := range n.Nodes {
			if core[nd.ID] {
				out.Nodes = append(out.Nodes, nd)
			}
		}
		for _, e := range n.Edges {
			if core[e.From] && core[e.To] {
				out.Edges = append(out.Edges, e)
			}
		}
		var p *network.Placement
		if old, ok := prev.(*NetworkPicture); ok {
			p = old.placement
		}
		out.placement = network.Place(p, out.Nodes, out.Edges, n.Filter.Types, width, height)
		out.Points = out.placement.Points
		return out
	}).(*NetworkPicture)
}

// NetworkActor is one actor's row: who it is and its measures.
type NetworkActor struct {
	ID        string
	Name      string
	Kind      string
	Sector    string
	Sensitive bool
	// Segment (Spectrum of Allies) and Strategy (power map) come from the
	// actor's latest assessment on the chosen map; empty without one.
	Segment  string
	Strategy string
	network.NodeMetrics
}

// Network attribute names carried by network.Node.Attrs into the exports.
const (
	NetAttrSector   = "sector"
	NetAttrSegment  = "segment"
	NetAttrStrategy = "strategy"
)
