-- +goose Up
-- Audit entries about sensitive actors or relationships are hidden from the
-- activity feed of anyone who may not see sensitive data.
ALTER TABLE audit_log ADD COLUMN sensitive BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE audit_log DROP COLUMN sensitive;
