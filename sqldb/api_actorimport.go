package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// MayImportActors checks the permission an import needs before the upload is
// read (see pk.ActorService). It reads from the read pool: the decision
// holds no write lock, and ImportActors checks again in its transaction.
func (store *ActorStore) MayImportActors(ctx context.Context, pid string) error {
	_, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditActors)
	return err
}
