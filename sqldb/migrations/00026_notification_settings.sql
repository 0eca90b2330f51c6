-- +goose Up
-- Email of notifications (issue 15). A person without a row here has the
-- defaults: a daily digest, in UTC. frequency is 'immediately', 'daily',
-- 'weekly' or 'off'; time_zone an IANA name, for the hour digests and
-- reminders arrive.
CREATE TABLE notification_settings (
    user_id    TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    frequency  TEXT NOT NULL DEFAULT 'daily',
    time_zone  TEXT NOT NULL DEFAULT 'UTC',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- A person's own frequency for one partnership, over their default.
CREATE TABLE notification_partnership_settings (
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    frequency      TEXT NOT NULL,
    PRIMARY KEY (user_id, partnership_id)
);
CREATE INDEX notification_partnership_settings_partnership_id ON notification_partnership_settings(partnership_id);

-- The kinds of notification a person wants no email for (the inbox still
-- has them).
CREATE TABLE notification_kind_optouts (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Every notification email, once: send_key is "n:<notification id>" for a
-- mail of its own, "d:<user id>:<period key>" for a digest, and UNIQUE, so
-- that however many instances run the jobs, one row (and one mail) exists
-- per key. status: 'due' (waits for due_at), 'sending' (claimed until
-- locked_until by one worker, whose claim says it is theirs), 'sent',
-- 'skipped' (nothing left to say) or 'failed' (after many tries).
CREATE TABLE email_sends (
    id              TEXT PRIMARY KEY,
    send_key        TEXT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    notification_id TEXT REFERENCES notifications(id) ON DELETE CASCADE,
    period          TEXT NOT NULL DEFAULT '',
    period_start    TEXT,
    due_at          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'due',
    locked_until    TEXT,
    claim           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    sent_at         TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX email_sends_due ON email_sends(status, due_at);
CREATE INDEX email_sends_user_id ON email_sends(user_id);
CREATE INDEX email_sends_notification_id ON email_sends(notification_id);

-- The instance's signing keys (the unsubscribe links' HMAC), made on first
-- use and shared by every instance on the database.
CREATE TABLE instance_keys (
    name       TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- +goose Down
DROP TABLE instance_keys;
DROP TABLE email_sends;
DROP TABLE notification_kind_optouts;
DROP TABLE notification_partnership_settings;
DROP TABLE notification_settings;
