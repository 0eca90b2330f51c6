package sqldbtest

import (
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

// AnotherInstance opens a second connection to the PostgreSQL database db
// was opened on, as another server of the same installation would, with
// the same clock and secret key; it is closed at cleanup. Tests of work done once across
// instances start here (SQLite has one writer, so only PostgreSQL).
func AnotherInstance(t testing.TB, db *sqldb.DB) *sqldb.DB {
	t.Helper()
	dsn, ok := opened.Load(db)
	if !ok || db.Dialect != sqldb.Postgres {
		t.Fatal("AnotherInstance needs a PostgreSQL database opened by sqldbtest")
	}
	other, err := sqldb.Open(dsn.(string))
	if err != nil {
		t.Fatal(err)
	}
	other.Hasher, other.Now, other.WebhookConfig = db.Hasher, db.Now, db.WebhookConfig
	t.Cleanup(func() { other.Close() })
	return other
}
