package actormap

import (
	"bytes"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The spectrum answer made from kept segments (twice: drawn, then found)
// is byte for byte the whole answer encoded as every other answer is, in
// every language, for every role, as it stands and as it stood, with and
// without moves; a coordinator's sensitive actor never reaches a member's
// answer; and a new assessment shows at once.
func TestSpectrumAnswerKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Maps().Map.ID
		answer := func(who *sqldbtest.Person, lang, at string, since time.Time) []byte {
			t.Helper()
			m, err := db.Maps.Map(who.Ctx, pid, mid)
			if err != nil {
				t.Fatal(err)
			}
			var day time.Time
			if at != "" {
				day, _ = time.Parse("2006-01-02", at)
				day = day.Add(24*time.Hour - time.Nanosecond)
			}
			var moves []*pk.Move
			if !since.IsZero() {
				if moves, err = db.Maps.Moves(who.Ctx, pid, mid, since); err != nil {
					t.Fatal(err)
				}
				moves = api.NonNil(moves)
			}
			var got []byte
			for i := range 2 {
				pl, err := db.Maps.PositionList(who.Ctx, pid, mid, day)
				if err != nil {
					t.Fatal(err)
				}
				want, err := testAPI.Encode(lang, Spectrum{Map: m, At: at, Segments: spectrumSegments(pl.Positions), Moves: moves, ActorsCut: pl.Cut})
				if err != nil {
					t.Fatal(err)
				}
				e, err := spectrumAnswer(testAPI, lang, m, at, pl, moves)
				if err != nil {
					t.Fatal(err)
				}
				if got = e.Bytes(); !bytes.Equal(got, want) {
					t.Fatalf("%s, %s, at %q, %d: the kept answer differs from the whole encoded:\n got %.1500s\nwant %.1500s", who.Email, lang, at, i, got, want)
				}
			}
			return got
		}
		now := w.Clock.Now()
		for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member, w.Observer} {
			for _, lang := range i18n.Languages {
				answer(who, lang, "", time.Time{})
				answer(who, lang, now.AddDate(0, 0, -1).Format("2006-01-02"), time.Time{})
				answer(who, lang, "", now.AddDate(-1, 0, 0))
				answer(who, lang, "", now.AddDate(0, 0, 1)) // no moves since
			}
		}
		if !bytes.Contains(answer(w.Coordinator, "en", "", time.Time{}), []byte(sqldbtest.SensitiveActorName)) ||
			bytes.Contains(answer(w.Member, "en", "", time.Time{}), []byte(sqldbtest.SensitiveActorName)) {
			t.Error("the sensitive actor is not the coordinator's only")
		}
		a := w.Actors().Actor
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: a.ID, Support: 2, Influence: 4}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(answer(w.Member, "en", "", time.Time{}), []byte(a.ID)) {
			t.Error("a new assessment does not show")
		}
	})
}
