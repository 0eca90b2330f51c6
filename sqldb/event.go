package sqldb

import (
	"context"
	"maps"
	"slices"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// The jobs of notifications. EventsDerivedJob turns committed audit entries
// into events and inbox rows; EventsTickJob makes the reminders due by the
// clock; EventsPurgeJob forgets notifications older than
// pk.NotificationRetention. After the derive or tick job commits new
// events it enqueues NotifyEmailJob and WebhookFanoutJob (one waiting of
// each); their handlers must also tolerate being run on a timer.
const (
	EventsDerivedJob = "events.derive"
	EventsTickJob    = "events.tick"
	EventsPurgeJob   = "events.purge"
	NotifyEmailJob   = "notify.email"
	WebhookFanoutJob = "webhook.fanout"
)

// VisibleTo is the one privacy decision for an event: whether userID may
// see ev now. The person must be in the partnership with at least the
// event's audience role and be allowed the action that guards the thing's
// page; an event for AudiencePeople must also be addressed to them (have
// their notification row); and the thing must still exist. It is the
// stored event ev.ID that is judged (eventVisible, the rule the inbox reads
// with), so a caller passes an event read from the events table. Any
// error refuses (the caller shows nothing).
func VisibleTo(ctx context.Context, q queryer, userID string, ev pk.Event) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM events e
		JOIN partnership_people pp ON pp.partnership_id = e.partnership_id AND pp.user_id = $1
		WHERE e.id = $2 AND `+eventVisible, userID, ev.ID).Scan(&n)
	return n > 0 && err == nil, err
}

// subjectTables names the table of each subject type events are about.
var subjectTables = map[string]string{
	"invitation":   "invitations",
	"proposal":     "proposals",
	"meeting":      "meetings",
	"action_item":  "meeting_action_items",
	"task":         "tasks",
	"plan":         "plans",
	"agreement":    "agreements",
	"survey":       "surveys",
	"health_round": "health_rounds",
}

// subjectTypes are subjectTables' types in order, for statements and
// triggers written the same each time.
func subjectTypes() []string { return slices.Sorted(maps.Keys(subjectTables)) }

// SubjectExists reports whether the thing an event is about is still in
// its partnership (not deleted, not moved to the bin). An unknown subject
// type is reported as gone: privacy fails closed.
func SubjectExists(ctx context.Context, q queryer, ev pk.Event) (bool, error) {
	table, ok := subjectTables[ev.SubjectType]
	if !ok {
		return false, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1 AND partnership_id = $2`,
		ev.SubjectID, ev.PartnershipID).Scan(&n)
	return n > 0, err
}

// queueDerive asks, after a write has committed, for the events to be
// derived — unless a run already waits unclaimed: it starts after this
// commit and so reads the write, and most writes of a busy instance then
// cost no second transaction. Should queuing fail, the server's timer
// queues the run anyway.
func queueDerive(ctx context.Context, db *DB) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	var waiting int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE unique_key = $1 AND dead = FALSE AND locked_until IS NULL`,
		EventsDerivedJob).Scan(&waiting)
	if err == nil && waiting > 0 {
		return
	}
	_ = db.inTx(ctx, func(tx *Tx) error { return tx.enqueue(ctx, EventsDerivedJob, struct{}{}, EventsDerivedJob) })
}
