package sqldb

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Every token used in a migration must have a fragment on both engines, and
// what an engine runs must hold no token; this runs without PostgreSQL, so
// a token added for SQLite only is caught on every machine.
func TestMigrationsExpandOnBothEngines(t *testing.T) {
	if len(sqliteFragments) != len(postgresFragments) {
		t.Errorf("SQLite has %d fragments, PostgreSQL %d: each token needs one per engine", len(sqliteFragments), len(postgresFragments))
	}
	for tok := range sqliteFragments {
		if _, ok := postgresFragments[tok]; !ok {
			t.Errorf("%s has no PostgreSQL fragment", tok)
		}
	}
	for _, d := range []Dialect{SQLite, Postgres} {
		files, err := engineMigrations(d)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if len(files) == 0 {
			t.Fatalf("%s: no migrations", d)
		}
		for name, text := range files {
			if strings.Contains(text, "{{") {
				t.Errorf("%s: %s still holds a token", d, name)
			}
		}
	}
	sqlite, _ := engineMigrations(SQLite)
	postgres, _ := engineMigrations(Postgres)
	if !strings.Contains(sqlite["00001_platform.sql"], "AUTOINCREMENT") || !strings.Contains(postgres["00001_platform.sql"], "GENERATED ALWAYS AS IDENTITY") {
		t.Error("the audit log's sequence is not written in each engine's own words")
	}
}

// A token no engine knows stops the migration instead of reaching the
// database as broken SQL.
func TestUnknownMigrationTokenRefused(t *testing.T) {
	fsys := engineFS{fsys: fstest.MapFS{"00001_x.sql": {Data: []byte("-- +goose Up\nCREATE TABLE t (id {{no_such_thing}});\n")}}, fragments: sqliteFragments}
	if _, err := fsys.Open("00001_x.sql"); err == nil || !strings.Contains(err.Error(), "{{no_such_thing}}") {
		t.Fatalf("want an error naming the token, got %v", err)
	}
}
