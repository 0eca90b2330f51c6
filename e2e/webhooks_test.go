package e2e

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/partnerkit/partnerkit/webhook"
)

// Amina (the demo's coordinator) adds a JSON webhook pointing at her
// organisation's receiver, copies the secret shown once, presses "Send a
// test", and finds the delivery answered 200 in the log; the receiver got
// the test message signed with that secret.
func TestCoordinatorAddsAWebhookAndSendsATest(t *testing.T) {
	var mu sync.Mutex
	var got []*http.Request
	var bodies [][]byte
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got, bodies = append(got, r), append(bodies, b)
		mu.Unlock()
		io.WriteString(w, `{"ok":true}`)
	}))
	defer receiver.Close()

	in := start(t, "--demo", "--webhook-allow-private")
	b := browser(t)
	signInAs(t, b, in, "amina@demo.partnerkit.example")
	pid := get(t, b, chromedp.Evaluate[string](`(async () => (await (await fetch('/api/v1/partnerships')).json()).items[0].id)()`,
		chromedp.EvalAwaitPromise))
	run(t, b, chromedp.Navigate(in.URL+"/p/"+pid+"/webhooks"), chromedp.WaitVisible(chromedp.CSS(`form[action$="/webhooks"]`)))
	set(t, b, "#f-kind", "json", "#f-url", receiver.URL+"/partnerkit")
	run(t, b,
		chromedp.Click(chromedp.CSS(`input[name="events"][value="proposal.opened"]`)),
		chromedp.Click(chromedp.CSS(`input[name="events"][value="meeting.scheduled"]`)),
		chromedp.Click(chromedp.CSS(`form[action$="/webhooks"] button[type=submit]`)),
	)
	waitUntil(t, b, `document.querySelector('#new-secret') !== null && document.readyState === 'complete'`)
	secret := text(t, b, "#new-secret")
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("the secret shown: %q", secret)
	}
	run(t, b, chromedp.Click(chromedp.CSS(`#send-test`)))
	waitFlash(t, b, "flash.webhook.test_queued")
	// The worker sends it in the background; the log shows its answer.
	deadline := time.Now().Add(stepTimeout)
	for !strings.Contains(text(t, b, "main"), "HTTP 200") {
		if time.Now().After(deadline) {
			t.Fatalf("the log shows no answer: %s", text(t, b, "main"))
		}
		time.Sleep(300 * time.Millisecond)
		run(t, b, chromedp.Reload())
	}
	if main := text(t, b, "main"); strings.Contains(main, secret) || !strings.Contains(main, "Delivered") {
		t.Errorf("the page after the test: %s", main)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("the receiver got %d requests", len(got))
	}
	if err := webhook.Verify(got[0].Header.Get(webhook.SignatureHeader), secret, bodies[0], time.Now(), 5*time.Minute); err != nil {
		t.Errorf("the test is not signed with the secret shown: %v", err)
	}
	if !strings.Contains(string(bodies[0]), `"kind":"test"`) {
		t.Errorf("body %s", bodies[0])
	}
}
