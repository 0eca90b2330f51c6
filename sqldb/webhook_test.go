package sqldb_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestWebhooksKeepSecretsSealed(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, ctx, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		events := []string{string(pk.EventProposalOpened)}
		hook, secret, err := db.Webhooks.CreateWebhook(ctx, pid, pk.WebhookInput{URL: "https://hooks.example.org/a", Kind: "json", Events: events})
		must(t, err)
		if !strings.HasPrefix(secret, "whsec_") || len(secret) < 40 || !hook.SecretSet || hook.Language != "en" {
			t.Fatalf("made secret %q, hook %+v", secret, hook)
		}
		slack, made, err := db.Webhooks.CreateWebhook(ctx, pid, pk.WebhookInput{URL: "https://hooks.slack.com/services/T01/B02/tokenpart",
			Kind: "slack", Events: events, Language: "fr"})
		must(t, err)
		if made != "" || slack.URL != "https://hooks.slack.com/…" || slack.SecretSet {
			t.Fatalf("slack hook %+v, made %q", slack, made)
		}
		_, _, err = db.Webhooks.CreateWebhook(ctx, pid, pk.WebhookInput{URL: "https://matrix.example.org", Kind: "matrix", Events: events})
		wantFields(t, err, "matrix_room", "matrix_token")
		matrix, _, err := db.Webhooks.CreateWebhook(ctx, pid, pk.WebhookInput{URL: "https://matrix.example.org", Kind: "matrix",
			Events: events, MatrixRoom: "!roomcode:example.org", MatrixToken: "syt_matrixtoken"})
		must(t, err)
		for id, secrets := range map[string][]string{hook.ID: {secret}, slack.ID: {"tokenpart"}, matrix.ID: {"roomcode", "syt_matrixtoken"}} {
			row, err := sqldb.WebhookRowForTest(context.Background(), db, id)
			must(t, err)
			for _, s := range secrets {
				if strings.Contains(row, s) {
					t.Errorf("webhook %s stores %q in the clear", id, s)
				}
			}
		}
		// A rotation makes a new secret, shown once.
		rotated, again, err := db.Webhooks.RotateWebhookSecret(ctx, pid, hook.ID, hook.Version)
		must(t, err)
		if again == secret || !strings.HasPrefix(again, "whsec_") || rotated.Version != hook.Version+1 {
			t.Fatalf("rotation %q, %+v", again, rotated)
		}
		_, _, err = db.Webhooks.RotateWebhookSecret(ctx, pid, slack.ID, slack.Version)
		wantField(t, err, "secret")
		_, _, err = db.Webhooks.RotateWebhookSecret(ctx, pid, hook.ID, hook.Version)
		wantCode(t, err, pk.ECONFLICT)
		// The audit log tells of the webhooks, never of their secrets.
		entries, _, err := db.Partnerships.Audit(ctx, pid, pk.PageRequest{})
		must(t, err)
		for _, e := range entries {
			all := e.Summary + " " + string(e.Before) + " " + string(e.After)
			for _, s := range []string{secret, again, "tokenpart", "syt_matrixtoken", "roomcode"} {
				if strings.Contains(all, s) {
					t.Errorf("audit entry %s shows %q", e.Action, s)
				}
			}
		}
	})
}

func TestWebhookEditsAndRefusals(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, ctx, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		hook := w.Webhooks().Hook
		for _, c := range []struct {
			in     pk.WebhookInput
			fields []string
		}{
			{pk.WebhookInput{URL: "ftp://x.example.org", Kind: "json", Events: []string{"proposal.opened"}}, []string{"url"}},
			{pk.WebhookInput{URL: "https://x.example.org", Kind: "teams", Events: []string{"proposal.opened"}}, []string{"kind"}},
			{pk.WebhookInput{URL: "https://x.example.org", Kind: "json"}, []string{"events"}},
			{pk.WebhookInput{URL: "https://x.example.org", Kind: "json", Events: []string{"proposal.opened", "vote.cast"}}, []string{"events"}},
			{pk.WebhookInput{URL: "https://x.example.org", Kind: "json", Events: []string{"proposal.opened"}, Secret: "short"}, []string{"secret"}},
			{pk.WebhookInput{URL: "https://x.example.org", Kind: "matrix", Events: []string{"proposal.opened"}, MatrixRoom: "#alias:example.org",
				MatrixToken: "t"}, []string{"matrix_room"}},
		} {
			_, _, err := db.Webhooks.CreateWebhook(ctx, pid, c.in)
			wantFields(t, err, c.fields...)
		}
		// Coordinators only; outsiders learn nothing.
		for _, p := range []*sqldbtest.Person{w.Member, w.Observer} {
			_, err := db.Webhooks.Webhooks(p.Ctx, pid)
			wantCode(t, err, pk.EFORBIDDEN)
			_, _, err = db.Webhooks.WebhookDeliveries(p.Ctx, pid, hook.ID, pk.PageRequest{})
			wantCode(t, err, pk.EFORBIDDEN)
			_, err = db.Webhooks.TestWebhook(p.Ctx, pid, hook.ID)
			wantCode(t, err, pk.EFORBIDDEN)
		}
		_, err := db.Webhooks.Webhook(w.Outsider.Ctx, pid, hook.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Webhooks.Webhook(w.Outsider.Ctx, w.Other.ID, hook.ID)
		wantCode(t, err, pk.ENOTFOUND)
		// An edit keeps the secret unless a new one is given.
		up, err := db.Webhooks.UpdateWebhook(ctx, pid, hook.ID, pk.WebhookInput{URL: "https://hooks.example.org/b",
			Events: []string{"meeting.scheduled", "meeting.scheduled", "task.assigned"}, Language: "ar", Version: hook.Version})
		must(t, err)
		if up.URL != "https://hooks.example.org/b" || len(up.Events) != 2 || up.Language != "ar" || !up.SecretSet || up.Kind != "json" {
			t.Fatalf("updated %+v", up)
		}
		_, err = db.Webhooks.UpdateWebhook(ctx, pid, hook.ID, pk.WebhookInput{URL: "https://hooks.example.org/c",
			Events: []string{"meeting.scheduled"}, Version: hook.Version})
		wantCode(t, err, pk.ECONFLICT)
		paused, err := db.Webhooks.UpdateWebhook(ctx, pid, hook.ID, pk.WebhookInput{URL: up.URL, Events: up.Events, Paused: true, Version: up.Version})
		must(t, err)
		if !paused.Paused || paused.PauseReason != pk.WebhookPausedByCoordinator {
			t.Fatalf("paused %+v", paused)
		}
		// The instance's address check refuses what it refuses.
		db.WebhookConfig.CheckURL = func(context.Context, string) error { return errors.New("private") }
		_, _, err = db.Webhooks.CreateWebhook(ctx, pid, pk.WebhookInput{URL: "https://10.0.0.1/", Kind: "json", Events: []string{"task.assigned"}})
		wantField(t, err, "url")
		db.WebhookConfig.CheckURL = nil
		must(t, db.Webhooks.DeleteWebhook(ctx, pid, hook.ID, paused.Version))
		_, err = db.Webhooks.Webhook(ctx, pid, hook.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}
