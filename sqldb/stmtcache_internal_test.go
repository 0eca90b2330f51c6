package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"path/filepath"
	"testing"

	"modernc.org/sqlite"
)

// A connection keeps the statements it runs and uses them again; the same
// text run while its rows are still open (a query inside another's loop)
// runs as a statement of its own and gives the right rows; scripts are not
// kept.
func TestStatementCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, conn := oneCachingConn(t)
	if _, err := db.ExecContext(ctx, `CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)`); err != nil {
		t.Fatal(err)
	}
	const q = `SELECT n FROM t WHERE n >= $1 ORDER BY n`
	collect := func(from int) []int {
		rows, err := db.QueryContext(ctx, q, from)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int
		for rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	if got := collect(2); len(got) != 2 || got[0] != 2 {
		t.Fatalf("first run: %v", got)
	}
	if got := collect(1); len(got) != 3 {
		t.Fatalf("the kept statement, run again: %v", got)
	}
	if len(conn().stmts) != 1 {
		t.Fatalf("%v kept", conn().stmts)
	}

	// Nested, in one transaction (one connection): the outer rows are
	// still open while the same text runs inside the loop.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	outer, err := tx.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for outer.Next() {
		var n int
		if err := outer.Scan(&n); err != nil {
			t.Fatal(err)
		}
		var inner int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+q+`) x`, n).Scan(&inner); err != nil {
			t.Fatal(err)
		}
		rows, err := tx.QueryContext(ctx, q, n)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			sum++
		}
		rows.Close()
	}
	outer.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// From 1: 3 rows, from 2: 2, from 3: 1.
	if sum != 6 {
		t.Errorf("nested runs of the same statement saw %d rows, want 6", sum)
	}
	if got := collect(3); len(got) != 1 || got[0] != 3 {
		t.Errorf("after nesting: %v", got)
	}
	for text := range conn().stmts {
		if text == `CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)` {
			t.Error("a script was kept")
		}
	}
}

// A connection keeps at most maxCachedStatements, the least recently used
// falling out, and every statement still answers.
func TestStatementCacheEvicts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, conn := oneCachingConn(t)
	first := `SELECT 0`
	for i := range maxCachedStatements + 10 {
		var got int
		if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT %d`, i)).Scan(&got); err != nil || got != i {
			t.Fatalf("statement %d: %d, %v", i, got, err)
		}
		// The first stays in use, so it stays kept.
		if err := db.QueryRowContext(ctx, first).Scan(&got); err != nil || got != 0 {
			t.Fatal(got, err)
		}
	}
	c := conn()
	if len(c.stmts) != maxCachedStatements || c.used.Len() != maxCachedStatements {
		t.Fatalf("%d kept (%d in order), want %d", len(c.stmts), c.used.Len(), maxCachedStatements)
	}
	if _, ok := c.stmts[first]; !ok {
		t.Error("the most used statement fell out")
	}
	if _, ok := c.stmts[`SELECT 1`]; ok {
		t.Error("one of the least recently used is still kept")
	}
}

// oneCachingConn opens a SQLite database of one connection; conn returns
// that connection.
func oneCachingConn(t *testing.T) (*sql.DB, func() *cachingConn) {
	var conns []*cachingConn
	db := openSQLite(&sqlite.Driver{}, "file:"+filepath.Join(t.TempDir(), "cache.db"), func(c driver.Conn) driver.Conn {
		conns = append(conns, c.(*cachingConn))
		return c
	})
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	return db, func() *cachingConn {
		if len(conns) != 1 {
			t.Fatalf("%d connections opened, want 1", len(conns))
		}
		return conns[0]
	}
}
