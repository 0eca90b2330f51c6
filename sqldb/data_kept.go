package sqldb

import (
	"context"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// keptData returns what read reads from a partnership's records of work
// (the tables whose writes raise its data version, migration 00033),
// keeping it under that version: the lists every form of a module offers
// are read far more often than they change. scope names what is read; the
// value must be handed out as copies.
//
// The version is read before the rows (partnershipFor brings it with the
// asker's role), so nothing older than a version is kept under it.
func (db *DB) keptData(ctx context.Context, pid, scope string, read func() (any, error)) (any, error) {
	memo := pk.MemoFromContext(ctx)
	key := dataVersionKey(pid)
	version, ok := memo.Get(key)
	if !ok {
		var v int64
		if err := db.read.QueryRowContext(ctx, `SELECT data_version FROM partnerships WHERE id = $1`, pid).Scan(&v); err != nil {
			return nil, err
		}
		version = strconv.FormatInt(v, 10)
		memo.Put(key, version)
	}
	return dataCache.Get(db.opened+"\x00"+pid+"\x00"+scope, version.(string), func(any) (any, error) { return read() })
}

// dataVersionKey is where a request's memo holds a partnership's data
// version.
func dataVersionKey(pid string) string { return "dataversion\x00" + pid }

// dataCache holds the newest version of each list kept by keptData, at
// most 64 (the least recently used fall out).
var dataCache = keep.New(64, 1)
