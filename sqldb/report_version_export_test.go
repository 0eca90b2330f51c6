package sqldb

import "database/sql"

// WriteForTest exposes the write pool to this package's tests.
func WriteForTest(db *DB) *sql.DB { return db.write }

// ReportTablesForTest are the tables whose writes raise data_version.
var ReportTablesForTest = reportTables
