package sqldb

import (
	"context"
	"encoding/json"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// HandOvers lists what the asking user must hand over before deleting
// their account: partnerships they are the last coordinator of and
// organisations they are the last administrator of.
func (store *AccountStore) HandOvers(ctx context.Context) ([]pk.HandOver, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	return handOvers(ctx, store.db.read, uid)
}

// handOvers is HandOvers on q, so that the deletion checks again in its own
// transaction.
func handOvers(ctx context.Context, q queryer, uid string) ([]pk.HandOver, error) {
	var out []pk.HandOver
	for _, c := range []struct{ kind, query string }{
		{pk.HandOverPartnership, `
			SELECT p.id, p.name FROM partnership_people pp JOIN partnerships p ON p.id = pp.partnership_id
			WHERE pp.user_id = $1 AND pp.role = 'coordinator' AND NOT EXISTS (
				SELECT 1 FROM partnership_people o WHERE o.partnership_id = pp.partnership_id AND o.role = 'coordinator' AND o.user_id <> $1)
			ORDER BY p.name, p.id`},
		{pk.HandOverOrganisation, `
			SELECT o.id, o.name FROM organisation_people op JOIN organisations o ON o.id = op.organisation_id
			WHERE op.user_id = $1 AND op.admin AND NOT EXISTS (
				SELECT 1 FROM organisation_people x WHERE x.organisation_id = op.organisation_id AND x.admin AND x.user_id <> $1)
			ORDER BY o.name, o.id`},
	} {
		rows, err := q.QueryContext(ctx, c.query, uid)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			h := pk.HandOver{Kind: c.kind}
			if err := rows.Scan(&h.ID, &h.Name); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DeleteAccount erases the asking user's personal data and ends their
// account, after checking their password (throttled like a sign-in, on the
// same counter: a stolen session must not become a way to guess it).
//
// It is refused while the person is the last coordinator of a partnership
// or the last administrator of an organisation, naming each, so that no
// partnership or organisation is left without anyone to run it.
//
// What the person contributed stays with the partnership, attributed to
// the account's row, which remains as a tombstone: its name becomes
// pk.FormerMemberName, its address an undeliverable one of its own, and its
// password, language and administrator flag are wiped. Their memberships
// end (an audit entry in each partnership says so), the names they typed
// to sign agreements become pk.FormerMemberName (each signature stays, for
// its organisation, with its time and the hash of the text signed), and
// every way in goes:
// sessions, API tokens, emailed links, invitations waiting for the
// address. Answered invitations keep their history under the tombstone's
// address.
func (store *AccountStore) DeleteAccount(ctx context.Context, password string) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	email, err := store.db.confirmPassword(ctx, uid, password, "password")
	if err != nil {
		return err
	}
	key := accountKey(email)
	return store.db.inTx(ctx, func(tx *Tx) error {
		hs, err := handOvers(ctx, tx, uid)
		if err != nil {
			return err
		}
		if len(hs) > 0 {
			return pk.HandOversError(hs)
		}
		pids, err := tx.column(ctx, `SELECT partnership_id FROM partnership_people WHERE user_id = $1 ORDER BY partnership_id`, uid)
		if err != nil {
			return err
		}
		for _, pid := range pids {
			// Made while the person is still the asker, so the entry is
			// theirs, and their name in it now reads "a former member".
			if err := tx.audit(ctx, pid, "account.delete", "user", uid, "", nil, nil); err != nil {
				return err
			}
		}
		tomb := pk.FormerMemberEmail(uid)
		if err := tx.scrubAudit(ctx, uid, email, tomb); err != nil {
			return err
		}
		if err := tx.dropMailTo(ctx, email); err != nil {
			return err
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`DELETE FROM partnership_people WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM organisation_people WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM sessions WHERE user_id = $1`, []any{uid}},
			// The inbox is the person's alone; an invitation's event named
			// their address.
			{`DELETE FROM notifications WHERE user_id = $1`, []any{uid}},
			{`UPDATE events SET data = REPLACE(data, $1, $2) WHERE kind = 'invitation'`, []any{email, tomb}},
			{`DELETE FROM api_tokens WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM email_tokens WHERE user_id = $1`, []any{uid}},
			// Mail choices and mail not yet sent go with the address.
			{`DELETE FROM notification_settings WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM notification_partnership_settings WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM notification_kind_optouts WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM email_sends WHERE user_id = $1`, []any{uid}},
			{`DELETE FROM sign_in_failures WHERE key = $1`, []any{key.key}},
			{`DELETE FROM invitations WHERE email = $1 AND status = 'pending'`, []any{email}},
			// A signature keeps its organisation, version, hash and time:
			// the organisation did sign. The name the person typed goes,
			// like their name everywhere else.
			{`UPDATE agreement_signatures SET typed_name = $1 WHERE user_id = $2`, []any{pk.FormerMemberName, uid}},
			{`UPDATE invitations SET email = $1 WHERE email = $2`, []any{tomb, email}},
			{`UPDATE users SET email = $1, name = $2, password_hash = '', language = '', admin = FALSE, lived_experience = '', young = '', email_verified = FALSE,
				version = version + 1 WHERE id = $3`, []any{tomb, pk.FormerMemberName, uid}},
			// The rename raises the data version of the partnerships the
			// person is in, which they no longer are; but their name may be
			// kept under it anywhere they once were (an attendance sheet, a
			// task, an action item). An erasure is rare: every partnership's
			// kept records are read again rather than one showing the name.
			{`UPDATE partnerships SET data_version = data_version + 1`, nil},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// scrubAudit takes the person's address and name out of the audit log:
// an invitation's entry names the address it went to, joining and role
// changes name the person, and answers carry the author's name. The entry
// itself stays, by the tombstone. Names are replaced only where they
// stand for the person (an entry about them, or their own name field), so
// that a short name never eats into other people's words.
func (tx *Tx) scrubAudit(ctx context.Context, uid, email, tomb string) error {
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, uid).Scan(&name); err != nil {
		return err
	}
	qEmail, qTomb := jsonText(email), jsonText(tomb)
	qName := `"user_name":` + jsonText(name)
	qMarker := `"user_name":` + jsonText(pk.FormerMemberName)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE audit_log SET summary = REPLACE(summary, $1, $2) WHERE summary LIKE $3`, []any{email, tomb, "%" + email + "%"}},
		{`UPDATE audit_log SET before_json = REPLACE(before_json, $1, $2), after_json = REPLACE(after_json, $1, $2)
			WHERE before_json LIKE $3 OR after_json LIKE $3`, []any{qEmail, qTomb, "%" + qEmail + "%"}},
		{`UPDATE audit_log SET summary = $1 WHERE subject_id = $2 AND summary = $3`, []any{pk.FormerMemberName, uid, name}},
		{`UPDATE audit_log SET before_json = REPLACE(before_json, $1, $2), after_json = REPLACE(after_json, $1, $2)
			WHERE (user_id = $3 OR subject_id = $3) AND (before_json LIKE $4 OR after_json LIKE $4)`, []any{qName, qMarker, uid, "%" + qName + "%"}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

// dropMailTo drops mails to the address that were not sent yet.
func (tx *Tx) dropMailTo(ctx context.Context, email string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, payload FROM jobs WHERE kind = 'mail'`)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id, payload string
		if err := rows.Scan(&id, &payload); err != nil {
			rows.Close()
			return err
		}
		var m MailJob
		if json.Unmarshal([]byte(payload), &m) == nil && strings.EqualFold(m.To, email) {
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE id = $1`, id); err != nil {
			return err
		}
	}
	return nil
}

// jsonText is s as a JSON string, escaped as the audit log's JSON is.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// column runs a query of one text column.
func (tx *Tx) column(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
