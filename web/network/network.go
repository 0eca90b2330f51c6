package network

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/keep"
	"github.com/partnerkit/partnerkit/network"
	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerNetwork(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/network", httpx.RoleFor(pk.ActionViewNetwork), h.networkPage)
}

// networkPageSize is how many actors a page of the table shows.
const networkPageSize = pk.DefaultPageSize

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

// networkData is what the page shows around its kept body: the filter
// form, the picture and its caption.
type networkData struct {
	SVG template.HTML
	// Drawn of DrawnOf actors are in the picture when it is cut (0: all).
	Drawn, DrawnOf int
	// SVGHref is the download that draws every actor.
	SVGHref   string
	Types     []networkTypeBox
	Maps      []*pk.Map
	MapID     string
	Sort      string
	Sensitive bool
	// Descending tells the table's order.
	Descending bool
	// Body is the figures, people, table and exports (networkBody).
	Body template.HTML
}

// networkBody is the page from its figures to its exports: it depends on
// the analysed network, the query and the language only (and, when there
// is no actor, on whether the asker may add one), so it is drawn once per
// version of the network and kept.
type networkBody struct {
	PID      string
	Figures  []networkFigure
	Columns  []networkColumn
	Rows     []networkRow
	Crossers []networkPerson
	// CrossersFrom–CrossersTo of CrossersTotal are the boundary crossers
	// shown; CrossersNext links to the next ones when the list is cut.
	CrossersFrom, CrossersTo, CrossersTotal int
	CrossersNext                            string
	Brokers                                 []string
	MapID                                   string
	// Descending tells the table's order; From–To of Total are the rows
	// shown (1-based); Next links to the next page when the table is cut.
	Descending      bool
	From, To, Total int
	Next            string
	Exports         []networkExport
	MayAddActor     bool
}

type networkExport struct {
	Label string // message ID
	Href  string
}

// The picture's frame, in SVG units (it scales to the page's width).
const networkWidth, networkHeight = 960, 640

func fmtMeasure(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// networkDrawing is the network's picture as its page draws it: the most
// connected actors (points of them) and the ties among them.
type networkDrawing struct {
	points int
	svg    web.KeptHTML
}

func (h *Pages) networkPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewNetwork, "network.title", "network")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := pk.NetworkFilter{Types: q["type"], MapID: q.Get("map")}
	n, err := h.Networks.Network(r.Context(), v.P.ID, f)
	if err != nil {
		return err
	}
	f = n.Filter
	sortKey := q.Get("sort")
	if !slices.Contains(pk.NetworkSorts, sortKey) {
		sortKey = pk.NetworkSortDefault
	}
	desc := pk.NetworkSortDescending(sortKey)
	switch q.Get("order") {
	case "asc":
		desc = false
	case "desc":
		desc = true
	}
	filters := url.Values{}
	for _, t := range f.Types {
		filters.Add("type", t)
	}
	if f.MapID != "" {
		filters.Set("map", f.MapID)
	}
	d := &networkData{MapID: f.MapID, Sort: sortKey, Descending: desc, Sensitive: n.HasSensitive}
	if maps, err := h.Maps.Maps(r.Context(), v.P.ID); err == nil {
		d.Maps = maps
	}
	for _, t := range network.Types {
		d.Types = append(d.Types, networkTypeBox{Type: t, Checked: len(f.Types) == 0 || slices.Contains(f.Types, t)})
	}
	// What is drawn of the network is drawn once per version of it and
	// language; with a map's segments, which its version does not cover,
	// each time.
	var kept pk.Kept
	if f.MapID == "" {
		kept = pk.Kept{Scope: n.Key.Scope, Version: strconv.FormatInt(n.Key.Version, 10)}
	}
	// The picture keeps the most connected actors (and the ties among
	// them) and says so; the SVG download draws every one.
	l := h.Bundle.Localizer(v.Lang)
	drawn, err := keep.Drawn(kept.Scope, kept.Version, "network\x00"+v.Lang+"\x00"+v.Dir, func() (any, error) {
		pic := n.Picture(pk.MaxNetworkDrawn, networkWidth, networkHeight)
		return &networkDrawing{len(pic.Points), web.NewKeptHTML(network.SVG(pic.Nodes, pic.Edges, f.Types, n.Result, pic.Points, l.T, svgtext.Direction(v.Dir)))}, nil
	})
	if err != nil {
		return err
	}
	pic := drawn.(*networkDrawing)
	if len(n.Actors) > pic.points {
		d.Drawn, d.DrawnOf = pic.points, len(n.Actors)
	}
	d.SVG = v.Place(pic.svg) // sent compressed as it was kept
	d.SVGHref = networkExportBase(v.P.ID) + ".svg" + querySuffix(filters)
	// The body, once per version, language and query (the filter is in
	// the version's scope).
	mayAdd := len(n.Actors) == 0 && pk.Can(v.P.MyRole, pk.ActionEditActors)
	name := h.PartName("network", "network-body", v.Lang) + fmt.Sprintf("\x00%s\x00%t\x00%s\x00%s\x00%t", sortKey, desc, q.Get("cursor"), q.Get("crossers"), mayAdd)
	body, err := keep.Drawn(kept.Scope, kept.Version, name, func() (any, error) {
		// The pages of the table and of the crossers are picked here, once
		// per kept body; a cursor that is not one is refused each time, as
		// a refusal is never kept.
		page, err := n.ActorPage(pk.NetworkActorQuery{Sort: sortKey, Descending: desc, Page: pk.PageRequest{Cursor: q.Get("cursor"), Limit: networkPageSize}})
		if err != nil {
			return nil, err
		}
		crossers, err := n.CrosserPage(q.Get("crossers"))
		if err != nil {
			return nil, err
		}
		b := drawNetworkBody(v.P.ID, n, page, crossers, filters, sortKey, q.Get("cursor"), desc)
		b.MayAddActor = mayAdd
		html, err := h.Part(templates, "network", "network-body", v.Lang, b)
		if err != nil {
			return nil, err
		}
		return web.NewKeptHTML([]byte(html)), nil
	})
	if err != nil {
		return err
	}
	d.Body = v.Place(body.(web.KeptHTML))
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "network", v)
	return nil
}

// networkExportBase is the API address the downloads add their format to.
func networkExportBase(pid string) string { return "/api/v1/partnerships/" + pid + "/network" }

// querySuffix is "?" and the filters, or nothing without any.
func querySuffix(filters url.Values) string {
	if len(filters) == 0 {
		return ""
	}
	return "?" + filters.Encode()
}

// drawNetworkBody gathers what the body shows of one page of the table
// and of the boundary crossers.
func drawNetworkBody(pid string, n *pk.Network, page *pk.NetworkActorPage, crossers *pk.NetworkCrosserPage, filters url.Values, sortKey, cursor string, desc bool) *networkBody {
	res := n.Result
	d := &networkBody{PID: pid, MapID: n.Filter.MapID, Descending: desc, From: page.From + 1, To: page.From + len(page.Actors), Total: page.Total}
	d.Figures = []networkFigure{
		{"network.metric.actors", strconv.Itoa(res.Nodes)},
		{"network.metric.ties", strconv.Itoa(res.Edges)},
		{"network.metric.density", fmtMeasure(res.Density)},
		{"network.metric.average_degree", strconv.FormatFloat(res.AverageDegree, 'f', 2, 64)},
		{"network.metric.centralisation", fmtMeasure(res.Centralisation)},
		{"network.metric.components", strconv.Itoa(len(res.Components))},
		{"network.metric.communities", strconv.Itoa(len(res.Communities))},
	}
	link := func(extra url.Values) string {
		cq := url.Values{}
		for key, vals := range filters {
			cq[key] = vals
		}
		for key, vals := range extra {
			cq[key] = vals
		}
		return "/p/" + pid + "/network?" + cq.Encode() + "#actors"
	}
	order := func(desc bool) string {
		if desc {
			return "desc"
		}
		return "asc"
	}
	for _, k := range pk.NetworkSorts {
		label := "network.metric." + k
		if k == "name" || k == "kind" {
			label = "networkpage.column." + k
		}
		// The active column's heading turns the order round; the others
		// sort in their natural order.
		next := pk.NetworkSortDescending(k)
		if k == sortKey {
			next = !desc
		}
		d.Columns = append(d.Columns, networkColumn{Key: k, Label: label, Active: k == sortKey,
			Href: link(url.Values{"sort": {k}, "order": {order(next)}})})
	}
	if page.Next != "" {
		d.Next = link(url.Values{"sort": {sortKey}, "order": {order(desc)}, "cursor": {page.Next}})
	}
	for _, a := range page.Actors {
		d.Rows = append(d.Rows, networkRow{ID: a.ID, Name: a.Name, Kind: a.Kind, Sector: a.Sector, Segment: a.Segment, Strategy: a.Strategy,
			Sensitive: a.Sensitive, Degree: a.Degree, Betweenness: fmtMeasure(a.Betweenness), Closeness: fmtMeasure(a.Closeness),
			Eigenvector: fmtMeasure(a.Eigenvector), Reach: strconv.Itoa(int(a.Reach*100 + 0.5)), Community: a.Community + 1})
	}
	// The names of the people shown only: a national network has
	// thousands of actors, and a map of them all per view is costly.
	names := map[string]string{}
	for _, c := range crossers.Crossers {
		names[c.ID] = ""
		for _, id := range c.Ties {
			names[id] = ""
		}
	}
	for _, id := range res.Brokers {
		names[id] = ""
	}
	for _, a := range n.Actors {
		if _, ok := names[a.ID]; ok {
			names[a.ID] = a.Name
		}
	}
	d.CrossersFrom, d.CrossersTo, d.CrossersTotal = crossers.From+1, crossers.From+len(crossers.Crossers), crossers.Total
	if crossers.Next != "" {
		here := url.Values{"sort": {sortKey}, "order": {order(desc)}, "crossers": {crossers.Next}}
		if cursor != "" {
			here.Set("cursor", cursor)
		}
		d.CrossersNext = strings.TrimSuffix(link(here), "#actors") + "#net-crossers-h"
	}
	for _, c := range crossers.Crossers {
		p := networkPerson{Name: names[c.ID]}
		for _, id := range c.Ties {
			p.Ties = append(p.Ties, names[id])
		}
		d.Crossers = append(d.Crossers, p)
	}
	for _, id := range res.Brokers {
		d.Brokers = append(d.Brokers, names[id])
	}
	base, suffix := networkExportBase(pid), querySuffix(filters)
	d.Exports = []networkExport{
		{"network.export.gexf", base + ".gexf" + suffix},
		{"network.export.graphml", base + ".graphml" + suffix},
		{"networkpage.export.csv", base + ".csv" + suffix},
		{"networkpage.export.json", base + suffix},
		{"networkpage.export.svg", base + ".svg" + suffix},
	}
	return d
}
