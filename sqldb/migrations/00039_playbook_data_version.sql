-- +goose Up
-- The overview shows where a partnership stands in its playbook and keeps
-- it under the data version: writing the playbook followed, a step, an
-- answer, the stage or its history now raises that version, and so does
-- renaming someone the playbook names.
{{playbook_data_version_triggers}}

-- +goose Down
{{playbook_data_version_triggers_down}}
