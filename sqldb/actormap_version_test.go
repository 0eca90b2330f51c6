package sqldb_test

import (
	"slices"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// What is kept of maps (positions, the timeline, the list of maps with
// their counts, the register's count) follows every write that changes it:
// a new assessment, an actor renamed or made sensitive, an assessor renamed.
func TestKeptMapViewsFollowWrites(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		f := w.Maps()
		pid, mid := w.Partnership.ID, f.Map.ID
		council := f.Actors["City Council"]
		position := func(who *sqldbtest.Person, aid string) *pk.Assessment {
			t.Helper()
			pos, err := db.Maps.Positions(who.Ctx, pid, mid, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if i := slices.IndexFunc(pos, func(a *pk.Assessment) bool { return a.ActorID == aid }); i >= 0 {
				return pos[i]
			}
			return nil
		}
		counts := func(who *sqldbtest.Person) (actors, timeline, register int) {
			t.Helper()
			l, err := db.Maps.MapList(who.Ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range l.Maps {
				if m.ID == mid {
					actors = m.Actors
				}
			}
			tl, err := db.Maps.TimelineList(who.Ctx, pid, mid)
			if err != nil {
				t.Fatal(err)
			}
			n, err := db.Actors.CountActors(who.Ctx, pid, pk.ActorFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return actors, len(tl.Assessments), n
		}
		// Read once so that the views are kept.
		a0, t0, r0 := counts(w.Member)
		if position(w.Member, council) == nil {
			t.Fatal("the council is not on the map")
		}

		// A new actor assessed: one more on the map and in the timeline.
		fresh, err := db.Actors.CreateActor(w.Coordinator.Ctx, pid, pk.ActorInput{Name: "Aardvark Association", Kind: "organisation"})
		if err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(time.Hour)
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: fresh.ID, Support: 2, Influence: 4}); err != nil {
			t.Fatal(err)
		}
		if a, tl, r := counts(w.Member); a != a0+1 || tl != t0+1 || r != r0+1 {
			t.Errorf("after a new actor's assessment: %d actors, %d assessments, %d in the register; want %d, %d, %d", a, tl, r, a0+1, t0+1, r0+1)
		}
		if p := position(w.Member, fresh.ID); p == nil || p.Support != 2 || p.AssessedByName != w.Member.Name {
			t.Fatalf("the new position: %+v", p)
		}

		// Renamed, then made sensitive: members no longer see it anywhere.
		a, err := db.Actors.UpdateActor(w.Coordinator.Ctx, pid, fresh.ID, pk.ActorInput{Name: "Badger Association", Kind: "organisation", Version: fresh.Version})
		if err != nil {
			t.Fatal(err)
		}
		if p := position(w.Member, fresh.ID); p == nil || p.ActorName != "Badger Association" {
			t.Errorf("the renamed actor: %+v", p)
		}
		if _, err := db.Actors.UpdateActor(w.Coordinator.Ctx, pid, fresh.ID, pk.ActorInput{Name: a.Name, Kind: a.Kind, Sensitive: true, Version: a.Version}); err != nil {
			t.Fatal(err)
		}
		if p := position(w.Member, fresh.ID); p != nil {
			t.Error("a member still sees the actor made sensitive")
		}
		if p := position(w.Coordinator, fresh.ID); p == nil {
			t.Error("the coordinator no longer sees the sensitive actor")
		}
		if a, tl, r := counts(w.Member); a != a0 || tl != t0 || r != r0 {
			t.Errorf("a member's counts with the actor sensitive: %d, %d, %d; want %d, %d, %d", a, tl, r, a0, t0, r0)
		}

		// The assessor renamed: the position names them anew.
		u := pk.UserFromContext(w.Member.Ctx)
		if _, err := db.Accounts.UpdateProfile(w.Member.Ctx, pk.ProfileInput{Name: "Omar Renamed", Language: u.Language, Version: u.Version}); err != nil {
			t.Fatal(err)
		}
		if p := position(w.Coordinator, fresh.ID); p == nil || p.AssessedByName != "Omar Renamed" {
			t.Errorf("after the assessor's rename: %+v", p)
		}
	})
}

// Positions hands out copies of the kept positions, and what a caller does
// with PositionList's shared rows (appending to them) never reaches the
// next reader.
func TestPositionsHandedOutSafely(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Maps().Map.ID
		pos, err := db.Maps.Positions(w.Member.Ctx, pid, mid, time.Time{})
		if err != nil || len(pos) == 0 {
			t.Fatalf("%v %d", err, len(pos))
		}
		name := pos[0].ActorName
		pos[0].ActorName = "changed by a caller"
		pl, err := db.Maps.PositionList(w.Member.Ctx, pid, mid, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if pl.Positions[0].ActorName != name {
			t.Fatalf("a caller's change reached the kept positions: %q", pl.Positions[0].ActorName)
		}
		n := len(pl.Positions)
		_ = append(pl.Positions, &pk.Assessment{ActorName: "appended by a caller"})
		again, err := db.Maps.PositionList(w.Member.Ctx, pid, mid, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Positions) != n || cap(again.Positions) != n {
			t.Errorf("the next list has %d positions (room for %d), want %d", len(again.Positions), cap(again.Positions), n)
		}
	})
}
