package sqldb

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
)

// TaskStore keeps the tasks of action plans: per plan, person and
// organisation, overdue, and each person's tasks across partnerships.
type TaskStore struct{ db *DB }

// taskDueKey sorts tasks by due date, those without one last.
const taskDueKey = `COALESCE(NULLIF(t.due_date, ''), '9999-12-31')`

// taskColumns reads a task. $1 is today (for Overdue), $2 whether the
// asker may see sensitive actors and $3 whether they see every map: a
// tactic about a sensitive actor, or on a map the asker may not open, is
// neither named nor linked.
const taskColumns = `
	t.id, t.partnership_id, p.name, t.plan_id, pl.title, t.title, t.notes, COALESCE(t.assignee_id, ''), COALESCE(u.name, ''),
	COALESCE(t.organisation_id, ''), COALESCE(o.name, ''), t.due_date, t.status,
	CASE WHEN ($2 OR NOT a.sensitive) AND ($3 OR m.shared) THEN COALESCE(t.tactic_id, '') ELSE '' END,
	CASE WHEN ($2 OR NOT a.sensitive) AND ($3 OR m.shared) THEN COALESCE(tc.title, '') ELSE '' END,
	COALESCE(t.action_item_id, ''), COALESCE(mai.meeting_id, ''),
	CASE WHEN t.status IN ('todo', 'doing') AND t.due_date <> '' AND t.due_date < $1 THEN 1 ELSE 0 END,
	t.done_at, t.version, t.created_at, t.updated_at, ` + taskDueKey + `
	FROM tasks t
	JOIN partnerships p ON p.id = t.partnership_id
	JOIN plans pl ON pl.id = t.plan_id
	LEFT JOIN users u ON u.id = t.assignee_id
	LEFT JOIN organisations o ON o.id = t.organisation_id
	LEFT JOIN tactics tc ON tc.id = t.tactic_id
	LEFT JOIN actors a ON a.id = tc.actor_id
	LEFT JOIN maps m ON m.id = tc.map_id
	LEFT JOIN meeting_action_items mai ON mai.id = t.action_item_id `

// taskRow is a task with the sort key its page's cursor is made of.
type taskRow struct {
	task *pk.Task
	key  string
}

func scanTaskRow(row rowScanner) (taskRow, error) {
	t := &pk.Task{}
	var overdue int
	var key string
	err := row.Scan(&t.ID, &t.PartnershipID, &t.PartnershipName, &t.PlanID, &t.PlanTitle, &t.Title, &t.Notes, &t.AssigneeID, &t.AssigneeName,
		&t.OrganisationID, &t.OrganisationName, &t.Due, &t.Status, &t.TacticID, &t.TacticTitle, &t.ActionItemID, &t.MeetingID, &overdue,
		nts(&t.DoneAt), &t.Version, ts(&t.CreatedAt), ts(&t.UpdatedAt), &key)
	t.Overdue = overdue == 1
	return taskRow{t, key}, err
}

func (db *DB) today() string { return db.now().Format("2006-01-02") }

// tacticSight is what of tactics a role may see: sensitive actors, and
// unshared maps.
type tacticSight struct{ sensitive, allMaps bool }

func sightOf(role pk.Role) tacticSight {
	return tacticSight{sensitive: pk.MaySeeSensitive(role), allMaps: allMaps(role)}
}

func loadTask(ctx context.Context, db *DB, q queryer, pid, tid string, sight tacticSight) (*pk.Task, error) {
	r, err := scanTaskRow(q.QueryRowContext(ctx, `SELECT `+taskColumns+`WHERE t.id = $4 AND t.partnership_id = $5`,
		db.today(), sight.sensitive, sight.allMaps, tid, pid))
	if err != nil {
		return nil, notFoundIfNone(err)
	}
	return r.task, nil
}

// Task returns one task.
func (store *TaskStore) Task(ctx context.Context, pid, tid string) (*pk.Task, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans)
	if err != nil {
		return nil, err
	}
	return loadTask(ctx, store.db, store.db.read, pid, tid, sightOf(p.MyRole))
}

// Tasks lists the partnership's tasks a filter keeps, by due date (those
// without one last), a page at a time.
func (store *TaskStore) Tasks(ctx context.Context, pid string, f pk.TaskFilter, pg pk.PageRequest) ([]*pk.Task, string, error) {
	l, err := store.TaskList(ctx, pid, f, pg)
	if err != nil {
		return nil, "", err
	}
	return l.Items, l.Next, nil
}

// TaskList is Tasks naming the kept page it was read from.
func (store *TaskStore) TaskList(ctx context.Context, pid string, f pk.TaskFilter, pg pk.PageRequest) (*pk.TaskList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPlans)
	if err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	pg = pg.Normalize()
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	sight := sightOf(p.MyRole)
	ar := args{store.db.today(), sight.sensitive, sight.allMaps}
	where := `t.partnership_id = ` + ar.add(pid)
	for _, c := range []struct{ col, v string }{{"t.plan_id", f.PlanID}, {"t.assignee_id", f.AssigneeID},
		{"t.organisation_id", f.OrganisationID}, {"t.status", f.Status}} {
		if c.v != "" {
			where += ` AND ` + c.col + ` = ` + ar.add(c.v)
		}
	}
	if f.Overdue {
		where += ` AND t.status IN ('todo', 'doing') AND t.due_date <> '' AND t.due_date < $1`
	}
	// A page of tasks joins eight tables a row and is read far more often
	// than any of them changes: kept under the data version (tasks, plans,
	// people's and organisations' names, action items) and the maps'
	// (tactics, actors' sensitivity, maps' sharing), per view: the
	// partnership's name, what of tactics the asker may see, today (for
	// Overdue), the filter and the page.
	scope := fmt.Sprintf("tasks\x00%s\x00%+v\x00%s\x00%+v\x00%s\x00%d", p.Name, sight, ar[0], f, pg.Cursor, pg.Limit)
	kept, k, err := store.db.keptDataAndMaps(ctx, pid, scope, func() (any, error) {
		tasks, next, err := pageTasks(ctx, store.db.read, where, parts, ar, pg.Limit)
		if err != nil {
			return nil, err
		}
		return &taskPage{tasks, next}, nil
	})
	if err != nil {
		return nil, err
	}
	page := kept.(*taskPage)
	return &pk.TaskList{Items: page.copy(), Next: page.next, Kept: k}, nil
}

// taskPage is a kept page of tasks, handed out as copies.
type taskPage struct {
	tasks []*pk.Task
	next  string
}

func (p *taskPage) copy() []*pk.Task {
	vals := make([]pk.Task, len(p.tasks))
	out := make([]*pk.Task, len(p.tasks))
	for i, t := range p.tasks {
		vals[i] = *t
		out[i] = &vals[i]
	}
	return out
}

// pageTasks reads one page of tasks after the cursor's (key, id).
func pageTasks(ctx context.Context, q queryer, where string, cursor []string, ar args, limit int) ([]*pk.Task, string, error) {
	if cursor != nil {
		k, i := ar.add(cursor[0]), ar.add(cursor[1])
		where += ` AND (` + taskDueKey + ` > ` + k + ` OR (` + taskDueKey + ` = ` + k + ` AND t.id > ` + i + `))`
	}
	rows, err := collect(scanTaskRow)(q.QueryContext(ctx, `SELECT `+taskColumns+`WHERE `+where+
		` ORDER BY `+taskDueKey+`, t.id LIMIT `+ar.add(limit+1), ar...))
	if err != nil {
		return nil, "", err
	}
	rows, next := cutPage(rows, limit, func(last taskRow) string { return encodeCursor(last.key, last.task.ID) })
	out := make([]*pk.Task, len(rows))
	for i, r := range rows {
		out[i] = r.task
	}
	return out, next, nil
}

// MyTasks lists the open tasks given to the asker in every partnership
// they are in (archived ones aside). Tactics are not named here: the
// sensitive-data rule is decided per partnership, on its own pages.
func (store *TaskStore) MyTasks(ctx context.Context, pg pk.PageRequest) ([]*pk.Task, string, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, "", err
	}
	pg = pg.Normalize()
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	ar := args{store.db.today(), false, false}
	u := ar.add(uid)
	where := `t.assignee_id = ` + u + ` AND t.status IN ('todo', 'doing') AND NOT p.archived
		AND EXISTS (SELECT 1 FROM partnership_people pp WHERE pp.partnership_id = t.partnership_id AND pp.user_id = ` + u + `)`
	return pageTasks(ctx, store.db.read, where, parts, ar, pg.Limit)
}
