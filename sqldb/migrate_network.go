package sqldb

import "strings"

// A version column of partnerships that every write to some tables raises,
// in the writing transaction, by trigger (so that no write path can forget
// it, cascades and bulk loads included). Caches are keyed by it.
type versionTriggers struct {
	column string   // the column of partnerships
	fn     string   // PostgreSQL's trigger function
	tables []string // tables with a partnership_id whose writes raise it
}

// networkVersion: the network's version (migration 00028).
var networkVersion = versionTriggers{column: "network_version", fn: "bump_network_version", tables: []string{"actors", "relationships"}}

// actorTagsVersion: the register's tags, kept under the network's version
// (migration 00041).
var actorTagsVersion = versionTriggers{column: "network_version", fn: "bump_network_version_tags", tables: []string{"actor_tags"}}

func sqliteNetworkTriggers() string       { return networkVersion.sqlite() }
func sqliteNetworkTriggersDown() string   { return networkVersion.sqliteDown() }
func postgresNetworkTriggers() string     { return networkVersion.postgres() }
func postgresNetworkTriggersDown() string { return networkVersion.postgresDown() }

func (v versionTriggers) sqlite() string {
	var sb strings.Builder
	for _, t := range v.tables {
		for _, ev := range []struct{ event, row string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("-- +goose StatementBegin\n")
			sb.WriteString("CREATE TRIGGER " + t + "_" + v.column + "_" + strings.ToLower(ev.event) +
				" AFTER " + ev.event + " ON " + t + " FOR EACH ROW BEGIN\n" +
				"    UPDATE partnerships SET " + v.column + " = " + v.column + " + 1 WHERE id = " + ev.row + ".partnership_id;\nEND;\n")
			sb.WriteString("-- +goose StatementEnd\n")
		}
	}
	return sb.String()
}

func (v versionTriggers) sqliteDown() string {
	var sb strings.Builder
	for _, t := range v.tables {
		for _, ev := range []string{"insert", "update", "delete"} {
			sb.WriteString("DROP TRIGGER " + t + "_" + v.column + "_" + ev + ";\n")
		}
	}
	return sb.String()
}

func (v versionTriggers) postgres() string {
	var sb strings.Builder
	sb.WriteString(`-- +goose StatementBegin
CREATE FUNCTION ` + v.fn + `() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET ` + v.column + ` = ` + v.column + ` + 1
    WHERE id IN (SELECT DISTINCT partnership_id FROM changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
`)
	for _, t := range v.tables {
		for _, ev := range []struct{ event, table string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("CREATE TRIGGER " + t + "_" + v.column + "_" + strings.ToLower(ev.event) +
				" AFTER " + ev.event + " ON " + t + " REFERENCING " + ev.table + " TABLE AS changed" +
				" FOR EACH STATEMENT EXECUTE FUNCTION " + v.fn + "();\n")
		}
	}
	return sb.String()
}

func (v versionTriggers) postgresDown() string {
	var sb strings.Builder
	for _, t := range v.tables {
		for _, ev := range []string{"insert", "update", "delete"} {
			sb.WriteString("DROP TRIGGER " + t + "_" + v.column + "_" + ev + " ON " + t + ";\n")
		}
	}
	sb.WriteString("DROP FUNCTION " + v.fn + "();\n")
	return sb.String()
}
