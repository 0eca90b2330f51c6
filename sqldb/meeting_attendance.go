package sqldb

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

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
	// Kept under the data version, which every write to what a sheet
	// reads raises (seats, members, attendance, the charter, names):
	// building the sheet of a body of hundreds cost an eighth of the
	// meeting's page.
	kept, err := store.db.keptData(ctx, pid, "attendance\x00"+mtid, func() (any, error) {
		m, err := loadMeeting(ctx, store.db.read, pid, mtid)
		if err != nil {
			return nil, err
		}
		return attendanceSheet(ctx, store.db, store.db.read, pid, m)
	})
	if err != nil {
		return nil, err
	}
	return copySheet(kept.(*pk.AttendanceSheet)), nil
}

// copySheet hands out a copy of a kept sheet, so that no caller can change
// what the next one is given.
func copySheet(kept *pk.AttendanceSheet) *pk.AttendanceSheet {
	out := *kept
	copyRows := func(rows []*pk.AttendanceRow) []*pk.AttendanceRow {
		if rows == nil {
			return nil
		}
		all := make([]pk.AttendanceRow, len(rows))
		out := make([]*pk.AttendanceRow, len(rows))
		for i, r := range rows {
			all[i] = *r
			out[i] = &all[i]
		}
		return out
	}
	out.People, out.Organisations = copyRows(kept.People), copyRows(kept.Organisations)
	return &out
}

// MeetingsHeld lists the meetings begun in the period (by their day in
// UTC) and by the moment before, latest first, with their attendance
// sheets in figures: the sheets of all of them are read together.
func (store *MeetingStore) MeetingsHeld(ctx context.Context, pid string, period pk.ReportPeriod, before time.Time) ([]*pk.ReportMeeting, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, false, err
	}
	if err := period.Validate(); err != nil {
		return nil, false, err
	}
	from, _ := time.Parse(time.DateOnly, period.From)
	to, _ := time.Parse(time.DateOnly, period.To)
	// Only what the figures need: not the minutes.
	ms, err := collect(func(row rowScanner) (*pk.Meeting, error) {
		m := &pk.Meeting{}
		return m, row.Scan(&m.ID, &m.BodyID, &m.BodyName, &m.Title, ts(&m.StartsAt), &m.TimeZone)
	})(store.db.read.QueryContext(ctx, `
		SELECT m.id, COALESCE(m.body_id, ''), COALESCE(b.name, ''), m.title, m.starts_at, m.time_zone
		FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id
		WHERE m.partnership_id = $1 AND m.starts_at >= $2 AND m.starts_at < $3 AND m.starts_at <= $4
		ORDER BY m.starts_at DESC, m.id LIMIT $5`,
		pid, fmtTime(from), fmtTime(to.AddDate(0, 0, 1)), fmtTime(before), pk.MaxReportMeetings+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(ms) > pk.MaxReportMeetings
	if cut {
		ms = ms[:pk.MaxReportMeetings]
	}
	out := []*pk.ReportMeeting{}
	if len(ms) == 0 {
		return out, false, nil
	}
	sheets, err := attendanceSheets(ctx, store.db, store.db.read, pid, ms)
	if err != nil {
		return nil, false, err
	}
	for i, m := range ms {
		out = append(out, pk.NewReportMeeting(m, sheets[i]))
	}
	return out, cut, nil
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

// attendanceSheet builds one meeting's sheet (see attendanceSheets).
func attendanceSheet(ctx context.Context, db *DB, q queryer, pid string, m *pk.Meeting) (*pk.AttendanceSheet, error) {
	sheets, err := attendanceSheets(ctx, db, q, pid, []*pk.Meeting{m})
	if err != nil {
		return nil, err
	}
	return sheets[0], nil
}

// attendanceSheets builds the sheets of meetings, in their order, in a
// fixed few statements however many there are: for a body's meeting, the
// people and organisations holding a seat on the meeting's day (in its
// zone); for an open meeting, everyone of the partnership and its active
// member organisations; then anyone recorded besides. The quorum comes from
// the charter's rule for the body, or the body's own quorum.
func attendanceSheets(ctx context.Context, db *DB, q queryer, pid string, ms []*pk.Meeting) ([]*pk.AttendanceSheet, error) {
	byID := make(map[string]*holderRows, len(ms))
	var a args
	var days, ids []string
	var open []*holderRows
	for _, m := range ms {
		h := &holderRows{rows: map[string]*pk.AttendanceRow{}}
		byID[m.ID] = h
		ids = append(ids, m.ID)
		if m.BodyID == "" {
			open = append(open, h)
			continue
		}
		day := m.StartsAt.In(m.Location()).Format("2006-01-02")
		days = append(days, "("+a.add(m.ID)+", "+a.add(m.BodyID)+", "+a.add(day)+")")
	}
	limit := a.add(pk.MaxAttendanceRows + 1)
	if len(days) > 0 {
		// Each meeting's seats on its day, the first MaxAttendanceRows+1 of
		// each by name, as the sheet of that meeting alone would read them.
		seats := `WITH sheets(meeting_id, body_id, day) AS (VALUES ` + strings.Join(days, ", ") + `) `
		err := forEachRow(func(rows *sql.Rows) error {
			var mtid string
			r := &pk.AttendanceRow{Seated: true}
			if err := rows.Scan(&mtid, &r.UserID, &r.Name, &r.OfOrganisationID); err != nil {
				return err
			}
			byID[mtid].add("u:"+r.UserID, r)
			return nil
		})(q.QueryContext(ctx, seats+`SELECT meeting_id, user_id, name, org FROM (
			SELECT h.meeting_id, s.user_id, u.name, COALESCE(pp.organisation_id, '') AS org,
				ROW_NUMBER() OVER (PARTITION BY h.meeting_id ORDER BY u.name, s.user_id) AS n
			FROM sheets h JOIN body_seats s ON s.body_id = h.body_id AND s.from_date <= h.day AND (s.until_date IS NULL OR s.until_date >= h.day)
			JOIN users u ON u.id = s.user_id
			LEFT JOIN partnership_people pp ON pp.partnership_id = s.partnership_id AND pp.user_id = s.user_id) x
			WHERE n <= `+limit+` ORDER BY meeting_id, n`, a...))
		if err != nil {
			return nil, err
		}
		err = forEachRow(func(rows *sql.Rows) error {
			var mtid string
			r := &pk.AttendanceRow{Seated: true}
			if err := rows.Scan(&mtid, &r.OrganisationID, &r.Name); err != nil {
				return err
			}
			byID[mtid].add("o:"+r.OrganisationID, r)
			return nil
		})(q.QueryContext(ctx, seats+`SELECT meeting_id, organisation_id, name FROM (
			SELECT h.meeting_id, s.organisation_id, o.name,
				ROW_NUMBER() OVER (PARTITION BY h.meeting_id ORDER BY o.name, s.organisation_id) AS n
			FROM sheets h JOIN body_seats s ON s.body_id = h.body_id AND s.from_date <= h.day AND (s.until_date IS NULL OR s.until_date >= h.day)
			JOIN organisations o ON o.id = s.organisation_id) x
			WHERE n <= `+limit+` ORDER BY meeting_id, n`, a...))
		if err != nil {
			return nil, err
		}
	}
	if len(open) > 0 {
		// Everyone is expected at an open meeting: read once, a row of
		// its own on each sheet (the statuses differ).
		each := func(r pk.AttendanceRow, key string) {
			for _, h := range open {
				row := r
				h.add(key, &row)
			}
		}
		err := forEachRow(func(rows *sql.Rows) error {
			var r pk.AttendanceRow
			if err := rows.Scan(&r.UserID, &r.Name, &r.OfOrganisationID); err != nil {
				return err
			}
			each(r, "u:"+r.UserID)
			return nil
		})(q.QueryContext(ctx, `SELECT pp.user_id, u.name, COALESCE(pp.organisation_id, '') FROM partnership_people pp JOIN users u ON u.id = pp.user_id
			WHERE pp.partnership_id = $1 ORDER BY u.name, pp.user_id LIMIT $2`, pid, pk.MaxAttendanceRows+1))
		if err != nil {
			return nil, err
		}
		err = forEachRow(func(rows *sql.Rows) error {
			var r pk.AttendanceRow
			if err := rows.Scan(&r.OrganisationID, &r.Name); err != nil {
				return err
			}
			each(r, "o:"+r.OrganisationID)
			return nil
		})(q.QueryContext(ctx, `SELECT po.organisation_id, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, po.organisation_id LIMIT $2`, pid, pk.MaxAttendanceRows+1))
		if err != nil {
			return nil, err
		}
	}
	var b args
	in := b.inList(ids)
	err := forEachRow(func(rows *sql.Rows) error {
		var mtid, key string
		r := &pk.AttendanceRow{}
		if err := rows.Scan(&mtid, &key, &r.UserID, &r.OrganisationID, &r.Name, &r.OfOrganisationID, &r.Status); err != nil {
			return err
		}
		byID[mtid].add(key, r).Status = r.Status
		return nil
	})(q.QueryContext(ctx, `SELECT meeting_id, holder, user_id, organisation_id, name, org, status FROM (
		SELECT a.meeting_id, a.holder, COALESCE(a.user_id, '') AS user_id, COALESCE(a.organisation_id, '') AS organisation_id,
			COALESCE(u.name, o.name, '') AS name, COALESCE(pp.organisation_id, '') AS org, a.status,
			ROW_NUMBER() OVER (PARTITION BY a.meeting_id ORDER BY a.holder) AS n
		FROM meeting_attendance a
		LEFT JOIN users u ON u.id = a.user_id
		LEFT JOIN organisations o ON o.id = a.organisation_id
		LEFT JOIN partnership_people pp ON pp.partnership_id = a.partnership_id AND pp.user_id = a.user_id
		WHERE a.meeting_id IN (`+in+`)) x
		WHERE n <= `+b.add(2*pk.MaxAttendanceRows)+` ORDER BY meeting_id, holder`, b...))
	if err != nil {
		return nil, err
	}
	rules, err := quorumRules(ctx, db, q, pid, ms)
	if err != nil {
		return nil, err
	}
	sheets := make([]*pk.AttendanceSheet, len(ms))
	for i, m := range ms {
		sheets[i] = byID[m.ID].sheet(rules[i])
	}
	return sheets, nil
}

// sheet is the attendance sheet of the rows gathered, each list cut at
// MaxAttendanceRows, with the quorum by rule.
func (h *holderRows) sheet(rule meeting.QuorumRule) *pk.AttendanceSheet {
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
	sheet.Quorum = meeting.Quorum(rule, sheet.People, sheet.Organisations)
	return sheet
}

// quorumRules are the quorums meetings are held to, in their order: the
// charter's rule for each one's body, else the body's own quorum counted
// in people; an open meeting has none. The charter's minimum of
// participants holds for every meeting. The charter is read once, and the
// bodies without a rule in it together.
func quorumRules(ctx context.Context, db *DB, q queryer, pid string, ms []*pk.Meeting) ([]meeting.QuorumRule, error) {
	text, c, err := charterMeetingRules(ctx, db, q, pid)
	if err != nil {
		return nil, err
	}
	rules := make([]meeting.QuorumRule, len(ms))
	var own []string // bodies the charter has no rule for
	ruled := make([]bool, len(ms))
	for i, m := range ms {
		rules[i] = meeting.QuorumRule{MinParticipants: text.MeetingMinParticipants}
		if m.BodyID == "" {
			continue
		}
		rules[i].Applies = true
		if r, err := charter.Lookup(c, m.BodyID, ""); err == nil {
			rules[i].Share, rules[i].Unit = r.Quorum, r.Unit
			ruled[i] = true
		} else if !slices.Contains(own, m.BodyID) {
			own = append(own, m.BodyID)
		}
	}
	if len(own) == 0 {
		return rules, nil
	}
	a := args{pid}
	bodies, err := collect(scanBody)(q.QueryContext(ctx, bodySelect+`WHERE b.partnership_id = $1 AND b.id IN (`+a.inList(own)+`)`, a...))
	if err != nil {
		return nil, err
	}
	quorum := map[string]float64{}
	for _, b := range bodies {
		quorum[b.ID] = b.Quorum
	}
	for i, m := range ms {
		if rules[i].Applies && !ruled[i] {
			share, ok := quorum[m.BodyID]
			if !ok {
				return nil, pk.NotFound()
			}
			rules[i].Share, rules[i].Unit = share, pk.UnitPerson
		}
	}
	return rules, nil
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
		if out, err = attendanceSheet(ctx, tx.db, tx, pid, m); err != nil {
			return err
		}
		// The entry keeps counts and IDs, not names (as for seats).
		return tx.audit(ctx, pid, "meeting.attendance", "meeting", mtid, m.Title, nil, map[string]any{"entries": in.Entries, "counts": counts})
	})
	return out, err
}
