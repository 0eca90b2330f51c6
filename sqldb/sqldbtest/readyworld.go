package sqldbtest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Building the world writes a few hundred rows through the services, and
// most tests start from it. So each test process builds it once per engine,
// keeps the database it is in as a template, and hands every test a copy
// of that database with a copy of the World that describes it: the same
// IDs, the same rows, nothing shared.

// readyWorld is the world built once for one engine.
type readyWorld struct {
	once  sync.Once
	world *World    // as built; only ever copied, never handed out
	now   time.Time // its clock when it was done
	file  []byte    // SQLite: the database holding it
	pg    string    // PostgreSQL: the template database holding it
}

var readyWorlds = map[string]*readyWorld{"sqlite": {}, "postgres": {}}

// OpenWorld returns a fresh database of the engine that holds the test
// world, as NewWorld(t, Open(t, engine)) would, but copied from a world
// built once per test process.
func OpenWorld(t testing.TB, engine string) *World {
	t.Helper()
	rw, ok := readyWorlds[engine]
	if !ok {
		t.Fatalf("no engine %q", engine)
	}
	if engine == "postgres" && os.Getenv(PostgresEnv) == "" {
		t.Skipf("PostgreSQL not configured: set %s", PostgresEnv)
	}
	// A failing fixture stops the test that happens to build the world;
	// every later test then fails here instead of building it again.
	rw.once.Do(func() { buildReadyWorld(t, engine, rw) })
	if rw.world == nil {
		t.Fatalf("the %s test world could not be built (see the first test that failed)", engine)
	}
	var db *sqldb.DB
	if engine == "sqlite" {
		db = openSQLiteFrom(t, rw.file)
	} else {
		var err error
		dsn := postgresDatabase(t, rw.pg)
		db, err = sqldb.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		remember(t, db, dsn)
	}
	db.Hasher = FastHasher
	db.WebhookConfig.Secrets = TestSecrets
	t.Cleanup(func() { db.Close() })
	clock := NewClock()
	clock.Set(rw.now)
	db.Now = clock.Now
	return rw.world.copyOnto(db, clock)
}

// EachWorld runs fn once per engine as a subtest, each with a fresh world
// (see OpenWorld). Without PostgreSQL configured its subtest is skipped,
// saying how to enable it.
func EachWorld(t *testing.T, fn func(t *testing.T, w *World)) {
	t.Helper()
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			if engine == "postgres" && os.Getenv(PostgresEnv) == "" {
				t.Skipf("PostgreSQL not configured: set %s=postgres://... to run this on PostgreSQL too", PostgresEnv)
			}
			fn(t, OpenWorld(t, engine))
		})
	}
}

// buildReadyWorld builds the world in a migrated database of its own and
// keeps that database as the engine's template.
func buildReadyWorld(t testing.TB, engine string, rw *readyWorld) {
	t.Helper()
	ctx := context.Background()
	if engine == "sqlite" {
		dir, err := os.MkdirTemp("", "partnerkit-world-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		migrated, err := migratedSQLite()
		if err != nil {
			t.Fatalf("migrate the SQLite template: %v", err)
		}
		path := filepath.Join(dir, "world.db")
		if err := os.WriteFile(path, migrated, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := sqldb.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.Hasher = FastHasher
		db.WebhookConfig.Secrets = TestSecrets
		w := NewWorld(t, db)
		ready := filepath.Join(dir, "ready.db")
		if err := db.Backup(ctx, ready); err != nil {
			t.Fatalf("copy the world: %v", err)
		}
		if rw.file, err = os.ReadFile(ready); err != nil {
			t.Fatal(err)
		}
		rw.now, rw.world = w.Clock.Now(), w
		return
	}
	migrated := migratedPostgres(t)
	name := pgTemplatePrefix + pgWorld.token + "_world"
	if _, err := pgWorld.admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+migrated); err != nil {
		t.Fatalf("create the world's template database: %v", err)
	}
	dsn, err := withDatabase(os.Getenv(PostgresEnv), name)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqldb.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.Hasher = FastHasher
	db.WebhookConfig.Secrets = TestSecrets
	w := NewWorld(t, db)
	// A database is copied only while nobody is connected to it.
	db.Close()
	rw.pg, rw.now, rw.world = name, w.Clock.Now(), w
}

// copyOnto returns a copy of the world that lives in db (a copy of the
// world's database) and keeps time by clock. Nothing in the copy is shared
// with the original, so a test may change its fixtures freely.
func (w *World) copyOnto(db *sqldb.DB, clock *Clock) *World {
	person := func(p *Person) *Person {
		u := deepCopy(p.User)
		return &Person{User: u, Ctx: pk.NewContextWithUser(context.Background(), u)}
	}
	return &World{
		DB:          db,
		Clock:       clock,
		Coordinator: person(w.Coordinator),
		Member:      person(w.Member),
		Observer:    person(w.Observer),
		Outsider:    person(w.Outsider),
		Partnership: deepCopy(w.Partnership),
		Other:       deepCopy(w.Other),
		Org:         deepCopy(w.Org),
		MemberOrg:   deepCopy(w.MemberOrg),
		Invitation:  deepCopy(w.Invitation),
		Params:      deepCopy(w.Params),
		fixtures:    deepCopy(w.fixtures),
	}
}

// deepCopy copies v and everything it points to, so that the copy shares
// nothing a test could change with v.
func deepCopy[T any](v T) T {
	c := copyValue(reflect.ValueOf(&v).Elem())
	return c.Interface().(T)
}

func copyValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(copyValue(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		// Unexported fields are copied as they are (time.Time's location,
		// say); what a test can reach, it reaches through exported ones.
		c.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(copyValue(v.Field(i)))
			}
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), copyValue(it.Value()))
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(copyValue(v.Index(i)))
		}
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(copyValue(v.Elem()))
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(copyValue(v.Index(i)))
		}
		return c
	}
	return v
}
