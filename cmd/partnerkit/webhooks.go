package main

import (
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/secretbox"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/webhook"
)

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
