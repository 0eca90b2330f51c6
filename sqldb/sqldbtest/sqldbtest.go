// Package sqldbtest opens throwaway databases for tests: SQLite always, and
// PostgreSQL too when PARTNERKIT_TEST_POSTGRES names a server, each test in
// a schema of its own that is dropped afterwards.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
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
func Open(t testing.TB, engine string) *sqldb.DB {
	t.Helper()
	dsn := DSN(t, engine)
	db, err := sqldb.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.Hasher = FastHasher
	opened.Store(db, dsn)
	t.Cleanup(func() { opened.Delete(db) })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// DSN makes an empty database of the engine and returns its address:
// a file in a temporary folder, or a new PostgreSQL schema.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return filepath.Join(t.TempDir(), "test.db")
	}
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("PostgreSQL not configured: set %s", PostgresEnv)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		c, err := sql.Open("pgx", base)
		if err == nil {
			c.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			c.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
