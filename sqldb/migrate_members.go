package sqldb

import "strings"

// memberVersion: the members' version (migration 00034). Deleting an
// account or an organisation deletes its memberships, whose triggers raise
// it.
var memberVersion = versionTriggers{column: "member_version", fn: "bump_member_version",
	tables: []string{"partnership_people", "partnership_organisations"}}

// A member's name is shown in the lists: renaming a person or an
// organisation raises the version of every partnership they belong to.
const memberNamesSQLite = `
-- +goose StatementBegin
CREATE TRIGGER users_member_version_update AFTER UPDATE OF name ON users FOR EACH ROW WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE partnerships SET member_version = member_version + 1 WHERE id IN (SELECT partnership_id FROM partnership_people WHERE user_id = NEW.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER organisations_member_version_update AFTER UPDATE OF name ON organisations FOR EACH ROW WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE partnerships SET member_version = member_version + 1 WHERE id IN (SELECT partnership_id FROM partnership_organisations WHERE organisation_id = NEW.id);
END;
-- +goose StatementEnd
`

const memberNamesPostgres = `
-- +goose StatementBegin
CREATE FUNCTION bump_member_version_person() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET member_version = member_version + 1 WHERE id IN (SELECT partnership_id FROM partnership_people WHERE user_id = NEW.id);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION bump_member_version_organisation() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET member_version = member_version + 1 WHERE id IN (SELECT partnership_id FROM partnership_organisations WHERE organisation_id = NEW.id);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER users_member_version_update AFTER UPDATE OF name ON users FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_member_version_person();
CREATE TRIGGER organisations_member_version_update AFTER UPDATE OF name ON organisations FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_member_version_organisation();
`

func sqliteMemberTriggers() string { return memberVersion.sqlite() + memberNamesSQLite }
func sqliteMemberTriggersDown() string {
	return "DROP TRIGGER users_member_version_update;\nDROP TRIGGER organisations_member_version_update;\n" + memberVersion.sqliteDown()
}
func postgresMemberTriggers() string { return memberVersion.postgres() + memberNamesPostgres }
func postgresMemberTriggersDown() string {
	return "DROP TRIGGER users_member_version_update ON users;\nDROP TRIGGER organisations_member_version_update ON organisations;\n" +
		"DROP FUNCTION bump_member_version_person();\nDROP FUNCTION bump_member_version_organisation();\n" + memberVersion.postgresDown()
}

// The organisation's trigger as migration 00037 makes it: the overview's
// counts of refugee-led and youth-led members are kept under the version
// too.
const (
	organisationMemberTriggerDropSQLite   = "DROP TRIGGER organisations_member_version_update;\n"
	organisationMemberTriggerDropPostgres = "DROP TRIGGER organisations_member_version_update ON organisations;\n"
)

func sqliteOrganisationMemberTrigger(columns ...string) string {
	var when []string
	for _, c := range columns {
		when = append(when, "OLD."+c+" IS NOT NEW."+c)
	}
	return organisationMemberTriggerDropSQLite + `-- +goose StatementBegin
CREATE TRIGGER organisations_member_version_update AFTER UPDATE OF ` + strings.Join(columns, ", ") + ` ON organisations FOR EACH ROW WHEN ` + strings.Join(when, " OR ") + ` BEGIN
    UPDATE partnerships SET member_version = member_version + 1 WHERE id IN (SELECT partnership_id FROM partnership_organisations WHERE organisation_id = NEW.id);
END;
-- +goose StatementEnd
`
}

func postgresOrganisationMemberTrigger(columns ...string) string {
	var when []string
	for _, c := range columns {
		when = append(when, "OLD."+c+" IS DISTINCT FROM NEW."+c)
	}
	return organisationMemberTriggerDropPostgres + "CREATE TRIGGER organisations_member_version_update AFTER UPDATE OF " + strings.Join(columns, ", ") +
		" ON organisations FOR EACH ROW WHEN (" + strings.Join(when, " OR ") + ") EXECUTE FUNCTION bump_member_version_organisation();\n"
}

// organisationMemberColumns are the columns of an organisation whose change
// raises the members' version from migration 00037 on.
var organisationMemberColumns = []string{"name", "refugee_led", "youth_led"}
