package sqldb_test

import (
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A tag belongs to its actor's partnership: the engine refuses a tag that
// names another (it would show in the other partnership's tag lists), and
// deleting the actor still takes its tags along.
func TestTagInItsActorsPartnership(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, ctx := sqldb.WriteForTest(w.DB), w.Coordinator.Ctx
		actor := w.Actors().Actor.ID
		if _, err := db.ExecContext(ctx, `INSERT INTO actor_tags (actor_id, partnership_id, tag) VALUES ($1, $2, 'elsewhere')`, actor, w.Other.ID); err == nil {
			t.Error("a tag of another partnership than its actor's was written")
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO actor_tags (actor_id, partnership_id, tag) VALUES ($1, $2, 'here')`, actor, w.Partnership.ID); err != nil {
			t.Fatalf("a tag in its actor's partnership: %v", err)
		}
		if err := w.DB.Actors.DeleteActor(ctx, w.Partnership.ID, actor, w.Actors().Actor.Version); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM actor_tags WHERE actor_id = $1`, actor).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d tags outlived their actor (%v)", n, err)
		}
	})
}
