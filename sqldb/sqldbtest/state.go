package sqldbtest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

// opened remembers the address of every database Open made, so that a test
// can look at what is stored through a connection of its own, past the
// services (see Snapshotter).
var opened sync.Map // *sqldb.DB → dsn

// remember notes where db lives until the test ends.
func remember(t testing.TB, db *sqldb.DB, dsn string) {
	opened.Store(db, dsn)
	t.Cleanup(func() { opened.Delete(db) })
}

// State is what a database holds: a digest of every row, table by table.
// Two States differ exactly where a write happened, whatever it touched: a
// row added or removed, or any column of any row changed, including a
// partial write that left versions and counts alone.
type State map[string]string

// Changed lists the tables whose content differs between s and o.
func (s State) Changed(o State) []string {
	var tables []string
	for t, d := range s {
		if o[t] != d {
			tables = append(tables, t)
		}
	}
	for t := range o {
		if _, ok := s[t]; !ok {
			tables = append(tables, t)
		}
	}
	slices.Sort(tables)
	return tables
}

// Snapshotter takes States of one database. It reads every table in one
// statement, so that taking a State after each of thousands of requests
// stays cheap on both engines.
type Snapshotter struct {
	conn  *sql.Conn
	query string
	// probe, on SQLite, answers a number that changes whenever another
	// connection commits a write (PRAGMA data_version): while it stands
	// still, the last State still holds and need not be read again.
	probe     string
	lastProbe int64
	last      State
}

// NewSnapshotter prepares snapshots of a database opened by Open. ignore
// names tables ("sign_in_failures") or columns ("api_tokens.last_used_at")
// that change by design on any request and so are left out.
func NewSnapshotter(t testing.TB, db *sqldb.DB, ignore ...string) *Snapshotter {
	t.Helper()
	v, ok := opened.Load(db)
	if !ok {
		t.Fatal("snapshots need a database made by sqldbtest.Open")
	}
	dsn := v.(string)
	driver := "pgx"
	if db.Dialect == sqldb.SQLite {
		// A reader of its own: WAL shows it every committed write.
		driver, dsn = "sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	}
	pool, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Close() })
	// One connection throughout: the probe compares its own readings.
	conn, err := pool.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	skip := map[string]bool{}
	for _, name := range ignore {
		skip[name] = true
	}
	tables, err := column(conn, tableList(db.Dialect))
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, table := range tables {
		if skip[table] {
			continue
		}
		cols, err := column(conn, columnList(db.Dialect), table)
		if err != nil {
			t.Fatal(err)
		}
		var exprs []string
		for _, c := range cols {
			if skip[table+"."+c] {
				continue
			}
			// NULL and the text "~" must differ: quote every value.
			exprs = append(exprs, fmt.Sprintf(`coalesce('''' || CAST(%q AS TEXT) || '''', '~')`, c))
		}
		if len(exprs) == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf(`SELECT '%s', %s FROM %q`, table, strings.Join(exprs, ` || '|' || `), table))
	}
	s := &Snapshotter{conn: conn, query: strings.Join(parts, "\nUNION ALL\n")}
	if db.Dialect == sqldb.SQLite {
		s.probe = `PRAGMA data_version`
	}
	return s
}

// Take reads the database's State now.
func (s *Snapshotter) Take(t testing.TB) State {
	t.Helper()
	ctx := context.Background()
	if s.probe != "" {
		var v int64
		if err := s.conn.QueryRowContext(ctx, s.probe).Scan(&v); err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		if s.last != nil && v == s.lastProbe {
			return s.last
		}
		s.lastProbe = v
	}
	rows, err := s.conn.QueryContext(ctx, s.query)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	defer rows.Close()
	content := map[string][]string{}
	for rows.Next() {
		var table, row string
		if err := rows.Scan(&table, &row); err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		content[table] = append(content[table], row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	st := State{}
	for table, list := range content {
		// Rows come in no promised order; sorted, the digest depends on
		// content alone.
		slices.Sort(list)
		h := sha256.Sum256([]byte(strings.Join(list, "\n")))
		st[table] = hex.EncodeToString(h[:])
	}
	s.last = st
	return st
}

func tableList(d sqldb.Dialect) string {
	if d == sqldb.Postgres {
		return `SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	return `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
}

func columnList(d sqldb.Dialect) string {
	if d == sqldb.Postgres {
		return `SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`
	}
	return `SELECT name FROM pragma_table_info($1) ORDER BY cid`
}

// column runs a query answering one text column.
func column(conn *sql.Conn, query string, args ...any) ([]string, error) {
	rows, err := conn.QueryContext(context.Background(), query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
