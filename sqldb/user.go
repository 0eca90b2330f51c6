package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Lifetimes of what signing in and emailed links create.
const (
	sessionTTL       = 30 * 24 * time.Hour
	sessionTouchStep = 5 * time.Minute
	resetTTL         = time.Hour
	verifyTTL        = 7 * 24 * time.Hour
)

const userColumns = `u.id, u.email, u.name, u.language, u.admin, u.version, u.created_at`

func scanUser(row rowScanner) (*pk.User, error) {
	u := &pk.User{}
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Language, &u.Admin, &u.Version, ts(&u.CreatedAt))
	return u, err
}

// SignUp creates an account. The very first account on an instance becomes
// its administrator.
//
// Sign-up answers the same whether or not the address already has an
// account, so that it cannot be used to learn who uses this instance (for
// people at risk, that alone can be a danger). For a taken address nothing
// is created: the owner gets an email saying someone tried, with a link to
// choose a new password, and the asker gets a stand-in user that is stored
// nowhere, so a later sign-in with it fails like any wrong password.
func (store *AccountStore) SignUp(ctx context.Context, in pk.SignUpInput) (*pk.User, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var u *pk.User
	err := store.db.inTx(ctx, func(tx *Tx) error {
		var users int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&users); err != nil {
			return err
		}
		verified := false
		if in.Invitation != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `
				SELECT COUNT(*) FROM invitations WHERE secret_hash = $1 AND email = $2 AND status = 'pending' AND expires_at > $3`,
				hashSecret(in.Invitation), in.Email, fmtTime(tx.now)).Scan(&n); err != nil {
				return err
			}
			// Holding the link sent to this address proves the address.
			verified = n > 0
		}
		if users > 0 && !verified && !store.db.SignupOpen {
			return pk.Errorf(pk.EFORBIDDEN, "error.signup_closed", nil)
		}
		owner, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.email = $1`, in.Email))
		if err == nil {
			tx.db.Hasher.Hash(in.Password) // take as long as creating an account
			u = &pk.User{ID: newID(), Email: in.Email, Name: in.Name, Language: in.Language, Version: 1, CreatedAt: tx.now}
			return tx.sendEmailLink(ctx, owner, "reset", resetTTL, "mail.signup_exists", "/reset/", in.Language)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		u, err = tx.createUser(ctx, in, users == 0, verified)
		if err != nil {
			return err
		}
		u.MaySignInNow = users == 0 || verified
		if !verified {
			return tx.sendEmailLink(ctx, u, "verify", verifyTTL, "mail.verify", "/verify/", in.Language)
		}
		return nil
	})
	return u, err
}

// CreateUser adds a user from the command line; the address counts as
// verified since an administrator vouches for it.
func (store *AccountStore) CreateUser(ctx context.Context, in pk.SignUpInput, admin bool) (*pk.User, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var u *pk.User
	err := store.db.inTx(ctx, func(tx *Tx) error {
		var err error
		u, err = tx.createUser(ctx, in, admin, true)
		return err
	})
	return u, err
}

func (tx *Tx) createUser(ctx context.Context, in pk.SignUpInput, admin, verified bool) (*pk.User, error) {
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE email = $1`, in.Email).Scan(&exists); err != nil {
		return nil, err
	}
	if exists > 0 {
		return nil, pk.FieldInvalid("email", "validation.email_taken", nil)
	}
	u := &pk.User{ID: newID(), Email: in.Email, Name: in.Name, Language: in.Language, Admin: admin, Version: 1, CreatedAt: tx.now}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO users (id, email, name, password_hash, language, admin, email_verified, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		u.ID, u.Email, u.Name, tx.db.Hasher.Hash(in.Password), u.Language, admin, verified, fmtTime(tx.now))
	return u, err
}

// UserCount is the number of accounts (the first one becomes administrator).
func (store *AccountStore) UserCount(ctx context.Context) (int, error) {
	var n int
	err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// Sign-in throttling: after a few failures, each further attempt must wait,
// doubling each time, up to a cap. Counted per account and per address.
const (
	freeFailuresPerAccount = 5
	freeFailuresPerAddress = 20
	throttleBase           = 30 * time.Second
	throttleMax            = 15 * time.Minute
	throttleForget         = time.Hour
)

func throttleWait(failures, free int) time.Duration {
	if failures < free {
		return 0
	}
	d := throttleBase << min(failures-free, 10)
	return min(d, throttleMax)
}

// throttleKey is one counter of failed password checks: per account (its
// address) or per client address, with the failures allowed before waits.
type throttleKey struct {
	key  string
	free int
}

// confirmPassword checks the asking person's own password (field names the
// form field), throttled on the same counter as signing in: every place that
// asks for it again goes through here, so none can be used to guess it.
// It returns the person's address.
func (db *DB) confirmPassword(ctx context.Context, uid, password, field string) (string, error) {
	var hash, email string
	if err := db.read.QueryRowContext(ctx, `SELECT password_hash, email FROM users WHERE id = $1`, uid).Scan(&hash, &email); err != nil {
		return "", err
	}
	key := accountKey(email)
	if err := db.throttled(ctx, "error.password_throttled", key); err != nil {
		return "", err
	}
	if !db.Hasher.Check(password, hash) {
		if err := db.failed(ctx, key); err != nil {
			return "", err
		}
		return "", pk.FieldInvalid(field, "validation.password_wrong", nil)
	}
	return email, nil
}

func accountKey(email string) throttleKey {
	return throttleKey{"account:" + email, freeFailuresPerAccount}
}

// throttled refuses a password check while any of keys must still wait;
// message names the refusal (sign-in or password change).
func (db *DB) throttled(ctx context.Context, message string, keys ...throttleKey) error {
	now := db.now()
	for _, k := range keys {
		var failures int
		var last time.Time
		err := db.read.QueryRowContext(ctx, `SELECT failures, last_at FROM sign_in_failures WHERE key = $1`, k.key).Scan(&failures, ts(&last))
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return err
		}
		if now.Sub(last) > throttleForget {
			continue
		}
		if wait := throttleWait(failures, k.free); now.Before(last.Add(wait)) {
			secs := int(last.Add(wait).Sub(now).Seconds()) + 1
			return pk.Errorf(pk.ETOOMANY, message, map[string]any{"Seconds": secs})
		}
	}
	return nil
}

// failed counts a wrong password against each of keys.
func (db *DB) failed(ctx context.Context, keys ...throttleKey) error {
	return db.inTx(ctx, func(tx *Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 1, $2)
				ON CONFLICT (key) DO UPDATE SET
					failures = CASE WHEN sign_in_failures.last_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
					last_at = $2`, k.key, fmtTime(tx.now), fmtTime(tx.now.Add(-throttleForget))); err != nil {
				return err
			}
		}
		return nil
	})
}

// SignIn checks a password and opens a session.
func (store *AccountStore) SignIn(ctx context.Context, email, password, ip, userAgent string) (*pk.User, string, error) {
	email = strings.TrimSpace(strings.ToLower(email))
	keys := []throttleKey{accountKey(email), {"address:" + ip, freeFailuresPerAddress}}
	if err := store.db.throttled(ctx, "error.sign_in_throttled", keys...); err != nil {
		return nil, "", err
	}
	var u *pk.User
	var hash string
	row := store.db.read.QueryRowContext(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.email = $1`, email)
	u = &pk.User{}
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Language, &u.Admin, &u.Version, ts(&u.CreatedAt), &hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, "", err
	}
	if errors.Is(err, sql.ErrNoRows) || !store.db.Hasher.Check(password, hash) {
		if errors.Is(err, sql.ErrNoRows) {
			store.db.Hasher.Hash(password) // take as long as a real check
		}
		if ferr := store.db.failed(ctx, keys...); ferr != nil {
			return nil, "", ferr
		}
		return nil, "", pk.Invalid(pk.FieldError{Field: "password", Key: "error.sign_in_failed"})
	}
	var secret string
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, keys[0].key); err != nil {
			return err
		}
		secret = newSecret("s_")
		_, err := tx.ExecContext(ctx, `
			INSERT INTO sessions (id, user_id, secret_hash, user_agent, ip, created_at, last_seen_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
			newID(), u.ID, hashSecret(secret), truncate(userAgent, 300), truncate(ip, 100), fmtTime(tx.now), fmtTime(tx.now.Add(sessionTTL)))
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return u, secret, nil
}

// SignOut ends the session with this secret.
func (store *AccountStore) SignOut(ctx context.Context, secret string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE secret_hash = $1`, hashSecret(secret))
		return err
	})
}

// UserBySession finds the user of a live session, sliding its expiry now and
// then (not on every request, to spare the single writer).
func (store *AccountStore) UserBySession(ctx context.Context, secret string) (*pk.User, *pk.Session, error) {
	s := &pk.Session{}
	u := &pk.User{}
	var inbox int64 // brought along for the count of unread notifications (inboxVersion)
	err := store.db.read.QueryRowContext(ctx, `
		SELECT `+userColumns+`, u.inbox_version, s.id, s.created_at, s.last_seen_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.secret_hash = $1 AND s.expires_at > $2`, hashSecret(secret), fmtTime(store.db.now())).
		Scan(&u.ID, &u.Email, &u.Name, &u.Language, &u.Admin, &u.Version, ts(&u.CreatedAt), &inbox,
			&s.ID, ts(&s.CreatedAt), ts(&s.LastSeenAt), ts(&s.ExpiresAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, pk.Unauthorized()
	} else if err != nil {
		return nil, nil, err
	}
	pk.MemoFromContext(ctx).Put(inboxKey(u.ID), strconv.FormatInt(inbox, 10))
	if now := store.db.now(); now.Sub(s.LastSeenAt) > sessionTouchStep {
		err = store.db.inTx(ctx, func(tx *Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3`,
				fmtTime(tx.now), fmtTime(tx.now.Add(sessionTTL)), s.ID)
			return err
		})
	}
	return u, s, err
}

// UserByToken finds the user of an API token.
func (store *AccountStore) UserByToken(ctx context.Context, token string) (*pk.User, error) {
	var tokenID string
	var lastUsed *time.Time
	var inbox int64
	u := &pk.User{}
	err := store.db.read.QueryRowContext(ctx, `
		SELECT `+userColumns+`, u.inbox_version, t.id, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.secret_hash = $1`, hashSecret(token)).
		Scan(&u.ID, &u.Email, &u.Name, &u.Language, &u.Admin, &u.Version, ts(&u.CreatedAt), &inbox, &tokenID, nts(&lastUsed))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.Unauthorized()
	} else if err != nil {
		return nil, err
	}
	pk.MemoFromContext(ctx).Put(inboxKey(u.ID), strconv.FormatInt(inbox, 10))
	if now := store.db.now(); lastUsed == nil || now.Sub(*lastUsed) > sessionTouchStep {
		err = store.db.inTx(ctx, func(tx *Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, fmtTime(tx.now), tokenID)
			return err
		})
	}
	return u, err
}

// UpdateProfile changes the asking user's name and language.
func (store *AccountStore) UpdateProfile(ctx context.Context, in pk.ProfileInput) (*pk.User, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var u *pk.User
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if err := tx.bumpVersion(ctx, "users", "id = $1", in.Version, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET name = $1, language = $2 WHERE id = $3`, in.Name, in.Language, uid); err != nil {
			return err
		}
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, uid))
		return err
	})
	return u, err
}

// ChangePassword needs the current password; other sessions are signed out.
// The check of the current password is throttled like a sign-in, on the
// same per-account counter: a stolen session (or token) must not become a
// way to guess the password without limit. Both faces come through here,
// so neither can forget it.
func (store *AccountStore) ChangePassword(ctx context.Context, current, next string) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	var v pk.Validator
	v.Password("new_password", next)
	if err := v.Err(); err != nil {
		return err
	}
	email, err := store.db.confirmPassword(ctx, uid, current, "current_password")
	if err != nil {
		return err
	}
	key := accountKey(email)
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, store.db.Hasher.Hash(next), uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, key.key); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, uid, pk.SessionIDFromContext(ctx))
		return err
	})
}

// RequestPasswordReset mails a reset link when the address has an account.
func (store *AccountStore) RequestPasswordReset(ctx context.Context, email, lang string) error {
	var v pk.Validator
	email = strings.TrimSpace(strings.ToLower(email))
	v.Email("email", email)
	if err := v.Err(); err != nil {
		return err
	}
	if pk.IsFormerMemberEmail(email) {
		return nil // an erased account has no way in
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.email = $1`, email))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		return tx.sendEmailLink(ctx, u, "reset", resetTTL, "mail.reset", "/reset/", lang)
	})
}

// sendEmailLink stores a hashed one-time secret and queues a mail with the link.
func (tx *Tx) sendEmailLink(ctx context.Context, u *pk.User, purpose string, ttl time.Duration, template, path, lang string) error {
	secret := newSecret("e_")
	if _, err := tx.ExecContext(ctx, `INSERT INTO email_tokens (secret_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)`,
		hashSecret(secret), u.ID, purpose, fmtTime(tx.now.Add(ttl))); err != nil {
		return err
	}
	if u.Language != "" {
		lang = u.Language
	}
	return tx.enqueue(ctx, "mail", MailJob{To: u.Email, Language: lang, Template: template, Path: path + secret,
		Data: map[string]string{"Name": u.Name}}, "")
}

// useEmailToken spends a one-time link secret and returns its user.
func (tx *Tx) useEmailToken(ctx context.Context, secret, purpose string) (string, error) {
	var uid string
	err := tx.QueryRowContext(ctx, `
		SELECT user_id FROM email_tokens WHERE secret_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3`,
		hashSecret(secret), purpose, fmtTime(tx.now)).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", pk.Errorf(pk.ENOTFOUND, "error.link_invalid", nil)
	} else if err != nil {
		return "", err
	}
	_, err = tx.ExecContext(ctx, `UPDATE email_tokens SET used_at = $1 WHERE secret_hash = $2`, fmtTime(tx.now), hashSecret(secret))
	return uid, err
}

// ResetPassword sets a new password with a mailed link and signs out
// everywhere. Receiving the link also proves the address.
//
// A reset is what someone does who fears their account is in other hands,
// so it ends every way in that a stranger might hold: the person's other
// reset links (one of them may sit in a mailbox that was read), sessions,
// and API tokens. The reset email says so.
func (store *AccountStore) ResetPassword(ctx context.Context, secret, password string) error {
	var v pk.Validator
	v.Password("password", password)
	if err := v.Err(); err != nil {
		return err
	}
	hash := store.db.Hasher.Hash(password)
	return store.db.inTx(ctx, func(tx *Tx) error {
		uid, err := tx.useEmailToken(ctx, secret, "reset")
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, email_verified = TRUE WHERE id = $2`, hash, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE key = (SELECT 'account:' || email FROM users WHERE id = $1)`, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE email_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = 'reset' AND used_at IS NULL`,
			fmtTime(tx.now), uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE user_id = $1`, uid); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, uid)
		return err
	})
}

// VerifyEmail marks an address as proven by a mailed link.
func (store *AccountStore) VerifyEmail(ctx context.Context, secret string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		uid, err := tx.useEmailToken(ctx, secret, "verify")
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE users SET email_verified = TRUE WHERE id = $1`, uid)
		return err
	})
}

// EmailVerified reports whether the asking user's address is proven.
func (store *AccountStore) EmailVerified(ctx context.Context) (bool, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return false, err
	}
	var ok bool
	err = store.db.read.QueryRowContext(ctx, `SELECT email_verified FROM users WHERE id = $1`, uid).Scan(&ok)
	return ok, err
}

// ResendVerification mails a new verification link to the asking user.
func (store *AccountStore) ResendVerification(ctx context.Context) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, uid))
		if err != nil {
			return err
		}
		return tx.sendEmailLink(ctx, u, "verify", verifyTTL, "mail.verify", "/verify/", u.Language)
	})
}

// Sessions lists the asking user's live sessions.
func (store *AccountStore) Sessions(ctx context.Context) ([]*pk.Session, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT id, user_agent, ip, created_at, last_seen_at, expires_at FROM sessions
		WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, id LIMIT $3`, uid, fmtTime(store.db.now()), pk.MaxSessions)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pk.Session
	current := pk.SessionIDFromContext(ctx)
	for rows.Next() {
		s := &pk.Session{}
		if err := rows.Scan(&s.ID, &s.UserAgent, &s.IP, ts(&s.CreatedAt), ts(&s.LastSeenAt), ts(&s.ExpiresAt)); err != nil {
			return nil, err
		}
		s.Current = s.ID == current
		out = append(out, s)
	}
	return out, rows.Err()
}

// RevokeSession signs out one of the asking user's sessions.
func (store *AccountStore) RevokeSession(ctx context.Context, id string) error {
	return store.db.deleteOwn(ctx, "sessions", id)
}

// deleteOwn deletes a row of the asking user's by ID; someone else's row is
// "not found".
func (db *DB) deleteOwn(ctx context.Context, table, id string) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = $1 AND user_id = $2`, id, uid)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.NotFound()
		}
		return nil
	})
}

// Tokens lists the asking user's API tokens (never their secrets).
func (store *AccountStore) Tokens(ctx context.Context) ([]*pk.Token, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`, uid, pk.MaxTokens)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pk.Token
	for rows.Next() {
		t := &pk.Token{}
		if err := rows.Scan(&t.ID, &t.Name, ts(&t.CreatedAt), nts(&t.LastUsedAt)); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CreateToken makes an API token for the asking user; its secret is in the
// answer and nowhere else.
func (store *AccountStore) CreateToken(ctx context.Context, name string) (*pk.Token, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	return store.db.createToken(ctx, uid, name)
}

// CreateTokenForEmail is the command line's way to make a token.
func (store *AccountStore) CreateTokenForEmail(ctx context.Context, email, name string) (*pk.Token, error) {
	if pk.IsFormerMemberEmail(email) {
		// An erased account has no way in, not even from the command line.
		return nil, pk.FieldInvalid("email", "validation.no_such_user", nil)
	}
	var uid string
	err := store.db.read.QueryRowContext(ctx, `SELECT id FROM users WHERE email = $1`, strings.ToLower(strings.TrimSpace(email))).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.FieldInvalid("email", "validation.no_such_user", nil)
	} else if err != nil {
		return nil, err
	}
	return store.db.createToken(ctx, uid, name)
}

func (db *DB) createToken(ctx context.Context, uid, name string) (*pk.Token, error) {
	name = strings.TrimSpace(name)
	var v pk.Validator
	v.Text("name", name, true, 100)
	if err := v.Err(); err != nil {
		return nil, err
	}
	t := &pk.Token{ID: newID(), Name: name, Secret: newSecret("pk_")}
	err := db.inTx(ctx, func(tx *Tx) error {
		t.CreatedAt = tx.now
		_, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
			t.ID, uid, t.Name, hashSecret(t.Secret), fmtTime(tx.now))
		return err
	})
	return t, err
}

// RevokeToken deletes one of the asking user's tokens.
func (store *AccountStore) RevokeToken(ctx context.Context, id string) error {
	return store.db.deleteOwn(ctx, "api_tokens", id)
}

// SetLanguage keeps the asking user's language choice from the switcher.
func (store *AccountStore) SetLanguage(ctx context.Context, lang string) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	var v pk.Validator
	v.OneOf("language", lang, false, pk.Languages)
	if err := v.Err(); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE users SET language = $1, version = version + 1 WHERE id = $2`, lang, uid)
		return err
	})
}
