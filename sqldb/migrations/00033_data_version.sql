-- +goose Up
-- The partnership's data version: every write to what the partnership
-- report reads (goals, plans, tasks, indicators and their measurements,
-- contributions and the budget, proposals, ballots and decisions,
-- meetings and attendance, evaluations, health and trust rounds and
-- answers, bodies, seats and the charter, members and organisations) adds
-- one, in the writing transaction, by trigger; so does a change to the
-- name of a person or organisation in the partnership, or to who belongs
-- to one of its organisations. The report is kept under it.
ALTER TABLE partnerships ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0;
{{data_version_triggers}}

-- +goose Down
{{data_version_triggers_down}}
ALTER TABLE partnerships DROP COLUMN data_version;
