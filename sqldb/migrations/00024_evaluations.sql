-- +goose Up
-- Evaluations (seed 004, stage 4): questions with findings and evidence,
-- the changes made, the pros and cons of continuing, the continuation
-- question decided through a proposal, and the closure plan whose items
-- become tasks (seed 001, activity 16).
CREATE TABLE evaluations (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    body_id         TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    evaluators      TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    continuation    TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    decided_on      TEXT NOT NULL DEFAULT '',
    closure_plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX evaluations_partnership ON evaluations(partnership_id, period_to, id);
CREATE INDEX evaluations_body_id ON evaluations(body_id);
CREATE INDEX evaluations_closure_plan_id ON evaluations(closure_plan_id);
CREATE INDEX evaluations_created_by ON evaluations(created_by);

CREATE TABLE evaluation_questions (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    evaluation_id  TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    topic          TEXT NOT NULL,
    question_key   TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    finding        TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '[]',
    found_by       TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL
);
CREATE INDEX evaluation_questions_evaluation_id ON evaluation_questions(evaluation_id, position, id);
CREATE INDEX evaluation_questions_partnership_id ON evaluation_questions(partnership_id);
CREATE INDEX evaluation_questions_found_by ON evaluation_questions(found_by);

CREATE TABLE evaluation_changes (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    evaluation_id  TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    text           TEXT NOT NULL,
    task_id        TEXT REFERENCES tasks(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX evaluation_changes_evaluation_id ON evaluation_changes(evaluation_id, created_at, id);
CREATE INDEX evaluation_changes_partnership_id ON evaluation_changes(partnership_id);
CREATE INDEX evaluation_changes_task_id ON evaluation_changes(task_id);

-- Pros and cons of continuing; the author is kept so they may take
-- their own back.
CREATE TABLE continuation_points (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    evaluation_id  TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    side           TEXT NOT NULL,
    text           TEXT NOT NULL,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX continuation_points_evaluation_id ON continuation_points(evaluation_id, side, created_at, id);
CREATE INDEX continuation_points_partnership_id ON continuation_points(partnership_id);
CREATE INDEX continuation_points_created_by ON continuation_points(created_by);

-- Each proposal brought on the continuation question, with the direction
-- it proposes; the decision is the decisions module's.
CREATE TABLE continuation_proposals (
    proposal_id    TEXT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    evaluation_id  TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    direction      TEXT NOT NULL,
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX continuation_proposals_evaluation_id ON continuation_proposals(evaluation_id, position);
CREATE INDEX continuation_proposals_partnership_id ON continuation_proposals(partnership_id);

CREATE TABLE closure_items (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    evaluation_id   TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    what            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    person_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    due_date        TEXT NOT NULL,
    task_id         TEXT REFERENCES tasks(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX closure_items_evaluation_id ON closure_items(evaluation_id, due_date, id);
CREATE INDEX closure_items_partnership_id ON closure_items(partnership_id);
CREATE INDEX closure_items_organisation_id ON closure_items(organisation_id);
CREATE INDEX closure_items_person_id ON closure_items(person_id);
CREATE INDEX closure_items_task_id ON closure_items(task_id);

-- +goose Down
DROP TABLE closure_items;
DROP TABLE continuation_proposals;
DROP TABLE continuation_points;
DROP TABLE evaluation_changes;
DROP TABLE evaluation_questions;
DROP TABLE evaluations;
