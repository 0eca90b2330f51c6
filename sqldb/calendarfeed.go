package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/meeting"
)

// CalendarStore keeps each person's private calendar feed: one secret per
// person, kept hashed like an API token's.
type CalendarStore struct{ db *DB }

// CalendarFeed says whether the asking person has a feed.
func (store *CalendarStore) CalendarFeed(ctx context.Context) (*pk.CalendarFeed, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	f := &pk.CalendarFeed{}
	err = store.db.read.QueryRowContext(ctx, `SELECT created_at FROM calendar_feeds WHERE user_id = $1`, uid).Scan(nts(&f.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	} else if err != nil {
		return nil, err
	}
	f.Active = true
	return f, nil
}

// RenewCalendarFeed makes a new secret; the old address stops working.
func (store *CalendarStore) RenewCalendarFeed(ctx context.Context) (*pk.CalendarFeed, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	f := &pk.CalendarFeed{Active: true, Secret: newSecret("cal_")}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		now := tx.now
		f.CreatedAt = &now
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE user_id = $1`, uid); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO calendar_feeds (user_id, secret_hash, created_at) VALUES ($1, $2, $3)`,
			uid, hashSecret(f.Secret), fmtTime(tx.now))
		return err
	})
	return f, err
}

// RevokeCalendarFeed ends the feed (nothing to end is fine).
func (store *CalendarStore) RevokeCalendarFeed(ctx context.Context) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE user_id = $1`, uid)
		return err
	})
}

// FeedMeetings are the meetings a feed serves: in the partnerships its
// person is in now, the open meetings and those of the bodies where they
// (or the organisation they are in the partnership for) hold a seat that
// has not ended, from CalendarFeedPastDays ago on. Leaving a partnership
// or a body takes its meetings out of the feed.
func (store *CalendarStore) FeedMeetings(ctx context.Context, secret string) ([]*pk.CalendarMeeting, error) {
	if secret == "" || len(secret) > 200 {
		return nil, pk.NotFound()
	}
	var uid string
	err := store.db.read.QueryRowContext(ctx, `SELECT user_id FROM calendar_feeds WHERE secret_hash = $1`, hashSecret(secret)).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	now := store.db.now()
	today := now.Format("2006-01-02")
	var out []*pk.CalendarMeeting
	byID := map[string]*pk.CalendarMeeting{}
	rows, err := store.db.read.QueryContext(ctx, `SELECT `+meetingColumns+`, p.id, p.name`+meetingFrom+`
		JOIN partnerships p ON p.id = m.partnership_id
		JOIN partnership_people pp ON pp.partnership_id = m.partnership_id AND pp.user_id = $1
		WHERE m.ends_at >= $2 AND (m.body_id IS NULL OR EXISTS (
			SELECT 1 FROM body_seats s WHERE s.body_id = m.body_id AND (s.until_date IS NULL OR s.until_date >= $3)
			AND (s.user_id = $1 OR (s.organisation_id IS NOT NULL AND s.organisation_id = pp.organisation_id))))
		ORDER BY m.starts_at, m.id LIMIT $4`,
		uid, fmtTime(meeting.Window(now, pk.CalendarFeedPastDays)), today, pk.MaxCalendarMeetings)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		cm := &pk.CalendarMeeting{}
		if cm.Meeting, err = scanMeetingWith(rows, &cm.PartnershipID, &cm.PartnershipName); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, cm)
		byID[cm.Meeting.ID] = cm
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	// The agendas of all these meetings in one query.
	args := make([]any, 0, len(out))
	marks := make([]string, 0, len(out))
	for i, cm := range out {
		args = append(args, cm.Meeting.ID)
		marks = append(marks, "$"+itoa(i+1))
	}
	items, err := collect(scanAgendaItem)(store.db.read.QueryContext(ctx,
		agendaSelect+`WHERE a.meeting_id IN (`+strings.Join(marks, ", ")+`) ORDER BY a.meeting_id, a.position, a.id`, args...))
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if cm := byID[it.MeetingID]; cm != nil && len(cm.Agenda) < pk.MaxAgendaItems {
			cm.Agenda = append(cm.Agenda, it)
		}
	}
	return out, nil
}
