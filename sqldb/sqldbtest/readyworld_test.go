package sqldbtest

import (
	"context"
	"reflect"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// A world copied from the ready one must describe its own database, miss
// nothing NewWorld fills in, and share nothing with other copies.
func TestOpenWorldCopiesTheWholeWorld(t *testing.T) {
	t.Parallel()
	EachWorld(t, func(t *testing.T, w *World) {
		ready := readyWorlds[w.DB.Dialect.String()].world
		// Every field of World is filled, so a field added to World but
		// forgotten in copyOnto shows here.
		v := reflect.ValueOf(*w)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				t.Errorf("World.%s is empty in the copy", v.Type().Field(i).Name)
			}
		}
		for _, role := range []string{"coordinator", "member", "observer", "outsider"} {
			p := w.As(role)
			if pk.UserFromContext(p.Ctx) != p.User {
				t.Errorf("%s acts as someone else", role)
			}
			if !reflect.DeepEqual(p.User, ready.As(role).User) || p.User == ready.As(role).User {
				t.Errorf("%s is not an unshared copy", role)
			}
		}
		if !reflect.DeepEqual(w.fixtures, ready.fixtures) || !reflect.DeepEqual(w.Params, ready.Params) {
			t.Error("fixtures or params differ from the ready world")
		}
		// The copy's database holds what the copy says.
		p, err := w.DB.Partnerships.Partnership(w.Coordinator.Ctx, w.Partnership.ID)
		if err != nil || p.Name != w.Partnership.Name || p.Version != w.Partnership.Version {
			t.Fatalf("partnership in the database: %+v %v, the world says %+v", p, err, w.Partnership)
		}
		if w.Clock.Now() != ready.Clock.Now() {
			t.Errorf("clock at %v, the ready world's at %v", w.Clock.Now(), ready.Clock.Now())
		}
		// Changing one copy leaves the next one as it was.
		w.Actors().Actor.Name = "Changed"
		w.Params["pid"] = "changed"
		in := pk.SignUpInput{Email: "only-in-one@example.org", Name: "Only In One", Password: Password}
		if _, err := w.DB.Accounts.CreateUser(context.Background(), in, false); err != nil {
			t.Fatal(err)
		}
		next := OpenWorld(t, w.DB.Dialect.String())
		if next.Actors().Actor.Name != ActorName || next.Params["pid"] != ready.Params["pid"] {
			t.Error("a change to one copy's fixtures reached the next copy")
		}
		// E-mail addresses are unique: had the copies shared a database,
		// this sign-up would fail.
		if _, err := next.DB.Accounts.CreateUser(context.Background(), in, false); err != nil {
			t.Errorf("a write to one copy's database reached the next copy: %v", err)
		}
	})
}
