package sqldb_test

import (
	"path/filepath"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

// SQLite's connections share a soft limit on what they allocate (outside
// Go's heap).
func TestSQLiteSoftHeapLimit(t *testing.T) {
	db, err := sqldb.Open(filepath.Join(t.TempDir(), "pk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var limit int64
	if err := sqldb.RawForTest(db).QueryRow(`PRAGMA soft_heap_limit`).Scan(&limit); err != nil {
		t.Fatal(err)
	}
	if limit != 32<<20 {
		t.Errorf("soft heap limit %d", limit)
	}
}
