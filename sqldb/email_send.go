package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/notifymail"
)

// NotifyDigestJob sends one person's digest for one period (its payload is
// a NotifyDigestPayload); NotifyEmailJob (event.go) plans the mail of new
// notifications and sends the mails due on their own.
const NotifyDigestJob = "notify.digest"

// NotifyDigestPayload names the digest's row in email_sends.
type NotifyDigestPayload struct {
	Key string `json:"key"`
}

// The mail rows' states, and how long a claim holds a row (longer than
// any send may take: a claim that lapses lets another instance send again).
const (
	sendDue      = "due"
	sendSending  = "sending"
	sendSent     = "sent"
	sendSkipped  = "skipped"
	sendFailed   = "failed"
	sendLease    = 10 * time.Minute
	maxSendTries = 8
	// emailCursor is the mail planner's place in the events (event_cursor).
	emailCursor = "notify.email"
	// PlanBatch is how many events one planning pass reads.
	PlanBatch = 500
	// maxDigestRead bounds the notifications a digest reads (it shows
	// notifymail.MaxDigestItems and counts the rest).
	maxDigestRead = 500
)

// NotificationMail is one mail to compose: for whom, what, and the link
// that stops it. Notifications were checked at claim time: the person
// still wants them by mail, has not read them, and may still see them.
type NotificationMail struct {
	Key      string
	To, Name string
	Language string
	Location *time.Location
	// Period is the digest's (nil for a mail of its own).
	Period        *notifymail.Period
	Notifications []pk.Notification
	// Unsubscribe is the token of the link that stops this mail: its kind
	// for a mail of its own, the digests for a digest.
	Unsubscribe string
	// Claim identifies this worker's hold on the mail: finishing under a
	// claim that lapsed (and another worker took) changes nothing.
	Claim string
}

// PlanNotificationMail reads the events committed since its cursor and,
// for each person notified, plans the mail their settings ask for: a row
// due now (or at 07:00 if it is night where they are) for a mail of its
// own, or the row and the job of the digest the notification falls in.
// It returns how many events it read (PlanBatch or more: call again).
// Rows are keyed, so planning twice plans once.
func (store *MailStore) PlanNotificationMail(ctx context.Context) (int, error) {
	n := 0
	err := store.db.inTx(ctx, func(tx *Tx) error {
		// The no-op update locks the cursor's row on PostgreSQL, so that
		// two instances plan one after the other.
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_cursor (name, seq) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, emailCursor); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE event_cursor SET seq = seq WHERE name = $1`, emailCursor); err != nil {
			return err
		}
		var cursor int64
		if err := tx.QueryRowContext(ctx, `SELECT seq FROM event_cursor WHERE name = $1`, emailCursor).Scan(&cursor); err != nil {
			return err
		}
		type event struct {
			id, pid, kind string
			created       time.Time
		}
		type row struct {
			nid, uid, pid, kind string
			created             time.Time
		}
		var last int64
		events := map[string]event{}
		var ids []any
		rows, err := tx.QueryContext(ctx, `SELECT id, seq, partnership_id, kind, created_at FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`,
			cursor, PlanBatch)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e event
			var seq int64
			if err := rows.Scan(&e.id, &seq, &e.pid, &e.kind, ts(&e.created)); err != nil {
				rows.Close()
				return err
			}
			n++
			last = max(last, seq)
			events[e.id] = e
			ids = append(ids, e.id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// The inbox rows of those events, found by event (an index), in
		// the events' order.
		var todo []row
		if len(ids) > 0 {
			rows, err := tx.QueryContext(ctx, `SELECT id, event_id, user_id, created_at FROM notifications WHERE event_id IN (`+
				placeholders(1, len(ids))+`)`, ids...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var r row
				var eid string
				if err := rows.Scan(&r.nid, &eid, &r.uid, ts(&r.created)); err != nil {
					rows.Close()
					return err
				}
				e := events[eid]
				r.pid, r.kind = e.pid, e.kind
				todo = append(todo, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		settings := map[string]notifymail.Settings{}
		for _, r := range todo {
			s, ok := settings[r.uid]
			if !ok {
				if s, err = mailSettings(ctx, tx, r.uid); err != nil {
					return err
				}
				settings[r.uid] = s
			}
			route := s.RouteFor(r.pid, r.kind, pk.IsReminder(pk.EventKind(r.kind)))
			switch route.Channel {
			case notifymail.Single:
				due := notifymail.NotBefore(r.created, s.Loc())
				if err := planSend(ctx, tx, "n:"+r.nid, r.uid, r.nid, nil, due); err != nil {
					return err
				}
				if due.After(tx.now) {
					// Held for the morning: the mail job wakes for it.
					if err := tx.enqueueAt(ctx, NotifyEmailJob, struct{}{}, "notify.email@"+fmtTime(due), due); err != nil {
						return err
					}
				}
			case notifymail.InDigest:
				p := notifymail.PeriodOf(route.Frequency, r.created, s.Loc())
				key := "d:" + r.uid + ":" + p.Key
				if err := planSend(ctx, tx, key, r.uid, "", &p, p.Due); err != nil {
					return err
				}
				if err := tx.enqueueAt(ctx, NotifyDigestJob, NotifyDigestPayload{Key: key}, "notify.digest:"+key, p.Due); err != nil {
					return err
				}
			}
		}
		if last > cursor {
			if _, err := tx.ExecContext(ctx, `UPDATE event_cursor SET seq = $2 WHERE name = $1`, emailCursor, last); err != nil {
				return err
			}
		}
		// The record of a mail done is kept as long as the inbox keeps
		// notifications, then forgotten.
		_, err = tx.ExecContext(ctx, `DELETE FROM email_sends WHERE status IN ($1, $2, $3) AND due_at < $4`,
			sendSent, sendSkipped, sendFailed, fmtTime(tx.now.Add(-pk.NotificationRetention)))
		return err
	})
	return n, err
}

// planSend adds a mail's row unless its key has one.
func planSend(ctx context.Context, tx *Tx, key, uid, nid string, p *notifymail.Period, due time.Time) error {
	var notification, period, start any
	if nid != "" {
		notification = nid
	}
	if p != nil {
		period, start = p.Key, fmtTime(p.Start)
	} else {
		period = ""
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO email_sends (id, send_key, user_id, notification_id, period, period_start, due_at, status, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (send_key) DO NOTHING`,
		newID(), key, uid, notification, period, start, fmtTime(due), sendDue, fmtTime(tx.now))
	return err
}

// DueNotificationMail lists the keys of mails of their own that are due,
// or whose claim lapsed (at most limit).
func (store *MailStore) DueNotificationMail(ctx context.Context, limit int) ([]string, error) {
	now := fmtTime(store.db.now())
	return collect(func(row rowScanner) (string, error) {
		var k string
		return k, row.Scan(&k)
	})(store.db.read.QueryContext(ctx, `
		SELECT send_key FROM email_sends
		WHERE notification_id IS NOT NULL AND ((status = $1 AND due_at <= $2) OR (status = $3 AND locked_until < $2))
		ORDER BY due_at LIMIT $4`, sendDue, now, sendSending, limit))
}

// ClaimNotificationMail takes the mail of key for this worker, if it is due
// and no one else holds it, and gathers what it says. It returns nil when
// there is nothing to send: held elsewhere, sent already, not due, or
// nothing left the person wants, has not read and may still see (the row
// is then marked skipped). The claim lasts sendLease.
func (store *MailStore) ClaimNotificationMail(ctx context.Context, key string) (*NotificationMail, error) {
	var out *NotificationMail
	err := store.db.inTx(ctx, func(tx *Tx) error {
		now, claim := fmtTime(tx.now), newID()
		res, err := tx.ExecContext(ctx, `
			UPDATE email_sends SET status = $2, locked_until = $3, attempts = attempts + 1, claim = $6
			WHERE send_key = $1 AND ((status = $4 AND due_at <= $5) OR (status = $2 AND locked_until < $5))`,
			key, sendSending, fmtTime(tx.now.Add(sendLease)), sendDue, now, claim)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return nil
		}
		var uid, nid, period string
		var start, due time.Time
		if err := tx.QueryRowContext(ctx, `SELECT user_id, COALESCE(notification_id, ''), period, COALESCE(period_start, due_at), due_at
			FROM email_sends WHERE send_key = $1`, key).Scan(&uid, &nid, &period, ts(&start), ts(&due)); err != nil {
			return err
		}
		m, err := store.gatherMail(ctx, tx, key, uid, nid, period, start, due)
		if err != nil {
			return err
		}
		if m == nil {
			_, err = tx.ExecContext(ctx, `UPDATE email_sends SET status = $2, locked_until = NULL WHERE send_key = $1`, key, sendSkipped)
			return err
		}
		m.Claim = claim
		out = m
		return nil
	})
	return out, err
}

// gatherMail reads what a claimed mail says, checking each notification
// again as the person's pages would (VisibleTo: any doubt leaves it out).
func (store *MailStore) gatherMail(ctx context.Context, tx *Tx, key, uid, nid, period string, start, due time.Time) (*NotificationMail, error) {
	m := &NotificationMail{Key: key}
	if err := tx.QueryRowContext(ctx, `SELECT email, name, language FROM users WHERE id = $1`, uid).Scan(&m.To, &m.Name, &m.Language); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, err
	}
	if pk.IsFormerMemberEmail(m.To) {
		return nil, nil
	}
	if m.Language == "" {
		m.Language = pk.Languages[0]
	}
	s, err := mailSettings(ctx, tx, uid)
	if err != nil {
		return nil, err
	}
	m.Location = s.Loc()
	query := `
		SELECT n.id, n.read_at, e.id, e.partnership_id, p.name, e.kind, e.subject_type, e.subject_id, e.audience, e.data, n.created_at
		FROM notifications n JOIN events e ON e.id = n.event_id JOIN partnerships p ON p.id = e.partnership_id `
	var args []any
	want := notifymail.Route{Channel: notifymail.Single}
	if nid != "" {
		query += `WHERE n.id = $1 AND n.user_id = $2`
		args = []any{nid, uid}
	} else {
		freq, _, _ := strings.Cut(period, ":")
		want = notifymail.Route{Channel: notifymail.InDigest, Frequency: freq}
		p := notifymail.Period{Frequency: freq, Start: start, Due: due, Key: period}
		m.Period = &p
		query += `WHERE n.user_id = $1 AND n.read_at IS NULL AND n.created_at >= $2 AND n.created_at < $3
			ORDER BY n.created_at DESC, n.id LIMIT $4`
		args = []any{uid, fmtTime(start), fmtTime(due), maxDigestRead}
	}
	notes, err := collect(func(row rowScanner) (pk.Notification, error) {
		var x pk.Notification
		var kind, data string
		err := row.Scan(&x.ID, nts(&x.ReadAt), &x.Event.ID, &x.Event.PartnershipID, &x.Event.PartnershipName, &kind,
			&x.Event.SubjectType, &x.Event.SubjectID, &x.Event.Audience, &data, ts(&x.Event.CreatedAt))
		x.Event.Kind = pk.EventKind(kind)
		if err == nil {
			err = json.Unmarshal([]byte(data), &x.Event.Data)
		}
		return x, err
	})(tx.QueryContext(ctx, query, args...))
	if err != nil {
		return nil, err
	}
	for _, x := range notes {
		if x.ReadAt != nil || s.RouteFor(x.Event.PartnershipID, string(x.Event.Kind), pk.IsReminder(x.Event.Kind)) != want {
			continue
		}
		if ok, err := VisibleTo(ctx, tx, uid, x.Event); err != nil || !ok {
			continue // fail closed: an error hides it, as a page would
		}
		m.Notifications = append(m.Notifications, x)
	}
	if len(m.Notifications) == 0 {
		return nil, nil
	}
	scope := unsubscribeDigest
	if m.Period == nil {
		scope = unsubscribeKind + string(m.Notifications[0].Event.Kind)
	}
	if m.Unsubscribe, err = store.unsubscribeToken(ctx, tx, uid, scope); err != nil {
		return nil, err
	}
	return m, nil
}

// FinishNotificationMail records the outcome of a mail claimed by m.Claim:
// sent, or (on a sending error) due again after a backoff, until
// maxSendTries. A claim no longer held changes nothing.
func (store *MailStore) FinishNotificationMail(ctx context.Context, m *NotificationMail, sendErr error) error {
	key := m.Key
	return store.db.inTx(ctx, func(tx *Tx) error {
		if sendErr == nil {
			_, err := tx.ExecContext(ctx, `UPDATE email_sends SET status = $2, sent_at = $3, locked_until = NULL WHERE send_key = $1 AND status = $4 AND claim = $5`,
				key, sendSent, fmtTime(tx.now), sendSending, m.Claim)
			return err
		}
		var attempts int
		var nid string
		err := tx.QueryRowContext(ctx, `SELECT attempts, COALESCE(notification_id, '') FROM email_sends WHERE send_key = $1 AND status = $2 AND claim = $3`,
			key, sendSending, m.Claim).Scan(&attempts, &nid)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		status, retry := sendDue, tx.now.Add(time.Duration(1<<min(attempts, 10))*30*time.Second)
		if attempts >= maxSendTries {
			status = sendFailed
		}
		if _, err := tx.ExecContext(ctx, `UPDATE email_sends SET status = $2, due_at = $3, locked_until = NULL WHERE send_key = $1 AND claim = $4`,
			key, status, fmtTime(retry), m.Claim); err != nil || status == sendFailed {
			return err
		}
		if nid != "" {
			return tx.enqueueAt(ctx, NotifyEmailJob, struct{}{}, "notify.email@"+fmtTime(retry), retry)
		}
		return tx.enqueueAt(ctx, NotifyDigestJob, NotifyDigestPayload{Key: key}, "notify.digest:"+key+"@"+itoa(attempts), retry)
	})
}
