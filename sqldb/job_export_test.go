package sqldb

import "context"

// EnqueueForTest adds a job in a transaction of its own.
func EnqueueForTest(ctx context.Context, db *DB, kind string, payload any, uniqueKey string) error {
	return db.inTx(ctx, func(tx *Tx) error { return tx.enqueue(ctx, kind, payload, uniqueKey) })
}
