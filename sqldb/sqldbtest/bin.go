package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// BinFixture is what the bin fixtures made in a world: an actor that a
// coordinator deleted, waiting in the bin.
type BinFixture struct {
	Item *pk.BinItem
}

// BinActorName names the deleted actor of the bin fixture.
const BinActorName = "Dissolved Youth Forum"

// Bin returns the bin fixtures of a world.
func (w *World) Bin() *BinFixture {
	f, _ := w.fixture("bin").(*BinFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid := w.Coordinator.Ctx, w.Partnership.ID
		a, err := w.DB.Actors.CreateActor(c, pid, pk.ActorInput{Name: BinActorName, Kind: "group", Sector: "civil_society"})
		must(t, err)
		must(t, w.DB.Actors.DeleteActor(c, pid, a.ID, a.Version))
		items, _, err := w.DB.Bin.BinItems(c, pid, pk.PageRequest{})
		must(t, err)
		if len(items) != 1 || items[0].SubjectID != a.ID {
			t.Fatalf("bin fixture: %d items after one delete", len(items))
		}
		w.setFixture("bin", &BinFixture{Item: items[0]})
		w.Params["bid"] = items[0].ID
	})
}
