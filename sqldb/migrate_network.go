package sqldb

import "strings"

// networkTables are the tables whose every write bumps the partnership's
// network_version (migration 00028).
var networkTables = []string{"actors", "relationships"}

func sqliteNetworkTriggers() string {
	var sb strings.Builder
	for _, t := range networkTables {
		for _, ev := range []struct{ event, row string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("-- +goose StatementBegin\n")
			sb.WriteString("CREATE TRIGGER " + t + "_network_version_" + strings.ToLower(ev.event) +
				" AFTER " + ev.event + " ON " + t + " FOR EACH ROW BEGIN\n" +
				"    UPDATE partnerships SET network_version = network_version + 1 WHERE id = " + ev.row + ".partnership_id;\nEND;\n")
			sb.WriteString("-- +goose StatementEnd\n")
		}
	}
	return sb.String()
}

func sqliteNetworkTriggersDown() string {
	var sb strings.Builder
	for _, t := range networkTables {
		for _, ev := range []string{"insert", "update", "delete"} {
			sb.WriteString("DROP TRIGGER " + t + "_network_version_" + ev + ";\n")
		}
	}
	return sb.String()
}

func postgresNetworkTriggers() string {
	var sb strings.Builder
	sb.WriteString(`-- +goose StatementBegin
CREATE FUNCTION bump_network_version() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET network_version = network_version + 1
    WHERE id IN (SELECT DISTINCT partnership_id FROM changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
`)
	for _, t := range networkTables {
		for _, ev := range []struct{ event, table string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("CREATE TRIGGER " + t + "_network_version_" + strings.ToLower(ev.event) +
				" AFTER " + ev.event + " ON " + t + " REFERENCING " + ev.table + " TABLE AS changed" +
				" FOR EACH STATEMENT EXECUTE FUNCTION bump_network_version();\n")
		}
	}
	return sb.String()
}

func postgresNetworkTriggersDown() string {
	var sb strings.Builder
	for _, t := range networkTables {
		for _, ev := range []string{"insert", "update", "delete"} {
			sb.WriteString("DROP TRIGGER " + t + "_network_version_" + ev + " ON " + t + ";\n")
		}
	}
	sb.WriteString("DROP FUNCTION bump_network_version();\n")
	return sb.String()
}
