package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A person's action items and their attendance records are in their
// personal-data document, and in nobody else's.
func TestMyDataHoldsMeetings(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, mf := w.DB, w.Meetings()
		d, err := db.Accounts.MyData(w.Member.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		var actions, attended int
		for _, c := range d.Contributions {
			switch c.Type {
			case "action_item":
				actions++
				if c.As != "responsible" || c.PartnershipID != w.Partnership.ID || c.Fields["what"] == "" || c.Fields["status"] != pk.ActionOpen {
					t.Errorf("action item %+v", c)
				}
			case "attendance":
				attended++
				if c.Fields["meeting_id"] != mf.Next.ID || c.Fields["status"] != pk.AttendancePresent || c.Fields["meeting_title"] != mf.Next.Title {
					t.Errorf("attendance %+v", c)
				}
			}
		}
		if actions != 2 || attended != 1 {
			t.Errorf("the member's document: %d action items, %d attendance records", actions, attended)
		}
		other, err := db.Accounts.MyData(w.Observer.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range other.Contributions {
			if c.Type == "action_item" || c.Type == "attendance" {
				t.Errorf("someone else's record in the observer's document: %+v", c)
			}
		}
	})
}
