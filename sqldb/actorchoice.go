package sqldb

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
)

// ActorChoices lists the actors a form on actor except's page offers (to
// merge with, to tie to): the register as the asker may see it, by name,
// without except, at most pk.MaxActorChoices.
func (store *ActorStore) ActorChoices(ctx context.Context, pid, except string) (*pk.ActorChoices, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	return store.db.actorChoices(ctx, p, except)
}

// MapActorList lists the actors that may be placed on a map: the
// register as the asker may see it, by name, at most pk.MaxActorChoices.
func (store *MapStore) MapActorList(ctx context.Context, pid string) (*pk.ActorChoices, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditMaps)
	if err != nil {
		return nil, err
	}
	return store.db.actorChoices(ctx, p, "")
}

func (db *DB) actorChoices(ctx context.Context, p *pk.Partnership, except string) (*pk.ActorChoices, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT id, name, kind FROM actors WHERE partnership_id = $1 AND ($2 OR NOT sensitive) AND id <> $3
		ORDER BY name, id LIMIT $4`, p.ID, pk.MaySeeSensitive(p.MyRole), except, pk.MaxActorChoices+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.ActorChoices{Actors: []*pk.ActorChoice{}}
	for rows.Next() {
		a := &pk.ActorChoice{}
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind); err != nil {
			return nil, err
		}
		out.Actors = append(out.Actors, a)
	}
	out.Actors, out.Cut = cut(out.Actors, pk.MaxActorChoices)
	return out, rows.Err()
}

// ActorNameChoices lists the actors a filter keeps, by name, without
// except, as names only: at most limit of them, and whether there were
// more. The forms of an actor's page offer them; reading whole actors with
// their tags for a list of names cost a third of that page.
func (store *ActorStore) ActorNameChoices(ctx context.Context, pid string, f pk.ActorFilter, except string, limit int) ([]pk.Choice, bool, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, false, err
	}
	if err := f.Validate(); err != nil {
		return nil, false, err
	}
	// The names, without except, by name: one more than the limit and
	// except, so that the cut list without except is the same as one read
	// without it. Kept under the maps' version (which covers actors) when
	// the filter reads the actors' own columns only, as the actor page's
	// forms ask on every view.
	read := func() (any, error) {
		var ar args
		where, err := store.db.actorWhere(ctx, p, f, &ar)
		if err != nil {
			return nil, err
		}
		return collect(scanChoice)(store.db.read.QueryContext(ctx, `SELECT a.id, a.name FROM actors a WHERE `+where+
			` ORDER BY a.name, a.id LIMIT `+ar.add(limit+2), ar...))
	}
	var names any
	if f.Tag == "" && f.MapID == "" {
		names, err = store.db.keptMaps(ctx, pid, fmt.Sprintf("actor names\x00%t\x00%+v\x00%d", pk.MaySeeSensitive(p.MyRole), f, limit), read)
	} else {
		names, err = read()
	}
	if err != nil {
		return nil, false, err
	}
	all := names.([]pk.Choice)
	out := make([]pk.Choice, 0, min(len(all), limit+1))
	for _, c := range all {
		if c.ID != except {
			out = append(out, c)
		}
	}
	out, more := cut(out, limit)
	return out, more, nil
}
