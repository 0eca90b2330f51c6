package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// eventVisible is the privacy rule of events in SQL, over an event e and
// the reader's row pp in partnership_people: the reader's role reaches the
// audience and the role the thing's page asks for, an event addressed to
// people is addressed to them, and the thing still exists. It is the one
// rule the inbox, the unread count and VisibleTo share; it fails closed (an
// unknown kind, audience or subject type shows nothing).
var eventVisible = buildEventVisible(`EXISTS (SELECT 1 FROM notifications n2 WHERE n2.event_id = e.id AND n2.user_id = pp.user_id)`)

// inboxVisible is eventVisible over the reader's own notification n of the
// event: that row is already the proof that an event addressed to people
// is addressed to them, which spares a lookup per row of every inbox read.
var inboxVisible = buildEventVisible(`n.event_id = e.id AND n.user_id = pp.user_id`)

// roleRankSQL is a role's rank in SQL, as pk.Role.Rank.
func roleRankSQL(col string) string {
	return `(CASE ` + col + ` WHEN 'observer' THEN 1 WHEN 'member' THEN 2 WHEN 'coordinator' THEN 3 ELSE 99 END)`
}

// buildEventVisible writes the rule; addressed is the SQL that holds when
// an event addressed to people names the reader.
func buildEventVisible(addressed string) string {
	var b strings.Builder
	rank := roleRankSQL("pp.role")
	// The least role allowed each kind's view action.
	b.WriteString(`(CASE e.kind`)
	for _, k := range pk.EventKinds {
		need := 99
		for _, r := range []pk.Role{pk.RoleObserver, pk.RoleMember, pk.RoleCoordinator} {
			if pk.Can(r, pk.EventKind(k).ViewAction()) {
				need = r.Rank()
				break
			}
		}
		b.WriteString(` WHEN '` + k + `' THEN ` + strconv.Itoa(need))
	}
	b.WriteString(` ELSE 100 END) <= ` + rank)
	b.WriteString(` AND (CASE e.audience WHEN 'people' THEN 0 WHEN 'observer' THEN 1 WHEN 'member' THEN 2 WHEN 'coordinator' THEN 3 ELSE 100 END) <= ` + rank)
	b.WriteString(` AND (e.audience <> 'people' OR ` + addressed + `)`)
	b.WriteString(` AND (CASE e.subject_type`)
	for _, t := range subjectTypes() {
		b.WriteString(` WHEN '` + t + `' THEN EXISTS (SELECT 1 FROM ` + subjectTables[t] + ` s WHERE s.id = e.subject_id AND s.partnership_id = e.partnership_id)`)
	}
	b.WriteString(` ELSE FALSE END)`)
	return "(" + b.String() + ")"
}

// notificationFrom joins a notification to its event, its partnership and
// the reader's place in it ($1 is the reader); a reader who left the
// partnership matches no row.
const notificationFrom = `
	FROM notifications n
	JOIN events e ON e.id = n.event_id
	JOIN partnerships p ON p.id = n.partnership_id
	JOIN partnership_people pp ON pp.partnership_id = n.partnership_id AND pp.user_id = n.user_id
	WHERE n.user_id = $1 AND `

const notificationColumns = `SELECT n.id, n.read_at, n.version, e.id, e.partnership_id, p.name, e.kind, e.subject_type, e.subject_id, e.audience, e.data, e.created_at`

func scanNotification(row rowScanner) (*pk.Notification, error) {
	n := &pk.Notification{}
	var kind, data string
	err := row.Scan(&n.ID, nts(&n.ReadAt), &n.Version, &n.Event.ID, &n.Event.PartnershipID, &n.Event.PartnershipName, &kind,
		&n.Event.SubjectType, &n.Event.SubjectID, &n.Event.Audience, &data, ts(&n.Event.CreatedAt))
	n.Event.Kind = pk.EventKind(kind)
	n.Event.Data = map[string]string{}
	if err == nil {
		err = json.Unmarshal([]byte(data), &n.Event.Data)
	}
	return n, err
}

// Notifications lists the asker's inbox, newest first.
func (store *NotificationStore) Notifications(ctx context.Context, unread bool, p pk.PageRequest) ([]*pk.Notification, string, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, "", err
	}
	p = p.Normalize()
	after, afterID := "9999", ""
	if parts, ok := decodeCursor(p.Cursor, 2); !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	} else if parts != nil {
		after, afterID = parts[0], parts[1]
	}
	rows, err := store.db.read.QueryContext(ctx, notificationColumns+notificationFrom+inboxVisible+`
		AND (NOT $2 OR n.read_at IS NULL) AND (n.created_at < $3 OR (n.created_at = $3 AND n.id < $4))
		ORDER BY n.created_at DESC, n.id DESC LIMIT $5`, uid, unread, after, afterID, p.Limit+1)
	out, err := collect(scanNotification)(rows, err)
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, p.Limit, func(last *pk.Notification) string {
		return encodeCursor(fmtTime(last.Event.CreatedAt), last.ID)
	})
	return out, next, nil
}

// UnreadCount counts the asker's unread notifications they may see, up to
// pk.MaxUnreadCounted: it runs on every page, and beyond that the badge only
// says there are more.
func (store *NotificationStore) UnreadCount(ctx context.Context) (int, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return 0, err
	}
	// Kept under the asker's inbox version, read before the count.
	version, err := store.db.inboxVersion(ctx, uid)
	if err != nil {
		return 0, err
	}
	n, err := unreadCache.Get(store.db.opened+"\x00"+uid, version, func(any) (any, error) {
		var n int
		err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM notifications n
			JOIN events e ON e.id = n.event_id
			JOIN partnership_people pp ON pp.partnership_id = n.partnership_id AND pp.user_id = n.user_id
			WHERE n.user_id = $1 AND n.read_at IS NULL AND `+inboxVisible+` LIMIT $2) u`,
			uid, pk.MaxUnreadCounted).Scan(&n)
		return n, err
	})
	if err != nil {
		return 0, err
	}
	return n.(int), nil
}

// MarkRead marks one of the asker's notifications read.
func (store *NotificationStore) MarkRead(ctx context.Context, nid string) (*pk.Notification, error) {
	read := true
	return store.setRead(ctx, nid, &read, 0)
}

// SetRead marks one of the asker's notifications read or unread.
func (store *NotificationStore) SetRead(ctx context.Context, nid string, read *bool, version int) (*pk.Notification, error) {
	if version <= 0 {
		// Checked before anything is read, like every versioned write.
		if _, err := requireUser(ctx); err != nil {
			return nil, err
		}
		return nil, pk.FieldInvalid("version", "validation.version_required", nil)
	}
	return store.setRead(ctx, nid, read, version)
}

// setRead changes the read state (nil: keeps it); version 0 takes any
// version (following a link, the inbox's button) and leaves a
// notification already so as it is.
func (store *NotificationStore) setRead(ctx context.Context, nid string, read *bool, version int) (*pk.Notification, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	var out *pk.Notification
	err = store.db.inTx(ctx, func(tx *Tx) error {
		out, err = scanNotification(tx.QueryRowContext(ctx, notificationColumns+notificationFrom+inboxVisible+` AND n.id = $2`, uid, nid))
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if read == nil {
			r := out.ReadAt != nil
			read = &r
		}
		if version == 0 {
			if (out.ReadAt != nil) == *read {
				return nil
			}
			version = out.Version
		}
		if err := tx.bumpVersion(ctx, "notifications", "id = $1 AND user_id = $2", version, nid, uid); err != nil {
			return err
		}
		var at any
		switch {
		case *read && out.ReadAt != nil:
			at = fmtTime(*out.ReadAt) // read before: kept
		case *read:
			now := tx.now
			out.ReadAt, at = &now, fmtTime(now)
		default:
			out.ReadAt = nil
		}
		out.Version++
		_, err = tx.ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE id = $2`, at, nid)
		return err
	})
	return out, err
}

// MarkAllRead marks all of the asker's notifications read.
func (store *NotificationStore) MarkAllRead(ctx context.Context) (int, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	err = store.db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE notifications SET read_at = $1, version = version + 1 WHERE user_id = $2 AND read_at IS NULL`, fmtTime(tx.now), uid)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
