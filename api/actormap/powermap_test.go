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

var testAPI = &api.API{Bundle: i18n.MustLoad()}

// The power map answer made from kept actors (twice: drawn, then found) is
// byte for byte the whole answer encoded as every other answer is, in
// every language and for every role; a coordinator's sensitive actor
// never reaches a member's answer; and a new assessment shows at once.
func TestPowerMapAnswerKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Maps().Map.ID
		answer := func(who *sqldbtest.Person, lang string) []byte {
			t.Helper()
			m, err := db.Maps.Map(who.Ctx, pid, mid)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			for i := range 2 {
				pl, err := db.Maps.PositionList(who.Ctx, pid, mid, time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				want, err := testAPI.Encode(lang, PowerMap{Map: m, Actors: powerMapActors(pl), ActorsCut: pl.Cut})
				if err != nil {
					t.Fatal(err)
				}
				e, err := powerMapAnswer(testAPI, lang, m, pl)
				if err != nil {
					t.Fatal(err)
				}
				if got = e.Bytes(); !bytes.Equal(got, want) {
					t.Fatalf("%s, %s, %d: the kept answer differs from the whole encoded:\n got %.1500s\nwant %.1500s", who.Email, lang, i, got, want)
				}
			}
			return got
		}
		for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member, w.Observer} {
			for _, lang := range i18n.Languages {
				answer(who, lang)
			}
		}
		if !bytes.Contains(answer(w.Coordinator, "en"), []byte(sqldbtest.SensitiveActorName)) ||
			bytes.Contains(answer(w.Member, "en"), []byte(sqldbtest.SensitiveActorName)) {
			t.Error("the sensitive actor is not the coordinator's only")
		}
		a := w.Actors().Actor
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: a.ID, Support: 2, Influence: 4}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(answer(w.Member, "en"), []byte(a.ID)) {
			t.Error("a new assessment does not show")
		}
	})
}
