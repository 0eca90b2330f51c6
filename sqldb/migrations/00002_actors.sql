-- +goose Up
-- The stakeholder register, relationships between actors, and maps with
-- their assessments (never overwritten) and planned tactics.
CREATE TABLE actors (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    sector          TEXT NOT NULL DEFAULT '',
    motivation      TEXT NOT NULL DEFAULT '',
    contribution    TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    sensitive       BOOLEAN NOT NULL DEFAULT FALSE,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX actors_partnership_name ON actors(partnership_id, name, id);
CREATE INDEX actors_partnership_kind ON actors(partnership_id, kind);
CREATE INDEX actors_partnership_sector ON actors(partnership_id, sector);

CREATE TABLE actor_tags (
    actor_id       TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    tag            TEXT NOT NULL,
    PRIMARY KEY (actor_id, tag)
);
CREATE INDEX actor_tags_tag ON actor_tags(partnership_id, tag);

CREATE TABLE relationships (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    from_actor     TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    to_actor       TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    directed       BOOLEAN NOT NULL DEFAULT FALSE,
    strength       INTEGER NOT NULL DEFAULT 2,
    from_date      TEXT,
    until_date     TEXT,
    note           TEXT NOT NULL DEFAULT '',
    sensitive      BOOLEAN NOT NULL DEFAULT FALSE,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX relationships_partnership ON relationships(partnership_id, type);
CREATE INDEX relationships_from ON relationships(from_actor);
CREATE INDEX relationships_to ON relationships(to_actor);

CREATE TABLE maps (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    objective      TEXT NOT NULL DEFAULT '',
    shared         BOOLEAN NOT NULL DEFAULT FALSE,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX maps_partnership ON maps(partnership_id, created_at);

CREATE TABLE assessments (
    seq            {{seq_pk}},
    id             TEXT NOT NULL UNIQUE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    map_id         TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    actor_id       TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    support        INTEGER NOT NULL,
    influence      INTEGER NOT NULL,
    interest       INTEGER,
    note           TEXT NOT NULL DEFAULT '',
    assessed_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    assessed_at    TEXT NOT NULL
);
CREATE INDEX assessments_map ON assessments(map_id, actor_id, seq);
CREATE INDEX assessments_map_time ON assessments(map_id, assessed_at);

CREATE TABLE tactics (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    map_id         TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    actor_id       TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    due            TEXT,
    owner_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX tactics_map ON tactics(map_id, actor_id);

-- +goose Down
DROP TABLE tactics;
DROP TABLE assessments;
DROP TABLE maps;
DROP TABLE relationships;
DROP TABLE actor_tags;
DROP TABLE actors;
