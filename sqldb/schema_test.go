package sqldb_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// schema is what the migrations made, in words both engines share, so that
// the two can be compared line by line: "actors.name text not null".
type schema struct {
	// lines describe columns, keys, indexes and constraints, one each.
	lines []string
	// foreignKeys and indexes feed the test that every foreign key has an
	// index: table → columns joined by ",".
	foreignKeys map[string][]string
	indexes     map[string][]string
}

// gooseTable is goose's own bookkeeping, not part of our schema.
const gooseTable = "goose_db_version"

func (s *schema) add(format string, args ...any) {
	s.lines = append(s.lines, fmt.Sprintf(format, args...))
}

// typeFamily folds each engine's spelling of a column type into the family
// the code relies on. Timestamps are stored as RFC 3339 text on both.
func typeFamily(t string) string {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "int"):
		return "integer"
	case strings.Contains(t, "bool"):
		return "boolean"
	case strings.Contains(t, "char"), strings.Contains(t, "text"):
		return "text"
	case strings.Contains(t, "real"), strings.Contains(t, "double"), strings.Contains(t, "numeric"):
		return "number"
	}
	return "unknown type " + t
}

// castSuffix is the cast PostgreSQL appends to a default, such as ::text.
var castSuffix = regexp.MustCompile(`::[a-z ]+$`)

func normalDefault(d sql.NullString) string {
	if !d.Valid {
		return "none"
	}
	return strings.ToLower(castSuffix.ReplaceAllString(d.String, ""))
}

// onDeletePG spells pg_constraint.confdeltype as SQLite does.
var onDeletePG = map[string]string{"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}

func sqliteSchema(t *testing.T, db *sql.DB) *schema {
	t.Helper()
	s := &schema{foreignKeys: map[string][]string{}, indexes: map[string][]string{}}
	tables := strings1(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> $1 ORDER BY name`, gooseTable)
	for _, table := range tables {
		s.add("table %s", table)
		var pk []string
		rows := query(t, db, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info($1) ORDER BY cid`, table)
		type pkcol struct {
			pos  int
			name string
		}
		var pkcols []pkcol
		for rows.Next() {
			var name, typ string
			var notNull, pkPos int
			var dflt sql.NullString
			must(t, rows.Scan(&name, &typ, &notNull, &dflt, &pkPos))
			if pkPos > 0 {
				// SQLite lets a non-integer key hold NULL; our code never
				// writes one, and PostgreSQL forbids it.
				notNull = 1
				pkcols = append(pkcols, pkcol{pkPos, name})
			}
			s.add("column %s.%s %s null=%v default=%s", table, name, typeFamily(typ), notNull == 0, normalDefault(dflt))
		}
		must(t, rows.Err())
		sort.Slice(pkcols, func(i, j int) bool { return pkcols[i].pos < pkcols[j].pos })
		for _, c := range pkcols {
			pk = append(pk, c.name)
		}
		if len(pk) > 0 {
			s.add("primary key %s(%s)", table, strings.Join(pk, ","))
			s.indexes[table] = append(s.indexes[table], strings.Join(pk, ","))
		}

		rows = query(t, db, `SELECT name, "unique", origin FROM pragma_index_list($1)`, table)
		type idx struct {
			name   string
			unique bool
			origin string
		}
		var idxs []idx
		for rows.Next() {
			var x idx
			must(t, rows.Scan(&x.name, &x.unique, &x.origin))
			idxs = append(idxs, x)
		}
		must(t, rows.Err())
		for _, x := range idxs {
			cols := strings.Join(strings1(t, db, `SELECT COALESCE(name, '(expression)') FROM pragma_index_info($1) ORDER BY seqno`, x.name), ",")
			s.indexes[table] = append(s.indexes[table], cols)
			switch x.origin {
			case "c": // CREATE INDEX
				s.add("index %s on %s(%s) unique=%v", x.name, table, cols, x.unique)
			case "u": // UNIQUE in CREATE TABLE
				s.add("unique %s(%s)", table, cols)
			}
		}

		// A key on several columns is one row per column, in key order.
		rows = query(t, db, `SELECT group_concat("from", ','), "table", group_concat("to", ','), on_delete
			FROM (SELECT * FROM pragma_foreign_key_list($1) ORDER BY id, seq) GROUP BY id`, table)
		for rows.Next() {
			var from, refTable, to, onDelete string
			must(t, rows.Scan(&from, &refTable, &to, &onDelete))
			s.add("foreign key %s(%s) references %s(%s) on delete %s", table, from, refTable, to, strings.ToLower(onDelete))
			s.foreignKeys[table] = append(s.foreignKeys[table], from)
		}
		must(t, rows.Err())

		var ddl string
		must(t, db.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $1`, table).Scan(&ddl))
		if n := strings.Count(strings.ToUpper(ddl), "CHECK ("); n > 0 {
			s.add("checks on %s: %d", table, n)
		}
	}
	sort.Strings(s.lines)
	return s
}

func postgresSchema(t *testing.T, db *sql.DB) *schema {
	t.Helper()
	s := &schema{foreignKeys: map[string][]string{}, indexes: map[string][]string{}}
	tables := strings1(t, db, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`, gooseTable)
	for _, table := range tables {
		s.add("table %s", table)
		rows := query(t, db, `SELECT column_name, data_type, is_nullable = 'YES', column_default FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
		for rows.Next() {
			var name, typ string
			var null bool
			var dflt sql.NullString
			must(t, rows.Scan(&name, &typ, &null, &dflt))
			s.add("column %s.%s %s null=%v default=%s", table, name, typeFamily(typ), null, normalDefault(dflt))
		}
		must(t, rows.Err())

		// Constraints, with their columns in key order.
		rows = query(t, db, `SELECT c.contype, c.confdeltype, COALESCE(f.relname, ''),
				(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
				 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
				COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
				 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum), '')
			FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
			LEFT JOIN pg_class f ON f.oid = c.confrelid
			WHERE r.relname = $1 AND r.relnamespace = current_schema()::regnamespace`, table)
		checks := 0
		for rows.Next() {
			var kind, onDelete, refTable, cols, refCols string
			must(t, rows.Scan(&kind, &onDelete, &refTable, &cols, &refCols))
			switch kind {
			case "p":
				s.add("primary key %s(%s)", table, cols)
			case "u":
				s.add("unique %s(%s)", table, cols)
			case "f":
				s.add("foreign key %s(%s) references %s(%s) on delete %s", table, cols, refTable, refCols, onDeletePG[onDelete])
				s.foreignKeys[table] = append(s.foreignKeys[table], cols)
			case "c":
				checks++
			}
		}
		must(t, rows.Err())
		if checks > 0 {
			s.add("checks on %s: %d", table, checks)
		}

		// Every index, and which ones were made by CREATE INDEX rather than
		// for a key or UNIQUE constraint.
		rows = query(t, db, `SELECT i.relname, x.indisunique,
				NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x')),
				(SELECT string_agg(COALESCE(a.attname, '(expression)'), ',' ORDER BY k.n) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
				 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid
			WHERE r.relname = $1 AND r.relnamespace = current_schema()::regnamespace`, table)
		for rows.Next() {
			var name, cols string
			var unique, created bool
			must(t, rows.Scan(&name, &unique, &created, &cols))
			s.indexes[table] = append(s.indexes[table], cols)
			if created {
				s.add("index %s on %s(%s) unique=%v", name, table, cols, unique)
			}
		}
		must(t, rows.Err())
	}
	sort.Strings(s.lines)
	return s
}

func engineSchema(t *testing.T, engine string) *schema {
	t.Helper()
	db := sqldbtest.Open(t, engine)
	if engine == "postgres" {
		return postgresSchema(t, sqldb.RawForTest(db))
	}
	return sqliteSchema(t, sqldb.RawForTest(db))
}

// The migrations are written once, but an engine's fragment or a statement
// one engine reads differently could still make the schemas drift; the code
// runs the same SQL on both, so they must agree on every table, column (type
// family, nullability, default), key, index and constraint.
func TestSchemaSameOnBothEngines(t *testing.T) {
	if os.Getenv(sqldbtest.PostgresEnv) == "" {
		t.Skipf("PostgreSQL not configured: set %s=postgres://... to compare the engines' schemas", sqldbtest.PostgresEnv)
	}
	lite := engineSchema(t, "sqlite")
	pg := engineSchema(t, "postgres")
	if len(lite.lines) < 100 {
		t.Fatalf("read only %d schema lines from SQLite; the reader is broken", len(lite.lines))
	}
	for _, l := range lite.lines {
		if !slices.Contains(pg.lines, l) {
			t.Errorf("only on SQLite: %s", l)
		}
	}
	for _, l := range pg.lines {
		if !slices.Contains(lite.lines, l) {
			t.Errorf("only on PostgreSQL: %s", l)
		}
	}
}

// Deleting a row makes the engine look for the rows that point at it (to
// cascade, set null or refuse), and the code looks rows up by their parent;
// without an index on the referring column both read the whole table.
func TestEveryForeignKeyHasAnIndex(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			if engine == "postgres" && os.Getenv(sqldbtest.PostgresEnv) == "" {
				t.Skipf("PostgreSQL not configured: set %s=postgres://... to run this on PostgreSQL too", sqldbtest.PostgresEnv)
			}
			s := engineSchema(t, engine)
			if len(s.foreignKeys) == 0 {
				t.Fatal("found no foreign keys; the reader is broken")
			}
			for table, fks := range s.foreignKeys {
				for _, fk := range fks {
					if !leadsAnIndex(fk, s.indexes[table]) {
						t.Errorf("%s(%s) references another table but no index starts with it", table, fk)
					}
				}
			}
		})
	}
}

// leadsAnIndex says whether some index begins with the columns cols, or
// with the first of them: a key on an actor and its partnership finds its
// rows by the actor alone, a handful per actor.
func leadsAnIndex(cols string, indexes []string) bool {
	first, _, _ := strings.Cut(cols, ",")
	for _, ix := range indexes {
		if ix == cols || strings.HasPrefix(ix, cols+",") || ix == first || strings.HasPrefix(ix, first+",") {
			return true
		}
	}
	return false
}

func query(t *testing.T, db *sql.DB, q string, args ...any) *sql.Rows {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	t.Cleanup(func() { rows.Close() })
	return rows
}

func strings1(t *testing.T, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows := query(t, db, q, args...)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		must(t, rows.Scan(&s))
		out = append(out, s)
	}
	must(t, rows.Err())
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
