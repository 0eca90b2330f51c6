package sqldbtest

import (
	"database/sql"
	"slices"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

// TestSnapshotSeesEveryWrite proves what the API fuzz test relies on: a
// write that changes one column of one row, leaving counts and versions
// alone, shows in the next State, and only there; ignored columns do not.
func TestSnapshotSeesEveryWrite(t *testing.T) {
	Each(t, func(t *testing.T, db *sqldb.DB) {
		NewWorld(t, db)
		all := NewSnapshotter(t, db)
		blind := NewSnapshotter(t, db, "partnerships.purpose")
		before, blindBefore := all.Take(t), blind.Take(t)
		if changed := before.Changed(all.Take(t)); len(changed) > 0 {
			t.Fatalf("nothing was written, yet %v changed", changed)
		}
		v, _ := opened.Load(db)
		driver, dsn := "pgx", v.(string)
		if db.Dialect == sqldb.SQLite {
			driver = "sqlite"
		}
		conn, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.Exec(`UPDATE partnerships SET purpose = purpose || 'x' WHERE id = (SELECT min(id) FROM partnerships)`); err != nil {
			t.Fatal(err)
		}
		// (A table without triggers: a write to actors also raises the
		// partnership's network version.)
		if changed := before.Changed(all.Take(t)); !slices.Equal(changed, []string{"partnerships"}) {
			t.Errorf("one purpose changed; the snapshot saw %v, want [partnerships]", changed)
		}
		if changed := blindBefore.Changed(blind.Take(t)); len(changed) > 0 {
			t.Errorf("only an ignored column changed, yet %v changed", changed)
		}
	})
}
