package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const barrierSelect = `
	SELECT b.id, b.organisation_id, o.name, b.kind, b.description, b.resolved, b.version, b.created_at, b.updated_at
	FROM barriers b JOIN organisations o ON o.id = b.organisation_id `

func scanBarrier(row rowScanner) (*pk.Barrier, error) {
	b := &pk.Barrier{}
	err := row.Scan(&b.ID, &b.OrganisationID, &b.OrganisationName, &b.Kind, &b.Description, &b.Resolved, &b.Version,
		ts(&b.CreatedAt), ts(&b.UpdatedAt))
	b.KindText = "contributions.barrier." + b.Kind
	return b, err
}

// Barriers lists the barriers, unresolved first, then by organisation.
func (store *ContributionStore) Barriers(ctx context.Context, pid string) ([]*pk.Barrier, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, false, err
	}
	out, err := collect(scanBarrier)(store.db.read.QueryContext(ctx, barrierSelect+`
		WHERE b.partnership_id = $1 ORDER BY b.resolved, o.name, b.created_at, b.id LIMIT $2`, pid, pk.MaxBarriers+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxBarriers
	if cut {
		out = out[:pk.MaxBarriers]
	}
	return out, cut, nil
}

// Barrier returns one barrier.
func (store *ContributionStore) Barrier(ctx context.Context, pid, bid string) (*pk.Barrier, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	return loadBarrier(ctx, store.db.read, pid, bid)
}

func loadBarrier(ctx context.Context, q queryer, pid, bid string) (*pk.Barrier, error) {
	b, err := scanBarrier(q.QueryRowContext(ctx, barrierSelect+`WHERE b.id = $1 AND b.partnership_id = $2`, bid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return b, err
}

// NameBarrier records a barrier for an organisation (the rule of
// contributions: one's own organisation, or any for a coordinator).
func (store *ContributionStore) NameBarrier(ctx context.Context, pid string, in pk.BarrierInput) (*pk.Barrier, error) {
	var out *pk.Barrier
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, in.OrganisationID); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO barriers (id, partnership_id, organisation_id, kind, description, resolved, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
			id, pid, in.OrganisationID, in.Kind, in.Description, in.Resolved, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if out, err = loadBarrier(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "barrier.name", "barrier", id, out.OrganisationName+": "+out.Kind, nil, out)
	})
	return out, err
}

// UpdateBarrier changes a barrier, or marks it resolved.
func (store *ContributionStore) UpdateBarrier(ctx context.Context, pid, bid string, in pk.BarrierInput) (*pk.Barrier, error) {
	var out *pk.Barrier
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before, err := loadBarrier(ctx, tx, pid, bid)
		if err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, before.OrganisationID); err != nil && pk.ErrorCode(err) == pk.EFORBIDDEN {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, in.OrganisationID); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "barriers", "id = $1 AND partnership_id = $2", in.Version, bid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE barriers SET organisation_id = $2, kind = $3, description = $4, resolved = $5, updated_at = $6 WHERE id = $1`,
			bid, in.OrganisationID, in.Kind, in.Description, in.Resolved, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadBarrier(ctx, tx, pid, bid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "barrier.update", "barrier", bid, out.OrganisationName+": "+out.Kind, before, out)
	})
	return out, err
}

// DeleteBarrier removes a barrier named by mistake.
func (store *ContributionStore) DeleteBarrier(ctx context.Context, pid, bid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		before, err := loadBarrier(ctx, tx, pid, bid)
		if err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, before.OrganisationID); err != nil && pk.ErrorCode(err) == pk.EFORBIDDEN {
			return err
		}
		if err := tx.bumpVersion(ctx, "barriers", "id = $1 AND partnership_id = $2", version, bid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM barriers WHERE id = $1`, bid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "barrier.delete", "barrier", bid, before.OrganisationName+": "+before.Kind, before, nil)
	})
}
