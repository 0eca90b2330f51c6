package demo

import (
	"context"

	"github.com/partnerkit/partnerkit/sqldb"
)

// The inbox is derived from what the loaders did, as the server's jobs
// would, with the reminders the demo's dates make due; last, so that every
// module's events are in it.
func init() { register(100, "notifications", loadNotifications) }

func loadNotifications(ctx context.Context, db *sqldb.DB, w *World) error {
	if err := db.Events.Derive(ctx, nil); err != nil {
		return err
	}
	return db.Events.Tick(ctx, nil)
}
