package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"
	"sync"
	"testing"
)

// RecordedQuery is one statement the stores ran, with the arguments of its
// first run.
type RecordedQuery struct {
	SQL  string
	Args []any
}

// QueryLog keeps every distinct statement run through a recording database.
type QueryLog struct {
	mu      sync.Mutex
	seen    map[string]bool
	queries []RecordedQuery
}

// Queries returns the distinct statements in the order first run.
func (l *QueryLog) Queries() []RecordedQuery {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]RecordedQuery(nil), l.queries...)
}

func (l *QueryLog) record(query string, args []driver.NamedValue) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[query] {
		return
	}
	l.seen[query] = true
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a.Value
	}
	l.queries = append(l.queries, RecordedQuery{SQL: query, Args: vals})
}

// RecordQueriesForTest makes db run every statement through connections
// that note it in the returned log, so a test can look at the plans of what
// the stores really run. It reopens the pools with the settings Open gives
// them; the database must already be migrated.
func RecordQueriesForTest(t testing.TB, db *DB) *QueryLog {
	t.Helper()
	log := &QueryLog{seen: map[string]bool{}}
	open := func(drv driver.Driver, dsn string) *sql.DB {
		return sql.OpenDB(recordingConnector{drv: drv, dsn: dsn, log: log})
	}
	drv := db.write.Driver()
	oldWrite, oldRead := db.write, db.read
	if db.Dialect == Postgres {
		conn := open(drv, db.dsn)
		conn.SetMaxOpenConns(20)
		db.write, db.read = conn, conn
	} else {
		// The same pragmas as Open: one writer, a read-only pool.
		pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
		u := "file:" + (&url.URL{Path: db.path}).EscapedPath()
		w := open(drv, u+"?"+pragmas+"&_txlock=immediate")
		w.SetMaxOpenConns(1)
		r := open(drv, u+"?"+pragmas+"&_pragma=query_only(1)")
		r.SetMaxOpenConns(8)
		db.write, db.read = w, r
	}
	oldWrite.Close()
	if oldRead != oldWrite {
		oldRead.Close()
	}
	return log
}

type recordingConnector struct {
	drv driver.Driver
	dsn string
	log *QueryLog
}

func (c recordingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: conn, log: c.log}, nil
}

func (c recordingConnector) Driver() driver.Driver { return c.drv }

// recordingConn passes everything to the driver's connection, noting each
// statement on the way. Both drivers implement the context interfaces.
type recordingConn struct {
	driver.Conn
	log *QueryLog
}

func (c *recordingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *recordingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.log.record(query, args)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c *recordingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.log.record(query, args)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *recordingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &recordingStmt{Stmt: s, query: query, log: c.log}, nil
}

func (c *recordingConn) CheckNamedValue(v *driver.NamedValue) error {
	if nc, ok := c.Conn.(driver.NamedValueChecker); ok {
		return nc.CheckNamedValue(v)
	}
	return driver.ErrSkip
}

func (c *recordingConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

type recordingStmt struct {
	driver.Stmt
	query string
	log   *QueryLog
}

func (s *recordingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.log.record(s.query, args)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *recordingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.log.record(s.query, args)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// Explain answers the plan of one statement on db, one line per step. On
// PostgreSQL sequential scans are switched off first, so that a Seq Scan in
// the plan means no index could serve the statement at all.
func Explain(ctx context.Context, db *DB, q RecordedQuery) ([]string, error) {
	if db.Dialect != Postgres {
		rows, err := db.write.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q.SQL, q.Args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				return nil, err
			}
			out = append(out, detail)
		}
		return out, rows.Err()
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		return nil, err
	}
	var plan string
	if err := tx.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) "+q.SQL, q.Args...).Scan(&plan); err != nil {
		return nil, err
	}
	return []string{plan}, nil
}
