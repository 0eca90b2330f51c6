package sqldb

import (
	"context"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/notify"
)

// tickBatch bounds the candidates of each reminder one tick reads; the
// rest wait for the next tick (each reminder is once, by its occasion).
const tickBatch = 1000

// overdueWindow is how long after a due day the overdue reminder may still
// be made: a reminder, not a backlog (the first tick after a long pause
// does not remind of what was due long ago).
const overdueWindow = 7 * 24 * time.Hour

// Tick is the handler of EventsTickJob, run periodically: it writes the
// reminders the clock has made due, each once (its occasion key): votes
// closing within a day, tasks and action items due tomorrow or overdue,
// agendas late by the charter's rule, minutes not approved weeks after
// the meeting. The timing rules are notify's.
func (store *EventStore) Tick(ctx context.Context, _ []byte) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		wrote := false
		for _, remind := range []func(context.Context, *Tx) (bool, error){
			tickProposals, tickTasks, tickActionItems, tickAgendas, tickMinutes,
		} {
			ok, err := remind(ctx, tx)
			if err != nil {
				return err
			}
			wrote = wrote || ok
		}
		if wrote {
			return tx.enqueueConsumers(ctx)
		}
		return nil
	})
}

// tickProposals reminds those who have not voted on a proposal closing
// within a day (the job queued at the proposal's creation usually did).
func tickProposals(ctx context.Context, tx *Tx) (bool, error) {
	type prop struct {
		pid, id string
		closes  time.Time
	}
	props, err := collect(func(row rowScanner) (prop, error) {
		var p prop
		return p, row.Scan(&p.pid, &p.id, ts(&p.closes))
	})(tx.QueryContext(ctx, `
		SELECT partnership_id, id, closes_at FROM proposals
		WHERE status = 'open' AND closes_at > $1 AND closes_at <= $2
			AND NOT EXISTS (SELECT 1 FROM events e WHERE e.occasion_key = 'proposal.closing:' || proposals.id)
		ORDER BY closes_at, id LIMIT $3`, fmtTime(tx.now), fmtTime(tx.now.Add(24*time.Hour)), tickBatch))
	if err != nil {
		return false, err
	}
	wrote := false
	for _, p := range props {
		if !notify.ClosingSoon(p.closes, tx.now) {
			continue
		}
		ok, err := tx.remindNonVoters(ctx, p.pid, p.id)
		if err != nil {
			return false, err
		}
		wrote = wrote || ok
	}
	return wrote, nil
}

// dueThing is a task or an action item with a due day and a person.
type dueThing struct {
	pid, id, who, title, due, zone string
	// For an action item: its meeting; for a task: its plan.
	parentID, parentTitle string
}

// dueWindow is the range of due days that may be due tomorrow or recently
// overdue somewhere on Earth.
func dueWindow(now time.Time) (from, to string) {
	return now.Add(-overdueWindow - 24*time.Hour).Format(time.DateOnly), now.Add(48 * time.Hour).Format(time.DateOnly)
}

// tickTasks reminds a task's assignee the day before it is due and once
// it is overdue, by the calendar of the partnership's time zone.
func tickTasks(ctx context.Context, tx *Tx) (bool, error) {
	from, to := dueWindow(tx.now)
	things, err := collect(func(row rowScanner) (dueThing, error) {
		var d dueThing
		return d, row.Scan(&d.pid, &d.id, &d.who, &d.title, &d.due, &d.zone, &d.parentID, &d.parentTitle)
	})(tx.QueryContext(ctx, `
		SELECT t.partnership_id, t.id, t.assignee_id, t.title, t.due_date, COALESCE(bs.time_zone, 'UTC'), t.plan_id, pl.title
		FROM tasks t JOIN plans pl ON pl.id = t.plan_id
		LEFT JOIN budget_settings bs ON bs.partnership_id = t.partnership_id
		WHERE t.status IN ('todo', 'doing') AND t.assignee_id IS NOT NULL AND t.due_date >= $1 AND t.due_date <= $2
		ORDER BY t.due_date, t.id LIMIT $3`, from, to, tickBatch))
	if err != nil {
		return false, err
	}
	return tickDue(ctx, tx, things, "task", pk.EventTaskDueTomorrow, pk.EventTaskOverdue, func(d dueThing) map[string]string {
		return map[string]string{"title": d.title, "plan_id": d.parentID, "plan_title": d.parentTitle, "due": d.due}
	})
}

// tickActionItems does the same for the action items of meetings, by the
// calendar of the meeting's time zone.
func tickActionItems(ctx context.Context, tx *Tx) (bool, error) {
	from, to := dueWindow(tx.now)
	things, err := collect(func(row rowScanner) (dueThing, error) {
		var d dueThing
		return d, row.Scan(&d.pid, &d.id, &d.who, &d.title, &d.due, &d.zone, &d.parentID, &d.parentTitle)
	})(tx.QueryContext(ctx, `
		SELECT a.partnership_id, a.id, a.user_id, a.what, a.due_date, m.time_zone, m.id, m.title
		FROM meeting_action_items a JOIN meetings m ON m.id = a.meeting_id
		WHERE a.status = 'open' AND a.user_id IS NOT NULL AND a.due_date >= $1 AND a.due_date <= $2
		ORDER BY a.due_date, a.id LIMIT $3`, from, to, tickBatch))
	if err != nil {
		return false, err
	}
	return tickDue(ctx, tx, things, "action_item", pk.EventActionDueTomorrow, pk.EventActionOverdue, func(d dueThing) map[string]string {
		return map[string]string{"what": d.title, "meeting_id": d.parentID, "meeting_title": d.parentTitle, "due": d.due}
	})
}

// tickDue writes the due-tomorrow and overdue reminders of things, once
// per thing, due day and person (a task moved to a new day or person is
// reminded again).
func tickDue(ctx context.Context, tx *Tx, things []dueThing, subject string, tomorrow, overdue pk.EventKind,
	data func(dueThing) map[string]string) (bool, error) {
	wrote := false
	for _, d := range things {
		kind := tomorrow
		switch notify.DueState(d.due, notify.Today(tx.now, d.zone)) {
		case notify.DueTomorrow:
		case notify.Overdue:
			kind = overdue
		default:
			continue
		}
		ok, err := tx.writeEvent(ctx, d.pid, "", nil, &draft{kind: kind, subjectType: subject, subjectID: d.id,
			audience: pk.AudiencePeople, recipients: []string{d.who}, data: data(d),
			occasion: string(kind) + ":" + d.id + ":" + d.due + ":" + d.who})
		if err != nil {
			return false, err
		}
		wrote = wrote || ok
	}
	return wrote, nil
}

// organisers are who a meeting's reminders go to: the person who
// scheduled it, or the coordinators when that person is gone.
func organisers(ctx context.Context, tx *Tx, pid, createdBy string) ([]string, error) {
	if createdBy != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2 AND role <> 'observer'`,
			pid, createdBy).Scan(&n); err != nil || n > 0 {
			return []string{createdBy}, err
		}
	}
	return coordinatorsOf(ctx, tx, pid)
}

// meetingRow is a meeting as the meeting reminders read it.
type meetingRow struct {
	pid       string
	m         pk.Meeting
	createdBy string
	approved  bool
}

func scanMeetingRow(row rowScanner) (meetingRow, error) {
	var r meetingRow
	var status string
	err := row.Scan(&r.pid, &r.m.ID, &r.m.Title, ts(&r.m.StartsAt), ts(&r.m.EndsAt), &r.m.TimeZone, &r.createdBy, &status)
	r.approved = status == pk.MinutesApproved
	return r, err
}

const meetingRowColumns = `SELECT m.partnership_id, m.id, m.title, m.starts_at, m.ends_at, m.time_zone, COALESCE(m.created_by, ''), m.minutes_status FROM meetings m `

// tickAgendas reminds the organisers of a meeting whose agenda is not
// circulated when the charter's notice period has begun.
func tickAgendas(ctx context.Context, tx *Tx) (bool, error) {
	rows, err := collect(scanMeetingRow)(tx.QueryContext(ctx, meetingRowColumns+`
		WHERE m.agenda_circulated_at IS NULL AND m.starts_at > $1 AND m.starts_at <= $2
			AND NOT EXISTS (SELECT 1 FROM events e WHERE e.occasion_key = 'meeting.agenda_late:' || m.id || ':' || m.starts_at)
		ORDER BY m.starts_at, m.id LIMIT $3`, fmtTime(tx.now), fmtTime(tx.now.AddDate(1, 0, 2)), tickBatch))
	if err != nil {
		return false, err
	}
	wrote := false
	notice := map[string]int{}
	for _, r := range rows {
		days, ok := notice[r.pid]
		if !ok {
			rules, _, err := charterMeetingRules(ctx, tx.db, tx, r.pid)
			if err != nil {
				return false, err
			}
			days = rules.AgendaDaysAhead
			notice[r.pid] = days
		}
		if !notify.AgendaLate(&r.m, days, tx.now) {
			continue
		}
		people, err := organisers(ctx, tx, r.pid, r.createdBy)
		if err != nil {
			return false, err
		}
		ok, err = tx.writeEvent(ctx, r.pid, "", nil, &draft{kind: pk.EventMeetingAgendaLate, subjectType: "meeting", subjectID: r.m.ID,
			audience: pk.AudiencePeople, recipients: people,
			occasion: string(pk.EventMeetingAgendaLate) + ":" + r.m.ID + ":" + fmtTime(r.m.StartsAt),
			data:     map[string]string{"title": r.m.Title, "starts": notify.Local(r.m.StartsAt, r.m.TimeZone), "notice": itoa(days)}})
		if err != nil {
			return false, err
		}
		wrote = wrote || ok
	}
	return wrote, nil
}

// tickMinutes reminds the organisers of a meeting whose minutes are still
// not approved notify.MinutesGrace after it ended (once, and not for
// meetings long past when notifications began).
func tickMinutes(ctx context.Context, tx *Tx) (bool, error) {
	rows, err := collect(scanMeetingRow)(tx.QueryContext(ctx, meetingRowColumns+`
		WHERE m.minutes_status <> 'approved' AND m.ends_at <= $1 AND m.ends_at > $2
			AND NOT EXISTS (SELECT 1 FROM events e WHERE e.occasion_key = 'meeting.minutes_unapproved:' || m.id)
		ORDER BY m.ends_at, m.id LIMIT $3`, fmtTime(tx.now.Add(-notify.MinutesGrace)), fmtTime(tx.now.Add(-notify.MinutesGrace-overdueWindow)), tickBatch))
	if err != nil {
		return false, err
	}
	wrote := false
	for _, r := range rows {
		if !notify.MinutesOverdue(r.m.EndsAt, r.approved, tx.now) {
			continue
		}
		people, err := organisers(ctx, tx, r.pid, r.createdBy)
		if err != nil {
			return false, err
		}
		ok, err := tx.writeEvent(ctx, r.pid, "", nil, &draft{kind: pk.EventMeetingMinutesUnapproved, subjectType: "meeting", subjectID: r.m.ID,
			audience: pk.AudiencePeople, recipients: people, occasion: string(pk.EventMeetingMinutesUnapproved) + ":" + r.m.ID,
			data: map[string]string{"title": r.m.Title, "starts": notify.Local(r.m.StartsAt, r.m.TimeZone)}})
		if err != nil {
			return false, err
		}
		wrote = wrote || ok
	}
	return wrote, nil
}

// Purge is the handler of EventsPurgeJob: it forgets notifications older
// than pk.NotificationRetention and the events no notification refers to
// any more (those of an older day; a consumer that has not read them by
// then never will).
func (store *EventStore) Purge(ctx context.Context, _ []byte) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		cut := fmtTime(tx.now.Add(-pk.NotificationRetention))
		if _, err := tx.ExecContext(ctx, `DELETE FROM notifications WHERE created_at < $1`, cut); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM events WHERE created_at < $1
			AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = events.id)`, cut)
		return err
	})
}
