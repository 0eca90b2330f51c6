package server_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// queryWorld is a test world grown by a seeded coalition of the given
// size, whose records stand in for the fixtures' in the routes' paths, and
// a counter of the statements its database runs.
type queryWorld struct {
	*env
	count atomic.Int64
}

func newQueryWorld(t *testing.T, size sqldb.CoalitionSize) *queryWorld {
	t.Helper()
	w := sqldbtest.OpenWorld(t, "sqlite")
	seeded, err := sqldb.NewSeeder(w.DB).SeedCoalition(context.Background(), w.Partnership.ID, sqldb.Coalition{
		Size: size, Seed: 16, OwnerID: w.Coordinator.ID, Password: sqldbtest.Password, EmailDomain: "queries.example"})
	if err != nil {
		t.Fatal(err)
	}
	q := &queryWorld{env: newEnv(t, w)}
	// The routes read the seeded records, so that what they show grows
	// with the size: a held meeting with its attendance, a closed proposal
	// with its ballots, the first map with its history, and so on.
	for k, v := range map[string]string{"aid": seeded.ActorIDs[0], "mid": seeded.MapIDs[0], "maid": seeded.ActorIDs[0],
		"boid": seeded.BodyIDs[1], "mtid": seeded.MeetingIDs[0], "propid": seeded.ProposalIDs[0], "plid": seeded.PlanIDs[0],
		"tkid": seeded.TaskIDs[0], "inid": seeded.IndicatorIDs[0], "svid": seeded.SurveyIDs[0], "hrid": seeded.RoundIDs[0]} {
		q.Params[k] = v
	}
	sqldb.ObserveQueries(w.DB, func(context.Context, string, []driver.NamedValue) { q.count.Add(1) })
	return q
}

// queries answers how many statements a GET of path as a coordinator
// runs, and its status. The route is asked once before counting, so that
// a first-time write (a session's last sight, a cache) is not counted.
func (q *queryWorld) queries(t *testing.T, path string) (int64, int) {
	q.do(t, "coordinator", "GET", path, nil)
	q.count.Store(0)
	res := q.do(t, "coordinator", "GET", path, nil)
	return q.count.Load(), res.Status
}

// growing are the routes still known to make more statements as the data
// grows, each with why; the test fails when one of them stops growing, so
// that the list only shrinks.
var growing = map[string]string{
	// Exports read every row, in batches (the tags of 500 actors at a time).
	"/api/v1/partnerships/{pid}/actors/export.csv":  "batched export",
	"/api/v1/partnerships/{pid}/actors/export.xlsx": "batched export",
}

// TestQueriesPerPage counts the statements every page and API route makes
// on a coalition a hundredth of the large demonstration's size and on one
// a tenth of it (ten times the rows of everything), and fails when a route
// makes more on the larger: a query per row (N+1) instead of a fixed few.
// The large demonstration itself is too slow to load in every test run;
// the shape is the same.
func TestQueriesPerPage(t *testing.T) {
	if testing.Short() {
		t.Skip("loads two seeded coalitions")
	}
	t.Parallel()
	small := newQueryWorld(t, demo.Large.Divide(100))
	big := newQueryWorld(t, demo.Large.Divide(10))
	type row struct {
		route        string
		small, big   int64
		status, big2 int
	}
	var rows []row
	for _, rt := range small.Srv.Router.Routes() {
		if rt.Method != "GET" || rt.Pattern == "/static/" || strings.Contains(rt.Pattern, "{$}") && rt.Pattern != "/{$}" {
			continue
		}
		path, dummy := fill(t, rt.Pattern, small.Params)
		bigPath, _ := fill(t, rt.Pattern, big.Params)
		if dummy {
			continue
		}
		ns, ss := small.queries(t, path)
		nb, sb := big.queries(t, bigPath)
		for try := 0; nb > ns && try < 5; try++ {
			// The network's routes keep what they read in a cache shared
			// by the whole test process, from which a parallel test may
			// just have pushed one world's rows out (on a busy machine,
			// even between the warming request and the counted one):
			// count both again. A query per row shows on every try.
			ns, _ = small.queries(t, path)
			nb, _ = big.queries(t, bigPath)
		}
		rows = append(rows, row{rt.Pattern, ns, nb, ss, sb})
		if ss != sb {
			t.Errorf("%s: %d on the small coalition, %d on the large", rt.Pattern, ss, sb)
		}
		if why, known := growing[rt.Pattern]; known && nb <= ns {
			t.Errorf("%s: no longer grows with the data (%d, %d): take it off the list of growing routes (%s)", rt.Pattern, ns, nb, why)
		} else if !known && nb > ns {
			t.Errorf("%s: %d statements on the small coalition, %d on one ten times its size", rt.Pattern, ns, nb)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].big > rows[j].big })
	var sb strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&sb, "%4d %4d  %s\n", r.small, r.big, r.route)
	}
	t.Logf("statements per route (small, ten times larger):\n%s", sb.String())
}
