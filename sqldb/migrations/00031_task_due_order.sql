-- +goose Up
-- Tasks are listed by due date, those without one last, then by ID: an
-- index in that order lets a page of tasks stop after its first rows
-- instead of joining and sorting every task of the partnership.
CREATE INDEX tasks_due_order ON tasks(partnership_id, (COALESCE(NULLIF(due_date, ''), '9999-12-31')), id);

-- +goose Down
DROP INDEX tasks_due_order;
