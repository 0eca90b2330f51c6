package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// MayImportActors checks the permission an import needs before the upload is
// read (see pk.ActorService). It reads from the read pool: the decision
// holds no write lock, and ImportActors checks again in its transaction.
func (db *DB) MayImportActors(ctx context.Context, pid string) error {
	_, err := db.authorize(ctx, db.read, pid, pk.ActionEditActors)
	return err
}
