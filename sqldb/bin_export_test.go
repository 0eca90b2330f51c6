package sqldb

import "context"

// WithImportHook returns ctx carrying f, which ImportActors calls once its
// preview is built and before it writes anything.
func WithImportHook(ctx context.Context, f func()) context.Context {
	return context.WithValue(ctx, importHookKey{}, f)
}

// TacticSensitiveForTest asks tacticSensitive about tactic id inside a
// write transaction, as the tactic writes do, and returns its answer.
func TacticSensitiveForTest(ctx context.Context, db *DB, id string) (bool, error) {
	var sensitive bool
	var lookupErr error
	if err := db.inTx(ctx, func(tx *Tx) error {
		sensitive, lookupErr = tacticSensitive(ctx, tx, id)
		return nil
	}); err != nil {
		return false, err
	}
	return sensitive, lookupErr
}
