-- +goose Up
-- Indicators against targets (TolaData's rule, package indicator): each
-- measures exactly one goal or one plan. Numbers are text in Go's shortest
-- exact form ('' for none), as the goals' targets are; dates YYYY-MM-DD,
-- times UTC text. Categories (an indicator's disaggregation) and a
-- measurement's values per category are small JSON lists, read whole.
CREATE TABLE indicators (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    goal_id        TEXT REFERENCES goals(id) ON DELETE CASCADE,
    plan_id        TEXT REFERENCES plans(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL,
    direction      TEXT NOT NULL,
    baseline       TEXT NOT NULL DEFAULT '',
    baseline_date  TEXT NOT NULL DEFAULT '',
    life_target    TEXT NOT NULL DEFAULT '',
    frequency      TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT '',
    responsible_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    categories     TEXT NOT NULL DEFAULT '[]',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((goal_id IS NULL) <> (plan_id IS NULL))
);
CREATE INDEX indicators_partnership ON indicators(partnership_id, name, id);
CREATE INDEX indicators_goal_id ON indicators(goal_id);
CREATE INDEX indicators_plan_id ON indicators(plan_id);
CREATE INDEX indicators_responsible_id ON indicators(responsible_id);
CREATE INDEX indicators_created_by ON indicators(created_by);

CREATE TABLE indicator_targets (
    indicator_id   TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    due_date       TEXT NOT NULL,
    value          TEXT NOT NULL,
    label          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, due_date)
);
CREATE INDEX indicator_targets_partnership_id ON indicator_targets(partnership_id);

CREATE TABLE indicator_measurements (
    id             TEXT PRIMARY KEY,
    indicator_id   TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    measured_on    TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    breakdown      TEXT NOT NULL DEFAULT '[]',
    recorded_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX indicator_measurements_indicator ON indicator_measurements(indicator_id, measured_on, id);
CREATE INDEX indicator_measurements_partnership ON indicator_measurements(partnership_id, measured_on);
CREATE INDEX indicator_measurements_recorded_by ON indicator_measurements(recorded_by);

-- +goose Down
DROP TABLE indicator_measurements;
DROP TABLE indicator_targets;
DROP TABLE indicators;
