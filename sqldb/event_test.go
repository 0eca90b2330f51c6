package sqldb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// derive runs the derive job as the worker would.
func derive(t *testing.T, db *sqldb.DB) {
	t.Helper()
	if err := db.Events.Derive(context.Background(), nil); err != nil {
		t.Fatal("derive:", err)
	}
}

// inbox lists a person's notifications (the first page), by kind.
func inbox(t *testing.T, db *sqldb.DB, who *sqldbtest.Person) []*pk.Notification {
	t.Helper()
	list, _, err := db.Notifications.Notifications(who.Ctx, false, pk.PageRequest{Limit: pk.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// has reports whether a person's inbox holds an event of kind about subject.
func has(t *testing.T, db *sqldb.DB, who *sqldbtest.Person, kind pk.EventKind, subject string) bool {
	t.Helper()
	for _, n := range inbox(t, db, who) {
		if n.Event.Kind == kind && n.Event.SubjectID == subject {
			return true
		}
	}
	return false
}

// Assigning a task tells the assignee and nobody else; the assigner is not
// told of their own act; reading it and marking all read move the count.
func TestTaskAssignedReachesTheAssignee(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		derive(t, db)
		before, err := db.Notifications.UnreadCount(w.Observer.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		task, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Call the youth council",
			AssigneeID: w.Observer.ID, Due: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		derive(t, db)
		derive(t, db) // again: nothing twice
		if !has(t, db, w.Observer, pk.EventTaskAssigned, task.ID) {
			t.Fatal("the assignee was not told")
		}
		for _, p := range []*sqldbtest.Person{w.Member, w.Coordinator, w.Outsider} {
			if has(t, db, p, pk.EventTaskAssigned, task.ID) {
				t.Errorf("%s was told of someone else's task", p.Email)
			}
		}
		n, err := db.Notifications.UnreadCount(w.Observer.Ctx)
		if err != nil || n != before+1 {
			t.Fatalf("unread %d, want %d (%v)", n, before+1, err)
		}
		var nid string
		for _, x := range inbox(t, db, w.Observer) {
			if x.Event.SubjectID == task.ID {
				nid = x.ID
				if x.Event.PartnershipName != w.Partnership.Name || x.Event.Data["title"] != "Call the youth council" || x.ReadAt != nil {
					t.Errorf("notification %+v", x)
				}
			}
		}
		// Someone else's notification is not found.
		if _, err := db.Notifications.MarkRead(w.Member.Ctx, nid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("marking another's: %v", err)
		}
		read, err := db.Notifications.MarkRead(w.Observer.Ctx, nid)
		if err != nil || read.ReadAt == nil {
			t.Fatalf("mark read %+v %v", read, err)
		}
		if n, _ := db.Notifications.UnreadCount(w.Observer.Ctx); n != before {
			t.Errorf("unread after reading %d, want %d", n, before)
		}
		unread, _, err := db.Notifications.Notifications(w.Observer.Ctx, true, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range unread {
			if x.ID == nid {
				t.Error("a read notification listed as unread")
			}
		}
		if _, err := db.Notifications.MarkAllRead(w.Observer.Ctx); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.Notifications.UnreadCount(w.Observer.Ctx); n != 0 {
			t.Errorf("unread after marking all %d", n)
		}
		// Reassigning tells the new assignee; a change that keeps the
		// assignee tells no one again.
		task, err = db.Tasks.UpdateTask(w.Coordinator.Ctx, pid, task.ID, pk.TaskInput{PlanID: task.PlanID, Title: task.Title,
			AssigneeID: w.Member.ID, Due: task.Due, Version: task.Version})
		if err != nil {
			t.Fatal(err)
		}
		derive(t, db)
		if !has(t, db, w.Member, pk.EventTaskAssigned, task.ID) {
			t.Error("the new assignee was not told")
		}
		if _, err := db.Tasks.UpdateTask(w.Coordinator.Ctx, pid, task.ID, pk.TaskInput{PlanID: task.PlanID, Title: "Renamed",
			AssigneeID: w.Member.ID, Due: task.Due, Version: task.Version}); err != nil {
			t.Fatal(err)
		}
		derive(t, db)
		count := 0
		for _, x := range inbox(t, db, w.Member) {
			if x.Event.SubjectID == task.ID {
				count++
			}
		}
		if count != 1 {
			t.Errorf("member told %d times", count)
		}
	})
}

// The derive job's cursor moves only past entries old enough that no
// earlier one can still commit; entries read again make nothing twice.
func TestDeriveCursorSettles(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		derive(t, db)
		first := len(inbox(t, db, w.Member))
		w.Clock.Advance(10 * time.Minute)
		derive(t, db)
		w.Clock.Advance(10 * time.Minute)
		derive(t, db)
		if n := len(inbox(t, db, w.Member)); n != first {
			t.Errorf("inbox %d after re-reading, was %d", n, first)
		}
	})
}

// Notifications are kept 90 days; events nobody is told of any more go
// with them.
func TestPurgeForgetsOldNotifications(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		derive(t, db)
		if len(inbox(t, db, w.Member)) == 0 {
			t.Fatal("the world made no notification for the member")
		}
		purge := func() {
			if err := db.Events.Purge(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		w.Clock.Advance(pk.NotificationRetention - time.Hour)
		purge()
		if len(inbox(t, db, w.Member)) == 0 {
			t.Fatal("purged before 90 days")
		}
		w.Clock.Advance(2 * time.Hour)
		purge()
		derive(t, db) // the audit log does not bring them back
		if n := len(inbox(t, db, w.Member)); n != 0 {
			t.Errorf("%d notifications after 90 days", n)
		}
		var events int
		if err := sqldb.RawForTest(db).QueryRow(`SELECT COUNT(*) FROM events`).Scan(&events); err != nil || events != 0 {
			t.Errorf("%d events left (%v)", events, err)
		}
	})
}

// The person's notifications are in their data download, and go with
// their account.
func TestNotificationsArePersonalData(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		derive(t, db)
		mine := inbox(t, db, w.Observer)
		if len(mine) == 0 {
			t.Fatal("no notification for the observer")
		}
		d, err := db.Accounts.MyData(w.Observer.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids := contributionIDs(d, "notification")
		for _, n := range mine {
			if !ids[n.ID] {
				t.Errorf("notification %s (%s) missing from the download", n.ID, n.Event.Kind)
			}
		}
		if err := db.Accounts.DeleteAccount(w.Observer.Ctx, sqldbtest.Password); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := sqldb.RawForTest(db).QueryRow(`SELECT COUNT(*) FROM notifications WHERE user_id = $1`, w.Observer.ID).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d notifications left after deleting the account (%v)", n, err)
		}
	})
}

// The reminders come once each, on the right day of the right zone.
func TestRemindersComeOnce(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		// 9:00 UTC on 2 March: a task due on the 3rd is due tomorrow.
		task, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Print the flyers",
			AssigneeID: w.Member.ID, Due: "2026-03-03"})
		if err != nil {
			t.Fatal(err)
		}
		count := func(kind pk.EventKind) int {
			n := 0
			for _, x := range inbox(t, db, w.Member) {
				if x.Event.Kind == kind && x.Event.SubjectID == task.ID {
					n++
				}
			}
			return n
		}
		tick(t, db)
		tick(t, db)
		if count(pk.EventTaskDueTomorrow) != 1 || count(pk.EventTaskOverdue) != 0 {
			t.Fatalf("due tomorrow %d, overdue %d", count(pk.EventTaskDueTomorrow), count(pk.EventTaskOverdue))
		}
		// On the 3rd it is due today: nothing new; on the 4th, overdue.
		w.Clock.Advance(24 * time.Hour)
		tick(t, db)
		if count(pk.EventTaskOverdue) != 0 {
			t.Fatal("overdue on its due day")
		}
		w.Clock.Advance(24 * time.Hour)
		tick(t, db)
		tick(t, db)
		if count(pk.EventTaskDueTomorrow) != 1 || count(pk.EventTaskOverdue) != 1 {
			t.Fatalf("due tomorrow %d, overdue %d", count(pk.EventTaskDueTomorrow), count(pk.EventTaskOverdue))
		}
		// A task done is not reminded.
		done, err := db.Tasks.CreateTask(w.Coordinator.Ctx, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Already done",
			AssigneeID: w.Member.ID, Due: "2026-03-05", Status: pk.TaskDone})
		if err != nil {
			t.Fatal(err)
		}
		tick(t, db)
		for _, x := range inbox(t, db, w.Member) {
			if x.Event.SubjectID == done.ID {
				t.Errorf("a done task made %s", x.Event.Kind)
			}
		}
	})
}

// The unread count stops at pk.MaxUnreadCounted.
func TestUnreadCountStops(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		derive(t, db)
		if _, err := db.Notifications.MarkAllRead(w.Observer.Ctx); err != nil {
			t.Fatal(err)
		}
		plan := w.Plans().Plan.ID
		for i := range pk.MaxUnreadCounted + 1 {
			if _, err := db.Tasks.CreateTask(w.Member.Ctx, pid, pk.TaskInput{PlanID: plan, Title: fmt.Sprintf("Task %d", i),
				AssigneeID: w.Observer.ID, Due: "2026-12-01"}); err != nil {
				t.Fatal(err)
			}
			if i == pk.MaxUnreadCounted-2 {
				derive(t, db)
				if n, err := db.Notifications.UnreadCount(w.Observer.Ctx); err != nil || n != pk.MaxUnreadCounted-1 {
					t.Fatalf("unread %d, want %d (%v)", n, pk.MaxUnreadCounted-1, err)
				}
			}
		}
		derive(t, db)
		if n, err := db.Notifications.UnreadCount(w.Observer.Ctx); err != nil || n != pk.MaxUnreadCounted {
			t.Fatalf("unread %d, want it to stop at %d (%v)", n, pk.MaxUnreadCounted, err)
		}
	})
}
