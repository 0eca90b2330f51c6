-- +goose Up
-- Implementation: goals (specific or universal) linked to statements of the
-- theory of change, action plans per goal with their milestones, budget
-- lines and staffing needs, and tasks. Dates are YYYY-MM-DD text, times
-- UTC text; a goal's target is text in Go's shortest exact form, as shares
-- are in the governance tables; money is integer minor units.
CREATE TABLE goals (
    id                    TEXT PRIMARY KEY,
    partnership_id        TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    beneficiaries         TEXT NOT NULL DEFAULT '',
    measure               TEXT NOT NULL DEFAULT '',
    target                TEXT NOT NULL DEFAULT '',
    unit                  TEXT NOT NULL DEFAULT '',
    owner_organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    due_date              TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    created_by            TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX goals_partnership ON goals(partnership_id, created_at, id);
CREATE INDEX goals_owner_organisation_id ON goals(owner_organisation_id);
CREATE INDEX goals_created_by ON goals(created_by);

CREATE TABLE goal_statements (
    goal_id        TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    statement_id   TEXT NOT NULL REFERENCES change_statements(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (goal_id, statement_id)
);
CREATE INDEX goal_statements_statement_id ON goal_statements(statement_id);
CREATE INDEX goal_statements_partnership_id ON goal_statements(partnership_id);

CREATE TABLE plans (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    goal_id         TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    body_id         TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    strategy        TEXT NOT NULL DEFAULT '',
    evaluation      TEXT NOT NULL DEFAULT '',
    risks           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    start_date      TEXT NOT NULL DEFAULT '',
    end_date        TEXT NOT NULL DEFAULT '',
    weight          INTEGER NOT NULL DEFAULT 1,
    public          BOOLEAN NOT NULL DEFAULT FALSE,
    currency        TEXT NOT NULL DEFAULT 'EUR',
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX plans_partnership ON plans(partnership_id, goal_id, title, id);
CREATE INDEX plans_goal_id ON plans(goal_id);
CREATE INDEX plans_body_id ON plans(body_id);
CREATE INDEX plans_organisation_id ON plans(organisation_id);
CREATE INDEX plans_created_by ON plans(created_by);

CREATE TABLE plan_milestones (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    due_date       TEXT NOT NULL,
    done_date      TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX plan_milestones_plan_id ON plan_milestones(plan_id, due_date, id);
CREATE INDEX plan_milestones_partnership_id ON plan_milestones(partnership_id);

CREATE TABLE plan_budget_lines (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    amount         BIGINT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX plan_budget_lines_plan_id ON plan_budget_lines(plan_id, created_at, id);
CREATE INDEX plan_budget_lines_partnership_id ON plan_budget_lines(partnership_id);

CREATE TABLE plan_staffing (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id         TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    hours_per_month INTEGER NOT NULL DEFAULT 0,
    inside          BOOLEAN NOT NULL DEFAULT TRUE,
    filled          BOOLEAN NOT NULL DEFAULT FALSE,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL
);
CREATE INDEX plan_staffing_plan_id ON plan_staffing(plan_id, created_at, id);
CREATE INDEX plan_staffing_partnership_id ON plan_staffing(partnership_id);

-- A task is given to a person (assignee) and/or an organisation; it may
-- come from a meeting's action item or carry out a tactic on a map (either
-- may go later; the task stays).
CREATE TABLE tasks (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id         TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    assignee_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    due_date        TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    tactic_id       TEXT REFERENCES tactics(id) ON DELETE SET NULL,
    action_item_id  TEXT REFERENCES meeting_action_items(id) ON DELETE SET NULL,
    done_at         TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX tasks_plan_id ON tasks(plan_id, due_date, id);
CREATE INDEX tasks_partnership ON tasks(partnership_id, status, due_date, id);
CREATE INDEX tasks_assignee_id ON tasks(assignee_id, status, due_date);
CREATE INDEX tasks_organisation_id ON tasks(organisation_id, status, due_date);
CREATE INDEX tasks_tactic_id ON tasks(tactic_id);
CREATE INDEX tasks_action_item_id ON tasks(action_item_id);
CREATE INDEX tasks_created_by ON tasks(created_by);

-- +goose Down
DROP TABLE tasks;
DROP TABLE plan_staffing;
DROP TABLE plan_budget_lines;
DROP TABLE plan_milestones;
DROP TABLE plans;
DROP TABLE goal_statements;
DROP TABLE goals;
