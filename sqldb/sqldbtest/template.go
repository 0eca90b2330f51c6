package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

// Running the migrations is the slowest part of opening a test database,
// and hundreds of tests open one. So each test process migrates one
// template per engine, once, and every test gets a copy of it: a copy of
// the file on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.

// sqliteTemplate holds the bytes of a migrated SQLite database.
var sqliteTemplate struct {
	once sync.Once
	data []byte
	err  error
}

// migratedSQLite returns the bytes of a freshly migrated SQLite database,
// made on first use. The copy is written by VACUUM INTO (sqldb's Backup),
// so it is one self-contained file with no write-ahead log beside it.
func migratedSQLite() ([]byte, error) {
	sqliteTemplate.once.Do(func() {
		sqliteTemplate.data, sqliteTemplate.err = buildSQLiteTemplate()
	})
	return sqliteTemplate.data, sqliteTemplate.err
}

func buildSQLiteTemplate() ([]byte, error) {
	dir, err := os.MkdirTemp("", "partnerkit-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := sqldb.Open(filepath.Join(dir, "migrated.db"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	ready := filepath.Join(dir, "ready.db")
	if err := db.Backup(ctx, ready); err != nil {
		return nil, fmt.Errorf("copy the migrated template: %w", err)
	}
	return os.ReadFile(ready)
}

// openSQLite writes a copy of the migrated template into the test's
// temporary folder and opens it.
func openSQLite(t testing.TB) *sqldb.DB {
	t.Helper()
	data, err := migratedSQLite()
	if err != nil {
		t.Fatalf("migrate the SQLite template: %v", err)
	}
	return openSQLiteFrom(t, data)
}

// openSQLiteFrom writes data, a whole SQLite database, into the test's
// temporary folder and opens it.
func openSQLiteFrom(t testing.TB, data []byte) *sqldb.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sqldb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	remember(t, db, path)
	return db
}

// PostgreSQL: every database a test process makes is named after the
// process's token: its template "pk_tmpl_TOKEN", its test databases
// "pk_t_TOKEN_N". The process keeps one connection open whose
// application_name carries the token for as long as it runs. Tests drop
// their databases at cleanup, but a process that is killed cannot; the
// next process to start drops every database whose token no live
// connection carries. Processes sharing a server (go test runs packages
// in parallel) thus never touch each other's databases.
const (
	pgTemplatePrefix = "pk_tmpl_"
	pgTestPrefix     = "pk_t_"
	pgAppPrefix      = "partnerkit-test-"
)

// pgWorld is this process's PostgreSQL side, made on first use.
var pgWorld struct {
	once     sync.Once
	err      error
	token    string
	admin    *sql.DB   // creates and drops databases
	owner    *sql.Conn // held open for the process's life: it marks the token alive
	template string
	next     atomic.Int64
}

// postgresReady makes (once) the process's template database, migrated.
func postgresReady(base string) error {
	pgWorld.once.Do(func() { pgWorld.err = setUpPostgres(base) })
	return pgWorld.err
}

func setUpPostgres(base string) error {
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	token := hex.EncodeToString(b)
	ownerDSN, err := withParam(base, "application_name", pgAppPrefix+token)
	if err != nil {
		return err
	}
	admin, err := sql.Open("pgx", ownerDSN)
	if err != nil {
		return err
	}
	owner, err := admin.Conn(ctx)
	if err != nil {
		admin.Close()
		return fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	pgWorld.token, pgWorld.admin, pgWorld.owner = token, admin, owner
	// Dropping a database is slow; the first test need not wait for it.
	go dropOrphans(ctx, admin)
	name := pgTemplatePrefix + token
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		return fmt.Errorf("create template database: %w", err)
	}
	dsn, err := withDatabase(base, name)
	if err != nil {
		return err
	}
	db, err := sqldb.Open(dsn)
	if err != nil {
		return err
	}
	err = db.Migrate(ctx)
	// A database is copied only while nobody is connected to it.
	db.Close()
	if err != nil {
		return fmt.Errorf("migrate the PostgreSQL template: %w", err)
	}
	pgWorld.template = name
	return nil
}

// dropOrphans drops the test databases of processes that are gone: those
// whose token no open connection carries.
func dropOrphans(ctx context.Context, admin *sql.DB) error {
	rows, err := admin.QueryContext(ctx, `SELECT datname FROM pg_database
		WHERE datname LIKE 'pk\_tmpl\_%' OR datname LIKE 'pk\_t\_%'`)
	if err != nil {
		return fmt.Errorf("list test databases: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	live := map[string]bool{}
	rows, err = admin.QueryContext(ctx, `SELECT application_name FROM pg_stat_activity WHERE application_name LIKE $1`, pgAppPrefix+"%")
	if err != nil {
		return fmt.Errorf("list test processes: %w", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		live[strings.TrimPrefix(n, pgAppPrefix)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if live[tokenOf(n)] {
			continue
		}
		// Another process may be sweeping too; whoever comes second
		// finds nothing to drop.
		admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+n+` WITH (FORCE)`)
	}
	return nil
}

// tokenOf returns the process token in a test database's name:
// pk_tmpl_TOKEN, pk_tmpl_TOKEN_world or pk_t_TOKEN_N.
func tokenOf(name string) string {
	rest, ok := strings.CutPrefix(name, pgTemplatePrefix)
	if !ok {
		rest = strings.TrimPrefix(name, pgTestPrefix)
	}
	token, _, _ := strings.Cut(rest, "_")
	return token
}

// migratedPostgres returns the name of the process's migrated template
// database, made on first use; it skips the test when PostgreSQL is not
// configured.
func migratedPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("PostgreSQL not configured: set %s", PostgresEnv)
	}
	if err := postgresReady(base); err != nil {
		t.Fatalf("PostgreSQL test template: %v", err)
	}
	return pgWorld.template
}

// postgresDatabase makes a database for one test, a copy of template (or
// an empty one when template is ""), dropped at cleanup, and returns its
// address.
func postgresDatabase(t testing.TB, template string) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("PostgreSQL not configured: set %s", PostgresEnv)
	}
	if err := postgresReady(base); err != nil {
		t.Fatalf("PostgreSQL test template: %v", err)
	}
	name := fmt.Sprintf("%s%s_%d", pgTestPrefix, pgWorld.token, pgWorld.next.Add(1))
	create := `CREATE DATABASE ` + name
	if template != "" {
		create += ` TEMPLATE ` + template
	}
	if _, err := pgWorld.admin.Exec(create); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	// Registered before the caller's own cleanups, so it runs after them:
	// the test's connections are closed by then, and FORCE ends any left.
	t.Cleanup(func() {
		if _, err := pgWorld.admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	dsn, err := withDatabase(base, name)
	if err != nil {
		t.Fatal(err)
	}
	// A test database need not survive a crash of the server, so its
	// commits need not wait for the disk.
	dsn, err = withParam(dsn, "synchronous_commit", "off")
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

// withDatabase returns the PostgreSQL address base pointed at database name.
func withDatabase(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

// withParam returns the address base with one query parameter set.
func withParam(base, key, value string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String(), nil
}
