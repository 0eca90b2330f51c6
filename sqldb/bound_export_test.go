package sqldb

import (
	"context"
	"fmt"
)

// SeedMembersForTest adds people observers and invitations pending
// invitations to partnership pid straight into the tables (no password
// hashing, no audit), for tests of the member lists' maxima.
func SeedMembersForTest(ctx context.Context, db *DB, pid string, people, invitations int) error {
	return db.inTx(ctx, func(tx *Tx) error {
		now := fmtTime(tx.now)
		for i := range people {
			uid := newID()
			if _, err := tx.ExecContext(ctx, `INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, '', $4)`,
				uid, fmt.Sprintf("seeded%05d@example.org", i), fmt.Sprintf("Seeded %05d", i), now); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO partnership_people (partnership_id, user_id, role, since) VALUES ($1, $2, 'observer', $3)`,
				pid, uid, now); err != nil {
				return err
			}
		}
		for i := range invitations {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO invitations (id, partnership_id, email, role, secret_hash, status, expires_at, created_at)
				VALUES ($1, $2, $3, 'member', $4, 'pending', $5, $5)`,
				newID(), pid, fmt.Sprintf("invited%05d@example.org", i), newID(), now); err != nil {
				return err
			}
		}
		return nil
	})
}
