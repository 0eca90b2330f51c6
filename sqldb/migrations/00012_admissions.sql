-- +goose Up
-- Admission of new members: one row per candidate with its stage and the
-- decision; the criteria checks, one per criterion (named by the ID of its
-- words, so a check outlives a charter version that keeps the criterion);
-- and the dated history of every step. The deciding body's name is kept
-- beside its ID, so the record still says who decided if the body is
-- renamed or removed.
CREATE TABLE admissions (
    id                 TEXT PRIMARY KEY,
    partnership_id     TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    candidate_name     TEXT NOT NULL,
    organisation_id    TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    contact_name       TEXT NOT NULL DEFAULT '',
    contact_email      TEXT NOT NULL DEFAULT '',
    contact_phone      TEXT NOT NULL DEFAULT '',
    motivation         TEXT NOT NULL DEFAULT '',
    source             TEXT NOT NULL,
    nominated_by_id    TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    prospect_id        TEXT REFERENCES prospects(id) ON DELETE SET NULL,
    stage              TEXT NOT NULL,
    stage_on           TEXT NOT NULL,
    outcome            TEXT NOT NULL DEFAULT '',
    decision_body_id   TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    decision_body_name TEXT NOT NULL DEFAULT '',
    decided_on         TEXT NOT NULL DEFAULT '',
    decision_note      TEXT NOT NULL DEFAULT '',
    signatory          TEXT NOT NULL DEFAULT '',
    signed_on          TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX admissions_partnership ON admissions(partnership_id, created_at, id);
CREATE INDEX admissions_organisation_id ON admissions(organisation_id);
CREATE INDEX admissions_nominated_by_id ON admissions(nominated_by_id);
CREATE INDEX admissions_prospect_id ON admissions(prospect_id);
CREATE INDEX admissions_decision_body_id ON admissions(decision_body_id);
CREATE INDEX admissions_created_by ON admissions(created_by);

CREATE TABLE admission_checks (
    admission_id    TEXT NOT NULL REFERENCES admissions(id) ON DELETE CASCADE,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    criterion_id    TEXT NOT NULL,
    criterion       TEXT NOT NULL,
    result          TEXT NOT NULL,
    evidence        TEXT NOT NULL DEFAULT '',
    evidence_url    TEXT NOT NULL DEFAULT '',
    charter_version INTEGER NOT NULL,
    checked_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    checked_at      TEXT NOT NULL,
    PRIMARY KEY (admission_id, criterion_id)
);
CREATE INDEX admission_checks_partnership ON admission_checks(partnership_id);
CREATE INDEX admission_checks_checked_by ON admission_checks(checked_by);

CREATE TABLE admission_steps (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    admission_id   TEXT NOT NULL REFERENCES admissions(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    from_stage     TEXT NOT NULL,
    to_stage       TEXT NOT NULL,
    step_on        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at    TEXT NOT NULL,
    UNIQUE (admission_id, seq)
);
CREATE INDEX admission_steps_partnership ON admission_steps(partnership_id);
CREATE INDEX admission_steps_user_id ON admission_steps(user_id);

-- +goose Down
DROP TABLE admission_steps;
DROP TABLE admission_checks;
DROP TABLE admissions;
