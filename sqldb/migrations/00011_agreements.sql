-- +goose Up
-- The partnership agreement (MoU, partnering agreement, terms of
-- reference): the agreement itself with its status and current text
-- version; every version of the text kept whole (sections as JSON, the
-- exact joined text and its SHA-256); and the signatures, each of one
-- version's hash. The same on both engines.
CREATE TABLE agreements (
    id             TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL,
    status         TEXT NOT NULL,
    text_version   INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX agreements_partnership ON agreements(partnership_id, created_at, id);
CREATE INDEX agreements_created_by ON agreements(created_by);

CREATE TABLE agreement_versions (
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    sections       TEXT NOT NULL,
    body           TEXT NOT NULL,
    text_sha256    TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (agreement_id, number)
);
CREATE INDEX agreement_versions_partnership ON agreement_versions(partnership_id);
CREATE INDEX agreement_versions_user ON agreement_versions(user_id);

CREATE TABLE agreement_signatures (
    id              TEXT PRIMARY KEY,
    agreement_id    TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    partnership_id  TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id         TEXT REFERENCES users(id) ON DELETE SET NULL,
    text_version    INTEGER NOT NULL,
    typed_name      TEXT NOT NULL,
    text_sha256     TEXT NOT NULL,
    signed_at       TEXT NOT NULL
);
CREATE INDEX agreement_signatures_agreement ON agreement_signatures(agreement_id, signed_at, id);
CREATE INDEX agreement_signatures_partnership ON agreement_signatures(partnership_id);
CREATE INDEX agreement_signatures_organisation ON agreement_signatures(organisation_id);
CREATE INDEX agreement_signatures_user ON agreement_signatures(user_id);

-- The agreement checklist beside the text: one answer per item.
CREATE TABLE agreement_checklist (
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    item           TEXT NOT NULL,
    answer         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (agreement_id, item)
);
CREATE INDEX agreement_checklist_partnership ON agreement_checklist(partnership_id);
CREATE INDEX agreement_checklist_user ON agreement_checklist(user_id);

-- +goose Down
DROP TABLE agreement_checklist;
DROP TABLE agreement_signatures;
DROP TABLE agreement_versions;
DROP TABLE agreements;
