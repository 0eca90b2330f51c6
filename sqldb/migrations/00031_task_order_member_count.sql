-- +goose Up
-- Tasks are listed by due date, those without one last, then by ID: an
-- index in that order lets a page of tasks stop after its first rows
-- instead of joining and sorting every task of the partnership.
CREATE INDEX tasks_due_order ON tasks(partnership_id, (COALESCE(NULLIF(due_date, ''), '9999-12-31')), id);
-- The re-opening rule of decisions counts a partnership's members and
-- coordinators: from this index alone, not from every person's row.
CREATE INDEX partnership_people_role ON partnership_people(partnership_id, role);

-- +goose Down
DROP INDEX partnership_people_role;
DROP INDEX tasks_due_order;
