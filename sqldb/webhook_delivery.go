package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// The jobs that send webhooks. WebhookFanoutJob (the name is in event.go)
// reads the events after its cursor and makes one delivery per subscribed
// webhook and event; WebhookDeliverJob sends one delivery, once per attempt.
const WebhookDeliverJob = "webhook.deliver"

// webhookTestKind is the event kind of a test delivery.
const webhookTestKind = "test"

// webhookFanoutCursor is the fan-out's row in event_cursor.
const webhookFanoutCursor = "webhook.fanout"

// fanoutBatch is how many events one transaction of the fan-out reads.
const fanoutBatch = 200

// DeliverPayload is the payload of a WebhookDeliverJob: the delivery and
// the attempt the job is for, so that a job repeated after a lost lease
// finds its attempt taken and does nothing.
type DeliverPayload struct {
	DeliveryID string `json:"delivery_id"`
	Attempt    int    `json:"attempt"`
}

// enqueueDelivery queues the next attempt of a delivery at runAt; the
// unique key makes each attempt one job.
func (tx *Tx) enqueueDelivery(ctx context.Context, deliveryID string, runAt time.Time) error {
	var attempts int
	if err := tx.QueryRowContext(ctx, `SELECT attempts FROM webhook_deliveries WHERE id = $1`, deliveryID).Scan(&attempts); err != nil {
		return err
	}
	next := attempts + 1
	return tx.enqueueAt(ctx, WebhookDeliverJob, DeliverPayload{DeliveryID: deliveryID, Attempt: next},
		WebhookDeliverJob+":"+deliveryID+":"+itoa(next), runAt)
}

// observerMaySee is the webhooks' privacy rule: a webhook posts to a room
// whose readers the partnership does not choose one by one, so it tells
// only of what every role in the partnership may see — an event for
// observers, of a kind observers may see, about a thing that still exists.
// Any doubt refuses.
func observerMaySee(ctx context.Context, q queryer, ev pk.Event) (bool, error) {
	if ev.Audience != pk.AudienceObserver || !pk.Can(pk.RoleObserver, ev.Kind.ViewAction()) {
		return false, nil
	}
	return SubjectExists(ctx, q, ev)
}

// FanOut makes the deliveries of the events committed since its cursor:
// one per event and webhook of its partnership that subscribes to the
// event's kind, is not paused and existed when the event happened (a new
// webhook does not receive the past), for the events every role may see. Run
// again (or twice at once on two instances) it makes no second delivery:
// a delivery is unique per webhook and event. It also forgets deliveries
// older than pk.WebhookDeliveryRetention. It returns how many deliveries
// it made.
func (store *WebhookStore) FanOut(ctx context.Context) (int, error) {
	made := 0
	for {
		n, more, err := store.fanOutBatch(ctx)
		made += n
		if err != nil || !more {
			if err == nil {
				err = store.db.inTx(ctx, func(tx *Tx) error {
					_, err := tx.ExecContext(ctx, `DELETE FROM webhook_deliveries WHERE created_at < $1`,
						fmtTime(tx.now.Add(-pk.WebhookDeliveryRetention)))
					return err
				})
			}
			return made, err
		}
	}
}

func (store *WebhookStore) fanOutBatch(ctx context.Context) (made int, more bool, err error) {
	err = store.db.inTx(ctx, func(tx *Tx) error {
		made, more = 0, false
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_cursor (name, seq) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`,
			webhookFanoutCursor); err != nil {
			return err
		}
		// The row lock (PostgreSQL) makes a second fan-out wait here
		// rather than read the same events.
		var cursor int64
		if err := tx.QueryRowContext(ctx, `SELECT seq FROM event_cursor WHERE name = $1`+store.db.Dialect.ForUpdate(),
			webhookFanoutCursor).Scan(&cursor); err != nil {
			return err
		}
		type row struct {
			ev  pk.Event
			seq int64
		}
		rows, err := collect(func(r rowScanner) (row, error) {
			var x row
			var kind, data string
			err := r.Scan(&x.ev.ID, &x.seq, &x.ev.PartnershipID, &kind, &x.ev.SubjectType, &x.ev.SubjectID, &x.ev.Audience, &data,
				ts(&x.ev.CreatedAt))
			x.ev.Kind = pk.EventKind(kind)
			return x, err
		})(tx.QueryContext(ctx, `SELECT id, seq, partnership_id, kind, subject_type, subject_id, audience, data, created_at
			FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`, cursor, fanoutBatch))
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		more = len(rows) == fanoutBatch
		now := fmtTime(tx.now)
		for _, r := range rows {
			ok, err := observerMaySee(ctx, tx, r.ev)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			hooks, err := collect(func(s rowScanner) ([2]string, error) {
				var h [2]string
				return h, s.Scan(&h[0], &h[1])
			})(tx.QueryContext(ctx, `SELECT id, events FROM webhooks WHERE partnership_id = $1 AND paused = FALSE AND created_at <= $2
				ORDER BY id`, r.ev.PartnershipID, fmtTime(r.ev.CreatedAt)))
			if err != nil {
				return err
			}
			for _, h := range hooks {
				var kinds []string
				if err := json.Unmarshal([]byte(h[1]), &kinds); err != nil || !contains(kinds, string(r.ev.Kind)) {
					continue
				}
				id := newID()
				res, err := tx.ExecContext(ctx, `
					INSERT INTO webhook_deliveries (id, webhook_id, partnership_id, event_id, event_kind, status, next_attempt_at,
						created_at, updated_at)
					VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $6) ON CONFLICT (webhook_id, event_id) DO NOTHING`,
					id, h[0], r.ev.PartnershipID, r.ev.ID, string(r.ev.Kind), now)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n == 0 {
					continue
				}
				if err := tx.enqueueDelivery(ctx, id, tx.now); err != nil {
					return err
				}
				made++
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE event_cursor SET seq = $2 WHERE name = $1`, webhookFanoutCursor, rows[len(rows)-1].seq)
		return err
	})
	return made, more, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// OutgoingDelivery is one attempt to send, with everything the sender
// needs: the webhook's address and opened secrets, its language, and the
// event (nil for a test) with its partnership's name.
type OutgoingDelivery struct {
	ID            string
	Attempt       int
	PartnershipID string
	Partnership   string
	Kind          string
	URL           string
	Secret        string
	Room          string
	Language      string
	// Event is what to tell; nil for a test.
	Event *pk.Event
}

// errDeliveryGone says there is nothing to send for this attempt.
var errDeliveryGone = errors.New("delivery gone")

// StartDelivery takes attempt number attempt of a delivery: it returns
// what to send, or nil when there is nothing to send — the attempt was
// taken already (a repeated job), the delivery is done, its webhook paused
// (it waits for the resume), or what it tells of may no longer be told
// (marked skipped). The attempt counts from here, so that two workers
// never send the same attempt.
func (store *WebhookStore) StartDelivery(ctx context.Context, deliveryID string, attempt int) (*OutgoingDelivery, error) {
	box := store.config().Secrets
	var out *OutgoingDelivery
	err := store.db.inTx(ctx, func(tx *Tx) error {
		out = nil
		o := &OutgoingDelivery{ID: deliveryID, Attempt: attempt}
		var eventID sql.NullString
		var urlSealed, secretSealed, roomSealed, whid string
		var paused bool
		err := tx.QueryRowContext(ctx, `
			SELECT d.event_id, d.partnership_id, p.name, w.id, w.kind, w.url_sealed, w.secret_sealed, w.room_sealed, w.language, w.paused
			FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN partnerships p ON p.id = d.partnership_id
			WHERE d.id = $1 AND d.status = 'pending' AND d.attempts = $2`, deliveryID, attempt-1).
			Scan(&eventID, &o.PartnershipID, &o.Partnership, &whid, &o.Kind, &urlSealed, &secretSealed, &roomSealed, &o.Language, &paused)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		if paused && eventID.Valid {
			return nil
		}
		if eventID.Valid {
			ev, err := loadEvent(ctx, tx, eventID.String)
			if err != nil && !errors.Is(err, errDeliveryGone) {
				return err
			}
			ok := false
			if ev != nil {
				if ok, err = observerMaySee(ctx, tx, *ev); err != nil {
					return err
				}
			}
			if !ok {
				_, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'skipped', next_attempt_at = NULL, updated_at = $2
					WHERE id = $1`, deliveryID, fmtTime(tx.now))
				return err
			}
			ev.PartnershipName = o.Partnership
			o.Event = ev
		}
		if box == nil {
			return errNoSecretKey
		}
		if o.URL, err = box.Open(urlSealed, whid+"/url"); err != nil {
			return err
		}
		if secretSealed != "" {
			if o.Secret, err = box.Open(secretSealed, whid+"/secret"); err != nil {
				return err
			}
		}
		if roomSealed != "" {
			if o.Room, err = box.Open(roomSealed, whid+"/room"); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = NULL, updated_at = $3 WHERE id = $1`,
			deliveryID, attempt, fmtTime(tx.now)); err != nil {
			return err
		}
		out = o
		return nil
	})
	return out, err
}

// loadEvent reads an event as the webhooks render it.
func loadEvent(ctx context.Context, q queryer, id string) (*pk.Event, error) {
	ev := &pk.Event{}
	var kind, data string
	err := q.QueryRowContext(ctx, `SELECT id, partnership_id, kind, subject_type, subject_id, audience, data, created_at
		FROM events WHERE id = $1`, id).Scan(&ev.ID, &ev.PartnershipID, &kind, &ev.SubjectType, &ev.SubjectID, &ev.Audience, &data,
		ts(&ev.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errDeliveryGone
	} else if err != nil {
		return nil, err
	}
	ev.Kind = pk.EventKind(kind)
	if err := json.Unmarshal([]byte(data), &ev.Data); err != nil {
		return nil, err
	}
	return ev, nil
}

// DeliveryOutcome is what one attempt got: the answer's status and first
// bytes, or the error of an attempt that got none.
type DeliveryOutcome struct {
	StatusCode int
	Response   string
	Err        error
}

// OK says the attempt succeeded.
func (o DeliveryOutcome) OK() bool { return o.Err == nil && o.StatusCode >= 200 && o.StatusCode < 300 }

// deliveryBackoff is the wait before attempt n+1 after n failed: 30
// seconds, doubling, at most six hours.
func deliveryBackoff(n int) time.Duration {
	return min(30*time.Second<<min(n-1, 10), 6*time.Hour)
}

// FinishDelivery records an attempt's outcome. A success resets the
// webhook's failure count. A failure counts towards the pause (after
// pk.WebhookPauseAfter in a row the webhook pauses itself and says why)
// and queues the next attempt with a growing wait, until
// pk.WebhookMaxAttempts. A test is tried once and counts for nothing.
func (store *WebhookStore) FinishDelivery(ctx context.Context, d *OutgoingDelivery, o DeliveryOutcome) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		var whid string
		if err := tx.QueryRowContext(ctx, `SELECT webhook_id FROM webhook_deliveries WHERE id = $1 AND attempts = $2`, d.ID, d.Attempt).
			Scan(&whid); errors.Is(err, sql.ErrNoRows) {
			return nil // forgotten meanwhile (the webhook deleted)
		} else if err != nil {
			return err
		}
		errText := ""
		if o.Err != nil {
			errText = truncate(o.Err.Error(), 500)
		} else if !o.OK() {
			errText = "HTTP " + itoa(o.StatusCode)
		}
		now := fmtTime(tx.now)
		test := d.Event == nil
		status, next := "pending", any(nil)
		switch {
		case o.OK():
			status = "delivered"
		case test || d.Attempt >= pk.WebhookMaxAttempts:
			status = "failed"
		}
		if !test {
			if o.OK() {
				if _, err := tx.ExecContext(ctx, `UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1`, whid); err != nil {
					return err
				}
			} else if _, err := tx.ExecContext(ctx, `
				UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
					paused = CASE WHEN consecutive_failures + 1 >= $2 THEN TRUE ELSE paused END,
					pause_reason = CASE WHEN consecutive_failures + 1 >= $2 AND NOT paused THEN $3 ELSE pause_reason END
				WHERE id = $1`, whid, pk.WebhookPauseAfter, pk.WebhookPausedByFailures); err != nil {
				return err
			}
		}
		if status == "pending" {
			at := tx.now.Add(deliveryBackoff(d.Attempt))
			next = fmtTime(at)
			var paused bool
			if err := tx.QueryRowContext(ctx, `SELECT paused FROM webhooks WHERE id = $1`, whid).Scan(&paused); err != nil {
				return err
			}
			if paused {
				next = nil // waits for the resume
			} else if err := tx.enqueueAt(ctx, WebhookDeliverJob, DeliverPayload{DeliveryID: d.ID, Attempt: d.Attempt + 1},
				WebhookDeliverJob+":"+d.ID+":"+itoa(d.Attempt+1), at); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `
			UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, last_status_code = $4, last_response = $5, last_error = $6,
				updated_at = $7 WHERE id = $1`, d.ID, status, next, o.StatusCode, o.Response, errText, now)
		return err
	})
}
