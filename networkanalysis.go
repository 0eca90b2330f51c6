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
	// LayoutWidth and LayoutHeight, when set, have the picture's layout
	// computed alongside the measures (they are independent, and on a large
	// network each takes a noticeable part of a second).
	LayoutWidth, LayoutHeight float64
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
	// Actors are the per-actor rows, in name order.
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
