package network

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/partnerkit/partnerkit/svgtext"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/network"
)

func (h *Pages) registerNetwork(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/network", httpx.RoleFor(pk.ActionViewNetwork), h.networkPage)
}

// networkSorts are the table's sort keys; measures sort highest first,
// names and communities in reading order.
var networkSorts = []string{"name", "kind", "degree", "betweenness", "closeness", "eigenvector", "reach", "community"}

// networkFigure is one figure of the whole network with its help text.
type networkFigure struct {
	Key   string // message ID of the name; Key+".help" explains it
	Value string
}

// networkColumn is a sortable column heading.
type networkColumn struct {
	Key    string // sort key
	Label  string // message ID
	Href   string
	Active bool
}

// networkRow is one actor in the table, with formatted measures.
type networkRow struct {
	ID, Name, Kind, Sector, Segment, Strategy string
	Sensitive                                 bool
	Degree                                    int
	Betweenness, Closeness, Eigenvector       string
	Reach                                     string
	Community                                 int
}

// networkPerson is a boundary crosser or broker, with the names of the
// collectives a crosser is tied to.
type networkPerson struct {
	Name string
	Ties []string
}

type networkTypeBox struct {
	Type    string
	Checked bool
}

type networkData struct {
	SVG       template.HTML
	Figures   []networkFigure
	Counts    map[string]int
	Columns   []networkColumn
	Rows      []networkRow
	Crossers  []networkPerson
	Brokers   []string
	Types     []networkTypeBox
	Maps      []*pk.Map
	MapID     string
	Sort      string
	Query     string // the filters as a query string, for export links
	Exports   []networkExport
	Sensitive bool
}

type networkExport struct {
	Label string // message ID
	Href  string
}

// The picture's frame, in SVG units (it scales to the page's width).
const networkWidth, networkHeight = 960, 640

func fmtMeasure(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

func (h *Pages) networkPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewNetwork, "network.title", "network")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := pk.NetworkFilter{Types: q["type"], MapID: q.Get("map"), LayoutWidth: networkWidth, LayoutHeight: networkHeight}
	n, err := h.Networks.Network(r.Context(), v.P.ID, f)
	if err != nil {
		return err
	}
	f = n.Filter
	sortKey := q.Get("sort")
	if !slices.Contains(networkSorts, sortKey) {
		sortKey = "betweenness"
	}
	filters := url.Values{}
	for _, t := range f.Types {
		filters.Add("type", t)
	}
	if f.MapID != "" {
		filters.Set("map", f.MapID)
	}
	d := &networkData{MapID: f.MapID, Sort: sortKey, Query: filters.Encode(), Sensitive: n.HasSensitive,
		Counts: map[string]int{"actors": n.Result.Nodes, "ties": n.Result.Edges}}
	if maps, err := h.Maps.Maps(r.Context(), v.P.ID); err == nil {
		d.Maps = maps
	}
	l := h.Bundle.Localizer(v.Lang)
	d.SVG = template.HTML(network.SVG(n.Nodes, n.Edges, f.Types, n.Result, n.Layout(networkWidth, networkHeight), l.T, svgtext.Direction(v.Dir)))
	res := n.Result
	d.Figures = []networkFigure{
		{"network.metric.actors", strconv.Itoa(res.Nodes)},
		{"network.metric.ties", strconv.Itoa(res.Edges)},
		{"network.metric.density", fmtMeasure(res.Density)},
		{"network.metric.average_degree", strconv.FormatFloat(res.AverageDegree, 'f', 2, 64)},
		{"network.metric.centralisation", fmtMeasure(res.Centralisation)},
		{"network.metric.components", strconv.Itoa(len(res.Components))},
		{"network.metric.communities", strconv.Itoa(len(res.Communities))},
	}
	for _, t := range network.Types {
		d.Types = append(d.Types, networkTypeBox{Type: t, Checked: len(f.Types) == 0 || slices.Contains(f.Types, t)})
	}
	for _, k := range networkSorts {
		cq := url.Values{}
		for key, vals := range filters {
			cq[key] = vals
		}
		cq.Set("sort", k)
		label := "network.metric." + k
		if k == "name" || k == "kind" {
			label = "networkpage.column." + k
		}
		d.Columns = append(d.Columns, networkColumn{Key: k, Label: label, Href: "/p/" + v.P.ID + "/network?" + cq.Encode() + "#actors", Active: k == sortKey})
	}
	actors := slices.Clone(n.Actors)
	slices.SortStableFunc(actors, networkOrder(sortKey))
	for _, a := range actors {
		d.Rows = append(d.Rows, networkRow{ID: a.ID, Name: a.Name, Kind: a.Kind, Sector: a.Sector, Segment: a.Segment, Strategy: a.Strategy,
			Sensitive: a.Sensitive, Degree: a.Degree, Betweenness: fmtMeasure(a.Betweenness), Closeness: fmtMeasure(a.Closeness),
			Eigenvector: fmtMeasure(a.Eigenvector), Reach: strconv.Itoa(int(a.Reach*100 + 0.5)), Community: a.Community + 1})
	}
	names := make(map[string]string, len(n.Actors))
	for _, a := range n.Actors {
		names[a.ID] = a.Name
	}
	for _, c := range res.BoundaryCrossers {
		p := networkPerson{Name: names[c.ID]}
		for _, id := range c.Ties {
			p.Ties = append(p.Ties, names[id])
		}
		d.Crossers = append(d.Crossers, p)
	}
	for _, id := range res.Brokers {
		d.Brokers = append(d.Brokers, names[id])
	}
	base := "/api/v1/partnerships/" + v.P.ID + "/network"
	suffix := ""
	if d.Query != "" {
		suffix = "?" + d.Query
	}
	d.Exports = []networkExport{
		{"network.export.gexf", base + ".gexf" + suffix},
		{"network.export.graphml", base + ".graphml" + suffix},
		{"networkpage.export.csv", base + ".csv" + suffix},
		{"networkpage.export.json", base + suffix},
		{"networkpage.export.svg", base + ".svg" + suffix},
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "network", v)
	return nil
}

// networkOrder compares actors for a sort key; ties fall back to the name.
func networkOrder(key string) func(a, b *pk.NetworkActor) int {
	desc := func(x, y float64) int { return cmp.Compare(y, x) }
	return func(a, b *pk.NetworkActor) int {
		var c int
		switch key {
		case "kind":
			c = cmp.Compare(a.Kind, b.Kind)
		case "degree":
			c = cmp.Compare(b.Degree, a.Degree)
		case "betweenness":
			c = desc(a.Betweenness, b.Betweenness)
		case "closeness":
			c = desc(a.Closeness, b.Closeness)
		case "eigenvector":
			c = desc(a.Eigenvector, b.Eigenvector)
		case "reach":
			c = desc(a.Reach, b.Reach)
		case "community":
			c = cmp.Compare(a.Community, b.Community)
		}
		if c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	}
}
