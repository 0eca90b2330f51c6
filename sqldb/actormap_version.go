package sqldb

import (
	"context"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// mapVersion: the maps' version (migration 00030).
var mapVersion = versionTriggers{column: "map_version", fn: "bump_map_version", tables: []string{"maps", "assessments"}}

// tacticVersion: a tactic's title is named on the tasks that serve it,
// whose lists are kept under the maps' version (migration 00038).
var tacticVersion = versionTriggers{column: "map_version", fn: "bump_map_version_tactics", tables: []string{"tactics"}}

// An assessor's name is shown with positions: renaming them, or deleting
// their account (which empties assessed_by), raises the version of every
// partnership where they assessed. SQLite runs the delete trigger before
// the row goes, while assessed_by still names them.
const assessorSQLite = `
-- +goose StatementBegin
CREATE TRIGGER users_map_version_update AFTER UPDATE OF name ON users FOR EACH ROW BEGIN
    UPDATE partnerships SET map_version = map_version + 1 WHERE id IN (SELECT partnership_id FROM assessments WHERE assessed_by = OLD.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER users_map_version_delete BEFORE DELETE ON users FOR EACH ROW BEGIN
    UPDATE partnerships SET map_version = map_version + 1 WHERE id IN (SELECT partnership_id FROM assessments WHERE assessed_by = OLD.id);
END;
-- +goose StatementEnd
`

const assessorPostgres = `
-- +goose StatementBegin
CREATE FUNCTION bump_map_version_assessor() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET map_version = map_version + 1 WHERE id IN (SELECT partnership_id FROM assessments WHERE assessed_by = OLD.id);
    RETURN OLD;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER users_map_version_update AFTER UPDATE OF name ON users FOR EACH ROW EXECUTE FUNCTION bump_map_version_assessor();
CREATE TRIGGER users_map_version_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION bump_map_version_assessor();
`

func sqliteMapTriggers() string { return mapVersion.sqlite() + assessorSQLite }
func sqliteMapTriggersDown() string {
	return "DROP TRIGGER users_map_version_update;\nDROP TRIGGER users_map_version_delete;\n" + mapVersion.sqliteDown()
}
func postgresMapTriggers() string { return mapVersion.postgres() + assessorPostgres }
func postgresMapTriggersDown() string {
	return "DROP TRIGGER users_map_version_update ON users;\nDROP TRIGGER users_map_version_delete ON users;\nDROP FUNCTION bump_map_version_assessor();\n" +
		mapVersion.postgresDown()
}

// mapsVersion reads what every map of partnership pid is kept under: the
// network's version (actors' names and sensitivity) and the maps' version
// (maps, assessments, assessors' names). Read from the pool it is kept in
// the request's memo (a write empties it), so a page reads it once.
//
// It is read before the rows it keys: rows read afterwards are at least as
// new as the version, so nothing older than a version is ever kept under it.
func (db *DB) mapsVersion(ctx context.Context, pid string) (string, error) {
	memo := pk.MemoFromContext(ctx)
	key := mapsVersionKey(pid)
	if v, ok := memo.Get(key); ok {
		return v.(string), nil
	}
	var network, maps int64
	if err := db.read.QueryRowContext(ctx, `SELECT network_version, map_version FROM partnerships WHERE id = $1`, pid).
		Scan(&network, &maps); err != nil {
		return "", err
	}
	v := mapsVersionOf(network, maps)
	memo.Put(key, v)
	return v, nil
}

// mapsVersionKey is where a request's memo holds a partnership's maps
// version; partnershipFor puts it there with the asker's role.
func mapsVersionKey(pid string) string { return "mapsversion\x00" + pid }

func mapsVersionOf(network, maps int64) string {
	return strconv.FormatInt(network, 10) + "." + strconv.FormatInt(maps, 10)
}

// keptMaps returns what compute reads for one view of a partnership's
// maps (or of its register, whose actors the version covers), keeping it
// under the partnership's maps version: a power map of 500 actors with
// years of history is read far more often than it changes.
// scope names the view fully (what, which map, with or without sensitive
// rows, any date); the value must be handed out as copies.
func (db *DB) keptMaps(ctx context.Context, pid, scope string, compute func() (any, error)) (any, error) {
	v, _, err := db.keptMapsNamed(ctx, pid, scope, compute)
	return v, err
}

// keptMapsNamed is keptMaps also naming the kept value, for a page that
// keeps what it draws from it.
func (db *DB) keptMapsNamed(ctx context.Context, pid, scope string, compute func() (any, error)) (any, pk.Kept, error) {
	return db.keptMapsIn(ctx, mapCache, pid, scope, compute)
}

// keptMapsIn is keptMapsNamed keeping in cache: what many views read (the
// register's lists, actors' pages) is kept apart from the maps' timelines,
// so that neither pushes the other out.
func (db *DB) keptMapsIn(ctx context.Context, cache *keep.Cache, pid, scope string, compute func() (any, error)) (any, pk.Kept, error) {
	version, err := db.mapsVersion(ctx, pid)
	if err != nil {
		return nil, pk.Kept{}, err
	}
	k := pk.Kept{Scope: db.opened + "\x00" + pid + "\x00" + scope, Version: version}
	v, err := cache.Get(k.Scope, k.Version, func(any) (any, error) { return compute() })
	return v, k, err
}

// mapCache holds the newest version of each view, at most 64 views (the
// least recently used fall out): 64 timelines of 5,000 assessments are
// some 30 MB at most. A request for a view being read waits for that read.
var mapCache = keep.New(64, 1)

// copyAssessments hands out copies of kept assessments, so that no caller
// can change what the next one is given.
func copyAssessments(kept []*pk.Assessment) []*pk.Assessment {
	if kept == nil {
		return nil
	}
	vals := make([]pk.Assessment, len(kept))
	out := make([]*pk.Assessment, len(kept))
	for i, a := range kept {
		vals[i] = *a
		out[i] = &vals[i]
	}
	return out
}
