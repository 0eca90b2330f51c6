package sqldb

// Seeder loads many rows at once for the demonstration, tests and
// benchmarks. It skips every permission check and the audit log, so it is
// not part of any store the pages or the API can reach: only code that
// builds a database on purpose constructs one.
type Seeder struct{ db *DB }

// NewSeeder returns a seeder writing to db.
func NewSeeder(db *DB) *Seeder { return &Seeder{db} }
