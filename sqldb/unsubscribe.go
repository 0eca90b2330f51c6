package sqldb

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// An unsubscribe link's token says whose mail it stops and which: one per
// person and kind ("k:<kind>"), and one per person for the digests ("d").
// It is signed with the instance's key (HMAC-SHA256), so that it needs no
// row of its own, stays the same in every mail, and cannot be made for
// someone else; the key lives in the database, shared by every instance.
// The link works without signing in (RFC 8058: a mail client posts it).
const (
	unsubscribeDigest = "d"
	unsubscribeKind   = "k:"
	unsubscribeKey    = "unsubscribe"
)

// signingKey returns the instance's key of that name, making it on first
// use, in tx when the caller holds one (SQLite has a single writer: a
// transaction of its own would wait for the caller's forever).
func (store *MailStore) signingKey(ctx context.Context, tx *Tx, name string) ([]byte, error) {
	store.mu.Lock()
	defer store.mu.Unlock()
	if k, ok := store.keys[name]; ok {
		return k, nil
	}
	var q queryer = store.db.read
	if tx != nil {
		q = tx
	}
	var secret string
	err := q.QueryRowContext(ctx, `SELECT secret FROM instance_keys WHERE name = $1`, name).Scan(&secret)
	if errors.Is(err, sql.ErrNoRows) {
		b := make([]byte, 32)
		rand.Read(b)
		make := func(tx *Tx) error {
			// Another instance may have made it first: then that one stands.
			if _, err := tx.ExecContext(ctx, `INSERT INTO instance_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
				name, hex.EncodeToString(b), fmtTime(tx.now)); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, `SELECT secret FROM instance_keys WHERE name = $1`, name).Scan(&secret)
		}
		if tx != nil {
			err = make(tx)
		} else {
			err = store.db.inTx(ctx, make)
		}
	}
	if err != nil {
		return nil, err
	}
	k, err := hex.DecodeString(secret)
	if err != nil {
		return nil, err
	}
	if store.keys == nil {
		store.keys = map[string][]byte{}
	}
	// A key made in a transaction that then rolls back must not be kept.
	if tx == nil {
		store.keys[name] = k
	} else {
		tx.after = append(tx.after, func() { store.mu.Lock(); store.keys[name] = k; store.mu.Unlock() })
	}
	return k, nil
}

// unsubscribeToken makes the token of a person's link for a scope (tx may be nil).
func (store *MailStore) unsubscribeToken(ctx context.Context, tx *Tx, uid, scope string) (string, error) {
	key, err := store.signingKey(ctx, tx, unsubscribeKey)
	if err != nil {
		return "", err
	}
	payload := base64.RawURLEncoding.EncodeToString([]byte(uid + "|" + scope))
	return payload + "." + base64.RawURLEncoding.EncodeToString(signUnsubscribe(key, payload)), nil
}

func signUnsubscribe(key []byte, payload string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("unsubscribe\x00" + payload))
	return m.Sum(nil)[:20]
}

// readUnsubscribeToken checks a token's signature and returns whose and
// which mail it stops; anything wrong is ENOTFOUND, as for a page that is
// not there.
func (store *MailStore) readUnsubscribeToken(ctx context.Context, token string) (uid string, u pk.Unsubscription, err error) {
	payload, sig, ok := strings.Cut(token, ".")
	if !ok || len(token) > 300 {
		return "", u, pk.NotFound()
	}
	key, err := store.signingKey(ctx, nil, unsubscribeKey)
	if err != nil {
		return "", u, err
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, signUnsubscribe(key, payload)) {
		return "", u, pk.NotFound()
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return "", u, pk.NotFound()
	}
	uid, scope, _ := strings.Cut(string(raw), "|")
	switch {
	case scope == unsubscribeDigest:
		u.Digest = true
	case strings.HasPrefix(scope, unsubscribeKind) && slices.Contains(pk.EventKinds, scope[len(unsubscribeKind):]):
		u.Kind = pk.EventKind(scope[len(unsubscribeKind):])
	default:
		return "", u, pk.NotFound()
	}
	// An erased account has no mail to stop, and no link of its own.
	var email string
	err = store.db.read.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, uid).Scan(&email)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && pk.IsFormerMemberEmail(email)) {
		return "", u, pk.NotFound()
	}
	return uid, u, err
}

// Unsubscription says what the link would stop, and whether it is stopped
// already.
func (store *MailStore) Unsubscription(ctx context.Context, token string) (*pk.Unsubscription, error) {
	uid, u, err := store.readUnsubscribeToken(ctx, token)
	if err != nil {
		return nil, err
	}
	s, err := readNotificationSettings(ctx, store.db.read, uid)
	if err != nil {
		return nil, err
	}
	u.Done = unsubscribed(s, u)
	return &u, nil
}

// unsubscribed reports whether the mail a link stops is off already: the
// kind is switched off, or no digest is left on.
func unsubscribed(s *pk.NotificationSettings, u pk.Unsubscription) bool {
	if !u.Digest {
		return slices.Contains(s.KindsOff, string(u.Kind))
	}
	digest := func(f string) bool { return f == pk.EmailDaily || f == pk.EmailWeekly }
	if digest(s.Frequency) {
		return false
	}
	for _, p := range s.Partnerships {
		if digest(p.Frequency) {
			return false
		}
	}
	return true
}

// Unsubscribe stops what the link says: the kind is switched off, or every
// digest (the default and each partnership's) becomes off. Mail chosen
// "immediately" stays. Doing it again changes nothing.
func (store *MailStore) Unsubscribe(ctx context.Context, token string) (*pk.Unsubscription, error) {
	uid, u, err := store.readUnsubscribeToken(ctx, token)
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if err := ensureNotificationSettings(ctx, tx, uid); err != nil {
			return err
		}
		var err error
		if u.Digest {
			if _, err := tx.ExecContext(ctx, `UPDATE notification_partnership_settings SET frequency = $2
				WHERE user_id = $1 AND frequency IN ($3, $4)`, uid, pk.EmailOff, pk.EmailDaily, pk.EmailWeekly); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE notification_settings SET frequency = $2, updated_at = $3
				WHERE user_id = $1 AND frequency IN ($4, $5)`, uid, pk.EmailOff, fmtTime(tx.now), pk.EmailDaily, pk.EmailWeekly)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO notification_kind_optouts (user_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
				uid, string(u.Kind))
		}
		if err != nil {
			return err
		}
		// A change made here moves the settings' version, so that a
		// settings page open elsewhere does not silently undo it.
		_, err = tx.ExecContext(ctx, `UPDATE notification_settings SET version = version + 1 WHERE user_id = $1`, uid)
		return err
	})
	if err != nil {
		return nil, err
	}
	u.Done = true
	return &u, nil
}
