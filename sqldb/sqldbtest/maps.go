package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// MapFixture is what the maps fixtures made in a world.
type MapFixture struct {
	// Map is shared with observers; Private is not.
	Map, Private *pk.Map
	// Actors by name; "Hidden Informant" is sensitive.
	Actors map[string]string
	Tactic *pk.Tactic
}

// SensitiveActorName is the name of the fixtures' sensitive actor, which
// only coordinators may ever see.
const SensitiveActorName = "Hidden Informant"

// Maps returns the maps fixtures of a world.
func (w *World) Maps() *MapFixture {
	f, _ := w.fixture("maps").(*MapFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		ctx := context.Background()
		names := []sqldb.SeedActor{
			{Name: "City Council", Kind: "institution"},
			{Name: "Youth Club East", Kind: "group"},
			{Name: "Job Centre", Kind: "institution"},
			{Name: "Local Newspaper", Kind: "organisation"},
			{Name: SensitiveActorName, Kind: "individual", Sensitive: true},
		}
		ids, err := sqldb.NewSeeder(w.DB).SeedActors(ctx, w.Partnership.ID, names, []sqldb.SeedRelationship{
			{From: 0, To: 1, Type: "cooperates_with"},
			{From: 0, To: 2, Type: "in_conflict_with"},
			{From: 1, To: 4, Type: "cooperates_with"},
			// A sensitive relationship between two ordinary actors.
			{From: 0, To: 3, Type: "cooperates_with", Sensitive: true},
		})
		must(t, err)
		f := &MapFixture{Actors: map[string]string{}}
		for i, a := range names {
			f.Actors[a.Name] = ids[i]
		}
		c := w.Coordinator.Ctx
		f.Map, err = w.DB.Maps.CreateMap(c, w.Partnership.ID, pk.MapInput{Title: "Youth seats on the integration council",
			Objective: "Two seats for young newcomers by next year.", Shared: true})
		must(t, err)
		f.Private, err = w.DB.Maps.CreateMap(c, w.Partnership.ID, pk.MapInput{Title: "Private campaign map"})
		must(t, err)
		for i, s := range []struct{ support, influence, interest int }{{-1, 5, 4}, {2, 2, 5}, {-2, 4, 0}, {0, 3, 2}, {1, 1, 3}} {
			_, err := w.DB.Maps.AddAssessment(c, w.Partnership.ID, f.Map.ID, pk.AssessmentInput{ActorID: ids[i], Support: s.support,
				Influence: s.influence, Interest: s.interest, Note: "First look"})
			must(t, err)
			_, err = w.DB.Maps.AddAssessment(c, w.Partnership.ID, f.Private.ID, pk.AssessmentInput{ActorID: ids[i], Support: s.support,
				Influence: s.influence})
			must(t, err)
		}
		f.Tactic, err = w.DB.Maps.CreateTactic(c, w.Partnership.ID, f.Map.ID, pk.TacticInput{ActorID: ids[3], Title: "Invite the editor to the youth forum",
			Status: "planned", Due: "2026-04-15", OwnerID: w.Member.ID})
		must(t, err)
		w.setFixture("maps", f)
		w.Params["mid"] = f.Map.ID
		w.Params["tacid"] = f.Tactic.ID
		w.Params["maid"] = ids[0]
	})
}
