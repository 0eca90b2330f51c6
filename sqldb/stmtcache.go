package sqldb

import (
	"container/list"
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"
)

// maxCachedStatements bounds the statements one SQLite connection keeps
// prepared, the least recently used falling out. The stores' statements are
// some hundreds of distinct texts, a page using a dozen; each kept one
// holds SQLite's compiled program, tens of kilobytes for the larger, on
// each of five connections.
const maxCachedStatements = 64

// openSQLite opens a pool of SQLite connections that keep the statements
// they run prepared. SQLite parses and plans a statement each time it is
// prepared, and the driver prepares every query it is given; for the short
// statements of a page (the session, the asker's role, a record) that is
// about half of their cost. PostgreSQL's driver keeps its own statement
// cache per connection.
func openSQLite(drv driver.Driver, dsn string, wrap func(driver.Conn) driver.Conn) *sql.DB {
	return sql.OpenDB(cachingConnector{drv: drv, dsn: dsn, wrap: wrap})
}

type cachingConnector struct {
	drv  driver.Driver
	dsn  string
	wrap func(driver.Conn) driver.Conn // nil: none
}

func (c cachingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	var out driver.Conn = &cachingConn{Conn: conn, stmts: map[string]*cachedStmt{}}
	if c.wrap != nil {
		out = c.wrap(out)
	}
	return out, nil
}

func (c cachingConnector) Driver() driver.Driver { return c.drv }

// cachingConn runs statements through prepared statements it keeps, by
// their text. database/sql uses a connection from one goroutine at a time;
// a statement whose rows are still open (a query run while iterating
// another's rows, in a transaction) is busy, and the same text then runs
// as a statement of its own.
type cachingConn struct {
	driver.Conn
	stmts map[string]*cachedStmt
	// used orders the kept statements, the most recently used at the front.
	used list.List
}

type cachedStmt struct {
	driver.Stmt
	busy bool
	at   *list.Element // in used; its Value is the statement's text
}

// stmt returns the kept statement for query, preparing and keeping it the
// first time; nil when it cannot be used now (busy, or not to be kept).
func (c *cachingConn) stmt(ctx context.Context, query string) (*cachedStmt, error) {
	if s, ok := c.stmts[query]; ok {
		if s.busy {
			return nil, nil
		}
		c.used.MoveToFront(s.at)
		return s, nil
	}
	// Scripts (several statements) are parsed afresh by the driver anyway.
	if strings.Contains(query, ";") {
		return nil, nil
	}
	// Make room: the least recently used that is not busy goes.
	for e := c.used.Back(); len(c.stmts) >= maxCachedStatements && e != nil; {
		prev := e.Prev()
		if old := c.stmts[e.Value.(string)]; !old.busy {
			old.Stmt.Close()
			delete(c.stmts, e.Value.(string))
			c.used.Remove(e)
		}
		e = prev
	}
	if len(c.stmts) >= maxCachedStatements {
		return nil, nil
	}
	ds, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s := &cachedStmt{Stmt: ds, at: c.used.PushFront(query)}
	c.stmts[query] = s
	return s, nil
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	}
	s.busy = true
	rows, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		s.busy = false
		return nil, err
	}
	return &cachedRows{Rows: rows, stmt: s}, nil
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	}
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cachingConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *cachingConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (c *cachingConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// Close finalizes the kept statements, then closes the connection.
func (c *cachingConn) Close() error {
	for q, s := range c.stmts {
		s.Stmt.Close()
		delete(c.stmts, q)
	}
	c.used.Init()
	return c.Conn.Close()
}

// cachedRows frees its statement for the next query when closed (the
// driver resets the statement then).
type cachedRows struct {
	driver.Rows
	stmt *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.stmt.busy = false
	return err
}
