package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// SelfDeclared returns what the asking person said of themselves for the
// health signals. Only they read it: the signals count shares in SQL.
func (store *AccountStore) SelfDeclared(ctx context.Context) (pk.SelfDeclared, error) {
	var out pk.SelfDeclared
	uid, err := requireUser(ctx)
	if err != nil {
		return out, err
	}
	err = store.db.read.QueryRowContext(ctx, `SELECT lived_experience, young FROM users WHERE id = $1`, uid).Scan(&out.LivedExperience, &out.Young)
	return out, err
}

// SetSelfDeclared changes the asking person's answers. The account has no
// partnership, so no audit entry is written: a partnership's log must not
// tell its readers that someone changed such an answer.
func (store *AccountStore) SetSelfDeclared(ctx context.Context, in pk.SelfDeclared) error {
	uid, err := requireUser(ctx)
	if err != nil {
		return err
	}
	if err := in.Validate(); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE users SET lived_experience = $2, young = $3 WHERE id = $1`, uid, in.LivedExperience, in.Young)
		return err
	})
}
