package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func names(as []*pk.Assessment) map[string]int {
	out := map[string]int{}
	for _, a := range as {
		out[a.ActorName] = a.Support
	}
	return out
}

func TestMapsVisibility(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Maps()
		pid := w.Partnership.ID
		for _, c := range []struct {
			role string
			maps int
		}{{"coordinator", 2}, {"member", 2}, {"observer", 1}} {
			ms, err := db.Maps.Maps(w.As(c.role).Ctx, pid)
			if err != nil || len(ms) != c.maps {
				t.Errorf("%s: %d maps, %v; want %d", c.role, len(ms), err, c.maps)
			}
		}
		// Observers: the unshared map does not exist for them.
		_, err := db.Maps.Map(w.Observer.Ctx, pid, f.Private.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Maps.Positions(w.Observer.Ctx, pid, f.Private.ID, time.Time{})
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Maps.AddAssessment(w.Observer.Ctx, pid, f.Private.ID, pk.AssessmentInput{ActorID: f.Actors["City Council"], Support: 1, Influence: 1})
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Maps.AddAssessment(w.Observer.Ctx, pid, f.Map.ID, pk.AssessmentInput{ActorID: f.Actors["City Council"], Support: 1, Influence: 1})
		wantCode(t, err, pk.EFORBIDDEN)
		// Outsiders: nothing at all, not even by the map's ID.
		_, err = db.Maps.Map(w.Outsider.Ctx, pid, f.Map.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Maps.Map(w.Outsider.Ctx, w.Other.ID, f.Map.ID)
		wantCode(t, err, pk.ENOTFOUND)
		// Members may not share or unshare; coordinators may.
		_, err = db.Maps.UpdateMap(w.Member.Ctx, pid, f.Private.ID, pk.MapInput{Title: "x", Shared: true, Version: f.Private.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		m, err := db.Maps.UpdateMap(w.Member.Ctx, pid, f.Private.ID, pk.MapInput{Title: "Renamed", Version: f.Private.Version})
		if err != nil || m.Title != "Renamed" || m.Version != 2 {
			t.Fatalf("member rename: %+v %v", m, err)
		}
		_, err = db.Maps.UpdateMap(w.Coordinator.Ctx, pid, f.Private.ID, pk.MapInput{Title: "Renamed", Shared: true, Version: 1})
		wantCode(t, err, pk.ECONFLICT)
		if _, err = db.Maps.UpdateMap(w.Coordinator.Ctx, pid, f.Private.ID, pk.MapInput{Title: "Renamed", Shared: true, Version: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Maps.Map(w.Observer.Ctx, pid, f.Private.ID); err != nil {
			t.Errorf("shared map hidden from observer: %v", err)
		}
		_, err = db.Maps.CreateMap(w.Member.Ctx, pid, pk.MapInput{})
		wantFields(t, err, "title")
		wantCode(t, db.Maps.DeleteMap(w.Member.Ctx, pid, f.Private.ID, 2), pk.ECONFLICT)
		if err := db.Maps.DeleteMap(w.Member.Ctx, pid, f.Private.ID, 3); err != nil {
			t.Fatal(err)
		}
		_, err = db.Maps.Map(w.Coordinator.Ctx, pid, f.Private.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestAssessmentHistory(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Maps()
		pid, mid := w.Partnership.ID, f.Map.ID
		council := f.Actors["City Council"]
		start := w.Clock.Now()
		w.Clock.Advance(30 * 24 * time.Hour)
		mid1 := w.Clock.Now()
		w.Clock.Advance(30 * 24 * time.Hour)
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: council, Support: 0, Influence: 5, Note: "Listened at the hearing"}); err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(30 * 24 * time.Hour)
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: council, Support: 1, Influence: 5, Interest: 3}); err != nil {
			t.Fatal(err)
		}
		// Nothing overwritten: three assessments, newest first.
		hist, _, err := db.Maps.Assessments(w.Member.Ctx, pid, mid, council, pk.PageRequest{})
		if err != nil || len(hist) != 3 {
			t.Fatalf("history: %d %v", len(hist), err)
		}
		if hist[0].Support != 1 || hist[1].Support != 0 || hist[2].Support != -1 || hist[1].Note != "Listened at the hearing" || hist[0].AssessedByName != "Omar Member" {
			t.Errorf("history order/content: %+v %+v %+v", hist[0], hist[1], hist[2])
		}
		// Pagination follows seq.
		p1, next, err := db.Maps.Assessments(w.Member.Ctx, pid, mid, council, pk.PageRequest{Limit: 2})
		if err != nil || len(p1) != 2 || next == "" {
			t.Fatalf("page 1: %d %q %v", len(p1), next, err)
		}
		p2, _, err := db.Maps.Assessments(w.Member.Ctx, pid, mid, council, pk.PageRequest{Limit: 2, Cursor: next})
		if err != nil || len(p2) != 1 || p2[0].Support != -1 {
			t.Fatalf("page 2: %+v %v", p2, err)
		}
		// Latest position, and the position as it stood.
		now, err := db.Maps.Positions(w.Member.Ctx, pid, mid, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(now)["City Council"]; got != 1 || len(now) != 4 {
			t.Errorf("now: %v", names(now))
		}
		then, _ := db.Maps.Positions(w.Member.Ctx, pid, mid, mid1)
		if got := names(then)["City Council"]; got != -1 {
			t.Errorf("at %v: council %d", mid1, got)
		}
		before, _ := db.Maps.Positions(w.Member.Ctx, pid, mid, start.Add(-time.Hour))
		if len(before) != 0 {
			t.Errorf("before anything: %v", names(before))
		}
		// Moves since mid1: the council moved towards us.
		moves, err := db.Maps.Moves(w.Member.Ctx, pid, mid, mid1)
		if err != nil || len(moves) != 1 || moves[0].Name != "City Council" || *moves[0].From != -1 || moves[0].To != 1 || moves[0].Direction != "towards" {
			t.Fatalf("moves: %+v %v", moves, err)
		}
		tl, err := db.Maps.Timeline(w.Member.Ctx, pid, mid)
		if err != nil || len(tl) != 6 {
			t.Errorf("timeline: %d %v", len(tl), err)
		}
		// Validation comes after authorisation and names the fields.
		_, err = db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: council, Support: 3, Influence: 0, Interest: 9})
		wantFields(t, err, "support", "influence", "interest")
		_, err = db.Maps.AddAssessment(w.Outsider.Ctx, pid, mid, pk.AssessmentInput{Support: 3})
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestMapsSensitiveFiltered(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Maps()
		pid, mid := w.Partnership.ID, f.Map.ID
		hidden := f.Actors[sqldbtest.SensitiveActorName]
		for _, c := range []struct {
			role      string
			sees      bool
			positions int
			lines     int
		}{{"coordinator", true, 5, 4}, {"member", false, 4, 2}, {"observer", false, 4, 2}} {
			ctx := w.As(c.role).Ctx
			pos, err := db.Maps.Positions(ctx, pid, mid, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			_, has := names(pos)[sqldbtest.SensitiveActorName]
			if has != c.sees || len(pos) != c.positions {
				t.Errorf("%s positions: %v", c.role, names(pos))
			}
			hist, _, _ := db.Maps.Assessments(ctx, pid, mid, hidden, pk.PageRequest{})
			if (len(hist) > 0) != c.sees {
				t.Errorf("%s history of the sensitive actor: %d", c.role, len(hist))
			}
			lines, err := db.Maps.MapLines(ctx, pid, mid)
			if err != nil || len(lines) != c.lines {
				t.Errorf("%s lines: %d %v", c.role, len(lines), err)
			}
			tl, _ := db.Maps.Timeline(ctx, pid, mid)
			if len(tl) != c.positions {
				t.Errorf("%s timeline: %d", c.role, len(tl))
			}
			ms, _ := db.Maps.Maps(ctx, pid)
			for _, m := range ms {
				if m.ID == mid && m.Actors != c.positions {
					t.Errorf("%s map count: %d", c.role, m.Actors)
				}
			}
		}
		for _, c := range []struct {
			role string
			sees bool
		}{{"coordinator", true}, {"member", false}} {
			actors, err := db.Maps.MapActors(w.As(c.role).Ctx, pid)
			if err != nil || len(actors) < 4 {
				t.Errorf("%s actor choices: %d %v", c.role, len(actors), err)
			}
			has := false
			for _, a := range actors {
				has = has || a.ID == hidden
			}
			if has != c.sees {
				t.Errorf("%s actor choices: sensitive actor listed %v", c.role, has)
			}
		}
		// A member cannot assess or plan for the sensitive actor either.
		_, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: hidden, Support: 1, Influence: 1})
		wantFields(t, err, "actor")
		_, err = db.Maps.CreateTactic(w.Member.Ctx, pid, mid, pk.TacticInput{ActorID: hidden, Title: "x"})
		wantFields(t, err, "actor")
		// An actor of another partnership is unknown too.
		other, _ := sqldb.NewSeeder(db).SeedActors(w.Outsider.Ctx, w.Other.ID, []sqldb.SeedActor{{Name: "Elsewhere", Kind: "group"}}, nil)
		_, err = db.Maps.AddAssessment(w.Coordinator.Ctx, pid, mid, pk.AssessmentInput{ActorID: other[0], Support: 1, Influence: 1})
		wantFields(t, err, "actor")
	})
}

func TestTactics(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		f := w.Maps()
		pid, mid := w.Partnership.ID, f.Map.ID
		ts, err := db.Maps.Tactics(w.Observer.Ctx, pid, mid)
		if err != nil || len(ts) != 1 {
			t.Fatalf("tactics: %d %v", len(ts), err)
		}
		x := ts[0]
		if x.Support == nil || *x.Support != 0 || *x.Target != 1 || x.OwnerName != "Omar Member" || x.Due.Format("2006-01-02") != "2026-04-15" {
			t.Errorf("tactic: %+v", x)
		}
		in := pk.TacticInput{ActorID: x.ActorID, Title: "Meet the editor", Status: "in_progress", Version: x.Version}
		y, err := db.Maps.UpdateTactic(w.Member.Ctx, pid, mid, x.ID, in)
		if err != nil || y.Status != "in_progress" || y.Due != nil || y.Version != 2 {
			t.Fatalf("update: %+v %v", y, err)
		}
		_, err = db.Maps.UpdateTactic(w.Member.Ctx, pid, mid, x.ID, in)
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Maps.UpdateTactic(w.Observer.Ctx, pid, mid, x.ID, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Maps.CreateTactic(w.Member.Ctx, pid, mid, pk.TacticInput{ActorID: x.ActorID, Title: "", Status: "maybe", Due: "soon", OwnerID: w.Outsider.ID})
		wantFields(t, err, "title", "status", "due")
		_, err = db.Maps.CreateTactic(w.Member.Ctx, pid, mid, pk.TacticInput{ActorID: x.ActorID, Title: "Call", OwnerID: w.Outsider.ID})
		wantFields(t, err, "owner")
		// Tactics about a sensitive actor stay with coordinators.
		hidden := f.Actors[sqldbtest.SensitiveActorName]
		if _, err := db.Maps.CreateTactic(w.Coordinator.Ctx, pid, mid, pk.TacticInput{ActorID: hidden, Title: "Quiet talk"}); err != nil {
			t.Fatal(err)
		}
		if ts, _ := db.Maps.Tactics(w.Member.Ctx, pid, mid); len(ts) != 1 {
			t.Errorf("member sees %d tactics", len(ts))
		}
		if ts, _ := db.Maps.Tactics(w.Coordinator.Ctx, pid, mid); len(ts) != 2 {
			t.Errorf("coordinator sees %d tactics", len(ts))
		}
		wantField(t, db.Maps.DeleteTactic(w.Member.Ctx, pid, mid, x.ID, 0), "version")
		if err := db.Maps.DeleteTactic(w.Member.Ctx, pid, mid, x.ID, 2); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Maps.DeleteTactic(w.Member.Ctx, pid, mid, x.ID, 2), pk.ENOTFOUND)
	})
}

func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	for _, f := range fields {
		wantField(t, err, f)
	}
}

func TestMovesBetween(t *testing.T) {
	t.Parallel()
	at := func(id string, s int) *pk.Assessment { return &pk.Assessment{ActorID: id, ActorName: id, Support: s} }
	then := []*pk.Assessment{at("a", -1), at("b", 1), at("c", 0)}
	now := []*pk.Assessment{at("a", 1), at("b", 0), at("c", 0), at("d", 2)}
	got := pk.MovesBetween(then, now)
	want := []struct {
		id, dir string
		from    int
	}{{"a", "towards", -1}, {"b", "away", 1}, {"d", "new", 0}}
	if len(got) != len(want) {
		t.Fatalf("moves: %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.ActorID != w.id || g.Direction != w.dir || (w.dir != "new" && (g.From == nil || *g.From != w.from)) || (w.dir == "new" && g.From != nil) {
			t.Errorf("move %d: %+v, want %+v", i, g, w)
		}
	}
	if len(pk.MovesBetween(now, now)) != 0 {
		t.Error("no change should be no move")
	}
}
