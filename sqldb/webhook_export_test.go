package sqldb

import (
	"context"
	"encoding/json"

	pk "github.com/partnerkit/partnerkit"
)

// EnqueueForTest adds a job in a transaction of its own.
func EnqueueForTest(ctx context.Context, db *DB, kind string, payload any, uniqueKey string) error {
	return db.inTx(ctx, func(tx *Tx) error { return tx.enqueue(ctx, kind, payload, uniqueKey) })
}

// InsertEventForTest records an event as the derive job would, with the
// next sequence number; it returns the event's ID.
func InsertEventForTest(ctx context.Context, db *DB, ev pk.Event) (string, error) {
	id := newID()
	data, _ := json.Marshal(ev.Data)
	if ev.Data == nil {
		data = []byte("{}")
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO events (id, seq, partnership_id, kind, subject_type, subject_id, audience, data, created_at)
			VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events), $2, $3, $4, $5, $6, $7, $8)`,
			id, ev.PartnershipID, string(ev.Kind), ev.SubjectType, ev.SubjectID, ev.Audience, string(data), fmtTime(tx.now))
		return err
	})
	return id, err
}

// WebhookRowForTest returns a webhook's stored row as text, column by
// column, to look for secrets in it.
func WebhookRowForTest(ctx context.Context, db *DB, whid string) (string, error) {
	var s string
	err := db.read.QueryRowContext(ctx, `SELECT url || ' ' || url_sealed || ' ' || secret_sealed || ' ' || room_sealed
		FROM webhooks WHERE id = $1`, whid).Scan(&s)
	return s, err
}
