-- +goose Up
-- Events (issue 15): what happened in a partnership that someone should
-- hear of, derived after the fact from the committed audit log (audit_seq)
-- or from the clock (occasion_key: a reminder happens once). audience says
-- who may see it: 'observer', 'member' or 'coordinator' (that role or
-- above), or 'people' (only those with a notification row). data holds the
-- strings needed to render it, never a secret ballot's content. seq orders
-- events in commit order (each writer takes the next number; a concurrent
-- writer waits on the unique index and retries), so a reader that keeps a
-- cursor in event_cursor never skips one.
CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    seq            BIGINT NOT NULL UNIQUE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    subject_type   TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    actor_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    audit_seq      BIGINT UNIQUE,
    occasion_key   TEXT UNIQUE,
    audience       TEXT NOT NULL,
    data           TEXT NOT NULL DEFAULT '{}',
    created_at     TEXT NOT NULL
);
CREATE INDEX events_partnership ON events(partnership_id, created_at);
CREATE INDEX events_created_at ON events(created_at);
CREATE INDEX events_actor_id ON events(actor_id);

-- One row per person who may see an event: their inbox.
CREATE TABLE notifications (
    id             TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    read_at        TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, user_id)
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);
CREATE INDEX notifications_user_read ON notifications(user_id, read_at);
CREATE INDEX notifications_partnership_id ON notifications(partnership_id);
CREATE INDEX notifications_created_at ON notifications(created_at);

-- Where each reader of the event stream has got to (the derive job reads
-- audit_log; the mail and webhook jobs read events).
CREATE TABLE event_cursor (
    name TEXT PRIMARY KEY,
    seq  BIGINT NOT NULL DEFAULT 0
);
-- What happened before notifications existed is not news: deriving starts
-- after the audit log's last entry.
INSERT INTO event_cursor (name, seq) SELECT 'derive', COALESCE(MAX(seq), 0) FROM audit_log;

-- What the reminders look for by date: votes closing, tasks and action
-- items due, meetings ended without approved minutes.
CREATE INDEX proposals_status_closes ON proposals(status, closes_at);
CREATE INDEX tasks_due_date ON tasks(due_date, status);
CREATE INDEX meeting_action_items_due_date ON meeting_action_items(due_date, status);
CREATE INDEX meetings_ends_at ON meetings(ends_at);

-- +goose Down
DROP INDEX meetings_ends_at;
DROP INDEX meeting_action_items_due_date;
DROP INDEX tasks_due_date;
DROP INDEX proposals_status_closes;
DROP TABLE event_cursor;
DROP TABLE notifications;
DROP TABLE events;
