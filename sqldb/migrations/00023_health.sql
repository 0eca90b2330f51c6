-- +goose Up
-- The partnership's health: rounds of the health check and of the partner
-- relationship survey, the ratings given in them, and two self-declared,
-- optional profile answers that the behaviour signals count as shares.
-- Ratings are read back only by their author and as aggregates.
CREATE TABLE health_rounds (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL,
    status         TEXT NOT NULL,
    opened_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    opened_at      TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX health_rounds_partnership ON health_rounds(partnership_id, kind, opened_at, id);
CREATE INDEX health_rounds_opened_by ON health_rounds(opened_by);

-- One member's score (1-5) of one item in a round.
CREATE TABLE health_ratings (
    round_id       TEXT NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item           TEXT NOT NULL,
    score          INTEGER NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id, item)
);
CREATE INDEX health_ratings_partnership ON health_ratings(partnership_id);
CREATE INDEX health_ratings_user_id ON health_ratings(user_id);

-- One member organisation's rating of another in a trust round: six
-- items 1-4 (0 unanswered) and the intensity of the tie (0 none named).
CREATE TABLE trust_ratings (
    round_id        TEXT NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    rater_org_id    TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    rated_org_id    TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    openness        INTEGER NOT NULL DEFAULT 0,
    reliability     INTEGER NOT NULL DEFAULT 0,
    mission         INTEGER NOT NULL DEFAULT 0,
    power           INTEGER NOT NULL DEFAULT 0,
    resources       INTEGER NOT NULL DEFAULT 0,
    involvement     INTEGER NOT NULL DEFAULT 0,
    intensity       INTEGER NOT NULL DEFAULT 0,
    updated_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (round_id, rater_org_id, rated_org_id)
);
CREATE INDEX trust_ratings_partnership ON trust_ratings(partnership_id);
CREATE INDEX trust_ratings_rater_org_id ON trust_ratings(rater_org_id);
CREATE INDEX trust_ratings_rated_org_id ON trust_ratings(rated_org_id);
CREATE INDEX trust_ratings_updated_by ON trust_ratings(updated_by);

-- Self-declared and optional: '' (not said), 'yes' or 'no'.
ALTER TABLE users ADD COLUMN lived_experience TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN young TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN young;
ALTER TABLE users DROP COLUMN lived_experience;
DROP TABLE trust_ratings;
DROP TABLE health_ratings;
DROP TABLE health_rounds;
