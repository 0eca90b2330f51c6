-- +goose Up
-- The maps' version: every write to a partnership's maps or assessments
-- adds one, in the writing transaction, by trigger, as network_version does
-- for actors and relationships; so does a change to the name of someone who
-- assessed, or their leaving the instance, since positions show it. What
-- is kept of maps (positions, the timeline, the list of maps with their
-- counts) is keyed by it and by network_version (actors' names and
-- sensitivity).
ALTER TABLE partnerships ADD COLUMN map_version INTEGER NOT NULL DEFAULT 0;
{{map_version_triggers}}

-- +goose Down
{{map_version_triggers_down}}
ALTER TABLE partnerships DROP COLUMN map_version;
