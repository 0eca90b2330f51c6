package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// mapScope is what a reader may see of one map: the partnership (with their
// role), whether they see all maps or only shared ones, and whether they
// see sensitive actors.
type mapScope struct {
	P         *pk.Partnership
	Map       *pk.Map
	Sensitive bool
}

// allMaps: members and coordinators see every map; observers only shared ones.
func allMaps(role pk.Role) bool { return pk.Can(role, pk.ActionEditMaps) }

// loadMap reads map mid of partnership p as p.MyRole may see it: an
// unshared map is ENOTFOUND for observers, as is a map of another
// partnership.
//
// Outside a transaction (q is the read pool) a map found is kept in the
// request's memo, under what decides its visibility, and a copy handed out.
func (db *DB) loadMap(ctx context.Context, q queryer, p *pk.Partnership, mid string) (*pk.Map, error) {
	memo := pk.MemoFromContext(ctx)
	if q != queryer(db.read) {
		memo = nil
	}
	key := "map\x00" + p.ID + "\x00" + mid + "\x00" + strconv.FormatBool(allMaps(p.MyRole))
	if v, ok := memo.Get(key); ok {
		m := *v.(*pk.Map)
		return &m, nil
	}
	m := &pk.Map{}
	err := q.QueryRowContext(ctx, `
		SELECT id, title, objective, shared, version, created_at FROM maps
		WHERE id = $1 AND partnership_id = $2 AND ($3 OR shared)`, mid, p.ID, allMaps(p.MyRole)).
		Scan(&m.ID, &m.Title, &m.Objective, &m.Shared, &m.Version, ts(&m.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	kept := *m
	memo.Put(key, &kept)
	return m, nil
}

// mapFor authorizes action on partnership pid and loads map mid.
func (db *DB) mapFor(ctx context.Context, q queryer, pid, mid string, action pk.Action) (*mapScope, error) {
	p, err := db.authorize(ctx, q, pid, action)
	if err != nil {
		// Observers asking to change a map they cannot see learn nothing.
		if pk.ErrorCode(err) == pk.EFORBIDDEN && action != pk.ActionViewMaps {
			if p2, err2 := db.authorize(ctx, q, pid, pk.ActionViewMaps); err2 == nil {
				if _, err3 := db.loadMap(ctx, q, p2, mid); err3 != nil {
					return nil, err3
				}
			}
		}
		return nil, err
	}
	m, err := db.loadMap(ctx, q, p, mid)
	if err != nil {
		return nil, err
	}
	return &mapScope{P: p, Map: m, Sensitive: pk.MaySeeSensitive(p.MyRole)}, nil
}

// CreateMap starts a map for one objective or campaign.
func (store *MapStore) CreateMap(ctx context.Context, pid string, in pk.MapInput) (*pk.Map, error) {
	m := &pk.Map{ID: newID(), Version: 1}
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.Shared && !pk.Can(p.MyRole, pk.ActionShareMap) {
			return pk.Forbidden()
		}
		m.Title, m.Objective, m.Shared, m.CreatedAt = in.Title, in.Objective, in.Shared, tx.now
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO maps (id, partnership_id, title, objective, shared, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			m.ID, pid, m.Title, m.Objective, m.Shared, fmtTime(tx.now)); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "map.create", "map", m.ID, m.Title, nil, mapAudit(m))
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func mapAudit(m *pk.Map) map[string]any {
	return map[string]any{"title": m.Title, "objective": m.Objective, "shared": m.Shared}
}

// Maps lists the maps the asker may see, newest first, with the number of
// actors placed on each (sensitive actors counted for coordinators only):
// the first pk.MaxMaps; MapList also says whether there were more.
func (store *MapStore) Maps(ctx context.Context, pid string) ([]*pk.Map, error) {
	l, err := store.MapList(ctx, pid)
	if err != nil {
		return nil, err
	}
	return l.Maps, nil
}

// MapList is Maps saying whether the list was cut.
func (store *MapStore) MapList(ctx context.Context, pid string) (*pk.MapList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	// Counting every map's actors reads all their assessments: kept until
	// a map, an assessment or an actor changes.
	kept, err := store.db.keptMaps(ctx, pid, "maplist\x00"+strconv.FormatBool(allMaps(p.MyRole))+"\x00"+strconv.FormatBool(pk.MaySeeSensitive(p.MyRole)),
		func() (any, error) { return store.db.readMapList(ctx, p) })
	if err != nil {
		return nil, err
	}
	l := kept.(*pk.MapList)
	out := &pk.MapList{Maps: make([]*pk.Map, len(l.Maps)), Cut: l.Cut}
	for i, m := range l.Maps {
		c := *m
		out.Maps[i] = &c
	}
	return out, nil
}

func (db *DB) readMapList(ctx context.Context, p *pk.Partnership) (*pk.MapList, error) {
	// The distinct actors of a map come from the assessments' index alone;
	// only they are looked up for sensitivity, not each assessment.
	rows, err := db.read.QueryContext(ctx, `
		SELECT m.id, m.title, m.objective, m.shared, m.version, m.created_at,
			(SELECT COUNT(*) FROM (SELECT DISTINCT actor_id FROM assessments WHERE map_id = m.id) d
			 JOIN actors ac ON ac.id = d.actor_id WHERE $3 OR NOT ac.sensitive)
		FROM maps m WHERE m.partnership_id = $1 AND ($2 OR m.shared)
		ORDER BY m.created_at DESC, m.id LIMIT $4`, p.ID, allMaps(p.MyRole), pk.MaySeeSensitive(p.MyRole), pk.MaxMaps+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.MapList{}
	for rows.Next() {
		m := &pk.Map{}
		if err := rows.Scan(&m.ID, &m.Title, &m.Objective, &m.Shared, &m.Version, ts(&m.CreatedAt), &m.Actors); err != nil {
			return nil, err
		}
		out.Maps = append(out.Maps, m)
	}
	out.Maps, out.Cut = cut(out.Maps, pk.MaxMaps)
	return out, rows.Err()
}

// Map returns one map with the asker's partnership (for the role).
func (store *MapStore) Map(ctx context.Context, pid, mid string) (*pk.Map, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	return s.Map, nil
}

// UpdateMap changes a map's title, objective and (coordinators only)
// whether observers may see it.
func (store *MapStore) UpdateMap(ctx context.Context, pid, mid string, in pk.MapInput) (*pk.Map, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.Shared != s.Map.Shared && !pk.Can(s.P.MyRole, pk.ActionShareMap) {
			return pk.Forbidden()
		}
		if err := tx.bumpVersion(ctx, "maps", "id = $1", in.Version, mid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE maps SET title = $1, objective = $2, shared = $3 WHERE id = $4`,
			in.Title, in.Objective, in.Shared, mid); err != nil {
			return err
		}
		after := &pk.Map{Title: in.Title, Objective: in.Objective, Shared: in.Shared}
		return tx.audit(ctx, pid, "map.update", "map", mid, in.Title, mapAudit(s.Map), mapAudit(after))
	})
	if err != nil {
		return nil, err
	}
	return store.Map(ctx, pid, mid)
}

// DeleteMap removes a map with its assessments and tactics, which go to the
// bin first. The version must be current, so that nobody deletes changes
// they have not seen.
func (store *MapStore) DeleteMap(ctx context.Context, pid, mid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		// Assessments and tactics about sensitive actors go with the map,
		// though members never saw them: into the bin first, copied before
		// the version check raises the version.
		if err := tx.lockForBin(ctx, "maps", mid); err != nil {
			return err
		}
		bin := &binItem{kind: pk.BinMap, subjectID: mid, title: s.Map.Title}
		for _, table := range []string{"maps", "assessments", "tactics"} {
			where := "map_id = $1"
			if table == "maps" {
				where = "id = $1"
			}
			if err := bin.capture(ctx, tx, table, where, mid); err != nil {
				return err
			}
		}
		if err := tx.bumpVersion(ctx, "maps", "id = $1", version, mid); err != nil {
			return err
		}
		binned, err := tx.putInBin(ctx, pid, bin)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM maps WHERE id = $1`, mid); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "map.delete", "map", mid, s.Map.Title, mapAudit(s.Map), binned.auditAfter(false)); err != nil {
			return err
		}
		return tx.auditHidden(ctx, pid, "map", mid, binned, false)
	})
}

// MapActors lists the actors of the partnership that the asker may place on
// a map, by name (sensitive ones for coordinators only): the first
// pk.MaxActorChoices; MapActorList also says whether there were more.
func (store *MapStore) MapActors(ctx context.Context, pid string) ([]*pk.MapActor, error) {
	c, err := store.MapActorList(ctx, pid)
	if err != nil {
		return nil, err
	}
	return c.Actors, nil
}

// SeedActor is a bare actor record for SeedActors.
type SeedActor struct {
	Name, Kind string
	Sensitive  bool
}

// SeedRelationship is a bare relationship record for SeedActors.
type SeedRelationship struct {
	From, To  int // indexes into the seeded actors
	Type      string
	Sensitive bool
}

// SeedActors writes actors and relationships straight into partnership pid
// in one transaction, without permission checks or audit entries. It exists
// for test fixtures and benchmarks, which need actors before (or without)
// the stakeholder register's own service; never call it from a page or the
// API. It returns the new actors' IDs in order.
func (store *Seeder) SeedActors(ctx context.Context, pid string, actors []SeedActor, rels []SeedRelationship) ([]string, error) {
	ids := make([]string, len(actors))
	err := store.db.inTx(ctx, func(tx *Tx) error {
		now := fmtTime(tx.now)
		for i, a := range actors {
			ids[i] = newID()
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO actors (id, partnership_id, name, kind, sensitive, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
				ids[i], pid, a.Name, a.Kind, a.Sensitive, now); err != nil {
				return err
			}
		}
		for _, r := range rels {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO relationships (id, partnership_id, from_actor, to_actor, type, sensitive, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				newID(), pid, ids[r.From], ids[r.To], r.Type, r.Sensitive, now); err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
}
