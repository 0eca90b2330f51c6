package sqldb

import (
	"context"
	"database/sql/driver"
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
// the stores really run. The database must already be migrated.
func RecordQueriesForTest(t testing.TB, db *DB) *QueryLog {
	t.Helper()
	log := &QueryLog{seen: map[string]bool{}}
	ObserveQueries(db, func(_ context.Context, query string, args []driver.NamedValue) { log.record(query, args) })
	return log
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
