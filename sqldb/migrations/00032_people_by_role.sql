-- +goose Up
-- The overview counts a partnership's people by role on every view: this
-- index holds them in that order, so the count reads the index alone
-- (2,000 people in a national coalition).
CREATE INDEX partnership_people_role ON partnership_people(partnership_id, role);

-- +goose Down
DROP INDEX partnership_people_role;
