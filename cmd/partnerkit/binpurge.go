package main

import (
	"context"
	"log/slog"
	"time"
)

// binPurgeInterval is how often the server deletes bin items past their
// 30 days. The pages and the API hide expired items already, so the
// purge's timing only decides when the rows leave the disk.
const binPurgeInterval = time.Hour

// binPurger is the storage's purge of expired bin items.
type binPurger interface {
	PurgeExpiredBin(ctx context.Context) (int, error)
}

// purgeBin purges expired bin items at once and then every interval until
// ctx ends. Several instances may run it against one database: the purge
// is one DELETE of what has expired, so a second one finds nothing left.
// An error is logged and the next tick tries again.
func purgeBin(ctx context.Context, db binPurger, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := db.PurgeExpiredBin(ctx); err != nil && ctx.Err() == nil {
			log.Error("purge expired bin items", "err", err)
		} else if n > 0 {
			log.Info("purged expired bin items", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
