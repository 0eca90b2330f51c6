-- +goose Up
-- Comments on a section of one version of an agreement's text: members
-- discuss the wording beside it before they sign. A comment outlives its
-- author's account (the name is then no longer shown). Its version is
-- what a deletion names, so a stray or repeated request deletes nothing.
CREATE TABLE agreement_comments (
    id             TEXT PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    section        TEXT NOT NULL,
    text_version   INTEGER NOT NULL,
    body           TEXT NOT NULL,
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);
CREATE INDEX agreement_comments_agreement ON agreement_comments(agreement_id, section, created_at, id);
CREATE INDEX agreement_comments_partnership ON agreement_comments(partnership_id);
CREATE INDEX agreement_comments_user ON agreement_comments(user_id);

-- +goose Down
DROP TABLE agreement_comments;
