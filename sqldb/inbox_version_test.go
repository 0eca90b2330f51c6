package sqldb_test

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The count of unread notifications is kept under the reader's inbox
// version: every write that changes what it counts shows on the next read
// (a new notification, reading it, the thing it is about deleted or back,
// its event's audience changed, leaving the partnership), and every
// subject table has the triggers that tell.
func TestUnreadCountFollowsInboxWrites(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, context.Background()
		raw := sqldb.WriteForTest(db)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := raw.ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		derive(t, db)
		if _, err := db.Notifications.MarkAllRead(w.Observer.Ctx); err != nil {
			t.Fatal(err)
		}
		want := func(what string, n int) {
			t.Helper()
			// Twice: the second read is the kept count.
			for range 2 {
				if got, err := db.Notifications.UnreadCount(w.Observer.Ctx); err != nil || got != n {
					t.Fatalf("%s: %d unread, want %d (%v)", what, got, n, err)
				}
			}
		}
		want("all read", 0)
		task, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Book the hall",
			AssigneeID: w.Observer.ID, Due: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		derive(t, db)
		want("a task assigned", 1)

		exec(`UPDATE events SET audience = 'coordinator' WHERE subject_id = $1`, task.ID)
		want("its event for coordinators only", 0)
		exec(`UPDATE events SET audience = 'people' WHERE subject_id = $1`, task.ID)
		want("its event for the people named again", 1)

		exec(`CREATE TABLE saved_task AS SELECT * FROM tasks WHERE id = $1`, task.ID)
		if err := db.Tasks.DeleteTask(w.Coordinator.Ctx, pid, task.ID, task.Version); err != nil {
			t.Fatal(err)
		}
		want("the task deleted", 0)
		exec(`INSERT INTO tasks SELECT * FROM saved_task`)
		want("the task back", 1)

		if err := db.Members.Leave(w.Observer.Ctx, pid); err != nil {
			t.Fatal(err)
		}
		want("the partnership left", 0)

		// Each subject table tells when a row comes or goes.
		q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1 AND name LIKE '%inbox_version%'`
		if db.Dialect == sqldb.Postgres {
			q = `SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname LIKE '%inbox_version%'`
		}
		for typ, table := range sqldb.SubjectTablesForTest {
			var n int
			if err := raw.QueryRowContext(ctx, q, table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 2 {
				t.Errorf("%s (%s): %d inbox triggers, want one for insert and one for delete", typ, table, n)
			}
		}
	})
}
