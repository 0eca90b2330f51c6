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
	if version <= 0 {
		return pk.FieldInvalid("version", "validation.version_required", nil)
	}
	if version > MaxVersion {
		return pk.FieldInvalid("version", "validation.range", map[string]any{"Min": 1, "Max": MaxVersion})
	}
	n := len(args) + 1
	res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET version = version + 1 WHERE `+where+` AND version = $`+itoa(n),
		append(args, version)...)
	if err != nil {
		return err
	}
	if affected, _ := res.RowsAffected(); affected == 1 {
		return nil
	}
	var current int
	err = tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE `+where, args...).Scan(&current)
	if errors.Is(err, sql.ErrNoRows) {
		return pk.NotFound()
	} else if err != nil {
		return err
	}
	return pk.Conflict(current)
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
