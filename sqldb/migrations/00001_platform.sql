-- +goose Up
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    language       TEXT NOT NULL DEFAULT '',
    admin          BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret_hash  TEXT NOT NULL UNIQUE,
    user_agent   TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE email_tokens (
    secret_hash TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

CREATE TABLE sign_in_failures (
    key      TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  TEXT NOT NULL
);

CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    mission     TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    refugee_led BOOLEAN NOT NULL DEFAULT FALSE,
    youth_led   BOOLEAN NOT NULL DEFAULT FALSE,
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX organisations_name ON organisations(name, id);

CREATE TABLE organisation_people (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    admin           BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_people_user ON organisation_people(user_id);

CREATE TABLE partnerships (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    form       TEXT NOT NULL DEFAULT '',
    basis      TEXT NOT NULL DEFAULT '',
    scope      TEXT NOT NULL DEFAULT '',
    structure  TEXT NOT NULL DEFAULT '',
    archived   BOOLEAN NOT NULL DEFAULT FALSE,
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE partnership_organisations (
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    since           TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (partnership_id, organisation_id)
);

CREATE TABLE partnership_people (
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    since           TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (partnership_id, user_id)
);
CREATE INDEX partnership_people_user ON partnership_people(user_id);

CREATE TABLE invitations (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    message         TEXT NOT NULL DEFAULT '',
    secret_hash     TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL,
    invited_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    expires_at      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    answered_at     TEXT
);
CREATE INDEX invitations_partnership ON invitations(partnership_id, created_at);
CREATE INDEX invitations_email ON invitations(email, status);

CREATE TABLE audit_log (
    seq            {{seq_pk}},
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    action         TEXT NOT NULL,
    subject_type   TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    summary        TEXT NOT NULL,
    before_json    TEXT NOT NULL DEFAULT '',
    after_json     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX audit_log_partnership ON audit_log(partnership_id, seq);

CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    unique_key   TEXT UNIQUE,
    run_at       TEXT NOT NULL,
    locked_until TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    dead         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs(dead, run_at);

-- +goose Down
DROP TABLE jobs;
DROP TABLE audit_log;
DROP TABLE invitations;
DROP TABLE partnership_people;
DROP TABLE partnership_organisations;
DROP TABLE partnerships;
DROP TABLE organisation_people;
DROP TABLE organisations;
DROP TABLE sign_in_failures;
DROP TABLE email_tokens;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE settings;
