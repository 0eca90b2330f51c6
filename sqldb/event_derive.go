package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/notify"
)

// deriveCursor names the derive job's row in event_cursor: the audit seq
// up to which every entry has been read for good.
const deriveCursor = "derive"

// deriveSettle is how old an audit entry must be before the cursor moves
// past it. On PostgreSQL a transaction takes its audit seq when it writes
// the entry but becomes visible when it commits, so a lower seq can appear
// after a higher one; entries younger than this are read again on the next
// run (the unique audit_seq makes that harmless), and a transaction is
// never open this long.
const deriveSettle = 2 * time.Minute

// deriveBatch is how many entries are read at a time, and derivePages how
// many batches one run reads at most.
const (
	deriveBatch = 500
	derivePages = 20
)

// derivedActions are the audit actions that may make an event: an audit
// entry of one of them queues the derive job.
var derivedActions = map[string]bool{
	"invitation.create": true, "proposal.create": true, "proposal.close": true,
	"meeting.create": true, "meeting.agenda.circulate": true, "meeting.minutes.save": true, "meeting.minutes.approve": true,
	"meeting.action.add": true, "meeting.action.update": true, "task.create": true, "task.update": true,
	"agreement.status": true, "agreement.sign": true, "survey.create": true, "survey.update": true, "health.round.open": true,
}

// auditRow is an audit entry as the derive job reads it.
type auditRow struct {
	seq                             int64
	pid, actor, action              string
	subjectType, subjectID, summary string
	before, after                   map[string]any
	createdAt                       time.Time
	sensitive                       bool
}

// draft is an event before it is written: who it is for (recipients, for
// AudiencePeople) and what makes it once (occasion, for reminders and
// once-only events).
type draft struct {
	kind        pk.EventKind
	subjectType string
	subjectID   string
	audience    string
	data        map[string]string
	recipients  []string
	occasion    string
}

// Derive is the handler of EventsDerivedJob: it reads the audit entries
// committed since its cursor and writes the events they make, with one
// notification for each person who may see each. It runs after the
// writing transaction committed (queued by it, and on a timer), never
// inside it.
func (store *EventStore) Derive(ctx context.Context, _ []byte) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		var cursor int64
		err := tx.QueryRowContext(ctx, `SELECT seq FROM event_cursor WHERE name = $1`, deriveCursor).Scan(&cursor)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		settled, moving, wrote := cursor, true, false
		for read, pages := cursor, 0; pages < derivePages; pages++ {
			entries, err := auditAfter(ctx, tx, read)
			if err != nil {
				return err
			}
			for _, a := range entries {
				read = a.seq
				if moving && a.createdAt.Before(tx.now.Add(-deriveSettle)) {
					settled = a.seq
				} else {
					moving = false
				}
				ok, err := deriveEntry(ctx, tx, a)
				if err != nil {
					return err
				}
				wrote = wrote || ok
			}
			if len(entries) < deriveBatch {
				break
			}
		}
		if settled > cursor {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO event_cursor (name, seq) VALUES ($1, $2)
				ON CONFLICT (name) DO UPDATE SET seq = excluded.seq`, deriveCursor, settled); err != nil {
				return err
			}
		}
		if wrote {
			return tx.enqueueConsumers(ctx)
		}
		return nil
	})
}

// auditAfter reads a batch of audit entries after seq.
func auditAfter(ctx context.Context, tx *Tx, seq int64) ([]*auditRow, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT seq, partnership_id, COALESCE(user_id, ''), action, subject_type, subject_id, summary,
		       before_json, after_json, created_at, sensitive
		FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, seq, deriveBatch)
	return collect(func(row rowScanner) (*auditRow, error) {
		a := &auditRow{}
		var before, after string
		err := row.Scan(&a.seq, &a.pid, &a.actor, &a.action, &a.subjectType, &a.subjectID, &a.summary,
			&before, &after, ts(&a.createdAt), &a.sensitive)
		a.before, a.after = jsonObject(before), jsonObject(after)
		return a, err
	})(rows, err)
}

// deriveEntry writes the event an audit entry makes, unless it made one
// already, and reports whether it wrote.
func deriveEntry(ctx context.Context, tx *Tx, a *auditRow) (bool, error) {
	// An entry about sensitive data makes no event at all: an event is
	// read by people who may not see it.
	// Nor does an entry older than the inbox keeps anything: its event
	// would be purged news come back.
	if a.sensitive || !derivedActions[a.action] || a.createdAt.Before(tx.now.Add(-pk.NotificationRetention)) {
		return false, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE audit_seq = $1`, a.seq).Scan(&n); err != nil || n > 0 {
		return false, err // n > 0: read before, while it settled
	}
	d, err := deriveDraft(ctx, tx, a)
	if err != nil || d == nil {
		return false, err
	}
	seq := a.seq
	return tx.writeEvent(ctx, a.pid, a.actor, &seq, d)
}

// enqueueConsumers queues the jobs that read new events (mail, webhooks),
// one waiting of each.
func (tx *Tx) enqueueConsumers(ctx context.Context) error {
	for _, kind := range []string{NotifyEmailJob, WebhookFanoutJob} {
		if err := tx.enqueue(ctx, kind, struct{}{}, kind); err != nil {
			return err
		}
	}
	return nil
}

// deriveDraft maps one audit entry to the event it makes, or nil.
func deriveDraft(ctx context.Context, tx *Tx, a *auditRow) (*draft, error) {
	title := map[string]string{"title": a.summary}
	switch a.action {
	case "invitation.create":
		return &draft{kind: pk.EventInvitation, subjectType: "invitation", subjectID: a.subjectID, audience: pk.AudienceCoordinator,
			data: map[string]string{"email": str(a.after["email"]), "role": str(a.after["role"])}}, nil
	case "proposal.create":
		if str(a.after["status"]) != pk.ProposalOpen {
			return nil, nil
		}
		var closes time.Time
		var tz string
		err := tx.QueryRowContext(ctx, `SELECT closes_at, time_zone FROM proposals WHERE id = $1`, a.subjectID).Scan(ts(&closes), &tz)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil // gone since
		} else if err != nil {
			return nil, err
		}
		return &draft{kind: pk.EventProposalOpened, subjectType: "proposal", subjectID: a.subjectID, audience: pk.AudienceObserver,
			data: map[string]string{"title": a.summary, "closes": notify.Local(closes, tz)}}, nil
	case "proposal.close":
		// The outcome only: never a count, a choice or a voter.
		return &draft{kind: pk.EventProposalClosed, subjectType: "proposal", subjectID: a.subjectID, audience: pk.AudienceObserver,
			data: map[string]string{"title": a.summary, "outcome": str(a.after["outcome"])}}, nil
	case "meeting.create", "meeting.agenda.circulate":
		m, err := loadMeeting(ctx, tx, a.pid, a.subjectID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		kind := pk.EventMeetingScheduled
		if a.action == "meeting.agenda.circulate" {
			kind = pk.EventMeetingAgendaCirculated
		}
		return &draft{kind: kind, subjectType: "meeting", subjectID: m.ID, audience: pk.AudienceObserver,
			data: map[string]string{"title": m.Title, "starts": notify.Local(m.StartsAt, m.TimeZone)}}, nil
	case "meeting.minutes.save":
		// Once per meeting: the first draft, not every correction.
		return &draft{kind: pk.EventMeetingMinutesReady, subjectType: "meeting", subjectID: a.subjectID, audience: pk.AudienceObserver,
			data: title, occasion: string(pk.EventMeetingMinutesReady) + ":" + a.subjectID}, nil
	case "meeting.minutes.approve":
		return &draft{kind: pk.EventMeetingMinutesApproved, subjectType: "meeting", subjectID: a.subjectID, audience: pk.AudienceObserver, data: title}, nil
	case "meeting.action.add", "meeting.action.update":
		uid := str(a.after["user_id"])
		if uid == "" || uid == str(a.before["user_id"]) || str(a.after["status"]) != pk.ActionOpen {
			return nil, nil
		}
		var meetingTitle string
		if err := tx.QueryRowContext(ctx, `SELECT title FROM meetings WHERE id = $1`, a.subjectID).Scan(&meetingTitle); errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		return &draft{kind: pk.EventActionAssigned, subjectType: "action_item", subjectID: str(a.after["id"]), audience: pk.AudiencePeople,
			recipients: []string{uid}, data: map[string]string{"what": str(a.after["what"]), "meeting_id": a.subjectID,
				"meeting_title": meetingTitle, "due": str(a.after["due"])}}, nil
	case "task.create", "task.update":
		uid := str(a.after["assignee_id"])
		if uid == "" || uid == str(a.before["assignee_id"]) {
			return nil, nil
		}
		if s := str(a.after["status"]); s != pk.TaskTodo && s != pk.TaskDoing {
			return nil, nil
		}
		return &draft{kind: pk.EventTaskAssigned, subjectType: "task", subjectID: a.subjectID, audience: pk.AudiencePeople,
			recipients: []string{uid}, data: map[string]string{"title": str(a.after["title"]), "plan_id": str(a.after["plan_id"]), "plan_title": str(a.after["plan_title"]),
				"due": str(a.after["due"])}}, nil
	case "agreement.status":
		if str(a.after["status"]) != agreement.StatusCirculated || str(a.before["status"]) == agreement.StatusCirculated {
			return nil, nil
		}
		return &draft{kind: pk.EventAgreementReadyToSign, subjectType: "agreement", subjectID: a.subjectID, audience: pk.AudienceMember, data: title}, nil
	case "agreement.sign":
		if str(a.after["status"]) != agreement.StatusInForce {
			return nil, nil
		}
		return &draft{kind: pk.EventAgreementSignedByAll, subjectType: "agreement", subjectID: a.subjectID, audience: pk.AudienceObserver,
			data: title, occasion: string(pk.EventAgreementSignedByAll) + ":" + a.subjectID + ":" + str(a.after["text_version"])}, nil
	case "survey.create", "survey.update":
		if str(a.after["status"]) != pk.SurveyOpen || str(a.before["status"]) == pk.SurveyOpen {
			return nil, nil
		}
		return &draft{kind: pk.EventSurveyOpened, subjectType: "survey", subjectID: a.subjectID, audience: pk.AudienceObserver, data: title}, nil
	case "health.round.open":
		return &draft{kind: pk.EventHealthOpened, subjectType: "health_round", subjectID: a.subjectID, audience: pk.AudienceMember,
			data: map[string]string{"title": a.summary, "kind": str(a.after["kind"])}}, nil
	}
	return nil, nil
}

// writeEvent writes an event and its notifications, unless its occasion
// (or its audit entry) already made one; it reports whether it wrote. The
// actor is never notified of their own action.
func (tx *Tx) writeEvent(ctx context.Context, pid, actor string, auditSeq *int64, d *draft) (bool, error) {
	if d.occasion != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE occasion_key = $1`, d.occasion).Scan(&n); err != nil || n > 0 {
			return false, err
		}
	}
	recipients, err := tx.eventRecipients(ctx, pid, actor, d)
	if err != nil {
		return false, err
	}
	// The next number of the events' own order. The counter's row stays
	// locked until this transaction commits, so a concurrent writer waits
	// and readers see the numbers in commit order, without gaps to miss.
	var seq int64
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO event_cursor (name, seq) VALUES ('events', 1)
		ON CONFLICT (name) DO UPDATE SET seq = event_cursor.seq + 1 RETURNING seq`).Scan(&seq); err != nil {
		return false, err
	}
	data, err := json.Marshal(d.data)
	if err != nil {
		return false, err
	}
	id := newID()
	var audit, occasion any
	if auditSeq != nil {
		audit = *auditSeq
	}
	if d.occasion != "" {
		occasion = d.occasion
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO events (id, seq, partnership_id, kind, subject_type, subject_id, actor_id, audit_seq, occasion_key, audience, data, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		id, seq, pid, string(d.kind), d.subjectType, d.subjectID, nullString(actor), audit, occasion, d.audience, string(data), fmtTime(tx.now)); err != nil {
		return false, err
	}
	for _, uid := range recipients {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO notifications (id, event_id, user_id, partnership_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
			newID(), id, uid, pid, fmtTime(tx.now)); err != nil {
			return false, err
		}
	}
	return true, nil
}

// eventRecipients lists who receives an event: everyone in the
// partnership whose role reaches the audience and may open the thing's
// page (for AudiencePeople, only the listed people who may), minus the
// actor.
func (tx *Tx) eventRecipients(ctx context.Context, pid, actor string, d *draft) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT user_id, role FROM partnership_people WHERE partnership_id = $1 ORDER BY user_id`, pid)
	type person struct{ id, role string }
	people, err := collect(func(row rowScanner) (person, error) {
		var p person
		return p, row.Scan(&p.id, &p.role)
	})(rows, err)
	if err != nil {
		return nil, err
	}
	listed := map[string]bool{}
	for _, uid := range d.recipients {
		listed[uid] = true
	}
	var out []string
	for _, p := range people {
		r := pk.Role(p.role)
		if p.id == actor || !pk.Can(r, d.kind.ViewAction()) {
			continue
		}
		switch d.audience {
		case pk.AudiencePeople:
			if !listed[p.id] {
				continue
			}
		case pk.AudienceObserver, pk.AudienceMember, pk.AudienceCoordinator:
			if !r.AtLeast(pk.Role(d.audience)) {
				continue
			}
		default:
			continue
		}
		out = append(out, p.id)
	}
	return out, nil
}

// jsonObject reads an audit entry's JSON object (empty on anything else).
func jsonObject(s string) map[string]any {
	m := map[string]any{}
	if s != "" {
		_ = json.Unmarshal([]byte(s), &m)
	}
	return m
}
