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
	return db.keptDataIn(ctx, dataCache, pid, scope, read)
}

// keptFact is keptData for a small value read on many pages (when the next
// open proposal closes, when the meetings start, the playbook's record),
// kept apart from the lists so that a run of views of long lists does not
// push it out.
func (db *DB) keptFact(ctx context.Context, pid, scope string, read func() (any, error)) (any, error) {
	return db.keptDataIn(ctx, factCache, pid, scope, read)
}

func (db *DB) keptDataIn(ctx context.Context, cache *keep.Cache, pid, scope string, read func() (any, error)) (any, error) {
	version, err := db.partnershipVersion(ctx, pid, "data_version")
	if err != nil {
		return nil, err
	}
	return cache.Get(db.opened+"\x00"+pid+"\x00"+scope, version, func(any) (any, error) { return read() })
}

// keptDataAndMaps is keptData for what also names rows of the maps (a
// tactic's title, an actor's sensitivity, a map's sharing): kept under the
// data version and the maps' version together, which it names.
func (db *DB) keptDataAndMaps(ctx context.Context, pid, scope string, read func() (any, error)) (any, pk.Kept, error) {
	data, err := db.partnershipVersion(ctx, pid, "data_version")
	if err != nil {
		return nil, pk.Kept{}, err
	}
	maps, err := db.mapsVersion(ctx, pid)
	if err != nil {
		return nil, pk.Kept{}, err
	}
	k := pk.Kept{Scope: db.opened + "\x00" + pid + "\x00" + scope, Version: data + "/" + maps}
	v, err := dataCache.Get(k.Scope, k.Version, func(any) (any, error) { return read() })
	return v, k, err
}

// partnershipVersion reads one of partnership pid's version columns
// (member_version, data_version), which partnershipFor has usually put in
// the request's memo already with the asker's role; read from the pool it
// is kept there (a write empties the memo).
func (db *DB) partnershipVersion(ctx context.Context, pid, column string) (string, error) {
	memo := pk.MemoFromContext(ctx)
	key := versionKey(column, pid)
	if v, ok := memo.Get(key); ok {
		return v.(string), nil
	}
	var v int64
	if err := db.read.QueryRowContext(ctx, `SELECT `+column+` FROM partnerships WHERE id = $1`, pid).Scan(&v); err != nil {
		return "", err
	}
	version := strconv.FormatInt(v, 10)
	memo.Put(key, version)
	return version, nil
}

// versionKey is where a request's memo holds a version column of a
// partnership.
func versionKey(column, pid string) string { return column + "\x00" + pid }

// dataCache holds the newest version of each list kept by keptData, at
// most 64 (the least recently used fall out).
var dataCache = keep.New(64, 1)

// factCache holds the newest version of each value kept by keptFact.
var factCache = keep.New(1024, 1)
