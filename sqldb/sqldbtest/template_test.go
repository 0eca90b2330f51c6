package sqldbtest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// A copied template must be as good as a migration run for the test: at
// the latest schema version, and a database of its own.
func TestOpenCopiesAMigratedTemplate(t *testing.T) {
	t.Parallel()
	Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		current, latest, err := db.MigrationStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if latest == 0 || current != latest {
			t.Fatalf("schema version %d, want the latest (%d)", current, latest)
		}
		other := Open(t, db.Dialect.String())
		in := pk.SignUpInput{Email: "same@example.org", Name: "Same Person", Password: Password}
		if _, err := db.Accounts.CreateUser(ctx, in, false); err != nil {
			t.Fatal(err)
		}
		// The e-mail address is unique: had both tests shared a database,
		// the second sign-up would fail.
		if _, err := other.Accounts.CreateUser(ctx, in, false); err != nil {
			t.Fatalf("second database saw the first one's user: %v", err)
		}
	})
}

// DSN promises an empty database, for tests of the migrations themselves.
func TestDSNIsEmpty(t *testing.T) {
	t.Parallel()
	for _, engine := range Engines() {
		t.Run(engine, func(t *testing.T) {
			db, err := sqldb.Open(DSN(t, engine))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if current, _, err := db.MigrationStatus(context.Background()); err != nil || current != 0 {
				t.Fatalf("schema version %d (%v), want an empty database", current, err)
			}
		})
	}
}

func TestTokenOf(t *testing.T) {
	for name, want := range map[string]string{
		"pk_tmpl_0a1b2c3d4e5f": "0a1b2c3d4e5f",
		"pk_t_0a1b2c3d4e5f_12": "0a1b2c3d4e5f",
	} {
		if got := tokenOf(name); got != want {
			t.Errorf("tokenOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// A process that was killed leaves its databases behind; the next one
// drops them, but never those of a process still running (this one).
func TestOrphanedDatabasesAreDropped(t *testing.T) {
	if len(Engines()) < 2 {
		t.Skipf("PostgreSQL not configured: set %s", PostgresEnv)
	}
	mine := Open(t, "postgres")
	ctx := context.Background()
	// A token no process holds, different in every run, so that runs
	// sharing one server do not trip over each other's orphan.
	orphan := fmt.Sprintf("%sorphan%d_1", pgTestPrefix, time.Now().UnixNano())
	if _, err := pgWorld.admin.ExecContext(ctx, `CREATE DATABASE `+orphan); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pgWorld.admin.Exec(`DROP DATABASE IF EXISTS ` + orphan) })
	if err := dropOrphans(ctx, pgWorld.admin); err != nil {
		t.Fatal(err)
	}
	exists := func(name string) bool {
		var one int
		err := pgWorld.admin.QueryRowContext(ctx, `SELECT 1 FROM pg_database WHERE datname = $1`, name).Scan(&one)
		if err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		return err == nil
	}
	if exists(orphan) {
		t.Errorf("%s outlived its process", orphan)
	}
	if !exists(pgWorld.template) {
		t.Errorf("the running process's template %s was dropped", pgWorld.template)
	}
	if err := mine.Ping(ctx); err != nil {
		t.Errorf("the running process's test database: %v", err)
	}
}
