package webhook

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/notify"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Jobs sends webhooks from the job runner: the fan-out that makes
// deliveries from new events, and the delivery of one attempt.
type Jobs struct {
	Store  *sqldb.WebhookStore
	Bundle *i18n.Bundle
	// BaseURL is the instance's public address; links are made from it.
	BaseURL string
	Client  *Client
	// Now is the signature's clock (time.Now when nil).
	Now func() time.Time
}

// Handlers are the job handlers by kind.
func (j *Jobs) Handlers() map[string]sqldb.JobHandler {
	return map[string]sqldb.JobHandler{
		sqldb.WebhookFanoutJob:  j.FanOut,
		sqldb.WebhookDeliverJob: j.Deliver,
	}
}

// FanOut makes the deliveries of the events since the last run.
func (j *Jobs) FanOut(ctx context.Context, _ []byte) error {
	_, err := j.Store.FanOut(ctx)
	return err
}

// Deliver sends one attempt of a delivery and records its answer. A
// failed send is not the job's failure: the store schedules the next
// attempt itself, with its own backoff, and pauses the webhook after too
// many.
func (j *Jobs) Deliver(ctx context.Context, payload []byte) error {
	var p sqldb.DeliverPayload
	if err := json.Unmarshal(payload, &p); err != nil {
		return err
	}
	d, err := j.Store.StartDelivery(ctx, p.DeliveryID, p.Attempt)
	if err != nil || d == nil {
		return err
	}
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	req, err := Build(Target{Kind: d.Kind, URL: d.URL, Secret: d.Secret, Room: d.Room, Token: d.Secret}, j.Message(d, now()), d.ID, now())
	var out sqldb.DeliveryOutcome
	if err != nil {
		out.Err = err
	} else {
		res, err := j.Client.Do(ctx, req)
		out = sqldb.DeliveryOutcome{StatusCode: res.StatusCode, Response: res.Body, Err: err}
	}
	return j.Store.FinishDelivery(ctx, d, out)
}

// Message is what a delivery says, rendered by notify.Render in the
// webhook's language so that it says what the inbox says; a test says it
// is one.
func (j *Jobs) Message(d *sqldb.OutgoingDelivery, now time.Time) Message {
	l := j.Bundle.Localizer(d.Language)
	base := strings.TrimRight(j.BaseURL, "/")
	if d.Event == nil {
		return Message{ID: d.ID, Kind: TestKind, PartnershipID: d.PartnershipID, SubjectType: "webhook",
			Title: l.T("webhook.test.message", map[string]any{"Partnership": d.Partnership}),
			URL:   base + "/p/" + d.PartnershipID + "/webhooks", CreatedAt: now.UTC()}
	}
	ev := *d.Event
	text := notify.Render(l, ev)
	m := Message{ID: ev.ID, Kind: string(ev.Kind), PartnershipID: ev.PartnershipID, SubjectType: ev.SubjectType,
		SubjectID: ev.SubjectID, Title: text.Title, CreatedAt: ev.CreatedAt.UTC()}
	if text.Path != "" {
		m.URL = base + text.Path
	}
	return m
}
