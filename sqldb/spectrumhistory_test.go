package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The spectrum's history rules are the spectrum package's: what storage
// answers for positions and moves at any date is what spectrum.PositionsAt
// and spectrum.MovesSince make of the same map's timeline, for people who
// see the sensitive actor and people who do not.
func TestSpectrumHistoryFollowsTheRules(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		f := w.Maps()
		pid, mid := w.Partnership.ID, f.Map.ID
		start := w.Clock.Now()
		add := func(name string, support int) {
			t.Helper()
			if _, err := db.Maps.AddAssessment(w.Coordinator.Ctx, pid, mid, pk.AssessmentInput{ActorID: f.Actors[name], Support: support, Influence: 3}); err != nil {
				t.Fatal(err)
			}
		}
		w.Clock.Advance(24 * time.Hour)
		add("City Council", 0)
		add(sqldbtest.SensitiveActorName, -2)
		w.Clock.Advance(24 * time.Hour)
		// Two judgements at the same instant: the later one counts.
		add("Job Centre", -1)
		add("Job Centre", 1)
		add("City Council", -1) // and back where it started
		w.Clock.Advance(24 * time.Hour)

		for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member} {
			tl, err := db.Maps.Timeline(who.Ctx, pid, mid)
			if err != nil {
				t.Fatal(err)
			}
			var history []spectrum.Assessment
			for _, a := range tl {
				history = append(history, spectrum.Assessment{ActorID: a.ActorID, Support: a.Support, At: a.AssessedAt})
			}
			now := w.Clock.Now()
			for _, at := range []time.Time{start, start.Add(36 * time.Hour), now} {
				pos, err := db.Maps.Positions(who.Ctx, pid, mid, at)
				if err != nil {
					t.Fatal(err)
				}
				want := spectrum.PositionsAt(history, at)
				if len(pos) != len(want) {
					t.Fatalf("%s at %s: %d positions, the rule says %d", who.Name, at, len(pos), len(want))
				}
				for _, p := range pos {
					if w, ok := want[p.ActorID]; !ok || w.Support != p.Support {
						t.Errorf("%s at %s: %s at %d, the rule says %+v", who.Name, at, p.ActorName, p.Support, w)
					}
				}

				moves, err := db.Maps.Moves(who.Ctx, pid, mid, at)
				if err != nil {
					t.Fatal(err)
				}
				wantMoves := map[string]spectrum.Move{}
				for _, m := range spectrum.MovesSince(history, at, now) {
					wantMoves[m.ActorID] = m
				}
				if len(moves) != len(wantMoves) {
					t.Fatalf("%s since %s: moves %+v, the rule says %+v", who.Name, at, moves, wantMoves)
				}
				for _, m := range moves {
					x := wantMoves[m.ActorID]
					if m.Direction != x.Direction || m.To != int(x.To) || (m.From != nil) != x.Known || (x.Known && *m.From != int(x.From)) {
						t.Errorf("%s since %s: %+v, the rule says %+v", who.Name, at, m, x)
					}
					if m.Name == sqldbtest.SensitiveActorName && who != w.Coordinator {
						t.Errorf("%s sees the sensitive actor move", who.Name)
					}
				}
			}
		}
		// The case that tells a history from two snapshots' differences in
		// the log: the council went back and forth and, since the start, has
		// not moved; the job centre has, by its latest same-instant judgement.
		moves, err := db.Maps.Moves(w.Member.Ctx, pid, mid, start)
		if err != nil {
			t.Fatal(err)
		}
		if len(moves) != 1 || moves[0].ActorID != f.Actors["Job Centre"] || moves[0].Direction != spectrum.Towards || moves[0].To != 1 {
			t.Fatalf("moves since the start: %+v", moves)
		}
	})
}
