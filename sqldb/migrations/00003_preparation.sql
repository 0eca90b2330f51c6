-- +goose Up
-- Preparing a partnership: self-analysis contributions (of a partnership or
-- of one organisation; each person's contribution is its own row, never
-- overwritten by anyone else), start-up checklist answers (one current answer
-- per person and question), theory-of-change statements with their links,
-- and the choices made when comparing forms of collaboration.
CREATE TABLE self_analysis_entries (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    section         TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    answer          TEXT NOT NULL DEFAULT '',
    author_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((partnership_id IS NULL) <> (organisation_id IS NULL))
);
CREATE INDEX self_analysis_partnership ON self_analysis_entries(partnership_id, created_at);
CREATE INDEX self_analysis_organisation ON self_analysis_entries(organisation_id, created_at);

CREATE TABLE readiness_answers (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answer         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    answered_at    TEXT NOT NULL,
    PRIMARY KEY (partnership_id, question_id, user_id)
);

CREATE TABLE change_statements (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    level          TEXT NOT NULL,
    if_text        TEXT NOT NULL DEFAULT '',
    then_text      TEXT NOT NULL DEFAULT '',
    because_text   TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX change_statements_partnership ON change_statements(partnership_id, created_at, id);

CREATE TABLE change_links (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    from_id        TEXT NOT NULL REFERENCES change_statements(id) ON DELETE CASCADE,
    to_id          TEXT NOT NULL REFERENCES change_statements(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (from_id, to_id)
);
CREATE INDEX change_links_partnership ON change_links(partnership_id);
CREATE INDEX change_links_to ON change_links(to_id);

CREATE TABLE form_choices (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    item           TEXT NOT NULL,
    choice         TEXT NOT NULL,
    chosen_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    chosen_at      TEXT NOT NULL,
    PRIMARY KEY (partnership_id, kind, item)
);

-- +goose Down
DROP TABLE form_choices;
DROP TABLE change_links;
DROP TABLE change_statements;
DROP TABLE readiness_answers;
DROP TABLE self_analysis_entries;
