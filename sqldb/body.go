package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// BodyStore keeps the partnership's bodies and their seats.
type BodyStore struct{ db *DB }

const bodySelect = `
	SELECT b.id, b.name, b.kind, b.mandate, COALESCE(b.parent_id, ''), COALESCE(pb.name, ''), b.cadence, b.quorum,
		COALESCE(b.reports_to_id, ''), COALESCE(rb.name, ''), b.reporting_cadence, b.version, b.created_at, b.updated_at
	FROM bodies b
	LEFT JOIN bodies pb ON pb.id = b.parent_id
	LEFT JOIN bodies rb ON rb.id = b.reports_to_id `

func scanBody(row rowScanner) (*pk.Body, error) {
	b := &pk.Body{}
	var quorum string
	err := row.Scan(&b.ID, &b.Name, &b.Kind, &b.Mandate, &b.ParentID, &b.ParentName, &b.Cadence, &quorum,
		&b.ReportsToID, &b.ReportsToName, &b.ReportingCadence, &b.Version, ts(&b.CreatedAt), ts(&b.UpdatedAt))
	if err != nil {
		return nil, err
	}
	b.Quorum, err = parseShare(quorum)
	return b, err
}

// fmtShare writes a share in Go's shortest exact form; parseShare reads it.
func fmtShare(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func parseShare(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

// Bodies lists the partnership's bodies by name.
func (store *BodyStore) Bodies(ctx context.Context, pid string) ([]*pk.Body, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, false, err
	}
	out, err := collect(scanBody)(store.db.read.QueryContext(ctx,
		bodySelect+`WHERE b.partnership_id = $1 ORDER BY b.name, b.id LIMIT $2`, pid, pk.MaxBodies+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxBodies
	if cut {
		out = out[:pk.MaxBodies]
	}
	return out, cut, nil
}

// Body returns one body.
func (store *BodyStore) Body(ctx context.Context, pid, bid string) (*pk.Body, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, err
	}
	return loadBody(ctx, store.db.read, pid, bid)
}

func loadBody(ctx context.Context, q queryer, pid, bid string) (*pk.Body, error) {
	b, err := scanBody(q.QueryRowContext(ctx, bodySelect+`WHERE b.id = $1 AND b.partnership_id = $2`, bid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return b, err
}

// checkBodyLinks checks that the parent and the reporting line are bodies
// of the same partnership, and that following parents from the parent never
// comes back to the body itself (bid is empty for a new body, which cannot
// be anyone's parent yet).
func checkBodyLinks(ctx context.Context, tx *Tx, pid, bid string, in *pk.BodyInput) error {
	var v pk.Validator
	for _, link := range []struct{ field, id string }{{"parent_id", in.ParentID}, {"reports_to_id", in.ReportsToID}} {
		if link.id == "" {
			continue
		}
		if link.id == bid {
			v.Add(link.field, "governance.validation.parent_loop", nil)
			continue
		}
		if _, err := loadBody(ctx, tx, pid, link.id); pk.ErrorCode(err) == pk.ENOTFOUND {
			v.Add(link.field, "governance.validation.unknown_body", nil)
		} else if err != nil {
			return err
		}
	}
	if err := v.Err(); err != nil || bid == "" || in.ParentID == "" {
		return err
	}
	// Walk up from the new parent; bodies are few, and MaxBodies stops a
	// loop already in the data from running forever.
	at := in.ParentID
	for range pk.MaxBodies + 1 {
		var up sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT parent_id FROM bodies WHERE id = $1`, at).Scan(&up); err != nil {
			return err
		}
		if !up.Valid {
			return nil
		}
		if up.String == bid {
			return pk.FieldInvalid("parent_id", "governance.validation.parent_loop", nil)
		}
		at = up.String
	}
	return pk.FieldInvalid("parent_id", "governance.validation.parent_loop", nil)
}

// CreateBody adds a body.
func (store *BodyStore) CreateBody(ctx context.Context, pid string, in pk.BodyInput) (*pk.Body, error) {
	var out *pk.Body
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGovernance); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkBodyLinks(ctx, tx, pid, "", &in); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO bodies (id, partnership_id, name, kind, mandate, parent_id, cadence, quorum, reports_to_id, reporting_cadence,
				created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
			id, pid, in.Name, in.Kind, in.Mandate, nullString(in.ParentID), in.Cadence, fmtShare(in.Quorum), nullString(in.ReportsToID),
			in.ReportingCadence, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		var err error
		if out, err = loadBody(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "body.create", "body", id, out.Name, nil, out)
	})
	return out, err
}

// UpdateBody changes a body.
func (store *BodyStore) UpdateBody(ctx context.Context, pid, bid string, in pk.BodyInput) (*pk.Body, error) {
	var out *pk.Body
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGovernance); err != nil {
			return err
		}
		before, err := loadBody(ctx, tx, pid, bid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkBodyLinks(ctx, tx, pid, bid, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "bodies", "id = $1 AND partnership_id = $2", in.Version, bid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE bodies SET name = $2, kind = $3, mandate = $4, parent_id = $5, cadence = $6, quorum = $7, reports_to_id = $8,
				reporting_cadence = $9, updated_at = $10
			WHERE id = $1`,
			bid, in.Name, in.Kind, in.Mandate, nullString(in.ParentID), in.Cadence, fmtShare(in.Quorum), nullString(in.ReportsToID),
			in.ReportingCadence, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadBody(ctx, tx, pid, bid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "body.update", "body", bid, out.Name, before, out)
	})
	return out, err
}
