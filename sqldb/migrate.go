package sqldb

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"github.com/pressly/goose/v3"
)

// The schema is written once, in migrations/*.sql, for both engines. Where
// the engines truly differ a migration says so with a token such as
// {{seq_pk}}, and the engine's fragment below replaces it before goose reads
// the file. A token an engine does not know stops the migration, so no
// statement with a hole in it ever reaches the database.
//
//go:embed migrations/*.sql
var migrations embed.FS

// Each engine's fragments, written once. Both lists hold the same tokens
// (TestSchemaSameOnBothEngines would fail otherwise, as the columns would
// differ).
var (
	sqliteFragments = map[string]string{
		// An ever-growing sequence number that is also the row's key;
		// AUTOINCREMENT never hands out a number twice, even after deletes.
		"{{seq_pk}}": "INTEGER PRIMARY KEY AUTOINCREMENT",
		// A row trigger per table and event (SQLite has no others).
		"{{network_version_triggers}}":                 sqliteNetworkTriggers(),
		"{{network_version_triggers_down}}":            sqliteNetworkTriggersDown(),
		"{{map_version_triggers}}":                     sqliteMapTriggers(),
		"{{map_version_triggers_down}}":                sqliteMapTriggersDown(),
		"{{tactic_map_version_triggers}}":              tacticVersion.sqlite(),
		"{{tactic_map_version_triggers_down}}":         tacticVersion.sqliteDown(),
		"{{actor_tags_network_version_triggers}}":      actorTagsVersion.sqlite(),
		"{{actor_tags_network_version_triggers_down}}": actorTagsVersion.sqliteDown(),
		"{{data_version_triggers}}":                    sqliteDataTriggers(),
		"{{data_version_triggers_down}}":               sqliteDataTriggersDown(),
		"{{playbook_data_version_triggers}}":           sqlitePlaybookTriggers(),
		"{{playbook_data_version_triggers_down}}":      sqlitePlaybookTriggersDown(),
		"{{inbox_version_triggers}}":                   sqliteInboxTriggers(),
		"{{inbox_version_triggers_down}}":              sqliteInboxTriggersDown(),
		"{{member_version_triggers}}":                  sqliteMemberTriggers(),
		"{{member_version_triggers_down}}":             sqliteMemberTriggersDown(),
		"{{organisation_member_trigger}}":              sqliteOrganisationMemberTrigger(organisationMemberColumns...),
		"{{organisation_member_trigger_down}}":         sqliteOrganisationMemberTrigger("name"),
		// SQLite changes a table's keys only by making the table again.
		"{{actor_tags_key}}":      sqliteActorTagsTable("FOREIGN KEY (actor_id, partnership_id) REFERENCES actors(id, partnership_id) ON DELETE CASCADE"),
		"{{actor_tags_key_down}}": sqliteActorTagsTable("FOREIGN KEY (actor_id) REFERENCES actors(id) ON DELETE CASCADE,\n    FOREIGN KEY (partnership_id) REFERENCES partnerships(id) ON DELETE CASCADE"),
	}
	postgresFragments = map[string]string{
		"{{seq_pk}}": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
		// Statement triggers with transition tables: a bulk load of
		// thousands of rows updates the partnership once per statement, not
		// once per row (repeated updates of one row in one transaction grow
		// a chain of row versions that each update walks).
		"{{network_version_triggers}}":                 postgresNetworkTriggers(),
		"{{network_version_triggers_down}}":            postgresNetworkTriggersDown(),
		"{{map_version_triggers}}":                     postgresMapTriggers(),
		"{{map_version_triggers_down}}":                postgresMapTriggersDown(),
		"{{tactic_map_version_triggers}}":              tacticVersion.postgres(),
		"{{tactic_map_version_triggers_down}}":         tacticVersion.postgresDown(),
		"{{actor_tags_network_version_triggers}}":      actorTagsVersion.postgres(),
		"{{actor_tags_network_version_triggers_down}}": actorTagsVersion.postgresDown(),
		"{{data_version_triggers}}":                    postgresDataTriggers(),
		"{{data_version_triggers_down}}":               postgresDataTriggersDown(),
		"{{playbook_data_version_triggers}}":           postgresPlaybookTriggers(),
		"{{playbook_data_version_triggers_down}}":      postgresPlaybookTriggersDown(),
		"{{inbox_version_triggers}}":                   postgresInboxTriggers(),
		"{{inbox_version_triggers_down}}":              postgresInboxTriggersDown(),
		"{{member_version_triggers}}":                  postgresMemberTriggers(),
		"{{member_version_triggers_down}}":             postgresMemberTriggersDown(),
		"{{organisation_member_trigger}}":              postgresOrganisationMemberTrigger(organisationMemberColumns...),
		"{{organisation_member_trigger_down}}":         postgresOrganisationMemberTrigger("name"),
		"{{actor_tags_key}}": `ALTER TABLE actor_tags DROP CONSTRAINT actor_tags_actor_id_fkey, DROP CONSTRAINT actor_tags_partnership_id_fkey,
    ADD CONSTRAINT actor_tags_actor_id_partnership_id_fkey FOREIGN KEY (actor_id, partnership_id) REFERENCES actors(id, partnership_id) ON DELETE CASCADE;`,
		"{{actor_tags_key_down}}": `ALTER TABLE actor_tags DROP CONSTRAINT actor_tags_actor_id_partnership_id_fkey,
    ADD CONSTRAINT actor_tags_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES actors(id) ON DELETE CASCADE,
    ADD CONSTRAINT actor_tags_partnership_id_fkey FOREIGN KEY (partnership_id) REFERENCES partnerships(id) ON DELETE CASCADE;`,
	}
)

// Migrate brings the schema up to date with the embedded migrations.
func (db *DB) Migrate(ctx context.Context) error {
	p, err := db.migrationProvider()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// MigrationStatus reports the current and latest schema versions.
func (db *DB) MigrationStatus(ctx context.Context) (current, latest int64, err error) {
	p, err := db.migrationProvider()
	if err != nil {
		return 0, 0, err
	}
	current, err = p.GetDBVersion(ctx)
	if err != nil {
		return 0, 0, err
	}
	srcs := p.ListSources()
	if len(srcs) > 0 {
		latest = srcs[len(srcs)-1].Version
	}
	return current, latest, nil
}

// migrationProvider hands goose the migrations as this engine reads them.
func (db *DB) migrationProvider() (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	dialect, fragments := goose.DialectSQLite3, sqliteFragments
	if db.Dialect == Postgres {
		dialect, fragments = goose.DialectPostgres, postgresFragments
	}
	return goose.NewProvider(dialect, db.write, engineFS{fsys: sub, fragments: fragments})
}

// engineMigrations returns the text of every migration as the engine runs
// it, by file name.
func engineMigrations(d Dialect) (map[string]string, error) {
	fragments := sqliteFragments
	if d == Postgres {
		fragments = postgresFragments
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	fsys := engineFS{fsys: sub, fragments: fragments}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out[n] = string(b)
	}
	return out, nil
}

// engineFS serves the migrations with one engine's fragments in place of
// their tokens; folders pass through unchanged.
type engineFS struct {
	fsys      fs.FS
	fragments map[string]string
}

var fragmentToken = regexp.MustCompile(`\{\{[a-z_]+\}\}`)

func (e engineFS) Open(name string) (fs.File, error) {
	f, err := e.fsys.Open(name)
	if err != nil || !strings.HasSuffix(name, ".sql") {
		return f, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var unknown []string
	text := fragmentToken.ReplaceAllStringFunc(string(raw), func(tok string) string {
		v, ok := e.fragments[tok]
		if !ok {
			unknown = append(unknown, tok)
		}
		return v
	})
	if len(unknown) > 0 {
		return nil, fmt.Errorf("migration %s: no fragment for %s on this engine", name, strings.Join(unknown, ", "))
	}
	return &expandedFile{Reader: bytes.NewReader([]byte(text)), info: expandedInfo{FileInfo: info, size: int64(len(text))}}, nil
}

// expandedFile is a migration after its tokens were replaced.
type expandedFile struct {
	*bytes.Reader
	info expandedInfo
}

func (f *expandedFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *expandedFile) Close() error               { return nil }

// expandedInfo reports the expanded size, not the embedded one.
type expandedInfo struct {
	fs.FileInfo
	size int64
}

func (i expandedInfo) Size() int64 { return i.size }
