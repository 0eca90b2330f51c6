package sqldb_test

import (
	"fmt"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The unread count beside the inbox link stops at pk.MaxUnreadCount; the
// inbox itself lists them all.
func TestUnreadCountStopsAtItsBound(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		derive(t, db)
		before, err := db.Notifications.UnreadCount(w.Observer.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i := before; i < pk.MaxUnreadCount+3; i++ {
			if _, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: fmt.Sprintf("Call %d", i),
				AssigneeID: w.Observer.ID}); err != nil {
				t.Fatal(err)
			}
		}
		derive(t, db)
		if n, err := db.Notifications.UnreadCount(w.Observer.Ctx); err != nil || n != pk.MaxUnreadCount {
			t.Errorf("unread %d, want %d (%v)", n, pk.MaxUnreadCount, err)
		}
		seen := 0
		for pg := (pk.PageRequest{Limit: pk.MaxPageSize}); ; {
			list, next, err := db.Notifications.Notifications(w.Observer.Ctx, true, pg)
			if err != nil {
				t.Fatal(err)
			}
			seen += len(list)
			if next == "" {
				break
			}
			pg.Cursor = next
		}
		if seen != pk.MaxUnreadCount+3 {
			t.Errorf("the inbox lists %d unread, want %d", seen, pk.MaxUnreadCount+3)
		}
	})
}
