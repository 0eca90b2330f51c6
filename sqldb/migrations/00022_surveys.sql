-- +goose Up
-- Surveys answered through private links without an account. An anonymous
-- survey's answers keep no account, no link and no time: survey_links says
-- only that a link was used, and nothing joins a link to an answer.
CREATE TABLE surveys (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    intro          TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL,
    anonymous      BOOLEAN NOT NULL DEFAULT TRUE,
    status         TEXT NOT NULL,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX surveys_partnership ON surveys(partnership_id, created_at);
CREATE INDEX surveys_created_by ON surveys(created_by);

-- Items in order; options and rows are JSON lists of text.
CREATE TABLE survey_items (
    id             TEXT PRIMARY KEY,
    survey_id      TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    help           TEXT NOT NULL DEFAULT '',
    options        TEXT NOT NULL DEFAULT '[]',
    matrix_rows    TEXT NOT NULL DEFAULT '[]',
    required       BOOLEAN NOT NULL DEFAULT FALSE,
    correct        INTEGER NOT NULL
);
CREATE INDEX survey_items_survey_id ON survey_items(survey_id, position);
CREATE INDEX survey_items_partnership_id ON survey_items(partnership_id);

-- Links: the secret hashed; a named link names its person. used says a
-- link was used and nothing of which answer came from it.
CREATE TABLE survey_links (
    id             TEXT PRIMARY KEY,
    survey_id      TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    secret_hash    TEXT NOT NULL UNIQUE,
    round          TEXT NOT NULL DEFAULT '',
    label          TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users(id) ON DELETE CASCADE,
    used           BOOLEAN NOT NULL DEFAULT FALSE,
    revoked        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TEXT NOT NULL
);
CREATE INDEX survey_links_survey_id ON survey_links(survey_id, created_at);
CREATE INDEX survey_links_partnership_id ON survey_links(partnership_id);
CREATE INDEX survey_links_user_id ON survey_links(user_id);

-- Answers. respondent_id (an account) only on a named survey; pair_key
-- pairs a pre/post test's two answers: the person's account on a named
-- survey, a keyed hash of the code the respondent chose on an anonymous
-- one. The ID is random, so its order says nothing of when.
CREATE TABLE survey_answers (
    id             TEXT PRIMARY KEY,
    survey_id      TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    round          TEXT NOT NULL DEFAULT '',
    respondent_id  TEXT REFERENCES users(id) ON DELETE SET NULL,
    pair_key       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_answers_survey_id ON survey_answers(survey_id, round);
CREATE INDEX survey_answers_partnership_id ON survey_answers(partnership_id);
CREATE INDEX survey_answers_respondent_id ON survey_answers(respondent_id);
CREATE UNIQUE INDEX survey_answers_pair ON survey_answers(survey_id, round, pair_key) WHERE pair_key <> '';

-- One row per value: the survey, round and item beside it so that results
-- are GROUP BYs over one index, whatever the number of answers.
CREATE TABLE survey_values (
    answer_id      TEXT NOT NULL REFERENCES survey_answers(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    survey_id      TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    round          TEXT NOT NULL DEFAULT '',
    item_id        TEXT NOT NULL REFERENCES survey_items(id) ON DELETE CASCADE,
    row_index      INTEGER NOT NULL,
    num_value      INTEGER,
    text_value     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_values_results ON survey_values(survey_id, round, item_id, row_index, num_value);
CREATE INDEX survey_values_answer_id ON survey_values(answer_id);
CREATE INDEX survey_values_item_id ON survey_values(item_id);
CREATE INDEX survey_values_partnership_id ON survey_values(partnership_id);

-- +goose Down
DROP TABLE survey_values;
DROP TABLE survey_answers;
DROP TABLE survey_links;
DROP TABLE survey_items;
DROP TABLE surveys;
