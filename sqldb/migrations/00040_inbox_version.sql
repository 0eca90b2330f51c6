-- +goose Up
-- A person's inbox version: every write that can change which of their
-- notifications they may see unread raises it, by trigger, in the writing
-- transaction. Every page shows the count of unread notifications, kept
-- under it. The index finds the people to tell when the thing an event is
-- about is deleted or brought back.
ALTER TABLE users ADD COLUMN inbox_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_subject ON events(subject_id);
{{inbox_version_triggers}}

-- +goose Down
{{inbox_version_triggers_down}}
DROP INDEX events_subject;
ALTER TABLE users DROP COLUMN inbox_version;
