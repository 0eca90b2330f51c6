package server_test

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The API adds a webhook and answers its secret once; nothing answers it
// again; edits keep it; the test is queued and shows in the deliveries.
func TestWebhookAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/webhooks"
	res := e.do(t, "coordinator", "POST", base, `{"url":"https://hooks.example.org/in","kind":"json","events":["proposal.opened"]}`)
	prepStatus(t, "create", res, 201)
	var made struct {
		ID, Secret string
		Version    int
		SecretSet  bool `json:"secret_set"`
	}
	if err := json.Unmarshal([]byte(res.Body), &made); err != nil || !strings.HasPrefix(made.Secret, "whsec_") || !made.SecretSet {
		t.Fatalf("created %s (%v)", res.Body, err)
	}
	one := base + "/" + made.ID
	for _, path := range []string{base, one, one + "/deliveries"} {
		res := e.do(t, "coordinator", "GET", path, nil)
		prepStatus(t, path, res, 200)
		if strings.Contains(res.Body, made.Secret) || strings.Contains(res.Body, `"secret":`) {
			t.Errorf("%s answers the secret again: %s", path, res.Body)
		}
	}
	for _, role := range []string{"member", "observer"} {
		prepStatus(t, role, e.do(t, role, "GET", base, nil), 403)
	}
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", one, nil), 404)
	// A PATCH keeps what it does not name (the address, the secret).
	res = e.do(t, "coordinator", "PATCH", one, `{"events":["meeting.scheduled","proposal.closed"],"language":"fr"}`, "If-Match", "1")
	prepStatus(t, "patch", res, 200)
	prepBody(t, "patch", res, `"url":"https://hooks.example.org/in"`, `"events":["meeting.scheduled","proposal.closed"]`, `"language":"fr"`,
		`"secret_set":true`)
	prepStatus(t, "stale", e.do(t, "coordinator", "PATCH", one, `{"paused":true}`, "If-Match", "1"), 409)
	res = e.do(t, "coordinator", "PATCH", one, `{"events":["invitation"]}`, "If-Match", "2")
	prepStatus(t, "personal kind", res, 422)
	prepBody(t, "personal kind", res, `"field":"events"`)
	res = e.do(t, "coordinator", "PATCH", one, `{"paused":true}`, "If-Match", "2")
	prepBody(t, "pause", res, `"paused":true`, `"pause_reason":"coordinator"`)
	// A new secret, answered once.
	res = e.do(t, "coordinator", "POST", one+"/secret", nil, "If-Match", "3")
	prepStatus(t, "rotate", res, 200)
	var rotated struct{ Secret string }
	json.Unmarshal([]byte(res.Body), &rotated)
	if !strings.HasPrefix(rotated.Secret, "whsec_") || rotated.Secret == made.Secret {
		t.Fatalf("rotated %s", res.Body)
	}
	res = e.do(t, "coordinator", "POST", one+"/test", nil)
	prepStatus(t, "test", res, 202)
	prepBody(t, "test", res, `"event_kind":"test"`, `"status":"pending"`)
	prepBody(t, "deliveries", e.do(t, "coordinator", "GET", one+"/deliveries?limit=1", nil), `"event_kind":"test"`)
	prepStatus(t, "delete", e.do(t, "coordinator", "DELETE", one, nil, "If-Match", "4"), 204)
	prepStatus(t, "gone", e.do(t, "coordinator", "GET", one, nil), 404)
}

// The pages: a coordinator adds a webhook and sees the secret once; the
// webhook's page never shows it again.
func TestWebhookPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	list := "/p/" + e.Partnership.ID + "/webhooks"
	res := e.do(t, "coordinator", "GET", list, nil)
	prepStatus(t, "list", res, 200)
	prepBody(t, "list", res, "hooks.example.org/partnerkit", `name="events" value="proposal.opened"`)
	if strings.Contains(res.Body, `value="invitation"`) {
		t.Error("the form offers a kind no webhook may send")
	}
	prepStatus(t, "member", e.do(t, "member", "GET", list, nil), 403)
	res = e.do(t, "coordinator", "POST", list, url.Values{"kind": {"json"}, "url": {"not an address"}, "events": {"proposal.opened"}})
	prepStatus(t, "refused", res, 422)
	prepBody(t, "refused", res, `aria-invalid="true"`)
	res = e.do(t, "coordinator", "POST", list, url.Values{"kind": {"json"}, "url": {"https://hooks.example.org/new"},
		"events": {"proposal.opened", "meeting.scheduled"}, "language": {"en"}})
	prepStatus(t, "create", res, 201)
	secret := regexp.MustCompile(`whsec_[A-Za-z0-9_-]+`).FindString(res.Body)
	if secret == "" {
		t.Fatalf("the new secret is not shown: %.2000s", res.Body)
	}
	id := regexp.MustCompile(`/webhooks/([a-z0-9]+)/test`).FindStringSubmatch(res.Body)
	if id == nil {
		t.Fatal("no test button")
	}
	page := list + "/" + id[1]
	res = e.do(t, "coordinator", "GET", page, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "Set (never shown again)", `action="`+page+`/delete"`, `action="`+page+`/test"`)
	if strings.Contains(res.Body, secret) {
		t.Fatal("the secret is shown again")
	}
	res = e.do(t, "coordinator", "POST", page+"/test", nil)
	prepStatus(t, "test", res, 303)
	prepBody(t, "log", e.do(t, "coordinator", "GET", page, nil), "Waiting")
	res = e.do(t, "coordinator", "POST", page+"/pause", url.Values{"version": {"1"}})
	prepStatus(t, "pause", res, 303)
	prepBody(t, "paused", e.do(t, "coordinator", "GET", page, nil), "A coordinator paused this webhook", `action="`+page+`/resume"`)
}
