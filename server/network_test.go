package server_test

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// networkPaths are the network's page and its five API answers.
func networkPaths(pid string) map[string]string {
	api := "/api/v1/partnerships/" + pid + "/network"
	return map[string]string{
		"page":    "/p/" + pid + "/network",
		"json":    api,
		"svg":     api + ".svg",
		"gexf":    api + ".gexf",
		"graphml": api + ".graphml",
		"csv":     api + ".csv",
	}
}

var networkTypes = map[string]string{
	"page": "text/html", "json": "application/json", "svg": "image/svg+xml",
	"gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "csv": "text/csv",
}

// A member never sees a sensitive actor's name or ID in the network, in the
// picture or in any download; a coordinator does; observers and outsiders
// are turned away.
func TestNetworkSensitiveNeverLeaks(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		maps := e.Maps()
		for _, pid := range []string{f.PID, e.Partnership.ID} {
			secretName, secretID := f.Secret, f.SecretID
			if pid == e.Partnership.ID {
				// The maps module's fixtures hold a sensitive actor too.
				secretName, secretID = sqldbtest.SensitiveActorName, maps.Actors[sqldbtest.SensitiveActorName]
			}
			for name, path := range networkPaths(pid) {
				for _, c := range []struct {
					role   string
					status int
				}{{"outsider", 404}, {"observer", 403}, {"member", 200}, {"coordinator", 200}} {
					res := e.do(t, c.role, "GET", path, nil)
					if res.Status != c.status {
						t.Errorf("%s %s: %d, want %d", c.role, path, res.Status, c.status)
						continue
					}
					if c.status != 200 {
						continue
					}
					if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, networkTypes[name]) {
						t.Errorf("%s %s: content type %q", c.role, name, ct)
					}
					seen := strings.Contains(res.Body, secretName) || strings.Contains(res.Body, secretID)
					if c.role == "member" && seen {
						t.Errorf("member sees the sensitive actor in %s", name)
					}
					if c.role == "coordinator" && (!strings.Contains(res.Body, secretName) && name != "svg" || !strings.Contains(res.Body, secretID) && name != "page") {
						t.Errorf("coordinator misses the sensitive actor in %s", name)
					}
					if strings.Contains(res.Body, "Other Partnership Actor") {
						t.Errorf("%s %s shows another partnership's actor", c.role, name)
					}
				}
			}
		}
	})
}

// netJSON is the part of the JSON answer the tests read.
type netJSON struct {
	Nodes, Edges     int
	Density          float64
	Components       int
	Communities      int
	BoundaryCrossers []struct{ ID string } `json:"boundary_crossers"`
	Brokers          []string
	NextCursor       string `json:"next_cursor"`
	ActorsTotal      int    `json:"actors_total"`
	CrossersTotal    int    `json:"crossers_total"`
	CrossersNext     string `json:"crossers_next"`
	Actors           []struct {
		ID, Name, Kind, Segment, Strategy string
		Degree, Community                 int
		Betweenness                       float64
	}
}

func TestNetworkAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		base := "/api/v1/partnerships/" + f.PID + "/network"
		get := func(role, q string) netJSON {
			t.Helper()
			res := e.do(t, role, "GET", base+q, nil)
			if res.Status != 200 {
				t.Fatalf("%s %s: %d %s", role, q, res.Status, res.Body)
			}
			var n netJSON
			if err := json.Unmarshal([]byte(res.Body), &n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		m := get("member", "")
		if m.Nodes != 5 || m.Edges != 3 || len(m.Actors) != 5 || m.Components != 2 || len(m.BoundaryCrossers) != 1 ||
			!slices.Equal(m.Brokers, []string{f.IDs[sqldbtest.NetAmina]}) {
			t.Errorf("member's network: %+v", m)
		}
		c := get("coordinator", "")
		if c.Nodes != 6 || c.Edges != 6 || len(c.BoundaryCrossers) != 2 || c.CrossersTotal != 2 || c.CrossersNext != "" {
			t.Errorf("coordinator's network: %+v", c)
		}
		// Types filter the relationships; a map adds segments and strategies.
		if n := get("member", "?type=works_at&type=member_of"); n.Edges != 2 {
			t.Errorf("two types: %d ties", n.Edges)
		}
		n := get("member", "?map="+f.MapID)
		for _, a := range n.Actors {
			if a.Name == sqldbtest.NetAmina && (a.Segment != "active_ally" || a.Strategy != "partner" || a.Community < 1) {
				t.Errorf("Amina on the map: %+v", a)
			}
		}
		if res := e.do(t, "member", "GET", base+"?type=gossip", nil); res.Status != http.StatusUnprocessableEntity {
			t.Errorf("unknown type: %d", res.Status)
		}
		// The actors come a page at a time, sorted on the server; the pages
		// together hold each actor once, in order.
		var names []string
		cursor := ""
		for range 5 {
			p := get("coordinator", "?sort=name&order=desc&limit=4&cursor="+cursor)
			if p.ActorsTotal != 6 || p.Nodes != 6 || len(p.Actors) > 4 {
				t.Fatalf("page: %d actors of %d", len(p.Actors), p.ActorsTotal)
			}
			for _, a := range p.Actors {
				names = append(names, a.Name)
			}
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		if len(names) != 6 || !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Errorf("names over the pages: %q", names)
		}
		if p := get("member", "?sort=degree&order=asc"); len(p.Actors) != 5 || p.NextCursor != "" ||
			!slices.IsSortedFunc(p.Actors, func(a, b struct {
				ID, Name, Kind, Segment, Strategy string
				Degree, Community                 int
				Betweenness                       float64
			}) int {
				return a.Degree - b.Degree
			}) {
			t.Errorf("by degree, fewest first: %+v", p.Actors)
		}
		for _, q := range []string{"?sort=fame", "?order=up", "?limit=0", "?limit=201", "?cursor=x"} {
			if res := e.do(t, "member", "GET", base+q, nil); res.Status != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d", q, res.Status)
			}
		}
		if res := e.do(t, "member", "GET", base+".csv?map=no-such-map", nil); res.Status != http.StatusNotFound {
			t.Errorf("unknown map: %d", res.Status)
		}
	})
}

func TestNetworkExportsParse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	db := e.DB
	f := sqldbtest.SeedNetwork(t, e.World)
	base := "/api/v1/partnerships/" + f.PID + "/network"

	// GEXF: well-formed, and every node value refers to a declared attribute.
	res := e.do(t, "coordinator", "GET", base+".gexf?map="+f.MapID, nil)
	var gexf struct {
		XMLName xml.Name `xml:"gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attr  []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
					Type  string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string `xml:"id,attr"`
				Label  string `xml:"label,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(res.Body), &gexf); err != nil {
		t.Fatalf("GEXF does not parse: %v", err)
	}
	if gexf.Version != "1.3" || len(gexf.Graph.Nodes) != 6 || len(gexf.Graph.Edges) != 6 {
		t.Errorf("GEXF: version %q, %d nodes, %d edges", gexf.Version, len(gexf.Graph.Nodes), len(gexf.Graph.Edges))
	}
	declared := map[string]bool{}
	for _, a := range gexf.Graph.Attributes {
		if a.Class == "node" {
			for _, x := range a.Attr {
				declared[x.ID] = true
			}
		}
	}
	for _, want := range []string{"kind", "sector", "segment", "strategy", "degree", "betweenness", "closeness", "eigenvector", "reach", "community"} {
		if !declared[want] {
			t.Errorf("GEXF does not declare %q (declared: %v)", want, declared)
		}
	}
	for _, n := range gexf.Graph.Nodes {
		for _, v := range n.Values {
			if !declared[v.For] {
				t.Errorf("node %s: value for undeclared attribute %q", n.Label, v.For)
			}
			if n.Label == sqldbtest.NetAmina && v.For == "strategy" && v.Value != "partner" {
				t.Errorf("Amina's strategy %q", v.Value)
			}
		}
	}

	// GraphML: well-formed, with keys for the node attributes.
	res = e.do(t, "coordinator", "GET", base+".graphml?map="+f.MapID, nil)
	var gml struct {
		XMLName xml.Name `xml:"graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct{} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(res.Body), &gml); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	keys := map[string]bool{}
	for _, k := range gml.Keys {
		keys[k.For+"/"+k.Name] = true
	}
	for _, want := range []string{"node/kind", "node/sector", "node/segment", "node/strategy", "node/betweenness", "node/community"} {
		if !keys[want] {
			t.Errorf("GraphML has no key %s", want)
		}
	}
	if len(gml.Graph.Nodes) != 6 || len(gml.Graph.Edges) != 6 {
		t.Errorf("GraphML: %d nodes, %d edges", len(gml.Graph.Nodes), len(gml.Graph.Edges))
	}

	// SVG: well-formed XML with a title, no inline styles.
	res = e.do(t, "member", "GET", base+".svg", nil)
	var svg struct {
		XMLName xml.Name `xml:"svg"`
		Role    string   `xml:"role,attr"`
		Title   string   `xml:"title"`
	}
	if err := xml.Unmarshal([]byte(res.Body), &svg); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	if svg.Role != "img" || svg.Title == "" || strings.Contains(res.Body, "style=") {
		t.Errorf("SVG: role %q title %q", svg.Role, svg.Title)
	}

	// CSV: a header and one row per visible actor.
	res = e.do(t, "member", "GET", base+".csv", nil)
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || !slices.Equal(rows[0][:4], []string{"id", "name", "kind", "sector"}) || !slices.Contains(rows[0], "betweenness") {
		t.Errorf("CSV: %d rows, header %v", len(rows), rows[0])
	}

	// Every download is in the audit log, saying whether sensitive rows
	// went out.
	entries, _, err := db.Partnerships.Audit(e.Coordinator.Ctx, f.PID, pk.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]bool{}
	for _, x := range entries {
		if x.Action != "network.export" {
			continue
		}
		var after struct {
			Format    string
			Sensitive bool
		}
		json.Unmarshal([]byte(x.After), &after)
		formats[after.Format] = true
		if (x.UserID == e.Member.ID) == after.Sensitive {
			t.Errorf("audit entry %+v: sensitive %v", x, after.Sensitive)
		}
	}
	if len(formats) != 4 || !formats["gexf"] || !formats["graphml"] || !formats["svg"] || !formats["csv"] {
		t.Errorf("audited formats %v", formats)
	}
	// A refused query of the analysis records nothing.
	for _, query := range []string{"cursor=-1", "cursor=99999999999999999999999", "sort=weight", "crossers=x"} {
		if res := e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+f.PID+"/network?"+query, nil); res.Status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", query, res.Status)
		}
	}
	if after, _, err := db.Partnerships.Audit(e.Coordinator.Ctx, f.PID, pk.PageRequest{Limit: 20}); err != nil || len(after) == 0 || after[0].ID != entries[0].ID {
		t.Errorf("refused queries of the analysis were audited: %v, newest entries %+v", err, after)
	}
	// The audit page names the action in words.
	if res := e.do(t, "coordinator", "GET", "/p/"+f.PID+"/audit", nil); !strings.Contains(res.Body, "Network downloaded") {
		t.Error("the audit page does not name network downloads")
	}
}

func TestNetworkPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := sqldbtest.SeedNetwork(t, e.World)
	page := "/p/" + f.PID + "/network"
	res := e.do(t, "member", "GET", page+"?sort=degree&type=works_at&type=member_of&type=cooperates_with&map="+f.MapID, nil)
	if res.Status != 200 {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	b := res.Body
	for _, want := range []string{"<svg", `role="img"`, "Density", "Boundary crossers", "Brokers", "Active allies",
		`href="/api/v1/partnerships/` + f.PID + `/network.gexf?map=`, `value="works_at" checked`, `aria-sort="descending"`} {
		if !strings.Contains(b, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(b, "<td>Civil society</td>") || strings.Contains(b, "<td>civil_society</td>") {
		t.Error("the table does not name the sectors in words")
	}
	if strings.Contains(b, `value="funds" checked`) {
		t.Error("an unchosen type is checked")
	}
	// Sorted by degree: Amina (3 ties) comes before the lone volunteer.
	table := b[strings.Index(b, "<tbody>"):]
	if strings.Index(table, sqldbtest.NetAmina) > strings.Index(table, sqldbtest.NetLoner) {
		t.Error("table not sorted by degree")
	}
	res = e.do(t, "member", "GET", page+"?sort=name", nil)
	table = res.Body[strings.Index(res.Body, "<tbody>"):]
	if strings.Index(table, sqldbtest.NetAmina) > strings.Index(table, sqldbtest.NetBridges) {
		t.Error("table not sorted by name")
	}
	// Every language renders.
	for _, lang := range []string{"ar", "fr"} {
		res := e.do(t, "member", "GET", page, nil, "Accept-Language", lang)
		if res.Status != 200 || strings.Contains(res.Body, "networkpage.") || strings.Contains(res.Body, "actors.sector.") {
			t.Errorf("%s: %d, or a message ID shown", lang, res.Status)
		}
	}
	// Anyone on the page sees it in the navigation.
	if !strings.Contains(b, `href="/p/`+f.PID+`/network"`) {
		t.Error("no navigation entry")
	}
}
