package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// MapPage gathers a map's overview from the map, its current positions and
// its tactics, each read under the asker's permissions.
func (store *MapStore) MapPage(ctx context.Context, pid, mid string) (*pk.MapPage, error) {
	m, err := store.Map(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	pos, err := store.PositionList(ctx, pid, mid, time.Time{})
	if err != nil {
		return nil, err
	}
	ts, err := store.TacticList(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	return &pk.MapPage{Map: m, Positions: copyAssessments(pos.Positions), Tactics: len(ts.Tactics), PositionsCut: pos.Cut, TacticsCut: ts.Cut}, nil
}

// MapActorPage gathers one actor on one map. The decision "not found" is
// made here: the actor must be on the map as the asker sees it, or be one
// an editor may place on it.
func (store *MapStore) MapActorPage(ctx context.Context, pid, mid, aid string, pg pk.PageRequest) (*pk.MapActorPage, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	hist, next, err := store.Assessments(ctx, pid, mid, aid, pg)
	if err != nil {
		return nil, err
	}
	out := &pk.MapActorPage{Map: s.Map, ActorID: aid, History: hist, Next: next}
	cur, err := store.db.position(ctx, s, aid)
	if err != nil {
		return nil, err
	}
	if cur != nil {
		out.Current, out.Name = cur, cur.ActorName
	}
	if pk.Can(s.P.MyRole, pk.ActionEditMaps) {
		a := &pk.MapActor{}
		err := store.db.read.QueryRowContext(ctx, `SELECT id, name, kind FROM actors WHERE id = $1 AND partnership_id = $2 AND ($3 OR NOT sensitive)`,
			aid, pid, pk.MaySeeSensitive(s.P.MyRole)).Scan(&a.ID, &a.Name, &a.Kind)
		switch {
		case err == nil:
			out.Name, out.Choice = a.Name, a
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	if out.Name == "" {
		return nil, pk.NotFound()
	}
	ts, err := store.db.tactics(ctx, store.db.read, s, tacticsOf{actorID: aid})
	if err != nil {
		return nil, err
	}
	out.Tactics, _ = cut(ts, pk.MaxMapTactics)
	return out, nil
}

// MapActorChoices lists actors not yet on map mid for the form that places
// one, at most pk.MapActorChoiceLimit of them: a register of thousands must
// not become a drop-down of thousands.
func (store *MapStore) MapActorChoices(ctx context.Context, pid, mid, query string) (*pk.MapActorChoices, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionEditMaps)
	if err != nil {
		return nil, err
	}
	read := func() (any, error) { return store.mapActorChoices(ctx, s.P, mid, query) }
	if query != "" {
		v, err := read()
		if err != nil {
			return nil, err
		}
		return v.(*pk.MapActorChoices), nil
	}
	// Without a search the first names are the same for everyone who sees
	// the same actors, until an actor or an assessment changes: kept under
	// the maps' version, as walking the register past the actors already
	// placed cost a tenth of the power map's page.
	kept, err := store.db.keptMaps(ctx, pid, "choices\x00"+mid+"\x00"+strconv.FormatBool(pk.MaySeeSensitive(s.P.MyRole)), read)
	if err != nil {
		return nil, err
	}
	c := kept.(*pk.MapActorChoices)
	out := &pk.MapActorChoices{More: c.More, Actors: make([]*pk.MapActor, len(c.Actors))}
	for i, a := range c.Actors {
		x := *a
		out.Actors[i] = &x
	}
	return out, nil
}

func (store *MapStore) mapActorChoices(ctx context.Context, p *pk.Partnership, mid, query string) (*pk.MapActorChoices, error) {
	var ar args
	where, err := store.db.actorWhere(ctx, p, pk.ActorFilter{Query: query}, &ar)
	if err != nil {
		return nil, err
	}
	where += " AND NOT EXISTS (SELECT 1 FROM assessments x WHERE x.map_id = " + ar.add(mid) + " AND x.actor_id = a.id)"
	rows, err := store.db.read.QueryContext(ctx, `SELECT a.id, a.name, a.kind FROM actors a WHERE `+where+
		` ORDER BY a.name, a.id LIMIT `+ar.add(pk.MapActorChoiceLimit+1), ar...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.MapActorChoices{}
	for rows.Next() {
		a := &pk.MapActor{}
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind); err != nil {
			return nil, err
		}
		out.Actors = append(out.Actors, a)
	}
	if len(out.Actors) > pk.MapActorChoiceLimit {
		out.Actors, out.More = out.Actors[:pk.MapActorChoiceLimit], true
	}
	return out, rows.Err()
}

// UpdateMapDetails is UpdateMap keeping the sharing as stored. The map's
// version makes this safe: if someone changed the sharing since the form
// was read, the version no longer matches and the update is a conflict.
func (store *MapStore) UpdateMapDetails(ctx context.Context, pid, mid string, in pk.MapInput) (*pk.Map, error) {
	m, err := store.Map(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	in.Shared = m.Shared
	return store.UpdateMap(ctx, pid, mid, in)
}
