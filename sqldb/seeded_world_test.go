package sqldb_test

import (
	"context"
	"testing"

	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// eachSeededWorld runs fn, in parallel with other tests, on the test world
// of each engine grown by a seeded coalition of 1/div of the large
// demonstration (seed and the people's email domain as given). Skipped in
// -short runs.
func eachSeededWorld(t *testing.T, div int, seed uint64, domain string, fn func(t *testing.T, w *sqldbtest.World)) {
	t.Helper()
	if testing.Short() {
		t.Skip("seeds a coalition")
	}
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		_, err := sqldb.NewSeeder(w.DB).SeedCoalition(context.Background(), w.Partnership.ID, sqldb.Coalition{Size: demo.Large.Divide(div), Seed: seed,
			OwnerID: w.Coordinator.ID, Password: sqldbtest.Password, EmailDomain: domain})
		if err != nil {
			t.Fatal(err)
		}
		fn(t, w)
	})
}
