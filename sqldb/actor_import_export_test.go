package sqldb

import (
	"context"

	"github.com/jackc/pgx/v5/stdlib"
)

// WithImportWritten returns ctx carrying f, which ImportActors calls once
// the rows are written, in its transaction; an error from f undoes it.
func WithImportWritten(ctx context.Context, f func() error) context.Context {
	return context.WithValue(ctx, importWrittenKey{}, f)
}

// ImportCopies answers whether an import's transaction reaches pgx's own
// connection, so that its rows go in with COPY.
func ImportCopies(ctx context.Context, db *DB) (bool, error) {
	copies := false
	err := db.inConnTx(ctx, func(tx *Tx) error {
		return tx.raw(func(dc any) error {
			_, copies = dc.(*stdlib.Conn)
			return nil
		})
	})
	return copies, err
}
