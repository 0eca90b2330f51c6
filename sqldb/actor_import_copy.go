package sqldb

import (
	"context"
	"errors"

	pk "github.com/partnerkit/partnerkit"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// On PostgreSQL an import's rows go in with COPY, in the import's
// transaction: a statement of 8,000 parameters a few hundred rows at a time
// spent most of an import's time in the server parsing and planning them.
// COPY fires the statement triggers (network_version) once per table.

// errCannotCopy says the transaction's connection is not pgx's own (an
// observed connection in tests): the rows go in with INSERTs instead.
var errCannotCopy = errors.New("sqldb: the connection cannot copy")

// insertImported writes an import's actors and their tags.
func (tx *Tx) insertImported(ctx context.Context, pid string, ins []pk.ActorInput) error {
	keys := newImportedRows(ins)
	if tx.db.Dialect == Postgres {
		err := tx.copyActors(ctx, pid, ins, keys)
		if !errors.Is(err, errCannotCopy) && !errors.Is(err, errNoConn) {
			return err
		}
	}
	return tx.insertActors(ctx, pid, ins, keys)
}

// copyActors is insertActors with COPY, on the transaction's connection.
func (tx *Tx) copyActors(ctx context.Context, pid string, ins []pk.ActorInput, keys importedRows) error {
	var uid any
	if u := pk.UserIDFromContext(ctx); u != "" {
		uid = u
	}
	now := fmtTime(tx.now)
	ids, tags := keys.ids, keys.tags
	return tx.raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return errCannotCopy
		}
		conn := c.Conn()
		row := make([]any, 14)
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"actors"},
			[]string{"id", "partnership_id", "name", "kind", "sector", "motivation", "contribution", "notes", "organisation_id", "sensitive", "created_by", "created_at", "updated_at", "search"},
			pgx.CopyFromSlice(len(ins), func(i int) ([]any, error) {
				in := &ins[i]
				row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] = ids[i], pid, in.Name, in.Kind, in.Sector, in.Motivation, in.Contribution, in.Notes
				row[8], row[9], row[10], row[11], row[12], row[13] = nil, in.Sensitive, uid, now, now, searchFold(in.Name)
				return row, nil
			}))
		if err != nil || len(tags) == 0 {
			return err
		}
		trow := make([]any, 3)
		_, err = conn.CopyFrom(ctx, pgx.Identifier{"actor_tags"}, []string{"actor_id", "partnership_id", "tag"},
			pgx.CopyFromSlice(len(tags), func(i int) ([]any, error) {
				trow[0], trow[1], trow[2] = tags[i].actor, pid, tags[i].tag
				return trow, nil
			}))
		return err
	})
}
