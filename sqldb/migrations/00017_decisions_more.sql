-- +goose Up
-- Level of Commitment: the least level a proposal asks of each
-- organisation. Strategic lenses: the lens set a lenses proposal was
-- brought under (JSON), kept whatever the partnership edits later.
ALTER TABLE proposals ADD COLUMN minimum TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN lenses TEXT NOT NULL DEFAULT '';

-- Proxies, one per giver and proposal: who gave their vote to whom. A
-- ballot cast with one names its holder (cast_by) beside the giver on an
-- open ballot, and in the list of who voted on a secret one — never beside
-- a choice there.
CREATE TABLE proposal_proxies (
    proposal_id    TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    giver_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    holder_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (proposal_id, giver_id)
);
CREATE INDEX proposal_proxies_holder ON proposal_proxies(holder_id, proposal_id);
CREATE INDEX proposal_proxies_giver_id ON proposal_proxies(giver_id);
CREATE INDEX proposal_proxies_partnership_id ON proposal_proxies(partnership_id);
ALTER TABLE ballots ADD COLUMN cast_by TEXT REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX ballots_cast_by ON ballots(cast_by);
ALTER TABLE proposal_voters ADD COLUMN cast_by TEXT REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX proposal_voters_cast_by ON proposal_voters(cast_by);

-- The partnership's strategic lenses, once edited (none: the defaults),
-- as one JSON document with a version for optimistic locking.
CREATE TABLE lens_sets (
    partnership_id TEXT PRIMARY KEY REFERENCES partnerships(id) ON DELETE CASCADE,
    lenses         TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX lens_sets_updated_by ON lens_sets(updated_by);

-- +goose Down
DROP TABLE lens_sets;
DROP INDEX proposal_voters_cast_by;
ALTER TABLE proposal_voters DROP COLUMN cast_by;
DROP INDEX ballots_cast_by;
ALTER TABLE ballots DROP COLUMN cast_by;
DROP TABLE proposal_proxies;
ALTER TABLE proposals DROP COLUMN lenses;
ALTER TABLE proposals DROP COLUMN minimum;
