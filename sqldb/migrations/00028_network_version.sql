-- +goose Up
-- The network's version: every write to a partnership's actors or
-- relationships adds one, in the writing transaction, by trigger (so that
-- no write path can forget it, cascades and bulk loads included). The
-- analysis cache is keyed by it: an instance that reads version v reads the
-- network as it was at v, whichever instance wrote it.
ALTER TABLE partnerships ADD COLUMN network_version INTEGER NOT NULL DEFAULT 0;
{{network_version_triggers}}

-- +goose Down
{{network_version_triggers_down}}
ALTER TABLE partnerships DROP COLUMN network_version;
