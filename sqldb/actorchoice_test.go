package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The names an actor's forms offer are every other actor the asker may
// see, by name, cut at the limit and saying so, whichever actor is left
// out and wherever it falls; kept, they follow a new actor and a new name,
// and a coordinator's list, with sensitive actors, never reaches a member.
func TestActorNameChoices(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, context.Background()
		for i := range 6 {
			if _, err := db.Actors.CreateActor(w.Coordinator.Ctx, pid, pk.ActorInput{Name: fmt.Sprintf("Name %02d", i), Kind: "organisation"}); err != nil {
				t.Fatal(err)
			}
		}
		// What the list must be, read plainly.
		want := func(sensitive bool, except string, limit int, query string) ([]pk.Choice, bool) {
			t.Helper()
			rows, err := sqldb.WriteForTest(db).QueryContext(ctx, `SELECT id, name FROM actors WHERE partnership_id = $1 AND ($2 OR NOT sensitive)
				AND id <> $3 AND name LIKE $4 ORDER BY name, id`, pid, sensitive, except, "%"+query+"%")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var all []pk.Choice
			for rows.Next() {
				var c pk.Choice
				if err := rows.Scan(&c.ID, &c.Name); err != nil {
					t.Fatal(err)
				}
				all = append(all, c)
			}
			if len(all) > limit {
				return all[:limit], true
			}
			return all, false
		}
		check := func(who *sqldbtest.Person, sensitive bool) {
			t.Helper()
			full, _ := want(sensitive, "", 1000, "")
			for _, limit := range []int{1, 2, 3, len(full) - 1, len(full), len(full) + 1} {
				excepts := []string{"", "nobody"}
				for _, c := range full {
					excepts = append(excepts, c.ID)
				}
				for _, except := range excepts {
					for _, query := range []string{"", "Name 0"} {
						for range 2 { // read, then kept
							got, more, err := db.Actors.ActorNameChoices(who.Ctx, pid, pk.ActorFilter{Query: query}, except, limit)
							if err != nil {
								t.Fatal(err)
							}
							w, wmore := want(sensitive, except, limit, query)
							if !slices.Equal(got, w) || more != wmore {
								t.Fatalf("%s, limit %d, without %q, %q: %v %t, want %v %t", who.Email, limit, except, query, got, more, w, wmore)
							}
						}
					}
				}
			}
		}
		check(w.Coordinator, true)
		check(w.Member, false)
		// A new actor and a new name show.
		a, err := db.Actors.CreateActor(w.Member.Ctx, pid, pk.ActorInput{Name: "Aardvark Association", Kind: "organisation"})
		if err != nil {
			t.Fatal(err)
		}
		check(w.Member, false)
		if _, err := db.Actors.UpdateActor(w.Member.Ctx, pid, a.ID, pk.ActorInput{Name: "Zebra Association", Kind: "organisation", Version: a.Version}); err != nil {
			t.Fatal(err)
		}
		check(w.Member, false)
		// A caller's change to its list never reaches the next.
		got, _, _ := db.Actors.ActorNameChoices(w.Member.Ctx, pid, pk.ActorFilter{}, "", 5)
		got[0].Name = "changed by a caller"
		if again, _, _ := db.Actors.ActorNameChoices(w.Member.Ctx, pid, pk.ActorFilter{}, "", 5); again[0].Name == "changed by a caller" {
			t.Error("a caller's change reached the kept list")
		}
	})
}
