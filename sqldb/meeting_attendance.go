package sqldb

import (
	"context"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/charter"
	"github.com/partnerkit/partnerkit/meeting"
)

// Attendance is who is expected at a meeting and who came, with the quorum
// now.
func (store *MeetingStore) Attendance(ctx context.Context, pid, mtid string) (*pk.AttendanceSheet, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, err
	}
	m, err := loadMeeting(ctx, store.db.read, pid, mtid)
	if err != nil {
		return nil, err
	}
	return attendanceSheet(ctx, store.db.read, pid, m)
}

// holderRows keeps attendance rows by holder key in the order first seen.
type holderRows struct {
	rows  map[string]*pk.AttendanceRow
	order []string
}

func (h *holderRows) add(key string, row *pk.AttendanceRow) *pk.AttendanceRow {
	if r, ok := h.rows[key]; ok {
		return r
	}
	h.rows[key] = row
	h.order = append(h.order, key)
	return row
}

// attendanceSheet builds the sheet: for a body's meeting, the people and
// organisations holding a seat on the meeting's day (in its zone); for an
// open meeting, everyone of the partnership and its active member
// organisations; then anyone recorded besides. The quorum comes from the
// charter's rule for the body, or the body's own quorum.
func attendanceSheet(ctx context.Context, q queryer, pid string, m *pk.Meeting) (*pk.AttendanceSheet, error) {
	day := m.StartsAt.In(m.Location()).Format("2006-01-02")
	h := &holderRows{rows: map[string]*pk.AttendanceRow{}}
	var peopleQuery, orgQuery string
	var args []any
	if m.BodyID != "" {
		peopleQuery = `SELECT s.user_id, u.name, COALESCE(pp.organisation_id, '') FROM body_seats s JOIN users u ON u.id = s.user_id
			LEFT JOIN partnership_people pp ON pp.partnership_id = s.partnership_id AND pp.user_id = s.user_id
			WHERE s.body_id = $1 AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2) ORDER BY u.name, s.user_id LIMIT $3`
		orgQuery = `SELECT s.organisation_id, o.name FROM body_seats s JOIN organisations o ON o.id = s.organisation_id
			WHERE s.body_id = $1 AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2) ORDER BY o.name, s.organisation_id LIMIT $3`
		args = []any{m.BodyID, day, pk.MaxAttendanceRows + 1}
	} else {
		peopleQuery = `SELECT pp.user_id, u.name, COALESCE(pp.organisation_id, '') FROM partnership_people pp JOIN users u ON u.id = pp.user_id
			WHERE pp.partnership_id = $1 ORDER BY u.name, pp.user_id LIMIT $2`
		orgQuery = `SELECT po.organisation_id, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, po.organisation_id LIMIT $2`
		args = []any{pid, pk.MaxAttendanceRows + 1}
	}
	seated := m.BodyID != ""
	rows, err := q.QueryContext(ctx, peopleQuery, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		r := &pk.AttendanceRow{Seated: seated}
		if err := rows.Scan(&r.UserID, &r.Name, &r.OfOrganisationID); err != nil {
			rows.Close()
			return nil, err
		}
		h.add("u:"+r.UserID, r)
	}
	rows.Close()
	if rows, err = q.QueryContext(ctx, orgQuery, args...); err != nil {
		return nil, err
	}
	for rows.Next() {
		r := &pk.AttendanceRow{Seated: seated}
		if err := rows.Scan(&r.OrganisationID, &r.Name); err != nil {
			rows.Close()
			return nil, err
		}
		h.add("o:"+r.OrganisationID, r)
	}
	rows.Close()
	if rows, err = q.QueryContext(ctx, `
		SELECT a.holder, COALESCE(a.user_id, ''), COALESCE(a.organisation_id, ''), COALESCE(u.name, o.name, ''), COALESCE(pp.organisation_id, ''), a.status
		FROM meeting_attendance a
		LEFT JOIN users u ON u.id = a.user_id
		LEFT JOIN organisations o ON o.id = a.organisation_id
		LEFT JOIN partnership_people pp ON pp.partnership_id = a.partnership_id AND pp.user_id = a.user_id
		WHERE a.meeting_id = $1 ORDER BY a.holder LIMIT $2`, m.ID, 2*pk.MaxAttendanceRows); err != nil {
		return nil, err
	}
	for rows.Next() {
		var key string
		r := &pk.AttendanceRow{}
		if err := rows.Scan(&key, &r.UserID, &r.OrganisationID, &r.Name, &r.OfOrganisationID, &r.Status); err != nil {
			rows.Close()
			return nil, err
		}
		h.add(key, r).Status = r.Status
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sheet := &pk.AttendanceSheet{People: []*pk.AttendanceRow{}, Organisations: []*pk.AttendanceRow{}}
	for _, k := range h.order {
		r := h.rows[k]
		if r.UserID != "" {
			sheet.People = append(sheet.People, r)
		} else {
			sheet.Organisations = append(sheet.Organisations, r)
		}
	}
	if len(sheet.People) > pk.MaxAttendanceRows {
		sheet.People, sheet.Cut = sheet.People[:pk.MaxAttendanceRows], true
	}
	if len(sheet.Organisations) > pk.MaxAttendanceRows {
		sheet.Organisations, sheet.Cut = sheet.Organisations[:pk.MaxAttendanceRows], true
	}
	rule, err := quorumRule(ctx, q, pid, m)
	if err != nil {
		return nil, err
	}
	sheet.Quorum = meeting.Quorum(rule, sheet.People, sheet.Organisations)
	return sheet, nil
}

// quorumRule is the quorum a meeting is held to: the charter's rule for
// its body, else the body's own quorum counted in people; an open meeting
// has none. The charter's minimum of participants holds for every meeting.
func quorumRule(ctx context.Context, q queryer, pid string, m *pk.Meeting) (meeting.QuorumRule, error) {
	text, c, err := charterMeetingRules(ctx, q, pid)
	if err != nil {
		return meeting.QuorumRule{}, err
	}
	rule := meeting.QuorumRule{MinParticipants: text.MeetingMinParticipants}
	if m.BodyID == "" {
		return rule, nil
	}
	rule.Applies = true
	if r, err := charter.Lookup(c, m.BodyID, ""); err == nil {
		rule.Share, rule.Unit = r.Quorum, r.Unit
		return rule, nil
	}
	b, err := loadBody(ctx, q, pid, m.BodyID)
	if err != nil {
		return rule, err
	}
	rule.Share, rule.Unit = b.Quorum, pk.UnitPerson
	return rule, nil
}

// SetAttendance records attendance entries, all or none: every person and
// organisation must be of the partnership.
func (store *MeetingStore) SetAttendance(ctx context.Context, pid, mtid string, in pk.AttendanceInput) (*pk.AttendanceSheet, error) {
	var out *pk.AttendanceSheet
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
		var v pk.Validator
		for i, e := range in.Entries {
			var n int
			field := "entries." + strconv.Itoa(i) + ".user_id"
			if e.UserID != "" {
				err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, e.UserID).Scan(&n)
			} else {
				field = "entries." + strconv.Itoa(i) + ".organisation_id"
				err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
					pid, e.OrganisationID).Scan(&n)
			}
			if err != nil {
				return err
			}
			if n == 0 {
				v.Add(field, "governance.validation.not_in_partnership", nil)
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		counts := map[string]int{}
		for _, e := range in.Entries {
			key := "u:" + e.UserID
			if e.OrganisationID != "" {
				key = "o:" + e.OrganisationID
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_attendance WHERE meeting_id = $1 AND holder = $2`, mtid, key); err != nil {
				return err
			}
			if e.Status == "" {
				counts["cleared"]++
				continue
			}
			counts[e.Status]++
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO meeting_attendance (meeting_id, partnership_id, holder, user_id, organisation_id, status, recorded_by, recorded_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				mtid, pid, key, nullString(e.UserID), nullString(e.OrganisationID), e.Status, nullString(pk.UserIDFromContext(ctx)),
				fmtTime(tx.now)); err != nil {
				return err
			}
		}
		if out, err = attendanceSheet(ctx, tx, pid, m); err != nil {
			return err
		}
		// The entry keeps counts and IDs, not names (as for seats).
		return tx.audit(ctx, pid, "meeting.attendance", "meeting", mtid, m.Title, nil, map[string]any{"entries": in.Entries, "counts": counts})
	})
	return out, err
}
