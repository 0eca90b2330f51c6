-- +goose Up
-- Proposals brought to a body, their ballots and the decisions they end in.
-- A proposal keeps the rule it is decided by (method, quorum, unit), so a
-- later charter does not rewrite it. Times are UTC text; shares are text in
-- Go's shortest exact form, as in the governance tables.
CREATE TABLE proposals (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    body_id        TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    area           TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    text           TEXT NOT NULL,
    background     TEXT NOT NULL DEFAULT '',
    links          TEXT NOT NULL DEFAULT '[]',
    method         TEXT NOT NULL,
    quorum         TEXT NOT NULL DEFAULT '0',
    unit           TEXT NOT NULL,
    options        TEXT NOT NULL DEFAULT '[]',
    secret         BOOLEAN NOT NULL DEFAULT FALSE,
    min_ballots    INTEGER NOT NULL DEFAULT 0,
    results        TEXT NOT NULL,
    opens_at       TEXT NOT NULL,
    closes_at      TEXT NOT NULL,
    time_zone      TEXT NOT NULL DEFAULT 'UTC',
    status         TEXT NOT NULL,
    chair_decision TEXT NOT NULL DEFAULT '',
    review_on      TEXT NOT NULL DEFAULT '',
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    closed_at      TEXT
);
CREATE INDEX proposals_partnership ON proposals(partnership_id, status, closes_at);
CREATE INDEX proposals_body_id ON proposals(body_id);
CREATE INDEX proposals_created_by ON proposals(created_by);

-- Open (not secret) ballots: one per voter (a person, or an organisation
-- when the unit is the organisation), changed in place until close.
CREATE TABLE ballots (
    id              TEXT PRIMARY KEY,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    proposal_id     TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    voter_key       TEXT NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    choice          TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    preference      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX ballots_voter ON ballots(proposal_id, voter_key);
CREATE INDEX ballots_partnership_id ON ballots(partnership_id);
CREATE INDEX ballots_user_id ON ballots(user_id);
CREATE INDEX ballots_organisation_id ON ballots(organisation_id);

-- Secret proposals keep two things that nothing joins: who has voted (no
-- choice, no time, no ballot ID) and one anonymous tally per proposal, a
-- sorted list of choices and reasons rewritten whole at every ballot, so
-- neither a row, an ID, an order nor a time ties a choice to a voter.
CREATE TABLE proposal_voters (
    proposal_id     TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    voter_key       TEXT NOT NULL,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    user_id         TEXT REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, voter_key)
);
CREATE INDEX proposal_voters_partnership_id ON proposal_voters(partnership_id);
CREATE INDEX proposal_voters_user_id ON proposal_voters(user_id);
CREATE INDEX proposal_voters_organisation_id ON proposal_voters(organisation_id);

CREATE TABLE secret_tallies (
    proposal_id    TEXT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    ballots        TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX secret_tallies_partnership_id ON secret_tallies(partnership_id);

-- The decision log: the computed outcome and tally of each closed
-- proposal, kept as decided.
CREATE TABLE decisions (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    proposal_id    TEXT NOT NULL UNIQUE REFERENCES proposals(id) ON DELETE CASCADE,
    body_id        TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    outcome        TEXT,
    tally          TEXT NOT NULL,
    too_few        BOOLEAN NOT NULL DEFAULT FALSE,
    decided_on     TEXT NOT NULL,
    review_on      TEXT NOT NULL,
    reopened_by    TEXT REFERENCES proposals(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX decisions_partnership ON decisions(partnership_id, decided_on);
CREATE INDEX decisions_body_id ON decisions(body_id, decided_on);
CREATE INDEX decisions_reopened_by ON decisions(reopened_by);

-- People asking to re-open a decision, with the organisation they are in
-- the partnership for (the charter counts members or organisations).
CREATE TABLE reopen_supporters (
    decision_id     TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX reopen_supporters_user_id ON reopen_supporters(user_id);
CREATE INDEX reopen_supporters_partnership_id ON reopen_supporters(partnership_id);
CREATE INDEX reopen_supporters_organisation_id ON reopen_supporters(organisation_id);

-- +goose Down
DROP TABLE reopen_supporters;
DROP TABLE decisions;
DROP TABLE secret_tallies;
DROP TABLE proposal_voters;
DROP TABLE ballots;
DROP TABLE proposals;
