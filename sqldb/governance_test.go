package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestBodiesNestAndRefuseLoops(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		g := w.Governance()
		if g.Group.ParentName != g.Committee.Name || g.Group.ReportsToName != g.Committee.Name || g.Committee.Quorum != 0.5 {
			t.Fatalf("group %+v", g.Group)
		}
		// The committee under its own action group would be a loop.
		in := pk.BodyInput{Name: g.Committee.Name, Kind: g.Committee.Kind, ParentID: g.Group.ID, Version: g.Committee.Version}
		_, err := db.Bodies.UpdateBody(c, pid, g.Committee.ID, in)
		wantField(t, err, "parent_id")
		in.ParentID = g.Committee.ID
		_, err = db.Bodies.UpdateBody(c, pid, g.Committee.ID, in)
		wantField(t, err, "parent_id")
		// A body of another partnership is not a parent here.
		other, err := db.Bodies.CreateBody(w.Outsider.Ctx, w.Other.ID, pk.BodyInput{Name: "Their board", Kind: pk.BodyCustom})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "Sub", Kind: pk.BodyActionGroup, ReportsToID: other.ID})
		wantField(t, err, "reports_to_id")
		// A quorum of 2/3 reads back exactly.
		b, err := db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "Monitoring", Kind: pk.BodyMonitoringGroup, Quorum: 2.0 / 3})
		if err != nil || b.Quorum != 2.0/3 {
			t.Fatalf("quorum: %v %+v", err, b)
		}
		_, err = db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "Too many", Kind: pk.BodyCustom, Quorum: 1.5})
		wantField(t, err, "quorum")
		// Members and observers read bodies but do not change them.
		if _, err := db.Bodies.CreateBody(w.Member.Ctx, pid, pk.BodyInput{Name: "Mine", Kind: pk.BodyCustom}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member created a body: %v", err)
		}
		list, cut, err := db.Bodies.Bodies(w.Observer.Ctx, pid)
		if err != nil || cut || len(list) != 3 {
			t.Fatalf("observer's list: %v %v %d", err, cut, len(list))
		}
		if _, _, err := db.Bodies.Bodies(w.Outsider.Ctx, pid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
	})
}

func TestSeatsKeepTheirHistory(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		g := w.Governance()
		seats, _, err := db.Bodies.Seats(w.Observer.Ctx, pid, g.Committee.ID)
		if err != nil || len(seats) != 3 || seats[0].ID != g.Ended.ID {
			t.Fatalf("seats: %v %+v", err, seats)
		}
		// Ending the chair keeps the row with its end date.
		end := pk.SeatInput{Position: pk.PositionChair, From: g.Seat.From, Until: "2026-02-01", Version: g.Seat.Version}
		s, err := db.Bodies.UpdateSeat(c, pid, g.Committee.ID, g.Seat.ID, end)
		if err != nil || s.Until != "2026-02-01" || s.UserID != w.Member.ID {
			t.Fatalf("end: %v %+v", err, s)
		}
		if _, err := db.Bodies.UpdateSeat(c, pid, g.Committee.ID, g.Seat.ID, end); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("stale version: %v", err)
		}
		seats, _, _ = db.Bodies.Seats(c, pid, g.Committee.ID)
		if len(seats) != 3 {
			t.Fatalf("a seat went missing: %d", len(seats))
		}
		// The chart shows only seats held today (the world's clock is in 2026).
		held, _, err := db.Bodies.AllSeats(c, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range held {
			if h.ID == g.Ended.ID {
				t.Fatalf("an ended seat is on the chart: %+v", h)
			}
		}
		// Nobody outside the partnership takes a seat; one holder only.
		_, err = db.Bodies.AddSeat(c, pid, g.Group.ID, pk.SeatInput{UserID: w.Outsider.ID, Position: pk.PositionMember, From: "2026-01-01"})
		wantField(t, err, "user_id")
		_, err = db.Bodies.AddSeat(c, pid, g.Group.ID, pk.SeatInput{UserID: w.Member.ID, OrganisationID: w.MemberOrg.ID, Position: pk.PositionMember, From: "2026-01-01"})
		wantField(t, err, "user_id")
		_, err = db.Bodies.AddSeat(c, pid, g.Group.ID, pk.SeatInput{UserID: w.Member.ID, Position: pk.PositionMember, From: "2026-02-01", Until: "2026-01-01"})
		wantField(t, err, "until")
		// A seat is reached only through its own body.
		if _, err := db.Bodies.UpdateSeat(c, pid, g.Group.ID, g.Seat.ID, end); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("seat through another body: %v", err)
		}
	})
}

func TestCharterVersionsAndRule(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		g := w.Governance()
		got, err := db.Charter.Charter(w.Observer.Ctx, pid)
		if err != nil || got.Version != 1 || got.SafeSpace == "" || len(got.Areas) != 4 || got.Areas[3].Quorum != 2.0/3 {
			t.Fatalf("charter in force: %v %+v", err, got)
		}
		// The charter's rules are read from their JSON once; what a caller
		// is handed is its own.
		mine, _ := db.Charter.Charter(w.Member.Ctx, pid)
		mine.Rules[0].Quorum, mine.Areas[0].BodyID, mine.SafeSpace = 0.99, "changed", "changed"
		if again, err := db.Charter.Charter(w.Observer.Ctx, pid); err != nil || again.Rules[0].Quorum != 0.5 ||
			again.Areas[0].BodyID != g.Committee.ID || again.SafeSpace != got.SafeSpace || again.Version != 1 {
			t.Fatalf("a caller's change reached the next reader: %v %+v", err, again)
		}
		r, err := db.Charter.CharterRule(w.Observer.Ctx, pid, g.Group.ID, pk.AreaBudget)
		want := pk.Rule{BodyID: g.Committee.ID, Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitOrganisation}
		if err != nil || r != want {
			t.Fatalf("rule: %v %+v", err, r)
		}
		// A new version needs the version in force.
		in := pk.CharterInput{AdoptedOn: "2026-03-01", AdoptedByBody: g.Committee.ID, Rules: got.Rules, Areas: got.Areas}
		if _, err := db.Charter.AdoptCharter(c, pid, in); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("stale version: %v", err)
		}
		in.Version = 1
		in.Areas = append([]pk.AreaRule{}, got.Areas...)
		in.Areas[0].BodyID = ""
		_, err = db.Charter.AdoptCharter(c, pid, in)
		wantField(t, err, "areas.0.body_id")
		in.Areas[0].BodyID = g.Group.ID
		if _, err := db.Charter.AdoptCharter(w.Member.Ctx, pid, in); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member adopted a charter: %v", err)
		}
		v2, err := db.Charter.AdoptCharter(c, pid, in)
		if err != nil || v2.Version != 2 {
			t.Fatalf("v2: %v %+v", err, v2)
		}
		if r, _ := db.Charter.CharterRule(c, pid, "", pk.AreaBudget); r.BodyID != g.Group.ID || r.Method != pk.MethodConsent {
			t.Fatalf("rule after v2: %+v", r)
		}
		if now, err := db.Charter.Charter(w.Observer.Ctx, pid); err != nil || now.Version != 2 || now.AdoptedOn != "2026-03-01" || now.Areas[0].BodyID != g.Group.ID {
			t.Fatalf("charter in force after v2: %v %+v", err, now)
		}
		// The charter is kept under the data version, which a change to
		// its row raises however it is written.
		if _, err := sqldb.WriteForTest(db).ExecContext(c, `UPDATE charter_versions SET adoption_note = 'written directly'
			WHERE partnership_id = $1 AND version = 2`, pid); err != nil {
			t.Fatal(err)
		}
		if now, err := db.Charter.Charter(w.Observer.Ctx, pid); err != nil || now.AdoptionNote != "written directly" {
			t.Fatalf("a change written directly does not show: %v %+v", err, now)
		}
		versions, cut, err := db.Charter.CharterVersions(c, pid)
		if err != nil || cut || len(versions) != 2 || versions[0].Version != 2 || versions[1].Areas[0].BodyID != g.Committee.ID {
			t.Fatalf("versions: %v %v %+v", err, cut, versions)
		}
		// Another partnership has no charter yet.
		if _, err := db.Charter.Charter(w.Outsider.Ctx, w.Other.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("no charter: %v", err)
		}
	})
}
