package sqldb_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/webhook"
)

// listener is a webhook receiver on a local port: it keeps what it was
// sent and answers with the statuses it is told to, in turn (the last one
// from then on).
type listener struct {
	*httptest.Server
	mu       sync.Mutex
	statuses []int
	got      []received
}

type received struct {
	Signature string
	Body      []byte
	Message   webhook.Message
}

func newListener(t *testing.T, statuses ...int) *listener {
	l := &listener{statuses: statuses}
	l.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m webhook.Message
		json.Unmarshal(b, &m)
		l.mu.Lock()
		l.got = append(l.got, received{Signature: r.Header.Get(webhook.SignatureHeader), Body: b, Message: m})
		status := l.statuses[min(len(l.got)-1, len(l.statuses)-1)]
		l.mu.Unlock()
		w.WriteHeader(status)
		io.WriteString(w, `{"answer":"`+http.StatusText(status)+`"}`)
	}))
	t.Cleanup(l.Close)
	return l
}

func (l *listener) received() []received {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]received(nil), l.got...)
}

var testBundle = i18n.MustLoad()

// webhookJobs are the job handlers as the server wires them, with the
// network guard lifted for the local listener.
func webhookJobs(w *sqldbtest.World) map[string]sqldb.JobHandler {
	j := &webhook.Jobs{Store: w.DB.Webhooks, Bundle: testBundle, BaseURL: "https://pk.example.org",
		Client: webhook.NewClient(webhook.Guard{AllowPrivate: true}), Now: w.Clock.Now}
	h := j.Handlers()
	h["mail"] = func(context.Context, []byte) error { return nil }
	return h
}

// pointHook points the world's JSON webhook at the listener, after the
// fan-out has read the world's own events while it was paused: a test
// starts from a quiet event stream.
func pointHook(t *testing.T, w *sqldbtest.World, url string) *pk.Webhook {
	t.Helper()
	ctx, pid, h := w.Coordinator.Ctx, w.Partnership.ID, w.Webhooks().Hook
	paused, err := w.DB.Webhooks.UpdateWebhook(ctx, pid, h.ID, pk.WebhookInput{Events: h.Events, Paused: true, Version: h.Version})
	must(t, err)
	n, err := w.DB.Webhooks.FanOut(context.Background())
	must(t, err)
	if n != 0 {
		t.Fatalf("a paused webhook got %d deliveries", n)
	}
	up, err := w.DB.Webhooks.UpdateWebhook(ctx, pid, h.ID, pk.WebhookInput{URL: url, Events: h.Events, Version: paused.Version})
	must(t, err)
	return up
}

// meetingEvent records a "meeting scheduled" event for every role about
// the world's next meeting.
func meetingEvent(t *testing.T, w *sqldbtest.World, audience string) string {
	t.Helper()
	id, err := sqldb.InsertEventForTest(context.Background(), w.DB, pk.Event{PartnershipID: w.Partnership.ID, Kind: pk.EventMeetingScheduled,
		SubjectType: "meeting", SubjectID: w.Meetings().Next.ID, Audience: audience, Data: map[string]string{"title": "Strategic committee"}})
	must(t, err)
	return id
}

func deliveries(t *testing.T, w *sqldbtest.World, whid string) []*pk.WebhookDelivery {
	t.Helper()
	out, _, err := w.DB.Webhooks.WebhookDeliveries(w.Coordinator.Ctx, w.Partnership.ID, whid, pk.PageRequest{})
	must(t, err)
	return out
}

// The JSON webhook signs each delivery as documented; a delivery answered
// 500 is tried again after its wait and recorded when the next answer is
// 200.
func TestWebhookDeliveryIsSignedAndRetried(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		l := newListener(t, 500, 200)
		hook := pointHook(t, w, l.URL+"/in")
		jobs := webhookJobs(w)
		evID := meetingEvent(t, w, pk.AudienceObserver)
		n, err := w.DB.Webhooks.FanOut(ctx)
		must(t, err)
		if n != 1 {
			t.Fatalf("fan-out made %d deliveries, want 1", n)
		}
		// Again, and the same event makes no second delivery.
		if n, err := w.DB.Webhooks.FanOut(ctx); err != nil || n != 0 {
			t.Fatalf("second fan-out: %d, %v", n, err)
		}
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		got := l.received()
		if len(got) != 1 {
			t.Fatalf("listener got %d requests, want 1", len(got))
		}
		log := deliveries(t, w, hook.ID)
		if len(log) != 1 || log[0].Status != "pending" || log[0].Attempts != 1 || log[0].LastStatusCode != 500 ||
			log[0].NextAttemptAt == nil || log[0].LastResponse != `{"answer":"Internal Server Error"}` {
			t.Fatalf("after the 500: %+v", log[0])
		}
		// Nothing is sent again before the wait.
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if len(l.received()) != 1 {
			t.Fatal("retried before the backoff")
		}
		w.Clock.Advance(31 * time.Second)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		got = l.received()
		if len(got) != 2 {
			t.Fatalf("listener got %d requests, want 2", len(got))
		}
		for _, r := range got {
			if err := webhook.Verify(r.Signature, sqldbtest.WebhookSecret, r.Body, w.Clock.Now(), 5*time.Minute); err != nil {
				t.Errorf("signature %q: %v", r.Signature, err)
			}
			m := r.Message
			if m.ID != evID || m.Kind != "meeting.scheduled" || m.PartnershipID != w.Partnership.ID || m.SubjectType != "meeting" ||
				m.SubjectID != w.Meetings().Next.ID || m.Title == "" || m.URL != "https://pk.example.org/p/"+w.Partnership.ID+"/meetings/"+m.SubjectID {
				t.Errorf("message %+v", m)
			}
		}
		if string(got[0].Body) != string(got[1].Body) {
			t.Errorf("the retry says something else:\n%s\n%s", got[0].Body, got[1].Body)
		}
		log = deliveries(t, w, hook.ID)
		if log[0].Status != "delivered" || log[0].Attempts != 2 || log[0].LastStatusCode != 200 || log[0].NextAttemptAt != nil {
			t.Fatalf("after the 200: %+v", log[0])
		}
		if h, _ := w.DB.Webhooks.Webhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID); h.ConsecutiveFailures != 0 {
			t.Errorf("failures %d after a success", h.ConsecutiveFailures)
		}
	})
}

// After WebhookPauseAfter failures in a row the webhook pauses itself,
// says why, and sends nothing more until a coordinator resumes it; then
// what waited is sent.
func TestWebhookPausesAfterRepeatedFailures(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		l := newListener(t, 503)
		hook := pointHook(t, w, l.URL)
		jobs := webhookJobs(w)
		for range pk.WebhookPauseAfter {
			meetingEvent(t, w, pk.AudienceObserver)
		}
		_, err := w.DB.Webhooks.FanOut(ctx)
		must(t, err)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if n := len(l.received()); n != pk.WebhookPauseAfter {
			t.Fatalf("sent %d, want %d", n, pk.WebhookPauseAfter)
		}
		h, err := w.DB.Webhooks.Webhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID)
		must(t, err)
		if !h.Paused || h.PauseReason != pk.WebhookPausedByFailures || h.ConsecutiveFailures != pk.WebhookPauseAfter {
			t.Fatalf("after %d failures: %+v", pk.WebhookPauseAfter, h)
		}
		// Paused: no retry, and a new event makes no delivery.
		meetingEvent(t, w, pk.AudienceObserver)
		_, err = w.DB.Webhooks.FanOut(ctx)
		must(t, err)
		w.Clock.Advance(24 * time.Hour)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if n := len(l.received()); n != pk.WebhookPauseAfter {
			t.Fatalf("a paused webhook sent: %d requests", n)
		}
		// The coordinator resumes it once the receiver is fixed.
		l.mu.Lock()
		l.statuses = []int{204}
		l.mu.Unlock()
		_, err = w.DB.Webhooks.UpdateWebhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID, pk.WebhookInput{URL: l.URL, Events: h.Events,
			Paused: false, Version: h.Version})
		must(t, err)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if n := len(l.received()); n != 2*pk.WebhookPauseAfter {
			t.Fatalf("after the resume %d requests, want %d", n, 2*pk.WebhookPauseAfter)
		}
		for _, d := range deliveries(t, w, hook.ID) {
			if d.Status != "delivered" || d.Attempts != 2 {
				t.Errorf("delivery %+v", d)
			}
		}
	})
}

// Only what every role may see is sent, checked when the delivery is
// made and again when it is sent.
func TestWebhookSendsOnlyWhatEveryRoleMaySee(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		l := newListener(t, 200)
		hook := pointHook(t, w, l.URL)
		jobs := webhookJobs(w)
		meetingEvent(t, w, pk.AudienceMember)
		meetingEvent(t, w, pk.AudienceCoordinator)
		meetingEvent(t, w, pk.AudiencePeople)
		// Not subscribed to, or of another partnership's.
		_, err := sqldb.InsertEventForTest(ctx, w.DB, pk.Event{PartnershipID: w.Partnership.ID, Kind: pk.EventTaskAssigned,
			SubjectType: "task", SubjectID: "x", Audience: pk.AudienceObserver})
		must(t, err)
		_, err = sqldb.InsertEventForTest(ctx, w.DB, pk.Event{PartnershipID: w.Other.ID, Kind: pk.EventMeetingScheduled,
			SubjectType: "meeting", SubjectID: w.Meetings().Next.ID, Audience: pk.AudienceObserver})
		must(t, err)
		// About a thing that is gone.
		_, err = sqldb.InsertEventForTest(ctx, w.DB, pk.Event{PartnershipID: w.Partnership.ID, Kind: pk.EventMeetingScheduled,
			SubjectType: "meeting", SubjectID: "no-such-meeting", Audience: pk.AudienceObserver})
		must(t, err)
		if n, err := w.DB.Webhooks.FanOut(ctx); err != nil || n != 0 {
			t.Fatalf("fan-out made %d deliveries (%v), want none", n, err)
		}
		// Made while visible, the thing deleted before it was sent.
		open := w.Meetings().Open
		_, err = sqldb.InsertEventForTest(ctx, w.DB, pk.Event{PartnershipID: w.Partnership.ID, Kind: pk.EventMeetingScheduled,
			SubjectType: "meeting", SubjectID: open.ID, Audience: pk.AudienceObserver})
		must(t, err)
		if n, err := w.DB.Webhooks.FanOut(ctx); err != nil || n != 1 {
			t.Fatalf("fan-out made %d deliveries (%v), want 1", n, err)
		}
		must(t, w.DB.Meetings.DeleteMeeting(w.Coordinator.Ctx, w.Partnership.ID, open.ID, open.Version))
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if n := len(l.received()); n != 0 {
			t.Fatalf("sent %d", n)
		}
		log := deliveries(t, w, hook.ID)
		if len(log) != 1 || log[0].Status != "skipped" {
			t.Fatalf("log %+v", log)
		}
	})
}

// The "send a test" button sends a signed test message at once, paused or
// not, tried once and counting for nothing.
func TestWebhookTestButton(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		l := newListener(t, 500, 200)
		hook := pointHook(t, w, l.URL)
		jobs := webhookJobs(w)
		d, err := w.DB.Webhooks.TestWebhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID)
		must(t, err)
		if d.Status != "pending" || d.EventID != "" || d.EventKind != "test" {
			t.Fatalf("queued %+v", d)
		}
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		w.Clock.Advance(time.Hour)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		if n := len(l.received()); n != 1 {
			t.Fatalf("a failed test was sent %d times", n)
		}
		h, _ := w.DB.Webhooks.Webhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID)
		if h.ConsecutiveFailures != 0 {
			t.Errorf("a test counted as a failure")
		}
		_, err = w.DB.Webhooks.TestWebhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID)
		must(t, err)
		w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		got := l.received()
		if len(got) != 2 {
			t.Fatalf("got %d", len(got))
		}
		m := got[1].Message
		if m.Kind != "test" || m.Title == "" || m.Title == "webhook.test.message" || m.PartnershipID != w.Partnership.ID {
			t.Errorf("test message %+v", m)
		}
		if err := webhook.Verify(got[1].Signature, sqldbtest.WebhookSecret, got[1].Body, w.Clock.Now(), time.Minute); err != nil {
			t.Error(err)
		}
		log := deliveries(t, w, hook.ID)
		if len(log) != 2 || log[0].Status != "delivered" || log[0].LastStatusCode != 200 || log[1].Status != "failed" || log[1].LastStatusCode != 500 {
			t.Fatalf("log %+v %+v", log[0], log[1])
		}
	})
}

// Two instances on one PostgreSQL database, each running its job runner
// at the same time: every webhook gets each event once.
func TestWebhookTwoInstancesDeliverOnce(t *testing.T) {
	t.Parallel()
	if os.Getenv(sqldbtest.PostgresEnv) == "" {
		t.Skipf("two instances share a PostgreSQL database: set %s to run this", sqldbtest.PostgresEnv)
	}
	w := sqldbtest.OpenWorld(t, "postgres")
	ctx := context.Background()
	l := newListener(t, 200)
	pointHook(t, w, l.URL)
	second, _, err := w.DB.Webhooks.CreateWebhook(w.Coordinator.Ctx, w.Partnership.ID, pk.WebhookInput{URL: l.URL + "/second", Kind: "slack",
		Events: []string{string(pk.EventMeetingScheduled)}})
	must(t, err)
	other := sqldbtest.SecondInstance(t, w.DB)
	const events = 12
	for range events {
		meetingEvent(t, w, pk.AudienceObserver)
	}
	// Each instance's fan-out is queued (as the derive job does) and both
	// runners work through the queue together, fanning out too.
	must(t, sqldb.EnqueueForTest(ctx, w.DB, sqldb.WebhookFanoutJob, struct{}{}, sqldb.WebhookFanoutJob))
	var wg sync.WaitGroup
	for _, db := range []*sqldb.DB{w.DB, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j := &webhook.Jobs{Store: db.Webhooks, Bundle: testBundle, BaseURL: "https://pk.example.org",
				Client: webhook.NewClient(webhook.Guard{AllowPrivate: true}), Now: w.Clock.Now}
			h := j.Handlers()
			for range 3 {
				db.Webhooks.FanOut(ctx)
				db.Jobs.RunDueJobs(ctx, h, nil)
			}
		}()
	}
	wg.Wait()
	got := l.received()
	if len(got) != 2*events {
		t.Fatalf("listener got %d requests, want %d (one per webhook and event)", len(got), 2*events)
	}
	// The JSON webhook's messages name their event: each came once.
	seen := map[string]int{}
	for _, r := range got {
		if r.Message.ID != "" {
			seen[r.Message.ID]++
		}
	}
	if len(seen) != events {
		t.Errorf("the JSON webhook got %d distinct events, want %d", len(seen), events)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("event %s sent %d times", id, n)
		}
	}
	if d := deliveries(t, w, second.ID); len(d) != events {
		t.Errorf("second webhook has %d deliveries", len(d))
	}
}

// From what someone does to the room: a member opens a proposal, the
// derive job makes the event and queues the fan-out, and the webhook
// receives it once, rendered as the inbox renders it.
func TestWebhookReceivesDerivedEvents(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		l := newListener(t, 200)
		hook := pointHook(t, w, l.URL)
		hook, err := w.DB.Webhooks.UpdateWebhook(w.Coordinator.Ctx, w.Partnership.ID, hook.ID, pk.WebhookInput{Events: pk.WebhookEventKinds(),
			Version: hook.Version})
		must(t, err)
		p, err := w.DB.Decisions.CreateProposal(w.Member.Ctx, w.Partnership.ID, pk.ProposalInput{Title: "Share the van <on Fridays>",
			Text: "x", BodyID: w.Governance().Group.ID, ClosesAt: w.Clock.Now().Add(72 * time.Hour)})
		must(t, err)
		jobs := webhookJobs(w)
		jobs[sqldb.EventsDerivedJob] = w.DB.Events.Derive
		for range 3 {
			w.DB.Jobs.RunDueJobs(ctx, jobs, nil)
		}
		got := l.received()
		if len(got) != 1 {
			t.Fatalf("the room got %d messages, want 1", len(got))
		}
		m := got[0].Message
		if m.Kind != string(pk.EventProposalOpened) || m.SubjectID != p.ID || !strings.Contains(m.Title, "Share the van <on Fridays>") ||
			m.URL != "https://pk.example.org/p/"+w.Partnership.ID+"/decisions/proposals/"+p.ID {
			t.Errorf("message %+v", m)
		}
		if d := deliveries(t, w, hook.ID); len(d) != 1 || d[0].Status != "delivered" {
			t.Errorf("log %+v", d)
		}
	})
}

// A new webhook is told of what happens from its creation on, not of the
// past the fan-out had not read yet.
func TestNewWebhookGetsNoBacklog(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		meetingEvent(t, w, pk.AudienceObserver)
		w.Clock.Advance(time.Minute)
		hook, _, err := w.DB.Webhooks.CreateWebhook(w.Coordinator.Ctx, w.Partnership.ID, pk.WebhookInput{URL: "https://hooks.example.org/new",
			Kind: "json", Events: []string{string(pk.EventMeetingScheduled)}})
		must(t, err)
		_, err = w.DB.Webhooks.FanOut(ctx)
		must(t, err)
		if d := deliveries(t, w, hook.ID); len(d) != 0 {
			t.Fatalf("the new webhook got the past: %+v", d[0])
		}
		meetingEvent(t, w, pk.AudienceObserver)
		_, err = w.DB.Webhooks.FanOut(ctx)
		must(t, err)
		if d := deliveries(t, w, hook.ID); len(d) != 1 {
			t.Fatalf("%d deliveries after a new event, want 1", len(d))
		}
	})
}
