package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"sync"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/notifymail"
)

// MailStore keeps how notifications reach people by email: their settings, the unsubscribe links, and
// each mail sent once (email_sends), however many instances run the jobs.
type MailStore struct {
	db   *DB
	mu   sync.Mutex
	keys map[string][]byte // the instance's signing keys, read once
}

// NotificationSettings returns the asking person's choices of notification
// email, listing each of their partnerships (the first MaxMailPartnerships
// by name).
func (store *MailStore) NotificationSettings(ctx context.Context) (*pk.NotificationSettings, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	return readNotificationSettings(ctx, store.db.read, uid)
}

// readNotificationSettings reads a person's settings; a person without a
// row has the defaults, at version 1.
func readNotificationSettings(ctx context.Context, q queryer, uid string) (*pk.NotificationSettings, error) {
	s := &pk.NotificationSettings{Frequency: pk.DefaultEmailFrequency, TimeZone: pk.DefaultTimeZone, Version: 1,
		Partnerships: []pk.PartnershipMail{}, KindsOff: []string{}}
	err := q.QueryRowContext(ctx, `SELECT frequency, time_zone, version FROM notification_settings WHERE user_id = $1`, uid).
		Scan(&s.Frequency, &s.TimeZone, &s.Version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	s.Partnerships, err = collect(func(row rowScanner) (pk.PartnershipMail, error) {
		var x pk.PartnershipMail
		return x, row.Scan(&x.PartnershipID, &x.Name, &x.Frequency)
	})(q.QueryContext(ctx, `
		SELECT p.id, p.name, COALESCE(s.frequency, '')
		FROM partnership_people pp JOIN partnerships p ON p.id = pp.partnership_id
		LEFT JOIN notification_partnership_settings s ON s.user_id = pp.user_id AND s.partnership_id = pp.partnership_id
		WHERE pp.user_id = $1 ORDER BY p.name, p.id LIMIT $2`, uid, pk.MaxMailPartnerships))
	if err != nil {
		return nil, err
	}
	s.KindsOff, err = collect(func(row rowScanner) (string, error) {
		var k string
		return k, row.Scan(&k)
	})(q.QueryContext(ctx, `SELECT kind FROM notification_kind_optouts WHERE user_id = $1 ORDER BY kind`, uid))
	return s, err
}

// UpdateNotificationSettings replaces the asking person's choices. An
// override for a partnership they are not in is refused by its field,
// saying no more than that it is not one of theirs. No audit entry: the
// choice is the person's own, like their language.
func (store *MailStore) UpdateNotificationSettings(ctx context.Context, in pk.NotificationSettingsInput) (*pk.NotificationSettings, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if err := ensureNotificationSettings(ctx, tx, uid); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "notification_settings", "user_id = $1", in.Version, uid); err != nil {
			return err
		}
		var v pk.Validator
		for _, pid := range slices.Sorted(maps.Keys(in.Partnerships)) {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`,
				pid, uid).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				v.Add("partnerships."+pid, "notifymail.validation.partnership", nil)
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE notification_settings SET frequency = $2, time_zone = $3, updated_at = $4 WHERE user_id = $1`,
			uid, in.Frequency, in.TimeZone, fmtTime(tx.now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM notification_partnership_settings WHERE user_id = $1`, uid); err != nil {
			return err
		}
		for pid, f := range in.Partnerships {
			if f == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO notification_partnership_settings (user_id, partnership_id, frequency) VALUES ($1, $2, $3)`,
				uid, pid, f); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM notification_kind_optouts WHERE user_id = $1`, uid); err != nil {
			return err
		}
		for _, k := range in.KindsOff {
			if _, err := tx.ExecContext(ctx, `INSERT INTO notification_kind_optouts (user_id, kind) VALUES ($1, $2)`, uid, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return readNotificationSettings(ctx, store.db.read, uid)
}

// ensureNotificationSettings gives the person a settings row holding the
// defaults, if they have none yet.
func ensureNotificationSettings(ctx context.Context, tx *Tx, uid string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO notification_settings (user_id, frequency, time_zone, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id) DO NOTHING`, uid, pk.DefaultEmailFrequency, pk.DefaultTimeZone, fmtTime(tx.now))
	return err
}

// mailSettings reads a person's settings as the mail rules take them.
func mailSettings(ctx context.Context, q queryer, uid string) (notifymail.Settings, error) {
	s := notifymail.Settings{Partnerships: map[string]string{}, KindsOff: map[string]bool{}, Location: time.UTC}
	var zone string
	err := q.QueryRowContext(ctx, `SELECT frequency, time_zone FROM notification_settings WHERE user_id = $1`, uid).Scan(&s.Frequency, &zone)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s, err
	}
	if loc, err := time.LoadLocation(zone); err == nil && pk.ValidTimeZone(zone) {
		s.Location = loc
	}
	rows, err := q.QueryContext(ctx, `SELECT partnership_id, frequency FROM notification_partnership_settings WHERE user_id = $1`, uid)
	if err != nil {
		return s, err
	}
	for rows.Next() {
		var pid, f string
		if err := rows.Scan(&pid, &f); err != nil {
			rows.Close()
			return s, err
		}
		s.Partnerships[pid] = f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s, err
	}
	kinds, err := collect(func(row rowScanner) (string, error) {
		var k string
		return k, row.Scan(&k)
	})(q.QueryContext(ctx, `SELECT kind FROM notification_kind_optouts WHERE user_id = $1`, uid))
	for _, k := range kinds {
		s.KindsOff[k] = true
	}
	return s, err
}
