package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// AddAssessment records a new judgement of an actor on a map. Earlier
// assessments stay as they are: they are the actor's history.
func (store *MapStore) AddAssessment(ctx context.Context, pid, mid string, in pk.AssessmentInput) (*pk.Assessment, error) {
	a := &pk.Assessment{ID: newID(), MapID: mid, ActorID: in.ActorID, Support: in.Support, Influence: in.Influence,
		Interest: in.Interest, Note: in.Note}
	err := store.db.inTx(ctx, func(tx *Tx) error {
		s, err := store.db.mapFor(ctx, tx, pid, mid, pk.ActionEditMaps)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		// An actor of another partnership, or a sensitive one the asker may
		// not see, is simply unknown.
		var sensitiveActor bool
		err = tx.QueryRowContext(ctx, `SELECT name, kind, sensitive FROM actors WHERE id = $1 AND partnership_id = $2 AND ($3 OR NOT sensitive)`,
			in.ActorID, pid, s.Sensitive).Scan(&a.ActorName, &a.ActorKind, &sensitiveActor)
		if errors.Is(err, sql.ErrNoRows) {
			return pk.FieldInvalid("actor", "maps.validation.actor", nil)
		} else if err != nil {
			return err
		}
		uid := pk.UserIDFromContext(ctx)
		a.AssessedBy, a.AssessedAt = uid, tx.now
		var interest any
		if in.Interest != 0 {
			interest = in.Interest
		}
		if u := pk.UserFromContext(ctx); u != nil {
			a.AssessedByName = u.Name
		}
		// The summary names the map, not the actor; an assessment of a
		// sensitive actor stays out of members' activity feed altogether.
		if err := tx.auditSensitive(ctx, sensitiveActor, pid, "assessment.create", "map", mid, s.Map.Title, nil,
			map[string]any{"actor_id": in.ActorID, "support": in.Support, "influence": in.Influence, "interest": in.Interest}); err != nil {
			return err
		}
		// Written last: its trigger raises the partnership's map version,
		// whose row other writers wait for until this transaction ends.
		return tx.QueryRowContext(ctx, `
			INSERT INTO assessments (id, partnership_id, map_id, actor_id, support, influence, interest, note, assessed_by, assessed_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
			a.ID, pid, mid, in.ActorID, in.Support, in.Influence, interest, in.Note, uid, fmtTime(tx.now)).Scan(&a.Seq)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

const assessmentColumns = `a.id, a.seq, a.map_id, a.actor_id, ac.name, ac.kind, a.support, a.influence, COALESCE(a.interest, 0),
	a.note, COALESCE(a.assessed_by, ''), COALESCE(u.name, ''), a.assessed_at`

func scanAssessment(rows rowScanner) (*pk.Assessment, error) {
	a := &pk.Assessment{}
	err := rows.Scan(&a.ID, &a.Seq, &a.MapID, &a.ActorID, &a.ActorName, &a.ActorKind, &a.Support, &a.Influence, &a.Interest,
		&a.Note, &a.AssessedBy, &a.AssessedByName, ts(&a.AssessedAt))
	return a, err
}

// Assessments lists a map's assessments newest first, of one actor when
// actorID is not empty, paginated by p.
func (store *MapStore) Assessments(ctx context.Context, pid, mid, actorID string, p pk.PageRequest) ([]*pk.Assessment, string, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, "", err
	}
	p = p.Normalize()
	var before int64 = 1<<62 - 1
	if parts, ok := decodeCursor(p.Cursor, 1); !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	} else if parts != nil {
		n, err := strconv.ParseInt(parts[0], 10, 64)
		if err != nil {
			return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
		}
		before = n
	}
	out, err := collect(scanAssessment)(store.db.read.QueryContext(ctx, `
		SELECT `+assessmentColumns+`
		FROM assessments a JOIN actors ac ON ac.id = a.actor_id LEFT JOIN users u ON u.id = a.assessed_by
		WHERE a.map_id = $1 AND ($2 OR NOT ac.sensitive) AND ($3 = '' OR a.actor_id = $3) AND a.seq < $4
		ORDER BY a.seq DESC LIMIT $5`, mid, s.Sensitive, actorID, before, p.Limit+1))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, p.Limit, func(last *pk.Assessment) string { return encodeCursor(strconv.FormatInt(last.Seq, 10)) })
	return out, next, nil
}

// Positions returns each visible actor's latest assessment on a map as it
// stood at time at (now when at is zero), ordered by actor name: the first
// pk.MaxMapActors; PositionList also says whether there were more.
func (store *MapStore) Positions(ctx context.Context, pid, mid string, at time.Time) ([]*pk.Assessment, error) {
	l, err := store.PositionList(ctx, pid, mid, at)
	if err != nil {
		return nil, err
	}
	return copyAssessments(l.Positions), nil
}

// PositionList is Positions saying whether the list was cut, handing out
// the kept rows themselves: a map of 500 actors is drawn from them on every
// view of its power map or spectrum, and the drawings are kept.
func (store *MapStore) PositionList(ctx context.Context, pid, mid string, at time.Time) (*pk.PositionList, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	pos, kept, err := store.db.positions(ctx, s, at)
	if err != nil {
		return nil, err
	}
	out := &pk.PositionList{Kept: kept}
	out.Positions, out.Cut = cut(pos, pk.MaxMapActors)
	out.Positions = slices.Clip(out.Positions) // an append never writes into the kept rows
	return out, nil
}

// positions reads at most pk.MaxMapActors+1 positions: callers cut the
// extra one off and say so. They are the kept rows, shared: never change
// them (hand out copies). kept names them.
func (db *DB) positions(ctx context.Context, s *mapScope, at time.Time) (_ []*pk.Assessment, kept pk.Kept, _ error) {
	// The end of time as stored text: every stored time sorts before it.
	until := "9999"
	if !at.IsZero() {
		until = fmtTime(at)
	}
	// The latest assessment per actor, found in one pass over the map's
	// assessments (a correlated subquery per row is quadratic on SQLite),
	// kept until the map or an actor changes.
	rows, kept, err := db.keptMapsNamed(ctx, s.P.ID, "positions\x00"+s.Map.ID+"\x00"+strconv.FormatBool(s.Sensitive)+"\x00"+until, func() (any, error) {
		return db.readPositions(ctx, s, until)
	})
	if err != nil {
		return nil, kept, err
	}
	return rows.([]*pk.Assessment), kept, nil
}

func (db *DB) readPositions(ctx context.Context, s *mapScope, until string) ([]*pk.Assessment, error) {
	return collect(scanAssessment)(db.read.QueryContext(ctx, `
		SELECT `+assessmentColumns+`
		FROM (SELECT MAX(seq) AS seq FROM assessments WHERE map_id = $1 AND assessed_at <= $3 GROUP BY actor_id) l
		JOIN assessments a ON a.seq = l.seq
		JOIN actors ac ON ac.id = a.actor_id LEFT JOIN users u ON u.id = a.assessed_by
		WHERE ($2 OR NOT ac.sensitive)
		ORDER BY ac.name, ac.id LIMIT $4`, s.Map.ID, s.Sensitive, until, pk.MaxMapActors+1))
}

// position reads one visible actor's latest assessment on a map, or nil
// before its first: an actor's own page must not depend on where its name
// falls in a cut list of positions.
func (db *DB) position(ctx context.Context, s *mapScope, actorID string) (*pk.Assessment, error) {
	out, err := collect(scanAssessment)(db.read.QueryContext(ctx, `
		SELECT `+assessmentColumns+`
		FROM assessments a JOIN actors ac ON ac.id = a.actor_id LEFT JOIN users u ON u.id = a.assessed_by
		WHERE a.map_id = $1 AND a.actor_id = $2 AND ($3 OR NOT ac.sensitive)
		ORDER BY a.seq DESC LIMIT 1`, s.Map.ID, actorID, s.Sensitive))
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return out[0], nil
}

// Moves lists the visible actors whose support changed between since and
// now, or who were placed on the map after since, by name.
func (store *MapStore) Moves(ctx context.Context, pid, mid string, since time.Time) ([]*pk.Move, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	then, _, err := store.db.positions(ctx, s, since)
	if err != nil {
		return nil, err
	}
	now, _, err := store.db.positions(ctx, s, time.Time{})
	if err != nil {
		return nil, err
	}
	return pk.MovesBetween(then, now), nil
}

// Timeline returns every visible assessment of a map in order (oldest
// first), for charts of the spectrum over time. One query; the rows are
// small. The first pk.MaxMapTimeline; TimelineList also says whether there
// were more.
func (store *MapStore) Timeline(ctx context.Context, pid, mid string) ([]*pk.Assessment, error) {
	l, err := store.TimelineList(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	return copyAssessments(l.Assessments), nil
}

// TimelineList is Timeline saying whether the list was cut. It keeps the
// oldest assessments rather than the newest: positions are built forward
// from the first assessment, so a chart of the earlier part is right and
// simply ends early, where one without the beginning would be wrong.
func (store *MapStore) TimelineList(ctx context.Context, pid, mid string) (*pk.TimelineList, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	v, kept, err := store.db.keptMapsNamed(ctx, pid, "timeline\x00"+mid+"\x00"+strconv.FormatBool(s.Sensitive), func() (any, error) {
		return store.db.readTimeline(ctx, s)
	})
	if err != nil {
		return nil, err
	}
	// Shared, not copied: a national map's two years of assessments are
	// thousands of rows, read on every view of its spectrum to draw a chart
	// that is itself kept.
	l := v.(*pk.TimelineList)
	return &pk.TimelineList{Assessments: l.Assessments, Cut: l.Cut, Kept: kept}, nil
}

func (db *DB) readTimeline(ctx context.Context, s *mapScope) (*pk.TimelineList, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT a.actor_id, a.support, a.assessed_at
		FROM assessments a JOIN actors ac ON ac.id = a.actor_id
		WHERE a.map_id = $1 AND ($2 OR NOT ac.sensitive)
		ORDER BY a.seq LIMIT $3`, s.Map.ID, s.Sensitive, pk.MaxMapTimeline+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.TimelineList{}
	for rows.Next() {
		a := &pk.Assessment{MapID: s.Map.ID}
		if err := rows.Scan(&a.ActorID, &a.Support, ts(&a.AssessedAt)); err != nil {
			return nil, err
		}
		out.Assessments = append(out.Assessments, a)
	}
	out.Assessments, out.Cut = cut(out.Assessments, pk.MaxMapTimeline)
	return out, rows.Err()
}

// MapLines returns the cooperation and conflict relationships among the
// actors placed on a map; sensitive relationships, and any touching a
// sensitive actor, for coordinators only. The first pk.MaxMapLines;
// MapLineList also says whether there were more.
func (store *MapStore) MapLines(ctx context.Context, pid, mid string) ([]*pk.MapLine, error) {
	l, err := store.MapLineList(ctx, pid, mid)
	if err != nil {
		return nil, err
	}
	return l.Lines, nil
}

// MapLineList is MapLines saying whether the list was cut.
func (store *MapStore) MapLineList(ctx context.Context, pid, mid string) (*pk.MapLineList, error) {
	s, err := store.db.mapFor(ctx, store.db.read, pid, mid, pk.ActionViewMaps)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT r.from_actor, r.to_actor, r.type
		FROM relationships r JOIN actors f ON f.id = r.from_actor JOIN actors t ON t.id = r.to_actor
		WHERE r.partnership_id = $1 AND r.type IN ('cooperates_with', 'in_conflict_with')
		  AND ($2 OR (NOT r.sensitive AND NOT f.sensitive AND NOT t.sensitive))
		  AND EXISTS (SELECT 1 FROM assessments a WHERE a.map_id = $3 AND a.actor_id = r.from_actor)
		  AND EXISTS (SELECT 1 FROM assessments a WHERE a.map_id = $3 AND a.actor_id = r.to_actor)
		ORDER BY r.id LIMIT $4`, pid, s.Sensitive, mid, pk.MaxMapLines+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.MapLineList{}
	for rows.Next() {
		l := &pk.MapLine{}
		var typ string
		if err := rows.Scan(&l.From, &l.To, &typ); err != nil {
			return nil, err
		}
		l.Conflict = typ == "in_conflict_with"
		out.Lines = append(out.Lines, l)
	}
	out.Lines, out.Cut = cut(out.Lines, pk.MaxMapLines)
	return out, rows.Err()
}

// SeedAssessment is a bare assessment for SeedAssessments.
type SeedAssessment struct {
	ActorID                      string
	Support, Influence, Interest int
	At                           time.Time
}

// SeedAssessments writes assessments straight into a map in one
// transaction, in the order given, without permission checks or audit
// entries: for benchmarks and fixtures only, never for pages or the API.
func (store *Seeder) SeedAssessments(ctx context.Context, pid, mid string, rows []SeedAssessment) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		for _, r := range rows {
			var interest any
			if r.Interest != 0 {
				interest = r.Interest
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO assessments (id, partnership_id, map_id, actor_id, support, influence, interest, assessed_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				newID(), pid, mid, r.ActorID, r.Support, r.Influence, interest, fmtTime(r.At)); err != nil {
				return err
			}
		}
		return nil
	})
}
