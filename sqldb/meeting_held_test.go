package sqldb_test

import (
	"context"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The meetings held in a period, read together, carry the figures each
// meeting's own attendance sheet gives, for every role that may read
// them, on the test world grown by a seeded coalition (body meetings with
// seats of people or of organisations, an open meeting, attendance of
// people seated or not and of organisations).
func TestMeetingsHeldMatchTheirSheets(t *testing.T) {
	eachSeededWorld(t, 10, 3, "held.example", func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		// What the report read before: the list, then each meeting's sheet.
		want := func(ctx context.Context, period pk.ReportPeriod, before time.Time) []*pk.ReportMeeting {
			list, cut, err := db.Meetings.Meetings(ctx, pid)
			if err != nil || cut {
				t.Fatalf("list cut %v: %v", cut, err)
			}
			out := []*pk.ReportMeeting{}
			for _, m := range list {
				if !period.Contains(m.StartsAt.UTC().Format(time.DateOnly)) || m.StartsAt.After(before) {
					continue
				}
				sheet, err := db.Meetings.Attendance(ctx, pid, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				rm := &pk.ReportMeeting{ID: m.ID, Title: m.Title, BodyName: m.BodyName, StartsAt: m.StartsAt, Expected: len(sheet.People)}
				for _, row := range sheet.People {
					rm.Present += b2i(row.Status == pk.AttendancePresent)
					rm.Apologies += b2i(row.Status == pk.AttendanceApologies)
					rm.Absent += b2i(row.Status == pk.AttendanceAbsent)
				}
				if sheet.Quorum.Applies {
					rm.QuorumMet = &sheet.Quorum.Met
				}
				out = append(out, rm)
			}
			return out
		}
		far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
		checked, quorums := 0, 0
		for _, c := range []struct {
			period pk.ReportPeriod
			before time.Time
		}{
			{pk.ReportPeriod{From: "2020-01-01", To: "2024-12-31"}, far},
			{pk.ReportPeriod{From: "2026-01-01", To: "2026-12-31"}, far},
			{pk.ReportPeriod{From: "2026-02-10", To: "2026-05-09"}, time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)}, // begun at that moment counts
			{pk.ReportPeriod{From: "2024-01-01", To: "2028-12-31"}, db.Now()},
		} {
			for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member, w.Observer} {
				wantAll := want(who.Ctx, c.period, c.before)
				got, cut, err := db.Meetings.MeetingsHeld(who.Ctx, pid, c.period, c.before)
				if err != nil {
					t.Fatal(err)
				}
				if cut != (len(wantAll) > pk.MaxReportMeetings) {
					t.Errorf("%v: cut %v with %d held", c.period, cut, len(wantAll))
				}
				wantAll = wantAll[:min(len(wantAll), pk.MaxReportMeetings)]
				if len(got) != len(wantAll) {
					t.Fatalf("%v as %s: %d meetings, want %d", c.period, who.Email, len(got), len(wantAll))
				}
				for i, g := range got {
					x := wantAll[i]
					if g.ID != x.ID || g.Title != x.Title || g.BodyName != x.BodyName || !g.StartsAt.Equal(x.StartsAt) || g.Expected != x.Expected ||
						g.Present != x.Present || g.Apologies != x.Apologies || g.Absent != x.Absent || g.QuorumState() != x.QuorumState() {
						t.Errorf("%v as %s: %+v (quorum %q), want %+v (quorum %q)", c.period, who.Email, g, g.QuorumState(), x, x.QuorumState())
					}
					checked++
					if x.QuorumMet != nil {
						quorums++
					}
				}
			}
		}
		if checked < 3*pk.MaxReportMeetings || quorums == 0 {
			t.Fatalf("only %d meetings compared, %d with a quorum", checked, quorums)
		}
		if _, _, err := db.Meetings.MeetingsHeld(w.Outsider.Ctx, pid, pk.ReportPeriod{From: "2026-01-01", To: "2026-12-31"}, far); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		if _, _, err := db.Meetings.MeetingsHeld(w.Coordinator.Ctx, pid, pk.ReportPeriod{From: "2026-12-31", To: "2026-01-01"}, far); pk.ErrorCode(err) != pk.EINVALID {
			t.Fatalf("period backwards: %v", err)
		}
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
