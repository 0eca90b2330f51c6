-- +goose Up
-- Webhooks (issue 15): a partnership's chat room or system told of what
-- happens, as signed JSON, a Slack-compatible message or a Matrix room
-- message. What the server must read back to send (the address of a Slack
-- hook, the signing secret, the Matrix room and token) is sealed with the
-- instance's key (secretbox); url shows the address without its secret
-- part for Slack.
CREATE TABLE webhooks (
    id                   TEXT PRIMARY KEY,
    partnership_id       TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind                 TEXT NOT NULL,
    url                  TEXT NOT NULL,
    url_sealed           TEXT NOT NULL,
    events               TEXT NOT NULL DEFAULT '[]',
    language             TEXT NOT NULL DEFAULT 'en',
    secret_sealed        TEXT NOT NULL DEFAULT '',
    room_sealed          TEXT NOT NULL DEFAULT '',
    paused               BOOLEAN NOT NULL DEFAULT FALSE,
    pause_reason         TEXT NOT NULL DEFAULT '',
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    version              INTEGER NOT NULL DEFAULT 1,
    created_by           TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX webhooks_partnership ON webhooks(partnership_id, created_at, id);
CREATE INDEX webhooks_created_by ON webhooks(created_by);

-- One delivery per webhook and event (event_id is NULL for a test), its
-- attempts and the last answer; kept 30 days.
CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    webhook_id       TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    partnership_id   TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    event_id         TEXT REFERENCES events(id) ON DELETE CASCADE,
    event_kind       TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_status_code INTEGER NOT NULL DEFAULT 0,
    last_response    TEXT NOT NULL DEFAULT '',
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(webhook_id, created_at, id);
CREATE INDEX webhook_deliveries_event_id ON webhook_deliveries(event_id);
CREATE INDEX webhook_deliveries_partnership_id ON webhook_deliveries(partnership_id);
CREATE INDEX webhook_deliveries_created ON webhook_deliveries(created_at);

-- A claim token per job claim: finishing a job acts only on its own claim,
-- so a slow worker whose lease ran out cannot finish (or retry) the job
-- another instance has claimed since.
ALTER TABLE jobs ADD COLUMN claim TEXT;

-- +goose Down
ALTER TABLE jobs DROP COLUMN claim;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
