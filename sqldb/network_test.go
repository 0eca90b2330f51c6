package sqldb_test

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func netActor(n *pk.Network, name string) *pk.NetworkActor {
	for _, a := range n.Actors {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func TestNetworkVisibility(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := sqldbtest.SeedNetwork(t, w)
		pid := f.PID

		cases := []struct {
			role               string
			nodes, edges       int
			secret, sensitive  bool
			aminaBetween       float64
			crossers           int
			bridgesCouncilTied bool
		}{
			// The member's network has no trace of the sensitive actor or
			// relationship: Amina is the only path between the others.
			{role: "member", nodes: 5, edges: 3, aminaBetween: 0.5, crossers: 1},
			{role: "coordinator", nodes: 6, edges: 6, secret: true, sensitive: true, aminaBetween: 0.3, crossers: 2, bridgesCouncilTied: true},
		}
		for _, c := range cases {
			t.Run(c.role, func(t *testing.T) {
				n, err := db.Networks.Network(w.As(c.role).Ctx, pid, pk.NetworkFilter{})
				if err != nil {
					t.Fatal(err)
				}
				if len(n.Nodes) != c.nodes || n.Result.Nodes != c.nodes || n.Result.Edges != c.edges {
					t.Fatalf("nodes %d/%d edges %d, want %d and %d", len(n.Nodes), n.Result.Nodes, n.Result.Edges, c.nodes, c.edges)
				}
				if got := netActor(n, sqldbtest.NetSecret) != nil; got != c.secret {
					t.Errorf("sensitive actor shown: %v, want %v", got, c.secret)
				}
				for _, e := range n.Edges {
					if !c.secret && (e.From == f.SecretID || e.To == f.SecretID) {
						t.Errorf("relationship of the sensitive actor shown: %+v", e)
					}
					if !c.sensitive && e.Type == "funds" {
						t.Errorf("sensitive relationship shown: %+v", e)
					}
				}
				if n.HasSensitive != c.sensitive || n.MayViewSensitive != c.sensitive {
					t.Errorf("HasSensitive %v MayViewSensitive %v, want %v", n.HasSensitive, n.MayViewSensitive, c.sensitive)
				}
				if a := netActor(n, sqldbtest.NetAmina); a == nil || math.Abs(a.Betweenness-c.aminaBetween) > 1e-9 {
					t.Errorf("Amina %+v, want betweenness %v", a, c.aminaBetween)
				}
				if len(n.Result.BoundaryCrossers) != c.crossers || n.Result.BoundaryCrossers[0].ID != f.IDs[sqldbtest.NetAmina] {
					t.Errorf("boundary crossers %+v, want %d starting with Amina", n.Result.BoundaryCrossers, c.crossers)
				}
				if a := netActor(n, sqldbtest.NetBridges); (a.Degree == 3) != c.bridgesCouncilTied {
					t.Errorf("Bridges degree %d", a.Degree)
				}
				if netActor(n, "Other Partnership Actor") != nil {
					t.Error("actor of another partnership shown")
				}
				if !slices.IsSortedFunc(n.Actors, func(a, b *pk.NetworkActor) int {
					if a.Name < b.Name {
						return -1
					}
					return 1
				}) {
					t.Error("actors not in name order")
				}
			})
		}
	})
}

func TestNetworkFilters(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := sqldbtest.SeedNetwork(t, w)
		pid := f.PID
		ctx := w.Member.Ctx

		n, err := db.Networks.Network(ctx, pid, pk.NetworkFilter{Types: []string{"works_at", "member_of", "works_at", ""}})
		if err != nil {
			t.Fatal(err)
		}
		if n.Result.Edges != 2 || !slices.Equal(n.Filter.Types, []string{"member_of", "works_at"}) {
			t.Errorf("edges %d types %v, want 2 and [member_of works_at]", n.Result.Edges, n.Filter.Types)
		}
		_, err = db.Networks.Network(ctx, pid, pk.NetworkFilter{Types: []string{"works_at", "gossip"}})
		wantField(t, err, "type")

		// Segment and strategy come from the latest assessment on the map.
		n, err = db.Networks.Network(ctx, pid, pk.NetworkFilter{MapID: f.MapID})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][2]string{
			sqldbtest.NetAmina:   {"active_ally", "partner"},
			sqldbtest.NetCouncil: {"passive_opposition", "awareness_raising"},
			sqldbtest.NetChoir:   {"passive_ally", "capacity_development"},
			sqldbtest.NetBridges: {"", ""},
		}
		for name, sw := range want {
			a := netActor(n, name)
			if a.Segment != sw[0] || a.Strategy != sw[1] {
				t.Errorf("%s: %q %q, want %q %q", name, a.Segment, a.Strategy, sw[0], sw[1])
			}
			for _, nd := range n.Nodes {
				if nd.ID == a.ID && (nd.Attrs["segment"] != sw[0] || nd.Attrs["strategy"] != sw[1] || nd.Attrs["sector"] != a.Sector) {
					t.Errorf("%s: attributes %v", name, nd.Attrs)
				}
			}
		}
		// Without a map there is nothing to say about segments.
		n, _ = db.Networks.Network(ctx, pid, pk.NetworkFilter{})
		if a := netActor(n, sqldbtest.NetAmina); a.Segment != "" {
			t.Errorf("segment without a map: %q", a.Segment)
		}
		// A map of another partnership is not found.
		other, err := sqldb.NewSeeder(db).SeedNetwork(w.Outsider.Ctx, w.Other.ID, sqldb.NetworkSeed{MapTitle: "theirs"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Networks.Network(ctx, pid, pk.NetworkFilter{MapID: other.MapID})
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestNetworkAccess(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := sqldbtest.SeedNetwork(t, w).PID
		_, err := db.Networks.Network(w.Observer.Ctx, pid, pk.NetworkFilter{})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Networks.Network(w.Outsider.Ctx, pid, pk.NetworkFilter{})
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Networks.NetworkExport(w.Outsider.Ctx, pid, "csv", pk.NetworkFilter{})
		wantCode(t, err, pk.ENOTFOUND)
		// Outsiders learn nothing from a bad filter either.
		_, err = db.Networks.Network(w.Outsider.Ctx, pid, pk.NetworkFilter{Types: []string{"gossip"}})
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestNetworkExportAudit(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := sqldbtest.SeedNetwork(t, w).PID
		for _, c := range []struct {
			role      string
			sensitive bool
		}{{"member", false}, {"coordinator", true}} {
			if _, err := db.Networks.NetworkExport(w.As(c.role).Ctx, pid, "gexf", pk.NetworkFilter{Types: []string{"funds", "cooperates_with"}}); err != nil {
				t.Fatal(err)
			}
			es, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			e := es[0]
			var after struct {
				Format    string   `json:"format"`
				Types     []string `json:"types"`
				Sensitive bool     `json:"sensitive"`
			}
			if err := json.Unmarshal([]byte(e.After), &after); err != nil {
				t.Fatal(err)
			}
			if e.Action != "network.export" || after.Format != "gexf" || after.Sensitive != c.sensitive ||
				!slices.Equal(after.Types, []string{"cooperates_with", "funds"}) || e.UserID != w.As(c.role).ID {
				t.Errorf("%s: audit %+v %+v", c.role, e, after)
			}
		}
	})
}

// The measures of a network are worked out once and shared by the requests
// that see the same network, and worked out again when it changes.
func TestNetworkCache(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := sqldbtest.SeedNetwork(t, w)
		a, err := db.Networks.Network(w.Member.Ctx, f.PID, pk.NetworkFilter{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := db.Networks.Network(w.Member.Ctx, f.PID, pk.NetworkFilter{})
		c, _ := db.Networks.Network(w.Coordinator.Ctx, f.PID, pk.NetworkFilter{})
		if a.Result != b.Result || a.Result == c.Result {
			t.Error("the member's analysis is not shared with the member's next view, or is shared with the coordinator's")
		}
		if pa, pb := a.Layout(960, 640), b.Layout(960, 640); len(pa) != 5 || pb[f.IDs[sqldbtest.NetAmina]] != pa[f.IDs[sqldbtest.NetAmina]] {
			t.Errorf("layouts %v %v", pa, pb)
		}
		// A new actor changes the network.
		if _, err := sqldb.NewSeeder(db).SeedNetwork(w.Coordinator.Ctx, f.PID, sqldb.NetworkSeed{
			Actors: []sqldb.SeedNetworkActor{{Name: "Second Bridge", Kind: "individual"}}}); err != nil {
			t.Fatal(err)
		}
		d, _ := db.Networks.Network(w.Member.Ctx, f.PID, pk.NetworkFilter{})
		if d.Result == a.Result || d.Result.Nodes != 6 || len(d.Layout(960, 640)) != 6 {
			t.Errorf("stale analysis after a change: %d actors", d.Result.Nodes)
		}
	})
}

// Every write to the actors or relationships raises the partnership's
// network version in its own transaction (by trigger, on both engines), and
// the analysis kept under the old version is never served again: the next
// view is the analysis of what it reads, reusing the costly measures only
// when the shape of the network did not change.
func TestNetworkVersion(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := sqldbtest.SeedNetwork(t, w)
		ctx := w.Coordinator.Ctx
		view := func() *pk.Network {
			t.Helper()
			n, err := db.Networks.Network(ctx, f.PID, pk.NetworkFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if want := network.Analyse(n.Nodes, n.Edges, nil); !reflect.DeepEqual(n.Result.Metrics, want.Metrics) || n.Result.Edges != want.Edges {
				t.Fatalf("analysis served is not the analysis of the network read (%d ties, want %d)", n.Result.Edges, want.Edges)
			}
			return n
		}
		before := view()
		steps := []struct {
			name  string
			write func() error
			// sameShape: the costly measures may be reused.
			sameShape bool
		}{
			{"actor notes edited", func() error {
				a, err := db.Actors.Actor(ctx, f.PID, f.IDs[sqldbtest.NetAmina])
				if err != nil {
					return err
				}
				_, err = db.Actors.UpdateActor(ctx, f.PID, a.ID, pk.ActorInput{Name: a.Name, Kind: a.Kind, Sector: "civil_society", Notes: "met twice", Version: a.Version})
				return err
			}, true},
			{"tie added", func() error {
				_, err := db.Actors.CreateRelationship(ctx, f.PID, pk.RelationshipInput{From: f.SecretID, To: f.IDs[sqldbtest.NetAmina], Type: "family"})
				return err
			}, false},
			{"actor added", func() error {
				_, err := db.Actors.CreateActor(ctx, f.PID, pk.ActorInput{Name: "Zainab Newcomer", Kind: "individual", Sector: "civil_society"})
				return err
			}, false},
			{"actor deleted", func() error {
				a, err := db.Actors.Actor(ctx, f.PID, f.SecretID)
				if err != nil {
					return err
				}
				return db.Actors.DeleteActor(ctx, f.PID, a.ID, a.Version)
			}, false},
		}
		for _, s := range steps {
			if err := s.write(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			after := view()
			if after.Key.Scope != before.Key.Scope || after.Key.Version <= before.Key.Version {
				t.Fatalf("%s: version %d after %d", s.name, after.Key.Version, before.Key.Version)
			}
			if after.Result == before.Result {
				t.Fatalf("%s: the analysis of the old version was served", s.name)
			}
			before = after
		}
		// A write to another partnership leaves this one's version alone.
		if _, err := db.Actors.CreateActor(w.Coordinator.Ctx, w.Partnership.ID, pk.ActorInput{Name: "Elsewhere", Kind: "group", Sector: "civil_society"}); err != nil {
			t.Fatal(err)
		}
		if again := view(); again.Key != before.Key || again.Result != before.Result {
			t.Errorf("a write elsewhere changed the version (%v → %v) or the analysis", before.Key, again.Key)
		}
	})
}
