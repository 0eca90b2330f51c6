package sqldb

// TaskStore keeps the tasks of action plans: per plan, person and
// organisation, overdue, and each person's tasks across partnerships.
type TaskStore struct{ db *DB }
