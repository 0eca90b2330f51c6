// Package network answers the API calls of the network analysis: the
// measures as JSON and CSV, the drawing, and the GEXF and GraphML exports.
package network

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/svgtext"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	netanalysis "github.com/partnerkit/partnerkit/network"
)

// Handlers answers the network analysis's API calls.
type Handlers struct {
	Network pk.NetworkService
}

// Register adds the network's routes.
func (h *Handlers) Register(a *api.API) { h.registerNetwork(a) }

// networkFilter reads ?type=a&type=b and ?map=MID.
func networkFilter(r *http.Request) pk.NetworkFilter {
	q := r.URL.Query()
	return pk.NetworkFilter{Types: q["type"], MapID: q.Get("map")}
}

// actorQuery reads ?sort=, ?order=, ?limit= and ?cursor= for the per-actor
// table.
func actorQuery(r *http.Request) (pk.NetworkActorQuery, error) {
	page, err := api.Page(r)
	if err != nil {
		return pk.NetworkActorQuery{}, err
	}
	q := r.URL.Query()
	out := pk.NetworkActorQuery{Sort: q.Get("sort"), Page: page}
	if out.Sort == "" {
		out.Sort = pk.NetworkSortDefault
	}
	if !slices.Contains(pk.NetworkSorts, out.Sort) {
		return out, pk.FieldInvalid("sort", "validation.one_of", map[string]any{"Allowed": strings.Join(pk.NetworkSorts, ", ")})
	}
	// The cursor too, whatever the network: checked before the export
	// is recorded, so that a refused request leaves no trace in the
	// audit log.
	if err := out.Validate(); err != nil {
		return out, err
	}
	switch q.Get("order") {
	case "":
		out.Descending = pk.NetworkSortDescending(out.Sort)
	case "asc":
	case "desc":
		out.Descending = true
	default:
		return out, pk.FieldInvalid("order", "validation.one_of", map[string]any{"Allowed": "asc, desc"})
	}
	return out, nil
}

func (h *Handlers) registerNetwork(a *api.API) {
	const tag = "network"
	query := []string{"type", "map"}
	access := httpx.RoleFor(pk.ActionViewNetwork)
	export := func(r *http.Request, format string) (*pk.Network, error) {
		return h.Network.NetworkExport(r.Context(), r.PathValue("pid"), format, networkFilter(r))
	}
	a.Route("GET", "/partnerships/{pid}/network", access, httpx.OpDoc{Summary: "Network analysis of the relationships (?type= repeated to choose relationship types, ?map= for segments and strategies); " +
		"the actors a page at a time (?limit=, ?cursor=: next_cursor), sorted by ?sort= (name, kind, degree, betweenness, closeness, eigenvector, reach, community; betweenness when omitted) in ?order= (asc, desc); the boundary crossers 50 at a time (?crossers=: crossers_next)",
		Tag: tag, Response: NetworkAnswer{}, Query: append(query, "sort", "order", "limit", "cursor", "crossers")},
		func(r *http.Request) (any, error) {
			// The whole query is checked before the export is recorded:
			// a refused request leaves no trace in the audit log.
			q, err := actorQuery(r)
			if err != nil {
				return nil, err
			}
			if err := pk.CheckCrosserCursor(r.URL.Query().Get("crossers")); err != nil {
				return nil, err
			}
			n, err := export(r, "json")
			if err != nil {
				return nil, err
			}
			answer := func() (NetworkAnswer, error) {
				page, err := n.ActorPage(q)
				if err != nil {
					return NetworkAnswer{}, err
				}
				crossers, err := n.CrosserPage(r.URL.Query().Get("crossers"))
				if err != nil {
					return NetworkAnswer{}, err
				}
				return networkAnswer(n, page, crossers), nil
			}
			if n.Filter.MapID != "" {
				// A map's segments, which the network's version does
				// not cover: answered afresh each time.
				return answer()
			}
			// The answer depends on the analysed network and the query
			// only: encoded and compressed once per version, language
			// and query, and sent as kept.
			lang := api.Language(r)
			kept, err := a.KeptEncoded(n.Key.Scope, strconv.FormatInt(n.Key.Version, 10),
				fmt.Sprintf("network answer\x00%+v\x00%s", q, r.URL.Query().Get("crossers")), lang,
				func() (any, error) { return answer() })
			if err != nil {
				return nil, err
			}
			return api.Encoded{kept}, nil
		})
	a.Route("GET", "/partnerships/{pid}/network.svg", access, httpx.OpDoc{Summary: "The network drawn as SVG", Tag: tag, Raw: "image/svg+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "svg")
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "image/svg+xml", Body: netanalysis.SVG(n.Nodes, n.Edges, n.Filter.Types, n.Result, n.Layout(960, 640), a.T(r), svgtext.Direction(i18n.Dir(api.Language(r))))}, nil
		})
	a.Route("GET", "/partnerships/{pid}/network.gexf", access, httpx.OpDoc{Summary: "The network in GEXF 1.3 (Gephi)", Tag: tag, Raw: "application/gexf+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "gexf")
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := netanalysis.WriteGEXF(&buf, n.Nodes, n.Edges, n.Result); err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "application/gexf+xml", Filename: "network.gexf", Body: buf.Bytes()}, nil
		})
	a.Route("GET", "/partnerships/{pid}/network.graphml", access, httpx.OpDoc{Summary: "The network in GraphML (Cytoscape, yEd, NetworkX)", Tag: tag, Raw: "application/graphml+xml", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "graphml")
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := netanalysis.WriteGraphML(&buf, n.Nodes, n.Edges, n.Result); err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "application/graphml+xml", Filename: "network.graphml", Body: buf.Bytes()}, nil
		})
	a.Route("GET", "/partnerships/{pid}/network.csv", access, httpx.OpDoc{Summary: "One row per actor with its measures, as CSV", Tag: tag, Raw: "text/csv", Query: query},
		func(r *http.Request) (any, error) {
			n, err := export(r, "csv")
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "text/csv; charset=utf-8", Filename: "network.csv", Body: networkCSV(n)}, nil
		})
}
