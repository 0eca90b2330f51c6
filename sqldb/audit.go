package sqldb

import (
	"context"
	"encoding/json"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// audit records a change in the partnership's audit log, in the same
// transaction as the change itself. before and after are marshalled to JSON
// (nil leaves them empty).
func (tx *Tx) audit(ctx context.Context, pid, action, subjectType, subjectID, summary string, before, after any) error {
	return tx.auditSensitive(ctx, false, pid, action, subjectType, subjectID, summary, before, after)
}

// auditSensitive records a change that concerns sensitive data when
// sensitive is true: the entry then stays out of the activity feed of
// anyone who may not see sensitive data (the full log is for coordinators,
// who may).
func (tx *Tx) auditSensitive(ctx context.Context, sensitive bool, pid, action, subjectType, subjectID, summary string, before, after any) error {
	b, a := auditJSON(before), auditJSON(after)
	var uid any
	if id := pk.UserIDFromContext(ctx); id != "" {
		uid = id
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO audit_log (partnership_id, user_id, action, subject_type, subject_id, summary, before_json, after_json, created_at, sensitive)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		pid, uid, action, subjectType, subjectID, summary, b, a, fmtTime(tx.now), sensitive)
	if err == nil && !sensitive && derivedActions[action] && !tx.deriveQueued {
		// The events are derived once this commits, never in here; and
		// the job is queued after the commit, in a transaction of its
		// own: inserting its one unique key in here would make every
		// concurrent write on PostgreSQL wait for this one to commit.
		// Should queuing fail, the server's timer queues it anyway.
		tx.deriveQueued = true
		tx.after = append(tx.after, func() { queueDerive(ctx, tx.db) })
	}
	return err
}

func auditJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// Audit lists a partnership's audit log, newest first.
func (store *PartnershipStore) Audit(ctx context.Context, pid string, p pk.PageRequest) ([]*pk.AuditEntry, string, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAudit); err != nil {
		return nil, "", err
	}
	return store.db.auditEntries(ctx, pid, p, true)
}

// auditEntries lists entries newest first; withSensitive includes those
// about sensitive data.
func (db *DB) auditEntries(ctx context.Context, pid string, p pk.PageRequest, withSensitive bool) ([]*pk.AuditEntry, string, error) {
	p = p.Normalize()
	var before int64 = 1<<62 - 1
	if parts, ok := decodeCursor(p.Cursor, 1); !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	} else if parts != nil {
		n, err := strconv.ParseInt(parts[0], 10, 64)
		if err != nil {
			return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
		}
		before = n
	}
	rows, err := db.read.QueryContext(ctx, `
		SELECT a.seq, COALESCE(a.user_id, ''), COALESCE(u.name, ''), a.action, a.subject_type, a.subject_id,
		       a.summary, a.before_json, a.after_json, a.created_at
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE a.partnership_id = $1 AND a.seq < $2 AND ($4 OR NOT a.sensitive)
		ORDER BY a.seq DESC LIMIT $3`, pid, before, p.Limit+1, withSensitive)
	out, err := collect(func(row rowScanner) (*pk.AuditEntry, error) {
		e := &pk.AuditEntry{}
		var seq int64
		err := row.Scan(&seq, &e.UserID, &e.UserName, &e.Action, &e.SubjectType, &e.SubjectID,
			&e.Summary, &e.Before, &e.After, ts(&e.CreatedAt))
		e.ID = strconv.FormatInt(seq, 10) // the log's own order, and the cursor
		return e, err
	})(rows, err)
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, p.Limit, func(last *pk.AuditEntry) string { return encodeCursor(last.ID) })
	return out, next, nil
}
