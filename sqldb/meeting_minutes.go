package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// mayKeepMinutes checks that the asker may draft a meeting's minutes or
// record their approval: a coordinator, or the secretary of the meeting's
// body (a secretary's seat held today). An open meeting's minutes are the
// coordinators'.
func mayKeepMinutes(ctx context.Context, q queryer, p *pk.Partnership, m *pk.Meeting, today string) error {
	if p.MyRole.AtLeast(pk.RoleCoordinator) {
		return nil
	}
	if m.BodyID == "" {
		return pk.Errorf(pk.EFORBIDDEN, "meeting.minutes.secretary_only", nil)
	}
	var n int
	if err := q.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM body_seats WHERE body_id = $1 AND user_id = $2 AND position = $3
		AND from_date <= $4 AND (until_date IS NULL OR until_date >= $4)`,
		m.BodyID, pk.UserIDFromContext(ctx), pk.PositionSecretary, today).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return pk.Errorf(pk.EFORBIDDEN, "meeting.minutes.secretary_only", nil)
	}
	return nil
}

// SaveMinutes saves the draft minutes. Approved minutes are the record and
// no longer change.
func (store *MeetingStore) SaveMinutes(ctx context.Context, pid, mtid string, in pk.MinutesInput) (*pk.Meeting, error) {
	var out *pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordMinutes)
		if err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := mayKeepMinutes(ctx, tx, p, m, tx.now.Format("2006-01-02")); err != nil {
			return err
		}
		if m.MinutesStatus == pk.MinutesApproved {
			return pk.FieldInvalid("minutes", "meeting.minutes.already_approved", nil)
		}
		if err := tx.bumpVersion(ctx, "meetings", "id = $1 AND partnership_id = $2", in.Version, mtid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meetings SET minutes = $2, minutes_status = $3, minutes_by = $4, updated_at = $5 WHERE id = $1`,
			mtid, in.Text, pk.MinutesDraft, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadMeeting(ctx, tx, pid, mtid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.minutes.save", "meeting", mtid, m.Title,
			map[string]any{"minutes": m.Minutes}, map[string]any{"minutes": out.Minutes})
	})
	return out, err
}

// ApproveMinutes records that a later meeting of the same body, which has
// begun, approved the draft minutes.
func (store *MeetingStore) ApproveMinutes(ctx context.Context, pid, mtid string, in pk.MinutesApprovalInput) (*pk.Meeting, error) {
	var out *pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordMinutes)
		if err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := mayKeepMinutes(ctx, tx, p, m, tx.now.Format("2006-01-02")); err != nil {
			return err
		}
		switch m.MinutesStatus {
		case pk.MinutesNone:
			return pk.FieldInvalid("at_meeting_id", "meeting.minutes.none_yet", nil)
		case pk.MinutesApproved:
			return pk.FieldInvalid("at_meeting_id", "meeting.minutes.already_approved", nil)
		}
		at, err := loadMeeting(ctx, tx, pid, in.AtMeetingID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return pk.FieldInvalid("at_meeting_id", "meeting.minutes.unknown_meeting", nil)
		} else if err != nil {
			return err
		}
		if at.BodyID != m.BodyID || !at.StartsAt.After(m.StartsAt) {
			return pk.FieldInvalid("at_meeting_id", "meeting.minutes.not_later_same_body", nil)
		}
		if at.StartsAt.After(tx.now) {
			return pk.FieldInvalid("at_meeting_id", "meeting.minutes.not_begun", nil)
		}
		if err := tx.bumpVersion(ctx, "meetings", "id = $1 AND partnership_id = $2", in.Version, mtid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meetings SET minutes_status = $2, minutes_approved_meeting_id = $3, updated_at = $4 WHERE id = $1`,
			mtid, pk.MinutesApproved, at.ID, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadMeeting(ctx, tx, pid, mtid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.minutes.approve", "meeting", mtid, m.Title, nil, map[string]any{"at_meeting_id": at.ID})
	})
	return out, err
}

// MinutesApprovers lists the meetings a meeting's minutes may be approved
// at, as ApproveMinutes checks them: the later meetings of the same body
// (open ones for an open meeting) that have begun, latest first. Read here
// rather than picked from the partnership's latest meetings, which may not
// reach back to them.
func (store *MeetingStore) MinutesApprovers(ctx context.Context, pid, mtid string) ([]*pk.Meeting, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, err
	}
	m, err := loadMeeting(ctx, store.db.read, pid, mtid)
	if err != nil {
		return nil, err
	}
	ar := args{pid, fmtTime(m.StartsAt), fmtTime(store.db.now())}
	body := `m.body_id IS NULL`
	if m.BodyID != "" {
		body = `m.body_id = ` + ar.add(m.BodyID)
	}
	return collect(scanMeeting)(store.db.read.QueryContext(ctx, meetingSelect+`WHERE m.partnership_id = $1 AND `+body+`
		AND m.starts_at > $2 AND m.starts_at <= $3 ORDER BY m.starts_at DESC, m.id LIMIT `+ar.add(pk.MaxMinutesApprovers), ar...))
}
