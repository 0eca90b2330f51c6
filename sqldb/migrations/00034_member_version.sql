-- +goose Up
-- The members' version: a person or organisation joining, leaving or
-- changing in a partnership adds one, in the writing transaction, by
-- trigger, as map_version does for maps; so does a change to the name of a
-- member person or organisation. The lists of members the forms offer by
-- name are kept under it.
ALTER TABLE partnerships ADD COLUMN member_version INTEGER NOT NULL DEFAULT 0;
{{member_version_triggers}}

-- +goose Down
{{member_version_triggers_down}}
ALTER TABLE partnerships DROP COLUMN member_version;
