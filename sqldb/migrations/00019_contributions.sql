-- +goose Up
-- Contributions of member organisations (pledged, then delivered), the
-- barriers that restrain them, the plans' expenses, the partnership's money
-- settings, the conveners' monthly reports with their frozen figures, and
-- the committees' roll-ups. Money is integer minor units of the
-- partnership's one currency; dates are YYYY-MM-DD text, times UTC text.
CREATE TABLE budget_settings (
    partnership_id TEXT PRIMARY KEY REFERENCES partnerships(id) ON DELETE CASCADE,
    currency       TEXT NOT NULL DEFAULT 'EUR',
    time_zone      TEXT NOT NULL DEFAULT 'UTC',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL
);

-- A contribution to a plan stays when the plan is deleted: it becomes a
-- contribution to the partnership, as the organisation still gave it.
CREATE TABLE contributions (
    id               TEXT PRIMARY KEY,
    partnership_id   TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id  TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    plan_id          TEXT REFERENCES plans(id) ON DELETE SET NULL,
    kind             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    funder           TEXT NOT NULL DEFAULT '',
    amount           BIGINT NOT NULL DEFAULT 0,
    amount_delivered BIGINT NOT NULL DEFAULT 0,
    hours            INTEGER NOT NULL DEFAULT 0,
    hours_delivered  INTEGER NOT NULL DEFAULT 0,
    pledged_on       TEXT NOT NULL,
    delivered_on     TEXT NOT NULL DEFAULT '',
    withdrawn        BOOLEAN NOT NULL DEFAULT FALSE,
    version          INTEGER NOT NULL DEFAULT 1,
    created_by       TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX contributions_partnership ON contributions(partnership_id, organisation_id, pledged_on, id);
CREATE INDEX contributions_organisation_id ON contributions(organisation_id);
CREATE INDEX contributions_plan_id ON contributions(plan_id, delivered_on);
CREATE INDEX contributions_created_by ON contributions(created_by);

CREATE TABLE barriers (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    description     TEXT NOT NULL,
    resolved        BOOLEAN NOT NULL DEFAULT FALSE,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX barriers_partnership ON barriers(partnership_id, resolved, created_at, id);
CREATE INDEX barriers_organisation_id ON barriers(organisation_id);
CREATE INDEX barriers_created_by ON barriers(created_by);

CREATE TABLE plan_expenses (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    spent_on       TEXT NOT NULL,
    description    TEXT NOT NULL,
    amount         BIGINT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX plan_expenses_plan_id ON plan_expenses(plan_id, spent_on, id);
CREATE INDEX plan_expenses_partnership ON plan_expenses(partnership_id, spent_on, id);
CREATE INDEX plan_expenses_created_by ON plan_expenses(created_by);

-- One report per plan and month; the figures are frozen when written.
CREATE TABLE plan_reports (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period         TEXT NOT NULL,
    progress       TEXT NOT NULL,
    problems       TEXT NOT NULL DEFAULT '',
    next_steps     TEXT NOT NULL DEFAULT '',
    tasks_done     INTEGER NOT NULL DEFAULT 0,
    tasks_open     INTEGER NOT NULL DEFAULT 0,
    tasks_overdue  INTEGER NOT NULL DEFAULT 0,
    percent        INTEGER,
    delivered      BIGINT NOT NULL DEFAULT 0,
    spent          BIGINT NOT NULL DEFAULT 0,
    spent_to_date  BIGINT NOT NULL DEFAULT 0,
    budget         BIGINT NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL,
    author_id      TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (plan_id, period)
);
CREATE INDEX plan_reports_partnership ON plan_reports(partnership_id, period, id);
CREATE INDEX plan_reports_author_id ON plan_reports(author_id);

-- A roll-up keeps its totals and which reports it summed.
CREATE TABLE rollups (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    body_id        TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    period         TEXT NOT NULL,
    reports        INTEGER NOT NULL DEFAULT 0,
    plans          INTEGER NOT NULL DEFAULT 0,
    tasks_done     INTEGER NOT NULL DEFAULT 0,
    tasks_open     INTEGER NOT NULL DEFAULT 0,
    tasks_overdue  INTEGER NOT NULL DEFAULT 0,
    delivered      BIGINT NOT NULL DEFAULT 0,
    spent          BIGINT NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL,
    missing        TEXT NOT NULL DEFAULT '[]',
    version        INTEGER NOT NULL DEFAULT 1,
    generated_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    generated_at   TEXT NOT NULL,
    UNIQUE (body_id, period)
);
CREATE INDEX rollups_partnership ON rollups(partnership_id, period, id);
CREATE INDEX rollups_generated_by ON rollups(generated_by);

CREATE TABLE rollup_reports (
    rollup_id TEXT NOT NULL REFERENCES rollups(id) ON DELETE CASCADE,
    report_id TEXT NOT NULL REFERENCES plan_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (rollup_id, report_id)
);
CREATE INDEX rollup_reports_report_id ON rollup_reports(report_id);

-- +goose Down
DROP TABLE rollup_reports;
DROP TABLE rollups;
DROP TABLE plan_reports;
DROP TABLE plan_expenses;
DROP TABLE barriers;
DROP TABLE contributions;
DROP TABLE budget_settings;
