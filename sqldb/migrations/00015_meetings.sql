-- +goose Up
-- Meetings of a body, or open to all members (body_id null): times as UTC
-- instants with the IANA zone they are held in; the agenda's circulation;
-- the minutes in Markdown with their approval by a later meeting. Then the
-- agenda items in order, attendance per person and per member organisation
-- (holder is 'u:'+user or 'o:'+organisation, the one key of a row), the
-- action items, and each person's private calendar feed (its secret kept
-- hashed). The same on both engines.
CREATE TABLE meetings (
    id                          TEXT PRIMARY KEY,
    partnership_id              TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    body_id                     TEXT REFERENCES bodies(id) ON DELETE CASCADE,
    title                       TEXT NOT NULL,
    starts_at                   TEXT NOT NULL,
    ends_at                     TEXT NOT NULL,
    time_zone                   TEXT NOT NULL,
    place                       TEXT NOT NULL DEFAULT '',
    link                        TEXT NOT NULL DEFAULT '',
    agenda_circulated_at        TEXT,
    minutes                     TEXT NOT NULL DEFAULT '',
    minutes_status              TEXT NOT NULL DEFAULT 'none',
    minutes_by                  TEXT REFERENCES users(id) ON DELETE SET NULL,
    minutes_approved_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    created_by                  TEXT REFERENCES users(id) ON DELETE SET NULL,
    version                     INTEGER NOT NULL DEFAULT 1,
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL
);
CREATE INDEX meetings_partnership ON meetings(partnership_id, starts_at, id);
CREATE INDEX meetings_body_id ON meetings(body_id, starts_at);
CREATE INDEX meetings_starts_at ON meetings(starts_at);
CREATE INDEX meetings_minutes_by ON meetings(minutes_by);
CREATE INDEX meetings_minutes_approved_meeting_id ON meetings(minutes_approved_meeting_id);
CREATE INDEX meetings_created_by ON meetings(created_by);

CREATE TABLE meeting_agenda_items (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    meeting_id     TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    presenter_id   TEXT REFERENCES users(id) ON DELETE SET NULL,
    minutes        INTEGER NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items(meeting_id, position, id);
CREATE INDEX meeting_agenda_items_partnership ON meeting_agenda_items(partnership_id);
CREATE INDEX meeting_agenda_items_presenter_id ON meeting_agenda_items(presenter_id);

CREATE TABLE meeting_attendance (
    meeting_id      TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    holder          TEXT NOT NULL,
    user_id         TEXT REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    recorded_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at     TEXT NOT NULL,
    PRIMARY KEY (meeting_id, holder),
    CHECK ((user_id IS NULL) <> (organisation_id IS NULL))
);
CREATE INDEX meeting_attendance_partnership ON meeting_attendance(partnership_id);
CREATE INDEX meeting_attendance_user_id ON meeting_attendance(user_id);
CREATE INDEX meeting_attendance_organisation_id ON meeting_attendance(organisation_id);
CREATE INDEX meeting_attendance_recorded_by ON meeting_attendance(recorded_by);

CREATE TABLE meeting_action_items (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    meeting_id      TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    what            TEXT NOT NULL,
    user_id         TEXT REFERENCES users(id) ON DELETE SET NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    due_date        TEXT,
    status          TEXT NOT NULL,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX meeting_action_items_meeting ON meeting_action_items(meeting_id, created_at, id);
CREATE INDEX meeting_action_items_partnership ON meeting_action_items(partnership_id);
CREATE INDEX meeting_action_items_user_id ON meeting_action_items(user_id, status);
CREATE INDEX meeting_action_items_organisation_id ON meeting_action_items(organisation_id);
CREATE INDEX meeting_action_items_created_by ON meeting_action_items(created_by);

CREATE TABLE calendar_feeds (
    user_id     TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE meeting_action_items;
DROP TABLE meeting_attendance;
DROP TABLE meeting_agenda_items;
DROP TABLE meetings;
