package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// The inbox fixtures come last (hence the file's name: builders run in the
// order of their files), so that the events of every module's fixtures are
// derived: {nid} is the member's newest notification.
func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		must(t, w.DB.Events.Derive(context.Background(), nil))
		list, _, err := w.DB.Notifications.Notifications(w.Member.Ctx, false, pk.PageRequest{Limit: 1})
		must(t, err)
		if len(list) == 0 {
			t.Fatal("the world's fixtures made no notification for the member")
		}
		w.Params["nid"] = list[0].ID
	})
}
