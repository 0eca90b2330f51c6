package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/spectrum"
)

// checkTacticRefs makes sure the tactic's actor is visible to the asker and
// its owner is a person of the partnership.
func checkTacticRefs(ctx context.Context, tx *Tx, s *mapScope, in pk.TacticInput) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM actors WHERE id = $1 AND partnership_id = $2 AND ($3 OR NOT sensitive)`,
		in.ActorID, s.P.ID, s.Sensitive).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", pk.FieldInvalid("actor", "maps.validation.actor", nil)
	} else if err != nil {
		return "", err
	}
	if in.OwnerID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`,
			s.P.ID, in.OwnerID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", pk.FieldInvalid("owner", "validation.not_a_member", nil)
		}
	}
	return name, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateTactic plans an action to move one actor one step towards us.
func (store *MapStore) CreateTactic(ctx context.Context, pid, mid string, in pk.TacticInput) (*pk.Tactic, error) {
	id := newID()
	err := store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		due, err := in.Validate()
		if err != nil {
			return err
		}
		if _, err := checkTacticRefs(ctx, tx, s, in); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO tactics (id, partnership_id, map_id, actor_id, title, description, status, due, owner_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, pid, mid, in.ActorID, in.Title, in.Description, in.Status, nullTime(due), nullString(in.OwnerID), fmtTime(tx.now)); err != nil {
			return err
		}
		// The summary names the map, not the tactic: members read the
		// activity feed, and the tactic may be about a sensitive actor.
		sensitive, err := tacticSensitive(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.auditSensitive(ctx, sensitive, pid, "tactic.create", "tactic", id, s.Map.Title, nil, tacticAudit(in))
	})
	if err != nil {
		return nil, err
	}
	return store.Tactic(ctx, pid, mid, id)
}

func tacticAudit(in pk.TacticInput) map[string]any {
	return map[string]any{"actor_id": in.ActorID, "title": in.Title, "status": in.Status, "due": in.Due, "owner_id": in.OwnerID}
}

// UpdateTactic changes a tactic (optimistic locking on its version).
func (store *MapStore) UpdateTactic(ctx context.Context, pid, mid, id string, in pk.TacticInput) (*pk.Tactic, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		before, err := store.db.tactics(ctx, tx, s, tacticsOf{id: id})
		if err != nil {
			return err
		} else if len(before) == 0 {
			return pk.NotFound()
		}
		due, err := in.Validate()
		if err != nil {
			return err
		}
		if _, err := checkTacticRefs(ctx, tx, s, in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "tactics", "id = $1", in.Version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE tactics SET actor_id = $1, title = $2, description = $3, status = $4, due = $5, owner_id = $6 WHERE id = $7`,
			in.ActorID, in.Title, in.Description, in.Status, nullTime(due), nullString(in.OwnerID), id); err != nil {
			return err
		}
		b := before[0]
		old := pk.TacticInput{ActorID: b.ActorID, Title: b.Title, Status: b.Status, OwnerID: b.OwnerID}
		if b.Due != nil {
			old.Due = b.Due.Format("2006-01-02")
		}
		sensitive, err := tacticSensitive(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.auditSensitive(ctx, sensitive, pid, "tactic.update", "tactic", id, s.Map.Title, tacticAudit(old), tacticAudit(in))
	})
	if err != nil {
		return nil, err
	}
	return store.Tactic(ctx, pid, mid, id)
}

// DeleteTactic removes a tactic; the version must be current.
func (store *MapStore) DeleteTactic(ctx context.Context, pid, mid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		before, err := store.db.tactics(ctx, tx, s, tacticsOf{id: id})
		if err != nil {
			return err
		} else if len(before) == 0 {
			return pk.NotFound()
		}
		if err := tx.bumpVersion(ctx, "tactics", "id = $1", version, id); err != nil {
			return err
		}
		sensitive, err := tacticSensitive(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tactics WHERE id = $1`, id); err != nil {
			return err
		}
		return tx.auditSensitive(ctx, sensitive, pid, "tactic.delete", "tactic", id, s.Map.Title, map[string]any{"title": before[0].Title, "status": before[0].Status}, nil)
	})
}

// Tactics lists a map's tactics (those about visible actors), by due date:
// the first pk.MaxMapTactics; TacticList also says whether there were more.
func (store *MapStore) Tactics(ctx context.Context, pid, mid string) ([]*pk.Tactic, error) {
	l, err := store.TacticList(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	return l.Tactics, nil
}

// TacticList is Tactics saying whether the list was cut.
func (store *MapStore) TacticList(ctx context.Context, pid, mid string) (*pk.TacticList, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	ts, err := store.db.tactics(ctx, store.db.read, s, tacticsOf{})
	if err != nil {
		return nil, err
	}
	out := &pk.TacticList{}
	out.Tactics, out.Cut = cut(ts, pk.MaxMapTactics)
	return out, nil
}

// Tactic returns one tactic.
func (store *MapStore) Tactic(ctx context.Context, pid, mid, id string) (*pk.Tactic, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	ts, err := store.db.tactics(ctx, store.db.read, s, tacticsOf{id: id})
	if err != nil {
		return nil, err
	} else if len(ts) == 0 {
		return nil, pk.NotFound()
	}
	return ts[0], nil
}

// tacticsOf narrows the tactics read: one tactic (id), or those about one
// actor (actorID), or all when both are empty.
type tacticsOf struct{ id, actorID string }

// tactics reads the map's tactics, at most pk.MaxMapTactics+1 (callers cut
// the extra one off and say so), with each actor's current support, in one
// query.
func (db *DB) tactics(ctx context.Context, q queryer, s *mapScope, f tacticsOf) ([]*pk.Tactic, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT t.id, t.map_id, t.actor_id, ac.name, t.title, t.description, t.status, t.due, COALESCE(t.owner_id, ''),
			COALESCE(u.name, ''), t.version, t.created_at,
			(SELECT a.support FROM assessments a WHERE a.map_id = t.map_id AND a.actor_id = t.actor_id ORDER BY a.seq DESC LIMIT 1)
		FROM tactics t JOIN actors ac ON ac.id = t.actor_id LEFT JOIN users u ON u.id = t.owner_id
		WHERE t.map_id = $1 AND ($2 OR NOT ac.sensitive) AND ($3 = '' OR t.id = $3) AND ($4 = '' OR t.actor_id = $4)
		ORDER BY CASE WHEN t.due IS NULL THEN 1 ELSE 0 END, t.due, t.created_at, t.id
		LIMIT $5`, s.Map.ID, s.Sensitive, f.id, f.actorID, pk.MaxMapTactics+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pk.Tactic
	for rows.Next() {
		t := &pk.Tactic{}
		var support sql.NullInt64
		if err := rows.Scan(&t.ID, &t.MapID, &t.ActorID, &t.ActorName, &t.Title, &t.Description, &t.Status, nts(&t.Due),
			&t.OwnerID, &t.OwnerName, &t.Version, ts(&t.CreatedAt), &support); err != nil {
			return nil, err
		}
		if support.Valid {
			// The aim is one step towards us (after Lakey): NextStep.
			cur := int(support.Int64)
			next := int(spectrum.NextStep(spectrum.SegmentOf(cur)))
			t.Support, t.Target = &cur, &next
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// tacticSensitive reports whether a tactic is about a sensitive actor, so
// that its audit entry stays out of members' activity feed. Privacy fails
// closed: when the answer cannot be read, the error aborts the write rather
// than letting the entry reach the feed as "not sensitive".
func tacticSensitive(ctx context.Context, tx *Tx, id string) (bool, error) {
	var sensitive bool
	err := tx.QueryRowContext(ctx, `SELECT a.sensitive FROM tactics t JOIN actors a ON a.id = t.actor_id WHERE t.id = $1`, id).Scan(&sensitive)
	if err != nil {
		return true, fmt.Errorf("is tactic %s about a sensitive actor: %w", id, err)
	}
	return sensitive, nil
}
