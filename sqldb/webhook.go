package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/secretbox"
)

// WebhookStore keeps a partnership's webhooks and their delivery log, and
// runs the two jobs that send (webhook_delivery.go).
type WebhookStore struct{ db *DB }

// WebhookConfig is what the webhooks need from the instance: the key their
// secrets are sealed with, and the check of an address before it is saved
// (the network guard: no private addresses, https; nil checks nothing
// beyond the form's rules).
type WebhookConfig struct {
	Secrets  *secretbox.Box
	CheckURL func(ctx context.Context, rawURL string) error
}

// errNoSecretKey stops a webhook being saved on an instance without a key.
var errNoSecretKey = errors.New("webhooks need a secret key: set PARTNERKIT_SECRET_KEY or let the server write DATA/secret.key")

const webhookColumns = `id, partnership_id, kind, url, events, language, secret_sealed <> '', paused, pause_reason,
	consecutive_failures, version, created_at, updated_at`

func scanWebhook(row rowScanner) (*pk.Webhook, error) {
	w := &pk.Webhook{}
	var events string
	err := row.Scan(&w.ID, &w.PartnershipID, &w.Kind, &w.URL, &events, &w.Language, &w.SecretSet, &w.Paused, &w.PauseReason,
		&w.ConsecutiveFailures, &w.Version, ts(&w.CreatedAt), ts(&w.UpdatedAt))
	if err != nil {
		return nil, err
	}
	w.Events = []string{}
	if err := json.Unmarshal([]byte(events), &w.Events); err != nil {
		return nil, err
	}
	return w, nil
}

func loadWebhook(ctx context.Context, q queryer, pid, whid string) (*pk.Webhook, error) {
	w, err := scanWebhook(q.QueryRowContext(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE id = $1 AND partnership_id = $2`, whid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return w, err
}

// shownURL is the address as pages show it: a Slack address's path is its
// secret, so only its scheme and host are shown.
func shownURL(kind, raw string) string {
	if kind != "slack" {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// webhookAudit is what the audit log keeps of a webhook: never a secret.
func webhookAudit(w *pk.Webhook) map[string]any {
	return map[string]any{"id": w.ID, "kind": w.Kind, "url": w.URL, "events": w.Events, "language": w.Language, "paused": w.Paused}
}

// checkWebhookInput validates the input and the address, outside any
// transaction (the address check may ask the DNS).
func (store *WebhookStore) checkWebhookInput(ctx context.Context, in *pk.WebhookInput, create bool) error {
	if store.config().Secrets == nil {
		return errNoSecretKey
	}
	if err := in.Validate(create); err != nil {
		return err
	}
	if check := store.config().CheckURL; check != nil && in.URL != "" {
		if err := check(ctx, in.URL); err != nil {
			return pk.FieldInvalid("url", "webhook.validation.url_refused", nil)
		}
	}
	return nil
}

func (store *WebhookStore) config() WebhookConfig { return store.db.WebhookConfig }

// Webhooks lists the partnership's webhooks, oldest first.
func (store *WebhookStore) Webhooks(ctx context.Context, pid string) (*pk.WebhookList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewWebhooks); err != nil {
		return nil, err
	}
	out, err := collect(scanWebhook)(store.db.read.QueryContext(ctx, `SELECT `+webhookColumns+` FROM webhooks
		WHERE partnership_id = $1 ORDER BY created_at, id LIMIT $2`, pid, pk.MaxWebhooks+1))
	if err != nil {
		return nil, err
	}
	list := &pk.WebhookList{Items: out}
	if len(out) > pk.MaxWebhooks {
		list.Items, list.Cut = out[:pk.MaxWebhooks], true
	}
	return list, nil
}

// Webhook returns one webhook.
func (store *WebhookStore) Webhook(ctx context.Context, pid, whid string) (*pk.Webhook, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewWebhooks); err != nil {
		return nil, err
	}
	return loadWebhook(ctx, store.db.read, pid, whid)
}

// CreateWebhook adds a webhook. A JSON webhook without a secret in the
// input gets one made here, returned once.
func (store *WebhookStore) CreateWebhook(ctx context.Context, pid string, in pk.WebhookInput) (*pk.Webhook, string, error) {
	// Who asks is checked before the input, so that a refusal tells
	// nothing a role would not see; again in the transaction.
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionManageWebhooks); err != nil {
		return nil, "", err
	}
	if err := store.checkWebhookInput(ctx, &in, true); err != nil {
		return nil, "", err
	}
	made := ""
	if in.Kind == "json" && in.Secret == "" {
		made = newSecret("whsec_")
		in.Secret = made
	}
	box, id := store.config().Secrets, newID()
	sealed := sealedWebhook(box, id, in)
	events, _ := json.Marshal(in.Events)
	var out *pk.Webhook
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageWebhooks); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM webhooks WHERE partnership_id = $1`, pid).Scan(&n); err != nil {
			return err
		}
		if n >= pk.MaxWebhooks {
			return pk.FieldInvalid("url", "webhook.validation.too_many", map[string]any{"Max": pk.MaxWebhooks})
		}
		now := fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO webhooks (id, partnership_id, kind, url, url_sealed, events, language, secret_sealed, room_sealed, created_by,
				created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
			id, pid, in.Kind, shownURL(in.Kind, in.URL), sealed.url, string(events), in.Language, sealed.secret, sealed.room,
			nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		var err error
		if out, err = loadWebhook(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "webhook.create", "webhook", id, out.URL, nil, webhookAudit(out))
	})
	if err != nil {
		return nil, "", err
	}
	return out, made, nil
}

// sealed holds a webhook's sealed columns ("" where the input gave
// nothing to seal).
type sealed struct{ url, secret, room string }

// sealedWebhook seals what the input gives, each bound to the webhook and
// its column so that a value copied elsewhere does not open.
func sealedWebhook(box *secretbox.Box, id string, in pk.WebhookInput) sealed {
	var s sealed
	if in.URL != "" {
		s.url = box.Seal(in.URL, id+"/url")
	}
	secret := in.Secret
	if in.Kind == "matrix" {
		secret = in.MatrixToken
	}
	if secret != "" {
		s.secret = box.Seal(secret, id+"/secret")
	}
	if in.Kind == "matrix" && in.MatrixRoom != "" {
		s.room = box.Seal(in.MatrixRoom, id+"/room")
	}
	return s
}

// UpdateWebhook changes a webhook; its kind stays. Empty secrets keep the
// stored ones. Pausing stops its sending; resuming clears the failure
// count and sends the deliveries that waited.
func (store *WebhookStore) UpdateWebhook(ctx context.Context, pid, whid string, in pk.WebhookInput) (*pk.Webhook, error) {
	var out *pk.Webhook
	// The kind is needed to validate; read it first, check again inside.
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionManageWebhooks); err != nil {
		return nil, err
	}
	cur, err := loadWebhook(ctx, store.db.read, pid, whid)
	if err != nil {
		return nil, err
	}
	in.Kind = cur.Kind
	if err := store.checkWebhookInput(ctx, &in, false); err != nil {
		return nil, err
	}
	sealed := sealedWebhook(store.config().Secrets, whid, in)
	events, _ := json.Marshal(in.Events)
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageWebhooks); err != nil {
			return err
		}
		before, err := loadWebhook(ctx, tx, pid, whid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "webhooks", "id = $1 AND partnership_id = $2", in.Version, whid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE webhooks SET url = CASE WHEN $3 = '' THEN url ELSE $2 END, url_sealed = CASE WHEN $3 = '' THEN url_sealed ELSE $3 END,
				events = $4, language = $5,
				secret_sealed = CASE WHEN $6 = '' THEN secret_sealed ELSE $6 END,
				room_sealed = CASE WHEN $7 = '' THEN room_sealed ELSE $7 END, updated_at = $8
			WHERE id = $1`,
			whid, shownURL(before.Kind, in.URL), sealed.url, string(events), in.Language, sealed.secret, sealed.room, fmtTime(tx.now)); err != nil {
			return err
		}
		if in.Paused != before.Paused {
			if err := tx.setWebhookPaused(ctx, whid, in.Paused); err != nil {
				return err
			}
		}
		if out, err = loadWebhook(ctx, tx, pid, whid); err != nil {
			return err
		}
		after := webhookAudit(out)
		after["secret_changed"] = sealed.secret != ""
		return tx.audit(ctx, pid, "webhook.update", "webhook", whid, out.URL, webhookAudit(before), after)
	})
	return out, err
}

// setWebhookPaused pauses a webhook (by a coordinator) or resumes it:
// the failure count starts again and what waited is sent.
func (tx *Tx) setWebhookPaused(ctx context.Context, whid string, paused bool) error {
	if paused {
		_, err := tx.ExecContext(ctx, `UPDATE webhooks SET paused = TRUE, pause_reason = $2 WHERE id = $1`, whid, pk.WebhookPausedByCoordinator)
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE webhooks SET paused = FALSE, pause_reason = '', consecutive_failures = 0 WHERE id = $1`, whid); err != nil {
		return err
	}
	waiting, err := collect(scanString)(tx.QueryContext(ctx, `SELECT id FROM webhook_deliveries
		WHERE webhook_id = $1 AND status = 'pending' ORDER BY created_at, id LIMIT $2`, whid, maxResumed))
	if err != nil {
		return err
	}
	for _, id := range waiting {
		if err := tx.enqueueDelivery(ctx, id, tx.now); err != nil {
			return err
		}
	}
	return nil
}

// maxResumed bounds the deliveries a resume sends again; older ones wait
// for the log's retention to forget them.
const maxResumed = 500

func scanString(row rowScanner) (string, error) {
	var s string
	return s, row.Scan(&s)
}

// RotateWebhookSecret makes a new signing secret for a JSON webhook.
func (store *WebhookStore) RotateWebhookSecret(ctx context.Context, pid, whid string, version int) (*pk.Webhook, string, error) {
	box := store.config().Secrets
	if box == nil {
		return nil, "", errNoSecretKey
	}
	secret := newSecret("whsec_")
	var out *pk.Webhook
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageWebhooks); err != nil {
			return err
		}
		before, err := loadWebhook(ctx, tx, pid, whid)
		if err != nil {
			return err
		}
		if before.Kind != "json" {
			return pk.FieldInvalid("secret", "webhook.validation.no_secret", nil)
		}
		if err := tx.bumpVersion(ctx, "webhooks", "id = $1 AND partnership_id = $2", version, whid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE webhooks SET secret_sealed = $2, updated_at = $3 WHERE id = $1`,
			whid, box.Seal(secret, whid+"/secret"), fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadWebhook(ctx, tx, pid, whid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "webhook.rotate", "webhook", whid, out.URL, nil, map[string]any{"id": whid})
	})
	if err != nil {
		return nil, "", err
	}
	return out, secret, nil
}

// DeleteWebhook removes a webhook and its delivery log.
func (store *WebhookStore) DeleteWebhook(ctx context.Context, pid, whid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageWebhooks); err != nil {
			return err
		}
		before, err := loadWebhook(ctx, tx, pid, whid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "webhooks", "id = $1 AND partnership_id = $2", version, whid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM webhooks WHERE id = $1`, whid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "webhook.delete", "webhook", whid, before.URL, webhookAudit(before), nil)
	})
}

const deliveryColumns = `id, webhook_id, COALESCE(event_id, ''), event_kind, status, attempts, next_attempt_at, last_status_code,
	last_response, last_error, created_at, updated_at`

func scanDelivery(row rowScanner) (*pk.WebhookDelivery, error) {
	d := &pk.WebhookDelivery{}
	return d, row.Scan(&d.ID, &d.WebhookID, &d.EventID, &d.EventKind, &d.Status, &d.Attempts, nts(&d.NextAttemptAt), &d.LastStatusCode,
		&d.LastResponse, &d.LastError, ts(&d.CreatedAt), ts(&d.UpdatedAt))
}

// WebhookDeliveries lists a webhook's deliveries, newest first, a page at a
// time.
func (store *WebhookStore) WebhookDeliveries(ctx context.Context, pid, whid string, pg pk.PageRequest) ([]*pk.WebhookDelivery, string, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewWebhooks); err != nil {
		return nil, "", err
	}
	if _, err := loadWebhook(ctx, store.db.read, pid, whid); err != nil {
		return nil, "", err
	}
	pg = pg.Normalize()
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	ar := args{whid}
	where := "webhook_id = $1"
	if parts != nil {
		at, id := ar.add(parts[0]), ar.add(parts[1])
		where += " AND (created_at < " + at + " OR (created_at = " + at + " AND id < " + id + "))"
	}
	out, err := collect(scanDelivery)(store.db.read.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries WHERE `+where+
		` ORDER BY created_at DESC, id DESC LIMIT `+ar.add(pg.Limit+1), ar...))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, pg.Limit, func(last *pk.WebhookDelivery) string {
		return encodeCursor(fmtTime(last.CreatedAt), last.ID)
	})
	return out, next, nil
}

// TestWebhook queues a test message, sent at once (paused or not: it is how
// a coordinator checks the address before resuming). A test is tried once
// and does not count towards the pause.
func (store *WebhookStore) TestWebhook(ctx context.Context, pid, whid string) (*pk.WebhookDelivery, error) {
	var out *pk.WebhookDelivery
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageWebhooks); err != nil {
			return err
		}
		if _, err := loadWebhook(ctx, tx, pid, whid); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO webhook_deliveries (id, webhook_id, partnership_id, event_kind, status, next_attempt_at, created_at, updated_at)
			VALUES ($1, $2, $3, $4, 'pending', $5, $5, $5)`, id, whid, pid, webhookTestKind, now); err != nil {
			return err
		}
		if err := tx.enqueueDelivery(ctx, id, tx.now); err != nil {
			return err
		}
		var err error
		out, err = scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries WHERE id = $1`, id))
		return err
	})
	return out, err
}
