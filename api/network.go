package api

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/network"
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
	Types            []string         `json:"types"`
	MapID            string           `json:"map_id,omitempty"`
	Nodes            int              `json:"nodes"`
	Edges            int              `json:"edges"`
	Density          float64          `json:"density"`
	AverageDegree    float64          `json:"average_degree"`
	Centralisation   float64          `json:"centralisation"`
	Components       int              `json:"components"`
	Communities      int              `json:"communities"`
	BoundaryCrossers []NetworkCrosser `json:"boundary_crossers"`
	Brokers          []string         `json:"brokers"`
	Actors           []NetworkActor   `json:"actors"`
}

// networkFilter reads ?type=a&type=b and ?map=MID.
func networkFilter(r *http.Request) pk.NetworkFilter {
	q := r.URL.Query()
	return pk.NetworkFilter{Types: q["type"], MapID: q.Get("map")}
}

func networkAnswer(n *pk.Network) NetworkAnswer {
	res := n.Result
	out := NetworkAnswer{Types: nonNil(n.Filter.Types), MapID: n.Filter.MapID, Nodes: res.Nodes, Edges: res.Edges,
		Density: res.Density, AverageDegree: res.AverageDegree, Centralisation: res.Centralisation,
		Components: len(res.Components), Communities: len(res.Communities),
		BoundaryCrossers: []NetworkCrosser{}, Brokers: nonNil(res.Brokers), Actors: []NetworkActor{}}
	for _, c := range res.BoundaryCrossers {
		out.BoundaryCrossers = append(out.BoundaryCrossers, NetworkCrosser{ID: c.ID, Ties: nonNil(c.Ties)})
	}
	for _, a := range n.Actors {
		out.Actors = append(out.Actors, NetworkActor{ID: a.ID, Name: a.Name, Kind: a.Kind, Sector: a.Sector,
			Segment: a.Segment, Strategy: a.Strategy, Degree: a.Degree, Betweenness: a.Betweenness,
			Closeness: a.Closeness, Eigenvector: a.Eigenvector, Reach: a.Reach, Community: a.Community + 1})
	}
	return out
}

// networkCSV is one row per actor with its attributes and measures.
func networkCSV(n *pk.Network) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"id", "name", "kind", "sector"}
	if n.Filter.MapID != "" {
		head = append(head, "segment", "strategy")
	}
	head = append(head, "degree", "betweenness", "closeness", "eigenvector", "reach", "community")
	w.Write(head)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for _, a := range n.Actors {
		row := []string{a.ID, networkCell(a.Name), a.Kind, networkCell(a.Sector)}
		if n.Filter.MapID != "" {
			row = append(row, a.Segment, a.Strategy)
		}
		row = append(row, strconv.Itoa(a.Degree), f(a.Betweenness), f(a.Closeness), f(a.Eigenvector), f(a.Reach), strconv.Itoa(a.Community+1))
		w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// networkCell keeps a spreadsheet from running a name as a formula.
func networkCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

func (a *API) registerNetwork() {
	const tag = "network"
	query := []string{"type", "map"}
	access := httpx.RoleFor(pk.ActionViewNetwork)
	export := func(r *http.Request, format string) (*pk.Network, error) {
		return a.DB.NetworkExport(r.Context(), r.PathValue("pid"), format, networkFilter(r))
	}
	a.route("GET", "/partnerships/{pid}/network", access, httpx.OpDoc{Summary: "Network analysis of the relationships (?type= repeated to choose relationship types, ?map= for segments and strategies)",
		Tag: tag, Response: NetworkAnswer{}, Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "json")
			if err != nil {
				return nil, err
			}
			return networkAnswer(n), nil
		})
	a.route("GET", "/partnerships/{pid}/network.svg", access, httpx.OpDoc{Summary: "The network drawn as SVG", Tag: tag, Raw: "image/svg+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "svg")
			if err != nil {
				return nil, err
			}
			return Raw{ContentType: "image/svg+xml", Body: network.SVG(n.Nodes, n.Edges, n.Filter.Types, n.Result, n.Layout(960, 640), a.Bundle.Localizer(language(r)).T)}, nil
		})
	a.route("GET", "/partnerships/{pid}/network.gexf", access, httpx.OpDoc{Summary: "The network in GEXF 1.3 (Gephi)", Tag: tag, Raw: "application/gexf+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "gexf")
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := network.WriteGEXF(&buf, n.Nodes, n.Edges, n.Result); err != nil {
				return nil, err
			}
			return Raw{ContentType: "application/gexf+xml", Filename: "network.gexf", Body: buf.Bytes()}, nil
		})
	a.route("GET", "/partnerships/{pid}/network.graphml", access, httpx.OpDoc{Summary: "The network in GraphML (Cytoscape, yEd, NetworkX)", Tag: tag, Raw: "application/graphml+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "graphml")
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := network.WriteGraphML(&buf, n.Nodes, n.Edges, n.Result); err != nil {
				return nil, err
			}
			return Raw{ContentType: "application/graphml+xml", Filename: "network.graphml", Body: buf.Bytes()}, nil
		})
	a.route("GET", "/partnerships/{pid}/network.csv", access, httpx.OpDoc{Summary: "One row per actor with its measures, as CSV", Tag: tag, Raw: "text/csv", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "csv")
			if err != nil {
				return nil, err
			}
			return Raw{ContentType: "text/csv; charset=utf-8", Filename: "network.csv", Body: networkCSV(n)}, nil
		})
}
