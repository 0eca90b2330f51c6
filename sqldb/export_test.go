package sqldb

import "database/sql"

// RawForTest exposes the read pool to this package's tests.
func RawForTest(db *DB) *sql.DB { return db.read }

// SubjectTablesForTest names the table of each subject type events are about.
var SubjectTablesForTest = subjectTables
