package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const seatSelect = `
	SELECT s.id, s.body_id, COALESCE(s.user_id, ''), COALESCE(u.name, ''), COALESCE(s.organisation_id, ''), COALESCE(o.name, ''),
		s.position, s.from_date, COALESCE(s.until_date, ''), s.version, s.created_at
	FROM body_seats s
	LEFT JOIN users u ON u.id = s.user_id
	LEFT JOIN organisations o ON o.id = s.organisation_id `

func scanSeat(row rowScanner) (*pk.Seat, error) {
	s := &pk.Seat{}
	err := row.Scan(&s.ID, &s.BodyID, &s.UserID, &s.UserName, &s.OrganisationID, &s.OrganisationName,
		&s.Position, &s.From, &s.Until, &s.Version, ts(&s.CreatedAt))
	return s, err
}

// Seats lists a body's seats, held and ended, oldest first.
func (store *BodyStore) Seats(ctx context.Context, pid, bid string) ([]*pk.Seat, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, false, err
	}
	if _, err := loadBody(ctx, store.db.read, pid, bid); err != nil {
		return nil, false, err
	}
	out, err := collect(scanSeat)(store.db.read.QueryContext(ctx,
		seatSelect+`WHERE s.body_id = $1 AND s.partnership_id = $2 ORDER BY s.from_date, s.id LIMIT $3`, bid, pid, pk.MaxBodySeats+1))
	return boundSeats(out, err, pk.MaxBodySeats)
}

// AllSeats lists the seats held today in every body of the partnership.
func (store *BodyStore) AllSeats(ctx context.Context, pid string) ([]*pk.Seat, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, false, err
	}
	today := store.db.now().UTC().Format("2006-01-02")
	out, err := collect(scanSeat)(store.db.read.QueryContext(ctx,
		seatSelect+`WHERE s.partnership_id = $1 AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2)
		ORDER BY s.body_id, s.from_date, s.id LIMIT $3`, pid, today, pk.MaxChartSeats+1))
	return boundSeats(out, err, pk.MaxChartSeats)
}

func boundSeats(out []*pk.Seat, err error, max int) ([]*pk.Seat, bool, error) {
	if err != nil {
		return nil, false, err
	}
	if len(out) > max {
		return out[:max], true, nil
	}
	return out, false, nil
}

// Seat returns one seat of a body, held or ended.
func (store *BodyStore) Seat(ctx context.Context, pid, bid, sid string) (*pk.Seat, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, err
	}
	return loadSeat(ctx, store.db.read, pid, bid, sid)
}

func loadSeat(ctx context.Context, q queryer, pid, bid, sid string) (*pk.Seat, error) {
	s, err := scanSeat(q.QueryRowContext(ctx, seatSelect+`WHERE s.id = $1 AND s.body_id = $2 AND s.partnership_id = $3`, sid, bid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return s, err
}

// checkSeatHolder checks that a person is in the partnership (any role) or
// an organisation is one of its members, so nobody outside it is seated.
func checkSeatHolder(ctx context.Context, tx *Tx, pid string, in *pk.SeatInput) error {
	var n int
	var err error
	field := "user_id"
	if in.UserID != "" {
		err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, in.UserID).Scan(&n)
	} else {
		field = "organisation_id"
		err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
			pid, in.OrganisationID).Scan(&n)
	}
	if err != nil {
		return err
	}
	if n == 0 {
		return pk.FieldInvalid(field, "governance.validation.not_in_partnership", nil)
	}
	return nil
}

// checkSeatOverlap refuses a second seat for the same person or
// organisation in the same body whose dates overlap one they already have
// (sid is the seat being changed, empty for a new one): one holder sits
// once in a body at a time, so counting voices stays honest. Dates are
// YYYY-MM-DD, so text order is date order; an open end is "until now on".
func checkSeatOverlap(ctx context.Context, tx *Tx, pid, bid, sid string, in *pk.SeatInput) error {
	holder, id := "user_id", in.UserID
	if in.OrganisationID != "" {
		holder, id = "organisation_id", in.OrganisationID
	}
	// Two coordinators seating the same person at once on PostgreSQL would
	// each miss the other's seat; locking the body makes the second wait
	// and then see the first. SQLite's single writer does this already.
	if tx.db.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM bodies WHERE id = $1 FOR UPDATE`, bid); err != nil {
			return err
		}
	}
	var from, until string
	err := tx.QueryRowContext(ctx, `
		SELECT from_date, COALESCE(until_date, '') FROM body_seats
		WHERE body_id = $1 AND partnership_id = $2 AND `+holder+` = $3 AND id <> $4
			AND ($5 = '' OR from_date <= $5) AND (until_date IS NULL OR until_date >= $6)
		ORDER BY from_date, id LIMIT 1`, bid, pid, id, sid, in.Until, in.From).Scan(&from, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return pk.FieldInvalid("from", "governance.validation.seat_overlap", map[string]any{"From": from, "Until": until})
}

// AddSeat seats a person or a member organisation in a body.
func (store *BodyStore) AddSeat(ctx context.Context, pid, bid string, in pk.SeatInput) (*pk.Seat, error) {
	var out *pk.Seat
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGovernance); err != nil {
			return err
		}
		body, err := loadBody(ctx, tx, pid, bid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkSeatHolder(ctx, tx, pid, &in); err != nil {
			return err
		}
		if err := checkSeatOverlap(ctx, tx, pid, bid, "", &in); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO body_seats (id, partnership_id, body_id, user_id, organisation_id, position, from_date, until_date, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			id, pid, bid, nullString(in.UserID), nullString(in.OrganisationID), in.Position, in.From, nullString(in.Until), fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadSeat(ctx, tx, pid, bid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "seat.add", "body", bid, seatSummary(body, out), nil, seatAudit(out))
	})
	return out, err
}

// UpdateSeat changes a seat's position or dates; setting Until ends it. The
// holder stays: seating someone else is a new seat, so history stays true.
func (store *BodyStore) UpdateSeat(ctx context.Context, pid, bid, sid string, in pk.SeatInput) (*pk.Seat, error) {
	var out *pk.Seat
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGovernance); err != nil {
			return err
		}
		body, err := loadBody(ctx, tx, pid, bid)
		if err != nil {
			return err
		}
		before, err := loadSeat(ctx, tx, pid, bid, sid)
		if err != nil {
			return err
		}
		in.UserID, in.OrganisationID = before.UserID, before.OrganisationID
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkSeatOverlap(ctx, tx, pid, bid, sid, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "body_seats", "id = $1 AND partnership_id = $2", in.Version, sid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE body_seats SET position = $2, from_date = $3, until_date = $4 WHERE id = $1`,
			sid, in.Position, in.From, nullString(in.Until)); err != nil {
			return err
		}
		if out, err = loadSeat(ctx, tx, pid, bid, sid); err != nil {
			return err
		}
		action := "seat.update"
		if before.Until == "" && out.Until != "" {
			action = "seat.end"
		}
		return tx.audit(ctx, pid, action, "body", bid, seatSummary(body, out), seatAudit(before), seatAudit(out))
	})
	return out, err
}

// seatAudit is what the audit log keeps of a seat: IDs, never a person's
// name, so that deleting an account leaves no name behind in entries that
// are about a body rather than about the person (the log shows the names
// from the IDs while the account exists).
func seatAudit(s *pk.Seat) map[string]string {
	return map[string]string{"id": s.ID, "body_id": s.BodyID, "user_id": s.UserID, "organisation_id": s.OrganisationID,
		"position": s.Position, "from": s.From, "until": s.Until}
}

// seatSummary names the body and the position, and the organisation when
// an organisation holds the seat (organisations are public), not a person.
func seatSummary(b *pk.Body, s *pk.Seat) string {
	out := b.Name + ": " + s.Position
	if s.OrganisationName != "" {
		out += " (" + s.OrganisationName + ")"
	}
	return out
}
