package sqldb

// playbookVersion: the playbook a partnership follows, its ticked steps,
// answers, chosen stage and stage history raise the data version too
// (migration 00039). The overview shows where the partnership stands in
// its playbook on every view, and keeps that under the data version.
var playbookVersion = versionTriggers{column: "data_version", fn: "bump_data_version_playbook",
	tables: []string{"partnership_playbooks", "playbook_steps", "playbook_answers", "playbook_stages", "playbook_stage_history"}}

// The playbook names who ticked a step, answered, moved the stage or chose
// the playbook, and they may have left the partnership since (the data
// version's own trigger on users covers only its present people): renaming
// them raises the version of every partnership whose playbook names them.
// Deleting an account empties or removes those rows, which their own
// triggers count.
const playbookNamesWhere = `id IN (
        SELECT partnership_id FROM playbook_steps WHERE done_by = OLD.id
        UNION SELECT partnership_id FROM playbook_answers WHERE user_id = OLD.id
        UNION SELECT partnership_id FROM playbook_stage_history WHERE user_id = OLD.id
        UNION SELECT partnership_id FROM partnership_playbooks WHERE chosen_by = OLD.id)`

func sqlitePlaybookTriggers() string {
	return playbookVersion.sqlite() + `-- +goose StatementBegin
CREATE TRIGGER users_playbook_data_version_update AFTER UPDATE OF name ON users FOR EACH ROW BEGIN
    UPDATE partnerships SET data_version = data_version + 1 WHERE ` + playbookNamesWhere + `;
END;
-- +goose StatementEnd
`
}

func sqlitePlaybookTriggersDown() string {
	return "DROP TRIGGER users_playbook_data_version_update;\n" + playbookVersion.sqliteDown()
}

func postgresPlaybookTriggers() string {
	return playbookVersion.postgres() + `-- +goose StatementBegin
CREATE FUNCTION bump_data_version_playbook_names() RETURNS trigger AS $$
BEGIN
    UPDATE partnerships SET data_version = data_version + 1 WHERE ` + playbookNamesWhere + `;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER users_playbook_data_version_update AFTER UPDATE OF name ON users FOR EACH ROW EXECUTE FUNCTION bump_data_version_playbook_names();
`
}

func postgresPlaybookTriggersDown() string {
	return "DROP TRIGGER users_playbook_data_version_update ON users;\nDROP FUNCTION bump_data_version_playbook_names();\n" +
		playbookVersion.postgresDown()
}
