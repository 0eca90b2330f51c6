package sqldbtest

import (
	"bytes"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/secretbox"
	"github.com/partnerkit/partnerkit/sqldb"
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

// SecondInstance opens another connection pool on the same database, as a
// second server would: same clock, same secret key. PostgreSQL only (a
// second SQLite writer is not how Partnerkit runs).
func SecondInstance(t testing.TB, db *sqldb.DB) *sqldb.DB {
	t.Helper()
	v, ok := opened.Load(db)
	if !ok || db.Dialect != sqldb.Postgres {
		t.Fatal("a second instance needs a PostgreSQL database made by sqldbtest")
	}
	other, err := sqldb.Open(v.(string))
	if err != nil {
		t.Fatal(err)
	}
	other.Hasher, other.Now, other.WebhookConfig = db.Hasher, db.Now, db.WebhookConfig
	t.Cleanup(func() { other.Close() })
	return other
}
