package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/meeting"
)

// MeetingStore keeps meetings with their agendas, attendance, minutes and
// action items.
type MeetingStore struct{ db *DB }

const meetingColumns = `m.id, COALESCE(m.body_id, ''), COALESCE(b.name, ''), m.title, m.starts_at, m.ends_at, m.time_zone, m.place, m.link,
		m.agenda_circulated_at, m.minutes, m.minutes_status, COALESCE(m.minutes_approved_meeting_id, ''), COALESCE(am.title, ''),
		m.version, m.created_at, m.updated_at`

const meetingFrom = `
	FROM meetings m
	LEFT JOIN bodies b ON b.id = m.body_id
	LEFT JOIN meetings am ON am.id = m.minutes_approved_meeting_id `

const meetingSelect = `SELECT ` + meetingColumns + meetingFrom

// scanMeetingWith reads a meeting and any extra columns after it.
func scanMeetingWith(row rowScanner, extra ...any) (*pk.Meeting, error) {
	m := &pk.Meeting{}
	dest := append([]any{&m.ID, &m.BodyID, &m.BodyName, &m.Title, ts(&m.StartsAt), ts(&m.EndsAt), &m.TimeZone, &m.Place, &m.Link,
		nts(&m.AgendaCirculatedAt), &m.Minutes, &m.MinutesStatus, &m.MinutesApprovedAt, &m.MinutesApprovedAtTitle,
		&m.Version, ts(&m.CreatedAt), ts(&m.UpdatedAt)}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	return m, nil
}

func scanMeeting(row rowScanner) (*pk.Meeting, error) { return scanMeetingWith(row) }

// loadMeeting reads meeting mtid of partnership pid (ENOTFOUND if none).
// Outside a transaction (q is a pool, not a *Tx) a meeting found is kept in
// the request's memo and a copy handed out: a meeting's page asks several
// services about the same meeting, each of which checks that it exists.
// Whether the asker may see it is decided by each service, before.
func loadMeeting(ctx context.Context, q queryer, pid, mtid string) (*pk.Meeting, error) {
	memo := poolMemo(ctx, q)
	key := "meeting\x00" + pid + "\x00" + mtid
	if v, ok := memo.Get(key); ok {
		return copyMeeting(v.(*pk.Meeting)), nil
	}
	m, err := scanMeeting(q.QueryRowContext(ctx, meetingSelect+`WHERE m.id = $1 AND m.partnership_id = $2`, mtid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	memo.Put(key, copyMeeting(m))
	return m, nil
}

// poolMemo is the request's memo when q reads from a pool, nil (which
// keeps nothing) inside a transaction, which must read what it changed.
func poolMemo(ctx context.Context, q queryer) *pk.RequestMemo {
	if _, pool := q.(*sql.DB); !pool {
		return nil
	}
	return pk.MemoFromContext(ctx)
}

// copyMeeting copies a meeting, what its pointer points to included.
func copyMeeting(m *pk.Meeting) *pk.Meeting {
	c := *m
	if m.AgendaCirculatedAt != nil {
		at := *m.AgendaCirculatedAt
		c.AgendaCirculatedAt = &at
	}
	return &c
}

// Meetings lists the partnership's meetings, latest start first.
func (store *MeetingStore) Meetings(ctx context.Context, pid string) ([]*pk.Meeting, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, false, err
	}
	out, err := collect(scanMeeting)(store.db.read.QueryContext(ctx,
		meetingSelect+`WHERE m.partnership_id = $1 ORDER BY m.starts_at DESC, m.id LIMIT $2`, pid, pk.MaxMeetings+1))
	if err != nil {
		return nil, false, err
	}
	if len(out) > pk.MaxMeetings {
		return out[:pk.MaxMeetings], true, nil
	}
	return out, false, nil
}

// Meeting returns one meeting.
func (store *MeetingStore) Meeting(ctx context.Context, pid, mtid string) (*pk.Meeting, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, err
	}
	return loadMeeting(ctx, store.db.read, pid, mtid)
}

// checkMeetingBody checks that the body, when one is named, is the
// partnership's.
func checkMeetingBody(ctx context.Context, tx *Tx, pid, bid string) error {
	if bid == "" {
		return nil
	}
	if _, err := loadBody(ctx, tx, pid, bid); pk.ErrorCode(err) == pk.ENOTFOUND {
		return pk.FieldInvalid("body_id", "governance.validation.unknown_body", nil)
	} else if err != nil {
		return err
	}
	return nil
}

// meetingAudit is what the audit log keeps of a meeting.
func meetingAudit(m *pk.Meeting) map[string]any {
	return map[string]any{"id": m.ID, "body_id": m.BodyID, "title": m.Title, "starts_at": m.StartsAt, "ends_at": m.EndsAt,
		"time_zone": m.TimeZone, "place": m.Place, "link": m.Link}
}

// CreateMeeting schedules a meeting.
func (store *MeetingStore) CreateMeeting(ctx context.Context, pid string, in pk.MeetingInput) (*pk.Meeting, error) {
	var out *pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		start, end, _ := in.Times()
		if err := checkMeetingBody(ctx, tx, pid, in.BodyID); err != nil {
			return err
		}
		id, err := insertMeeting(ctx, tx, pid, in, fmtTime(start), fmtTime(end))
		if err != nil {
			return err
		}
		if out, err = loadMeeting(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.create", "meeting", id, out.Title, nil, meetingAudit(out))
	})
	return out, err
}

func insertMeeting(ctx context.Context, tx *Tx, pid string, in pk.MeetingInput, start, end string) (string, error) {
	id, now := newID(), fmtTime(tx.now)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO meetings (id, partnership_id, body_id, title, starts_at, ends_at, time_zone, place, link, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
		id, pid, nullString(in.BodyID), in.Title, start, end, in.TimeZone, in.Place, in.Link,
		nullString(pk.UserIDFromContext(ctx)), now)
	return id, err
}

// UpdateMeeting changes a meeting; a shorter meeting must still hold its
// agenda.
func (store *MeetingStore) UpdateMeeting(ctx context.Context, pid, mtid string, in pk.MeetingInput) (*pk.Meeting, error) {
	var out *pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		before, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkMeetingBody(ctx, tx, pid, in.BodyID); err != nil {
			return err
		}
		start, end, _ := in.Times()
		total, err := agendaTotal(ctx, tx, mtid, "")
		if err != nil {
			return err
		}
		if length := int(end.Sub(start).Minutes()); !meeting.Fits(total, length) {
			return pk.FieldInvalid("ends_at", "meeting.validation.agenda_longer", map[string]any{"Total": total, "Length": length})
		}
		if err := tx.bumpVersion(ctx, "meetings", "id = $1 AND partnership_id = $2", in.Version, mtid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE meetings SET body_id = $2, title = $3, starts_at = $4, ends_at = $5, time_zone = $6, place = $7, link = $8, updated_at = $9
			WHERE id = $1`, mtid, nullString(in.BodyID), in.Title, fmtTime(start), fmtTime(end), in.TimeZone, in.Place, in.Link,
			fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadMeeting(ctx, tx, pid, mtid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.update", "meeting", mtid, out.Title, meetingAudit(before), meetingAudit(out))
	})
	return out, err
}

// DeleteMeeting removes a meeting that holds no record yet. Minutes and
// action items are the partnership's record of what was agreed and who
// does what: a meeting carrying them stays.
func (store *MeetingStore) DeleteMeeting(ctx context.Context, pid, mtid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionDeleteMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		var items int
		// Decisions taken at the meeting are part of its record too.
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM meeting_action_items WHERE meeting_id = $1)
			+ (SELECT COUNT(*) FROM decisions WHERE meeting_id = $1)`, mtid).Scan(&items); err != nil {
			return err
		}
		if m.MinutesStatus != pk.MinutesNone || items > 0 {
			return pk.Errorf(pk.ECONFLICT, "meeting.delete.has_record", nil)
		}
		if err := tx.bumpVersion(ctx, "meetings", "id = $1 AND partnership_id = $2", version, mtid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM meetings WHERE id = $1`, mtid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.delete", "meeting", mtid, m.Title, meetingAudit(m), nil)
	})
}

// ScheduleSeries creates the next meetings after one at a regular interval.
func (store *MeetingStore) ScheduleSeries(ctx context.Context, pid, mtid string, in pk.SeriesInput) ([]*pk.Meeting, error) {
	var out []*pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		base := pk.MeetingInput{BodyID: m.BodyID, Title: m.Title, TimeZone: m.TimeZone, Place: m.Place, Link: m.Link}
		for _, when := range meeting.Series(m.StartsAt, m.EndsAt, m.Location(), in.Every, in.Count) {
			id, err := insertMeeting(ctx, tx, pid, base, fmtTime(when[0]), fmtTime(when[1]))
			if err != nil {
				return err
			}
			next, err := loadMeeting(ctx, tx, pid, id)
			if err != nil {
				return err
			}
			out = append(out, next)
			if err := tx.audit(ctx, pid, "meeting.create", "meeting", id, next.Title, nil, meetingAudit(next)); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
