package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/secretbox"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/webhook"
)

// webhookFanOutInterval is how often the server queues a fan-out of its
// own, in case an event's enqueue was missed.
const webhookFanOutInterval = time.Minute

// setUpWebhooks gives the database the key webhooks' secrets are sealed
// with and the network guard, and returns the webhook jobs' handlers.
func setUpWebhooks(c *config, db *sqldb.DB, bundle *i18n.Bundle, base string) (map[string]sqldb.JobHandler, error) {
	box, err := secretbox.Load(c.SecretKey, c.DataDir)
	if err != nil {
		return nil, err
	}
	guard := webhook.Guard{AllowPrivate: c.WebhookAllowPrivate}
	db.WebhookConfig = sqldb.WebhookConfig{Secrets: box, CheckURL: guard.CheckURL}
	jobs := &webhook.Jobs{Store: db.Webhooks, Bundle: bundle, BaseURL: base, Client: webhook.NewClient(guard)}
	return jobs.Handlers(), nil
}

// scheduleFanOuts queues a webhook fan-out on a timer until ctx ends.
func scheduleFanOuts(ctx context.Context, db *sqldb.DB, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := db.Webhooks.ScheduleFanOut(ctx); err != nil && ctx.Err() == nil {
				log.Error("schedule webhook fan-out", "err", err)
			}
		}
	}
}
