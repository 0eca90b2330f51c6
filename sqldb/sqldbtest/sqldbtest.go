// Package sqldbtest opens throwaway databases for tests: SQLite always, and
// PostgreSQL too when PARTNERKIT_TEST_POSTGRES names a server, each test in
// a database of its own that is dropped afterwards.
//
// Most tests start from the test world (World): OpenWorld and EachWorld
// hand each test a copy of a world built once per test process, Open and
// Each an empty migrated database. Both are copies, never shared, so tests
// that use them may run in parallel (t.Parallel).
package sqldbtest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/partnerkit/partnerkit/sqldb"
)

// PostgresEnv names the variable that enables the PostgreSQL runs.
const PostgresEnv = "PARTNERKIT_TEST_POSTGRES"

// FastHasher keeps argon2id but with tiny parameters, so tests that sign in
// many times stay quick. Production uses sqldb.DefaultHasher.
var FastHasher = sqldb.PasswordHasher{Memory: 64, Time: 1, Threads: 1}

// Clock is a settable clock for tests.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock starts at a fixed, believable moment.
func NewClock() *Clock {
	return &Clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Advance moves the clock on.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// Engines lists the engines tests run on here.
func Engines() []string {
	if os.Getenv(PostgresEnv) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn once per engine as a subtest, with a fresh migrated
// database. Without PostgreSQL configured its subtest is skipped, saying how
// to enable it.
func Each(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			if engine == "postgres" && os.Getenv(PostgresEnv) == "" {
				t.Skipf("PostgreSQL not configured: set %s=postgres://... to run this on PostgreSQL too", PostgresEnv)
			}
			fn(t, Open(t, engine))
		})
	}
}

// Open returns a fresh migrated database of the engine, closed at cleanup.
// It is a copy of a template migrated once per test process (see
// template.go), so opening one costs a file copy, not a migration.
func Open(t testing.TB, engine string) *sqldb.DB {
	t.Helper()
	var db *sqldb.DB
	if engine == "sqlite" {
		db = openSQLite(t)
	} else {
		var err error
		dsn := postgresDatabase(t, migratedPostgres(t))
		db, err = sqldb.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		remember(t, db, dsn)
	}
	db.Hasher = FastHasher
	db.WebhookConfig.Secrets = TestSecrets
	t.Cleanup(func() { db.Close() })
	return db
}

// DSN makes an empty database of the engine, not migrated, and returns its
// address: a file in a temporary folder, or a new PostgreSQL database
// dropped at cleanup. Tests of the migrations themselves start here.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return filepath.Join(t.TempDir(), "test.db")
	}
	return postgresDatabase(t, "")
}
