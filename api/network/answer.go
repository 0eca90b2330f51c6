package network

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// NetworkActor is one actor of the network with its measures. Community
// numbers start at 1, the largest community first.
type NetworkActor struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Kind        string  `json:"kind"`
	Sector      string  `json:"sector"`
	Segment     string  `json:"segment,omitempty"`
	Strategy    string  `json:"strategy,omitempty"`
	Degree      int     `json:"degree"`
	Betweenness float64 `json:"betweenness"`
	Closeness   float64 `json:"closeness"`
	Eigenvector float64 `json:"eigenvector"`
	Reach       float64 `json:"reach"`
	Community   int     `json:"community"`
}

// NetworkCrosser is a boundary crosser: an individual tied to several
// groups, organisations or institutions (their IDs in Ties).
type NetworkCrosser struct {
	ID   string   `json:"id"`
	Ties []string `json:"ties"`
}

// NetworkAnswer is the network analysis of a partnership, as the asker may
// see it (sensitive actors and relationships only for coordinators).
type NetworkAnswer struct {
	Types          []string `json:"types"`
	MapID          string   `json:"map_id,omitempty"`
	Nodes          int      `json:"nodes"`
	Edges          int      `json:"edges"`
	Density        float64  `json:"density"`
	AverageDegree  float64  `json:"average_degree"`
	Centralisation float64  `json:"centralisation"`
	Components     int      `json:"components"`
	Communities    int      `json:"communities"`
	// BoundaryCrossers is one page of them (those tied to the most groups
	// first, at most 50; ?crossers= is the cursor: crossers_next), of
	// CrossersTotal.
	BoundaryCrossers []NetworkCrosser `json:"boundary_crossers"`
	CrossersNext     string           `json:"crossers_next"`
	CrossersTotal    int              `json:"crossers_total"`
	Brokers          []string         `json:"brokers"`
	// Actors is one page of the per-actor table, as ?sort=, ?order=,
	// ?limit= and ?cursor= ask; NextCursor leads on (empty on the last
	// page) and ActorsTotal counts every row.
	Actors      []NetworkActor `json:"actors"`
	NextCursor  string         `json:"next_cursor"`
	ActorsTotal int            `json:"actors_total"`
}

// networkAnswer encodes an analysed network for the JSON answer.
func networkAnswer(n *pk.Network, page *pk.NetworkActorPage, crossers *pk.NetworkCrosserPage) NetworkAnswer {
	res := n.Result
	out := NetworkAnswer{Types: api.NonNil(n.Filter.Types), MapID: n.Filter.MapID, Nodes: res.Nodes, Edges: res.Edges,
		Density: res.Density, AverageDegree: res.AverageDegree, Centralisation: res.Centralisation,
		Components: len(res.Components), Communities: len(res.Communities),
		BoundaryCrossers: []NetworkCrosser{}, Brokers: api.NonNil(res.Brokers), Actors: []NetworkActor{},
		NextCursor: page.Next, ActorsTotal: page.Total, CrossersNext: crossers.Next, CrossersTotal: crossers.Total}
	for _, c := range crossers.Crossers {
		out.BoundaryCrossers = append(out.BoundaryCrossers, NetworkCrosser{ID: c.ID, Ties: api.NonNil(c.Ties)})
	}
	for _, a := range page.Actors {
		out.Actors = append(out.Actors, NetworkActor{ID: a.ID, Name: a.Name, Kind: a.Kind, Sector: a.Sector,
			Segment: a.Segment, Strategy: a.Strategy, Degree: a.Degree, Betweenness: a.Betweenness,
			Closeness: a.Closeness, Eigenvector: a.Eigenvector, Reach: a.Reach, Community: a.Community + 1})
	}
	return out
}
