package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"math"

	pk "github.com/partnerkit/partnerkit"
)

// bumpVersion is optimistic locking: it raises the version of the row that
// where (with args) selects, if and only if that row still carries version.
// A missing version is a field error; a stale one is ECONFLICT carrying the
// current version; a missing row is ENOTFOUND. A version beyond what the
// column holds (a 32-bit integer on PostgreSQL) is a field error before it
// reaches the query, where PostgreSQL would refuse to encode it.
func (tx *Tx) bumpVersion(ctx context.Context, table, where string, version int, args ...any) error {
	return tx.updateVersioned(ctx, table, where, args, "", nil, version)
}

// updateVersioned is bumpVersion and an update of the same row in one
// statement: set is a SET list whose placeholders follow where's
// ($len(whereArgs)+1 on). A write that changes one row this way holds the
// locks its triggers take (the partnership's versions, on PostgreSQL) for
// one statement fewer.
func (tx *Tx) updateVersioned(ctx context.Context, table, where string, whereArgs []any, set string, setArgs []any, version int) error {
	if err := checkVersion(version); err != nil {
		return err
	}
	if set != "" {
		set = ", " + set
	}
	args := append(append(append([]any(nil), whereArgs...), setArgs...), version)
	res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET version = version + 1`+set+` WHERE `+where+` AND version = $`+itoa(len(args)), args...)
	if err != nil {
		return err
	}
	if affected, _ := res.RowsAffected(); affected == 1 {
		return nil
	}
	var current int
	err = tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE `+where, whereArgs...).Scan(&current)
	if errors.Is(err, sql.ErrNoRows) {
		return pk.NotFound()
	} else if err != nil {
		return err
	}
	return pk.Conflict(current)
}

// checkVersion refuses a version no row can carry, naming the field.
func checkVersion(version int) error {
	if version <= 0 {
		return pk.FieldInvalid("version", "validation.version_required", nil)
	}
	if version > MaxVersion {
		return pk.FieldInvalid("version", "validation.range", map[string]any{"Min": 1, "Max": MaxVersion})
	}
	return nil
}

// MaxVersion is the largest version a record can carry: versions are
// INTEGER columns, 32 bits on PostgreSQL.
const MaxVersion = math.MaxInt32

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
