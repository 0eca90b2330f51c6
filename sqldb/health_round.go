package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

// HealthStore keeps the partnership's health: rounds of the health check
// and of the trust survey, their ratings read back only by their author and
// as aggregates, and the behaviour signals.
type HealthStore struct{ db *DB }

// roundSelect counts raters in the same query: people for a health round,
// rating organisations for a trust round (a number, never who).
const roundSelect = `
	SELECT r.id, r.kind, r.title, r.status, r.opened_at, r.closed_at, r.version,
		CASE WHEN r.kind = 'health'
			THEN (SELECT COUNT(DISTINCT h.user_id) FROM health_ratings h WHERE h.round_id = r.id)
			ELSE (SELECT COUNT(DISTINCT t.rater_org_id) FROM trust_ratings t WHERE t.round_id = r.id) END
	FROM health_rounds r `

func scanRound(row rowScanner) (*pk.Round, error) {
	r := &pk.Round{}
	err := row.Scan(&r.ID, &r.Kind, &r.Title, &r.Status, ts(&r.OpenedAt), nts(&r.ClosedAt), &r.Version, &r.Raters)
	return r, err
}

func loadRound(ctx context.Context, q queryer, pid, rid string) (*pk.Round, error) {
	r, err := scanRound(q.QueryRowContext(ctx, roundSelect+`WHERE r.id = $1 AND r.partnership_id = $2`, rid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return r, err
}

// loadRoundOfKind loads a round and checks its kind: a health round's ID in
// a trust path (or the other way round) is not found, not misread.
func loadRoundOfKind(ctx context.Context, q queryer, pid, rid, kind string) (*pk.Round, error) {
	r, err := loadRound(ctx, q, pid, rid)
	if err == nil && r.Kind != kind {
		return nil, pk.NotFound()
	}
	return r, err
}

// Rounds lists the partnership's rounds of a kind, newest first.
func (store *HealthStore) Rounds(ctx context.Context, pid, kind string) (*pk.RoundList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewHealth); err != nil {
		return nil, err
	}
	var v pk.Validator
	v.OneOf("kind", kind, true, pk.RoundKinds)
	if err := v.Err(); err != nil {
		return nil, err
	}
	items, err := collect(scanRound)(store.db.read.QueryContext(ctx,
		roundSelect+`WHERE r.partnership_id = $1 AND r.kind = $2 ORDER BY r.opened_at DESC, r.id DESC LIMIT $3`, pid, kind, pk.MaxHealthRounds+1))
	if err != nil {
		return nil, err
	}
	out := &pk.RoundList{Items: items, Cut: len(items) > pk.MaxHealthRounds}
	if out.Cut {
		out.Items = items[:pk.MaxHealthRounds]
	}
	return out, nil
}

// Round returns one round.
func (store *HealthStore) Round(ctx context.Context, pid, rid string) (*pk.Round, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewHealth); err != nil {
		return nil, err
	}
	return loadRound(ctx, store.db.read, pid, rid)
}

// OpenRound opens a round; a second open round of the same kind is refused,
// so that members always know which round they are rating in.
func (store *HealthStore) OpenRound(ctx context.Context, pid string, in pk.RoundInput) (*pk.Round, error) {
	if err := in.Validate(); err != nil {
		if _, aerr := store.db.authorize(ctx, store.db.read, pid, pk.ActionManageHealth); aerr != nil {
			return nil, aerr
		}
		return nil, err
	}
	var out *pk.Round
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageHealth); err != nil {
			return err
		}
		var open int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM health_rounds WHERE partnership_id = $1 AND kind = $2 AND status = $3`,
			pid, in.Kind, pk.RoundOpen).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return pk.FieldInvalid("kind", "health.validation.round_open", nil)
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO health_rounds (id, partnership_id, kind, title, status, opened_by, opened_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			id, pid, in.Kind, in.Title, pk.RoundOpen, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadRound(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "health.round.open", "health_round", id, out.Title, nil, map[string]any{"kind": out.Kind, "title": out.Title})
	})
	return out, err
}

// CloseRound closes an open round: its ratings can no longer change.
func (store *HealthStore) CloseRound(ctx context.Context, pid, rid string, version int) (*pk.Round, error) {
	var out *pk.Round
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageHealth); err != nil {
			return err
		}
		r, err := loadRound(ctx, tx, pid, rid)
		if err != nil {
			return err
		}
		if r.Status != pk.RoundOpen {
			return pk.Errorf(pk.ECONFLICT, "health.error.round_closed", nil)
		}
		if err := tx.bumpVersion(ctx, "health_rounds", "id = $1 AND partnership_id = $2", version, rid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE health_rounds SET status = $2, closed_at = $3 WHERE id = $1`,
			rid, pk.RoundClosed, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadRound(ctx, tx, pid, rid); err != nil {
			return err
		}
		// The count of raters is an aggregate; no rating is in the entry.
		return tx.audit(ctx, pid, "health.round.close", "health_round", rid, out.Title, nil,
			map[string]any{"kind": out.Kind, "raters": out.Raters})
	})
	return out, err
}
