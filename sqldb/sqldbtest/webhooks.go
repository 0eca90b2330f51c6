package sqldbtest

import (
	"bytes"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/secretbox"
)

// TestSecrets seals the test databases' webhook secrets with a fixed key.
var TestSecrets = func() *secretbox.Box {
	b, err := secretbox.New(bytes.Repeat([]byte{0x5a}, secretbox.KeySize))
	if err != nil {
		panic(err)
	}
	return b
}()

// WebhookSecret is the signing secret of the world's JSON webhook.
const WebhookSecret = "whsec_world_fixture_secret"

// WebhookFixture is what the webhook fixtures made in a world: a JSON
// webhook of the partnership told of proposals opened and meetings
// scheduled.
type WebhookFixture struct {
	Hook *pk.Webhook
}

// Webhooks returns the webhook fixtures of a world.
func (w *World) Webhooks() *WebhookFixture {
	f, _ := w.fixture("webhooks").(*WebhookFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		hook, _, err := w.DB.Webhooks.CreateWebhook(w.Coordinator.Ctx, w.Partnership.ID, pk.WebhookInput{
			URL: "https://hooks.example.org/partnerkit", Kind: "json", Secret: WebhookSecret,
			Events: []string{string(pk.EventProposalOpened), string(pk.EventMeetingScheduled)}})
		must(t, err)
		w.setFixture("webhooks", &WebhookFixture{Hook: hook})
		w.Params["whid"] = hook.ID
	})
}
