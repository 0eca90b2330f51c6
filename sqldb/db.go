// Package sqldb stores Partnerkit in SQLite (the default, embedded) or
// PostgreSQL, with one code path: hand-written SQL with $N placeholders that
// both engines accept, and a small Dialect for their real differences.
//
// It also implements the domain services: each service method learns who is
// asking from the context, checks what they may do (partnerkit.Can), and does
// the work in one transaction, so that no page or API call can skip a rule.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver
	"modernc.org/sqlite"               // SQLite driver
)

// DB is a Partnerkit database. On SQLite, writes go through a single
// connection (SQLite has one writer anyway; queuing in Go avoids busy errors)
// and reads through a separate pool that WAL lets run alongside.
type DB struct {
	// Stores are the modules' stores (db.Actors, db.Maps, …).
	Stores
	write   *sql.DB
	read    *sql.DB
	Dialect Dialect
	// Now is the clock; tests set it. Every transaction reads it once.
	Now func() time.Time
	// Hasher hashes passwords; tests may make it cheaper.
	Hasher PasswordHasher
	// SignupOpen lets anyone make an account; when false only the first
	// person and people holding an invitation may.
	SignupOpen bool
	path       string
	dsn        string
	wake       chan struct{}
	// opened names this DB among those one process opens, for the keys of
	// what it keeps in memory (the network analysis cache).
	opened string
	// networkViews are the networks read lately, analysed again in the
	// background when they change (WarmNetworks).
	networkViews networkViews

	// WebhookConfig holds the key webhooks' secrets are sealed with and
	// the check of their addresses.
	WebhookConfig WebhookConfig
}

// Open connects to dsn: a postgres:// or postgresql:// URL selects
// PostgreSQL, anything else is a SQLite file path (its folder is created).
func Open(dsn string) (*DB, error) {
	db := &DB{Now: time.Now, Hasher: DefaultHasher, dsn: dsn, wake: make(chan struct{}, 1), opened: newID()}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db.Dialect = Postgres
		conn, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		conn.SetMaxOpenConns(20)
		conn.SetMaxIdleConns(10)
		conn.SetConnMaxIdleTime(5 * time.Minute)
		db.write, db.read = conn, conn
		db.initStores()
		return db, nil
	}
	db.Dialect = SQLite
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	db.path = path
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_pragma=soft_heap_limit(" + strconv.Itoa(sqliteSoftHeapLimit) + ")"
	u := "file:" + (&url.URL{Path: path}).EscapedPath()
	w := openSQLite(&sqlite.Driver{}, u+"?"+pragmas+"&_txlock=immediate", nil)
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	r := openSQLite(&sqlite.Driver{}, u+"?"+pragmas+"&_pragma=query_only(1)", nil)
	r.SetMaxOpenConns(sqliteReaders)
	r.SetMaxIdleConns(sqliteReaders)
	// A reader left idle goes, with its pages and statements.
	r.SetConnMaxIdleTime(5 * time.Minute)
	db.write, db.read = w, r
	db.initStores()
	return db, nil
}

// Memory of SQLite (which allocates outside Go's heap, so GOMEMLIMIT does
// not govern it): each connection holds a page cache and its kept
// statements (stmtcache.go), some megabytes each under load.
const (
	// sqliteReaders is the read pool's size. Reads are mostly the
	// processor's work: more connections than a small server's cores
	// add memory, not speed.
	sqliteReaders = 4
	// sqliteSoftHeapLimit is what SQLite's allocations (all
	// connections together) are kept near: above it, a page cache
	// reuses its pages instead of growing.
	sqliteSoftHeapLimit = 32 << 20
)

// Close closes both pools.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Ping answers whether the database is reachable (for /healthz).
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// Backup writes a consistent copy of a live SQLite database to path.
// VACUUM INTO reads one snapshot, so writers may go on meanwhile.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.Dialect != SQLite {
		return errors.New("backup copies SQLite databases; for PostgreSQL use pg_dump")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists already; choose a new file", path)
	}
	_, err := db.write.ExecContext(ctx, `VACUUM INTO $1`, path)
	return err
}

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tx is a write transaction with the time fixed at its start.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
	// after runs once the transaction has committed (e.g. waking the job worker).
	after []func()
	// deriveQueued is set once this transaction has asked for the events
	// to be derived after it commits.
	deriveQueued bool
	// conn is the connection the transaction holds, when it was begun by
	// inConnTx (nil otherwise): raw reaches the driver's connection.
	conn *sql.Conn
}

// raw runs f with the driver's connection the transaction runs on (a
// *stdlib.Conn on PostgreSQL), for what database/sql does not offer, such
// as PostgreSQL's COPY: what f sends is part of the transaction. It
// answers errNoConn when the transaction was not begun by inConnTx.
func (tx *Tx) raw(f func(driverConn any) error) error {
	if tx.conn == nil {
		return errNoConn
	}
	return tx.conn.Raw(f)
}

var errNoConn = errors.New("sqldb: the transaction holds no connection of its own")

// inTx runs fn in a write transaction, committing when it returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx *Tx) error) error {
	// What the request read to decide access may be what the transaction
	// changes: read it anew afterwards.
	defer pk.MemoFromContext(ctx).Clear()
	return db.runTx(ctx, db.write, nil, fn)
}

// inConnTx is inTx on a connection taken from the pool for the
// transaction, which tx.raw reaches (PostgreSQL's COPY needs it).
func (db *DB) inConnTx(ctx context.Context, fn func(tx *Tx) error) error {
	defer pk.MemoFromContext(ctx).Clear()
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return db.runTx(ctx, conn, conn, fn)
}

// runTx begins a transaction on b (the pool or conn), runs fn and
// commits when it returns nil.
func (db *DB) runTx(ctx context.Context, b interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}, conn *sql.Conn, fn func(tx *Tx) error) error {
	sqltx, err := b.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	tx := &Tx{Tx: sqltx, db: db, now: db.Now().UTC(), conn: conn}
	if err := fn(tx); err != nil {
		sqltx.Rollback()
		return err
	}
	if err := sqltx.Commit(); err != nil {
		return err
	}
	for _, f := range tx.after {
		f()
	}
	return nil
}

// now returns the clock's time in UTC.
func (db *DB) now() time.Time { return db.Now().UTC() }
