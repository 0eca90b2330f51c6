-- +goose Up
-- The bin: what a delete destroys (an actor with its ties, map positions
-- and tactics; a map with its assessments and tactics; a tie; a merged
-- duplicate), kept as a JSON copy of every row for 30 days so that a
-- coordinator can restore it exactly. The same on both engines.
CREATE TABLE bin_items (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    snapshot       TEXT NOT NULL,
    counts         TEXT NOT NULL DEFAULT '{}',
    sensitive      BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    deleted_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL
);
CREATE INDEX bin_items_partnership ON bin_items(partnership_id, deleted_at, id);
CREATE INDEX bin_items_expires ON bin_items(expires_at);
CREATE INDEX bin_items_deleted_by ON bin_items(deleted_by);

-- +goose Down
DROP TABLE bin_items;
