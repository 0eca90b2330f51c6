package sqldb

import "fmt"

// Dialect names the engine, for the few statements that differ.
type Dialect int

// The two engines.
const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// SkipLocked is appended to a SELECT that claims rows other instances may
// be claiming too; SQLite's single writer makes it unnecessary there.
func (d Dialect) SkipLocked() string {
	if d == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// ContainsFold is a case-insensitive "column contains $n" condition.
// SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE.
func (d Dialect) ContainsFold(column string, n int) string {
	if d == Postgres {
		return fmt.Sprintf("%s ILIKE '%%' || $%d || '%%' ESCAPE '\\'", column, n)
	}
	return fmt.Sprintf("%s LIKE '%%' || $%d || '%%' ESCAPE '\\'", column, n)
}

// ForUpdate is appended to a SELECT whose row the transaction is about to
// change, so that another instance's transaction waits for it (a cursor
// read and moved on); SQLite's single writer serialises them anyway.
func (d Dialect) ForUpdate() string {
	if d == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
