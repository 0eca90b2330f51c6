package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// One person or organisation sits once in a body at a time: a second seat
// whose dates touch one they hold or held is refused naming the dates, and
// nothing is written; seats before, after or in another body are fine.
func TestSeatsDoNotOverlap(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		g := w.Governance()
		// The member chairs the committee from 2026-01-01, open-ended; the
		// coordinator was secretary from 2025-01-01 to 2025-12-31.
		for _, in := range []pk.SeatInput{
			{UserID: w.Member.ID, Position: pk.PositionMember, From: "2027-05-01"},
			{UserID: w.Member.ID, Position: pk.PositionMember, From: "2025-06-01", Until: "2026-01-01"},
			{UserID: w.Coordinator.ID, Position: pk.PositionMember, From: "2025-12-31"},
			{UserID: w.Coordinator.ID, Position: pk.PositionMember, From: "2024-01-01", Until: "2025-01-01"},
			{UserID: w.Coordinator.ID, Position: pk.PositionMember, From: "2024-01-01"},
			{OrganisationID: w.MemberOrg.ID, Position: pk.PositionChair, From: "2030-01-01"},
		} {
			_, err := db.Bodies.AddSeat(c, pid, g.Committee.ID, in)
			wantField(t, err, "from")
		}
		seats, _, err := db.Bodies.Seats(c, pid, g.Committee.ID)
		if err != nil || len(seats) != 3 {
			t.Fatalf("a refused seat was written: %v %d", err, len(seats))
		}
		// The day after the old seat ended, and before it began, are free.
		after, err := db.Bodies.AddSeat(c, pid, g.Committee.ID, pk.SeatInput{UserID: w.Coordinator.ID, Position: pk.PositionMember, From: "2026-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Bodies.AddSeat(c, pid, g.Committee.ID, pk.SeatInput{UserID: w.Coordinator.ID, Position: pk.PositionMember,
			From: "2020-01-01", Until: "2024-12-31"}); err != nil {
			t.Fatal(err)
		}
		// Moving a seat's start onto another of the same holder is refused
		// too; changing a seat's own dates does not collide with itself.
		_, err = db.Bodies.UpdateSeat(c, pid, g.Committee.ID, after.ID, pk.SeatInput{Position: pk.PositionMember, From: "2025-06-01", Version: after.Version})
		wantField(t, err, "from")
		if _, err := db.Bodies.UpdateSeat(c, pid, g.Committee.ID, after.ID, pk.SeatInput{Position: pk.PositionSecretary, From: "2026-02-01",
			Until: "2026-12-31", Version: after.Version}); err != nil {
			t.Fatal(err)
		}
		// Ending the chair, then seating the member again after it, works.
		s, err := db.Bodies.UpdateSeat(c, pid, g.Committee.ID, g.Seat.ID, pk.SeatInput{Position: pk.PositionChair, From: g.Seat.From,
			Until: "2026-03-31", Version: g.Seat.Version})
		if err != nil || s.Until != "2026-03-31" {
			t.Fatalf("end: %v %+v", err, s)
		}
		if _, err := db.Bodies.AddSeat(c, pid, g.Committee.ID, pk.SeatInput{UserID: w.Member.ID, Position: pk.PositionMember, From: "2026-04-01"}); err != nil {
			t.Fatal(err)
		}
		// Another body is another matter.
		if _, err := db.Bodies.AddSeat(c, pid, g.Group.ID, pk.SeatInput{OrganisationID: w.MemberOrg.ID, Position: pk.PositionMember, From: "2026-01-01"}); err != nil {
			t.Fatal(err)
		}
	})
}
