-- +goose Up
-- Governance: the partnership's bodies, who sits in them (seats are ended,
-- never deleted, so the history of who sat where stays), and the charter,
-- one row per version. Shares (quorum) are kept as text in Go's shortest
-- exact form, so 2/3 reads back as it was written on both engines.
CREATE TABLE bodies (
    id                TEXT PRIMARY KEY,
    partnership_id    TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    mandate           TEXT NOT NULL DEFAULT '',
    parent_id         TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    cadence           TEXT NOT NULL DEFAULT '',
    quorum            TEXT NOT NULL DEFAULT '0',
    reports_to_id     TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    reporting_cadence TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    created_by        TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX bodies_partnership ON bodies(partnership_id, name, id);
CREATE INDEX bodies_parent_id ON bodies(parent_id);
CREATE INDEX bodies_reports_to_id ON bodies(reports_to_id);
CREATE INDEX bodies_created_by ON bodies(created_by);

-- A seat is held by a person or by a member organisation (exactly one).
CREATE TABLE body_seats (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    body_id         TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    user_id         TEXT REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    position        TEXT NOT NULL,
    from_date       TEXT NOT NULL,
    until_date      TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    CHECK ((user_id IS NULL) <> (organisation_id IS NULL))
);
CREATE INDEX body_seats_partnership ON body_seats(partnership_id, body_id);
CREATE INDEX body_seats_body_id ON body_seats(body_id, from_date, id);
CREATE INDEX body_seats_user_id ON body_seats(user_id);
CREATE INDEX body_seats_organisation_id ON body_seats(organisation_id);

-- Each version of the charter. The rules (per body and per area) and the
-- texts are one JSON document: a version is read and written whole, and
-- never changed once written. The store checks every body it names.
CREATE TABLE charter_versions (
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    adopted_on      TEXT NOT NULL,
    adopted_body_id TEXT REFERENCES bodies(id) ON DELETE SET NULL,
    adoption_note   TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (partnership_id, version)
);
CREATE INDEX charter_versions_adopted_body_id ON charter_versions(adopted_body_id);
CREATE INDEX charter_versions_created_by ON charter_versions(created_by);

-- +goose Down
DROP TABLE charter_versions;
DROP TABLE body_seats;
DROP TABLE bodies;
