package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"
)

// ObserveQueries reopens db's connections, with the settings Open gives
// them, so that every statement sent to the database first passes through
// fn with the context it was sent with. Tests use it to record the
// statements the stores run (for their plans) and to count those a page
// makes; it costs a function call per statement. Call it before serving,
// on a migrated database: the old connections are closed.
func ObserveQueries(db *DB, fn func(ctx context.Context, query string, args []driver.NamedValue)) {
	open := func(drv driver.Driver, dsn string) *sql.DB {
		return sql.OpenDB(observingConnector{drv: drv, dsn: dsn, fn: fn})
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
		observe := func(c driver.Conn) driver.Conn { return &observingConn{Conn: c, fn: fn} }
		w := openSQLite(drv, u+"?"+pragmas+"&_txlock=immediate", observe)
		w.SetMaxOpenConns(1)
		r := openSQLite(drv, u+"?"+pragmas+"&_pragma=query_only(1)", observe)
		r.SetMaxOpenConns(sqliteReaders)
		db.write, db.read = w, r
	}
	oldWrite.Close()
	if oldRead != oldWrite {
		oldRead.Close()
	}
}

type observingConnector struct {
	drv driver.Driver
	dsn string
	fn  func(context.Context, string, []driver.NamedValue)
}

func (c observingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &observingConn{Conn: conn, fn: c.fn}, nil
}

func (c observingConnector) Driver() driver.Driver { return c.drv }

// observingConn passes everything to the driver's connection, showing each
// statement on the way. Both drivers implement the context interfaces.
type observingConn struct {
	driver.Conn
	fn func(context.Context, string, []driver.NamedValue)
}

func (c *observingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *observingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.fn(ctx, query, args)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c *observingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.fn(ctx, query, args)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *observingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &observingStmt{Stmt: s, query: query, fn: c.fn}, nil
}

func (c *observingConn) CheckNamedValue(v *driver.NamedValue) error {
	if nc, ok := c.Conn.(driver.NamedValueChecker); ok {
		return nc.CheckNamedValue(v)
	}
	return driver.ErrSkip
}

func (c *observingConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

type observingStmt struct {
	driver.Stmt
	query string
	fn    func(context.Context, string, []driver.NamedValue)
}

func (s *observingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.fn(ctx, s.query, args)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *observingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.fn(ctx, s.query, args)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}
