package sqldb

import (
	"context"
	"database/sql"
)

// RawForTest exposes the read pool to this package's tests.
func RawForTest(db *DB) *sql.DB { return db.read }

// SubjectTablesForTest names the table of each subject type events are about.
var SubjectTablesForTest = subjectTables

// WarmNetworksOnce makes one turn of WarmNetworks.
func WarmNetworksOnce(db *DB, ctx context.Context) (int, error) { return db.warmNetworks(ctx) }
