package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/partnerkit/partnerkit/sqldb"
)

// periodicJob is a job the server queues on a timer: several instances
// may queue it, the job's unique key keeps one waiting.
type periodicJob struct {
	kind  string
	every time.Duration
}

// periodicJobs are the notifications' jobs run by the clock: deriving
// events (also queued by each write that may make one; the timer catches
// what a running job could not take and moves the cursor on), the
// reminders, and forgetting notifications after 90 days. The mail and
// webhook consumers add theirs here.
var periodicJobs = []periodicJob{
	{sqldb.EventsDerivedJob, 30 * time.Second},
	{sqldb.EventsTickJob, 5 * time.Minute},
	{sqldb.EventsPurgeJob, time.Hour},
	{sqldb.WebhookFanoutJob, time.Minute},
}

// eventHandlers are the handlers of the notifications' jobs.
func eventHandlers(db *sqldb.DB) map[string]sqldb.JobHandler {
	return map[string]sqldb.JobHandler{
		sqldb.EventsDerivedJob: db.Events.Derive,
		sqldb.EventsTickJob:    db.Events.Tick,
		sqldb.EventsPurgeJob:   db.Events.Purge,
	}
}

// queuePeriodic queues each periodic job at once and then every period
// until ctx ends; an error is logged and the next tick tries again.
func queuePeriodic(ctx context.Context, jobs interface {
	EnqueueOnce(ctx context.Context, kind string) error
}, list []periodicJob, log *slog.Logger) {
	next := make([]time.Time, len(list))
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		now := time.Now()
		for i, j := range list {
			if now.Before(next[i]) {
				continue
			}
			next[i] = now.Add(j.every)
			if err := jobs.EnqueueOnce(ctx, j.kind); err != nil && ctx.Err() == nil {
				log.Error("queue periodic job", "kind", j.kind, "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
