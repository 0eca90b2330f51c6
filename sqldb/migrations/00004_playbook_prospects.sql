-- +goose Up
-- Playbooks: which guide a partnership follows, and what it has done in
-- every guide it ever followed. State is keyed by (partnership, playbook,
-- step/question), so switching guides and back loses nothing.
CREATE TABLE partnership_playbooks (
    partnership_id TEXT PRIMARY KEY REFERENCES partnerships(id) ON DELETE CASCADE,
    playbook       TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    chosen_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    chosen_at      TEXT NOT NULL
);

-- The stage a partnership chose to work on, per playbook.
CREATE TABLE playbook_stages (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    playbook       TEXT NOT NULL,
    stage          TEXT NOT NULL,
    PRIMARY KEY (partnership_id, playbook)
);

-- Every move to another stage, with who and when.
CREATE TABLE playbook_stage_history (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    playbook       TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    from_stage     TEXT NOT NULL,
    to_stage       TEXT NOT NULL,
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    changed_at     TEXT NOT NULL
);
CREATE INDEX playbook_stage_history_p ON playbook_stage_history(partnership_id, playbook, seq);

-- A row per ticked step; un-ticking deletes it.
CREATE TABLE playbook_steps (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    playbook       TEXT NOT NULL,
    step           TEXT NOT NULL,
    done_by        TEXT REFERENCES users(id) ON DELETE SET NULL,
    done_at        TEXT NOT NULL,
    PRIMARY KEY (partnership_id, playbook, step)
);

-- Answers to guiding questions: one current answer per person and question.
CREATE TABLE playbook_answers (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    playbook       TEXT NOT NULL,
    question       TEXT NOT NULL,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body           TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (partnership_id, playbook, question, user_id)
);
CREATE INDEX playbook_answers_p ON playbook_answers(partnership_id, playbook, created_at);

-- Outreach: prospective partners, each with one point of contact on our
-- side, and every change of status as its own row.
CREATE TABLE prospects (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    actor_id        TEXT REFERENCES actors(id) ON DELETE SET NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    user_id         TEXT REFERENCES users(id) ON DELETE SET NULL,
    contact_name    TEXT NOT NULL DEFAULT '',
    contact_email   TEXT NOT NULL DEFAULT '',
    contact_phone   TEXT NOT NULL DEFAULT '',
    contact_role    TEXT NOT NULL DEFAULT '',
    record          TEXT NOT NULL DEFAULT '',
    statements      TEXT NOT NULL DEFAULT '',
    worked_with     TEXT NOT NULL DEFAULT '',
    message         TEXT NOT NULL DEFAULT '',
    next_step       TEXT NOT NULL DEFAULT '',
    next_step_due   TEXT,
    status          TEXT NOT NULL,
    status_at       TEXT NOT NULL,
    invitation_id   TEXT REFERENCES invitations(id) ON DELETE SET NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX prospects_partnership ON prospects(partnership_id, name, id);
CREATE INDEX prospects_status ON prospects(partnership_id, status);

CREATE TABLE prospect_status_changes (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    prospect_id    TEXT NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    from_status    TEXT NOT NULL,
    to_status      TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    changed_at     TEXT NOT NULL
);
CREATE INDEX prospect_status_changes_p ON prospect_status_changes(prospect_id, seq);

-- +goose Down
DROP TABLE prospect_status_changes;
DROP TABLE prospects;
DROP TABLE playbook_answers;
DROP TABLE playbook_steps;
DROP TABLE playbook_stage_history;
DROP TABLE playbook_stages;
DROP TABLE partnership_playbooks;
