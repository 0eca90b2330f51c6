package demo

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The demonstration's people find their inboxes with something in them.
func TestDemoInboxes(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		if _, err := Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			_, secret, err := db.Accounts.SignIn(ctx, p.email, Password, "127.0.0.1", "test")
			if err != nil {
				t.Fatal(err)
			}
			u, _, err := db.Accounts.UserBySession(ctx, secret)
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := db.Notifications.Notifications(pk.NewContextWithUser(ctx, u), false, pk.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[pk.EventKind]int{}
			for _, n := range list {
				kinds[n.Event.Kind]++
			}
			t.Logf("%s: %d %v", p.first, len(list), kinds)
			if len(list) == 0 {
				t.Errorf("%s's inbox is empty", p.first)
			}
		}
	})
}
