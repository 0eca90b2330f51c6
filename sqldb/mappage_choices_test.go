package sqldb_test

import (
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The placing form offers the actors not yet on the map, sensitive ones to
// coordinators only; the first names are kept between requests, yet an
// actor placed or added shows at once, and a search narrows them.
func TestMapActorChoicesFollowChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, mid := w.DB, w.Partnership.ID, w.Maps().Map.ID
		names := func(who *sqldbtest.Person, find string) []string {
			t.Helper()
			var out []string
			for range 2 { // read, then kept
				c, err := db.Maps.MapActorChoices(who.Ctx, pid, mid, find)
				if err != nil {
					t.Fatal(err)
				}
				out = out[:0]
				for _, a := range c.Actors {
					out = append(out, a.Name)
				}
			}
			return out
		}
		placed := w.Maps().Actors
		for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member} {
			for _, n := range names(who, "") {
				if _, ok := placed[n]; ok {
					t.Errorf("%s is offered %s, already on the map", who.Email, n)
				}
			}
		}
		if !slices.Contains(names(w.Coordinator, ""), sqldbtest.SensitiveActorName2) {
			t.Errorf("a coordinator is not offered the sensitive actor")
		}
		if slices.Contains(names(w.Member, ""), sqldbtest.SensitiveActorName2) {
			t.Errorf("a member is offered the sensitive actor")
		}
		a := w.Actors().Actor
		if !slices.Contains(names(w.Member, ""), a.Name) {
			t.Fatalf("%s is not offered before it is placed", a.Name)
		}
		if _, err := db.Maps.AddAssessment(w.Member.Ctx, pid, mid, pk.AssessmentInput{ActorID: a.ID, Support: 1, Influence: 2}); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(names(w.Member, ""), a.Name) {
			t.Errorf("%s is still offered once placed", a.Name)
		}
		if _, err := db.Actors.CreateActor(w.Member.Ctx, pid, pk.ActorInput{Name: "Aardvark Newcomers Forum", Kind: "group"}); err != nil {
			t.Fatal(err)
		}
		if got := names(w.Member, ""); len(got) == 0 || got[0] != "Aardvark Newcomers Forum" {
			t.Errorf("a new actor is not offered first: %v", got)
		}
		if got := names(w.Member, "aardvark"); !slices.Equal(got, []string{"Aardvark Newcomers Forum"}) {
			t.Errorf("a search offers %v", got)
		}
	})
}
