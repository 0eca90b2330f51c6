package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Within one request a meeting and the charter are read once: what a
// caller changes in its copy is not what the next service reads, and a
// write in the same request is read back.
func TestMeetingAndCharterKeptForTheRequest(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Meetings()
		ctx := pk.NewContextWithMemo(w.Coordinator.Ctx)
		m, err := db.Meetings.Meeting(ctx, pid, f.Next.ID)
		if err != nil {
			t.Fatal(err)
		}
		title := m.Title
		m.Title = "Changed by a caller"
		if again, err := db.Meetings.Meeting(ctx, pid, f.Next.ID); err != nil || again.Title != title {
			t.Fatalf("read again: %v %q, want %q", err, again.Title, title)
		}
		c, err := db.Charter.Charter(ctx, pid)
		if err != nil || len(c.Rules) == 0 {
			t.Fatalf("charter: %v %+v", err, c)
		}
		body := c.Rules[0].BodyID
		c.Rules[0].BodyID = "changed"
		if again, err := db.Charter.Charter(ctx, pid); err != nil || again.Rules[0].BodyID != body {
			t.Fatalf("charter read again: %v %+v", err, again.Rules)
		}
		in := pk.MeetingInput{BodyID: m.BodyID, Title: "Strategic committee, moved", StartsAt: "2026-03-20T10:00", EndsAt: "2026-03-20T13:00",
			TimeZone: "Europe/Berlin", Version: m.Version}
		if _, err := db.Meetings.UpdateMeeting(ctx, pid, f.Next.ID, in); err != nil {
			t.Fatal(err)
		}
		if after, err := db.Meetings.Meeting(ctx, pid, f.Next.ID); err != nil || after.Title != in.Title || after.Version != m.Version+1 {
			t.Fatalf("after the change in the same request: %v %+v", err, after)
		}
		if _, err := db.Meetings.Meeting(pk.NewContextWithMemo(w.Outsider.Ctx), pid, f.Next.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
	})
}
