package sqldb_test

import (
	"context"
	"reflect"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A network someone read is analysed again in the background when it
// changes, for each kind of view that was read (a member's without the
// sensitive rows, a coordinator's with them), whichever instance made the
// change, so that the next view finds the analysis of what it reads; a view
// nobody read is not analysed.
func TestWarmNetworksAnalysesReadViewsAfterAChange(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := sqldbtest.SeedNetwork(t, w)
		warm := func() int {
			t.Helper()
			n, err := sqldb.WarmNetworksOnce(db, context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := warm(); n != 0 {
			t.Fatalf("analysed %d views before anyone read one", n)
		}
		member, err := db.Networks.Network(w.Member.Ctx, f.PID, pk.NetworkFilter{})
		if err != nil {
			t.Fatal(err)
		}
		coordinator, err := db.Networks.Network(w.Coordinator.Ctx, f.PID, pk.NetworkFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if n := warm(); n != 0 {
			t.Fatalf("analysed %d views that had not changed", n)
		}
		// A new tie between two actors not tied before changes the shape.
		// On PostgreSQL it is written through another instance sharing the
		// database, whose writes this one learns of only from the version.
		writer := db
		if db.Dialect == sqldb.Postgres {
			writer = sqldbtest.AnotherInstance(t, db)
		}
		if _, err := writer.Actors.CreateRelationship(w.Coordinator.Ctx, f.PID, pk.RelationshipInput{
			From: f.SecretID, To: f.IDs[sqldbtest.NetAmina], Type: "family"}); err != nil {
			t.Fatal(err)
		}
		if n := warm(); n != 2 {
			t.Fatalf("analysed %d views after the change, want the member's and the coordinator's", n)
		}
		for _, before := range []*pk.Network{member, coordinator} {
			next := network.Key{Scope: before.Key.Scope, Version: before.Key.Version + 1}
			kept, ok := network.Lookup(next, "analyse")
			if !ok {
				t.Fatalf("no analysis kept for %s at the new version", before.Key.Scope)
			}
			if kept.(*network.Result).Edges == before.Result.Edges && before.MayViewSensitive {
				t.Errorf("the coordinator's analysis misses the new tie")
			}
		}
		// The next views are served what was analysed, and it is the
		// analysis of what they read.
		for _, who := range []struct {
			ctx    context.Context
			before *pk.Network
		}{{w.Member.Ctx, member}, {w.Coordinator.Ctx, coordinator}} {
			n, err := db.Networks.Network(who.ctx, f.PID, pk.NetworkFilter{})
			if err != nil {
				t.Fatal(err)
			}
			kept, _ := network.Lookup(n.Key, "analyse")
			if n.Result != kept {
				t.Errorf("%s: the view worked out its own analysis", n.Key.Scope)
			}
			if want := network.Analyse(n.Nodes, n.Edges, nil); !reflect.DeepEqual(n.Result.Metrics, want.Metrics) {
				t.Errorf("%s: the analysis warmed is not the analysis of the network read", n.Key.Scope)
			}
			if netActor(n, sqldbtest.NetSecret) != nil && !who.before.MayViewSensitive {
				t.Errorf("the member's view holds the sensitive actor")
			}
		}
		if n := warm(); n != 0 {
			t.Fatalf("analysed %d views again with nothing changed", n)
		}
	})
}
