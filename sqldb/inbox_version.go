package sqldb

import (
	"context"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// A person's inbox version (users.inbox_version, migration 00040) rises
// with every write that can change which of their notifications they may
// see unread (inboxVisible): a notification of theirs written, read or
// removed; their place in a partnership given, changed or taken; an
// event's audience or subject changed; the thing an event is about deleted,
// moved to the bin or brought back. Every page shows the count of unread
// notifications, which is kept under it: the session's statement brings
// the version with the person.

// inboxPeopleTables are the tables whose rows name a person (user_id) and
// decide what their inbox shows.
var inboxPeopleTables = []string{"notifications", "partnership_people"}

// inboxEventColumns are the columns of an event the rule reads.
const inboxEventColumns = "kind, audience, subject_type, subject_id, partnership_id"

// inboxOfSubject is who has a notification about a subject of type typ
// whose ID is id (an SQL expression).
func inboxOfSubject(typ, id string) string {
	return `SELECT n.user_id FROM events e JOIN notifications n ON n.event_id = e.id WHERE e.subject_type = '` + typ + `' AND e.subject_id = ` + id
}

const bumpInbox = "UPDATE users SET inbox_version = inbox_version + 1 WHERE id "

func sqliteInboxTriggers() string {
	var sb strings.Builder
	trigger := func(name, when, table, body string) {
		sb.WriteString("-- +goose StatementBegin\nCREATE TRIGGER " + name + " " + when + " ON " + table + " FOR EACH ROW BEGIN\n    " + body + ";\nEND;\n-- +goose StatementEnd\n")
	}
	for _, t := range inboxPeopleTables {
		for _, ev := range []struct{ event, row string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			trigger(t+"_inbox_version_"+strings.ToLower(ev.event), "AFTER "+ev.event, t, bumpInbox+"= "+ev.row+".user_id")
		}
	}
	trigger("events_inbox_version_update", "AFTER UPDATE OF "+inboxEventColumns, "events",
		bumpInbox+"IN (SELECT user_id FROM notifications WHERE event_id = NEW.id)")
	for _, typ := range subjectTypes() {
		t := subjectTables[typ]
		trigger(t+"_inbox_version_insert", "AFTER INSERT", t, bumpInbox+"IN ("+inboxOfSubject(typ, "NEW.id")+")")
		trigger(t+"_inbox_version_delete", "AFTER DELETE", t, bumpInbox+"IN ("+inboxOfSubject(typ, "OLD.id")+")")
	}
	return sb.String()
}

func sqliteInboxTriggersDown() string {
	var sb strings.Builder
	for _, name := range inboxTriggerNames() {
		sb.WriteString("DROP TRIGGER " + name.trigger + ";\n")
	}
	return sb.String()
}

// PostgreSQL's are statement triggers with transition tables, so that a
// job writing the notifications of an event to two thousand people raises
// each person's version once.
func postgresInboxTriggers() string {
	var sb strings.Builder
	sb.WriteString(`-- +goose StatementBegin
CREATE FUNCTION bump_inbox_version() RETURNS trigger AS $$
BEGIN
    ` + bumpInbox + `IN (SELECT DISTINCT user_id FROM changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION bump_inbox_version_event() RETURNS trigger AS $$
BEGIN
    ` + bumpInbox + `IN (SELECT user_id FROM notifications WHERE event_id = NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION bump_inbox_version_subject() RETURNS trigger AS $$
BEGIN
    ` + bumpInbox + `IN (SELECT n.user_id FROM changed c JOIN events e ON e.subject_type = TG_ARGV[0] AND e.subject_id = c.id
        JOIN notifications n ON n.event_id = e.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
`)
	for _, t := range inboxPeopleTables {
		for _, ev := range []struct{ event, table string }{{"INSERT", "NEW"}, {"UPDATE", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("CREATE TRIGGER " + t + "_inbox_version_" + strings.ToLower(ev.event) + " AFTER " + ev.event + " ON " + t +
				" REFERENCING " + ev.table + " TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_inbox_version();\n")
		}
	}
	sb.WriteString("CREATE TRIGGER events_inbox_version_update AFTER UPDATE OF " + inboxEventColumns +
		" ON events FOR EACH ROW EXECUTE FUNCTION bump_inbox_version_event();\n")
	for _, typ := range subjectTypes() {
		t := subjectTables[typ]
		for _, ev := range []struct{ event, table string }{{"INSERT", "NEW"}, {"DELETE", "OLD"}} {
			sb.WriteString("CREATE TRIGGER " + t + "_inbox_version_" + strings.ToLower(ev.event) + " AFTER " + ev.event + " ON " + t +
				" REFERENCING " + ev.table + " TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_inbox_version_subject('" + typ + "');\n")
		}
	}
	return sb.String()
}

func postgresInboxTriggersDown() string {
	var sb strings.Builder
	for _, name := range inboxTriggerNames() {
		sb.WriteString("DROP TRIGGER " + name.trigger + " ON " + name.table + ";\n")
	}
	sb.WriteString("DROP FUNCTION bump_inbox_version_subject();\nDROP FUNCTION bump_inbox_version_event();\nDROP FUNCTION bump_inbox_version();\n")
	return sb.String()
}

type tableTrigger struct{ table, trigger string }

// inboxTriggerNames are the inbox version's triggers, the same on both
// engines.
func inboxTriggerNames() []tableTrigger {
	var names []tableTrigger
	for _, t := range inboxPeopleTables {
		for _, ev := range []string{"insert", "update", "delete"} {
			names = append(names, tableTrigger{t, t + "_inbox_version_" + ev})
		}
	}
	names = append(names, tableTrigger{"events", "events_inbox_version_update"})
	for _, typ := range subjectTypes() {
		t := subjectTables[typ]
		names = append(names, tableTrigger{t, t + "_inbox_version_insert"}, tableTrigger{t, t + "_inbox_version_delete"})
	}
	return names
}

// inboxKey is where a request's memo holds the asker's inbox version.
func inboxKey(uid string) string { return "inbox_version\x00" + uid }

// inboxVersion is person uid's inbox version: from the request's memo,
// where the session's statement put it, or read.
func (db *DB) inboxVersion(ctx context.Context, uid string) (string, error) {
	memo := pk.MemoFromContext(ctx)
	if v, ok := memo.Get(inboxKey(uid)); ok {
		return v.(string), nil
	}
	var v int64
	if err := db.read.QueryRowContext(ctx, `SELECT inbox_version FROM users WHERE id = $1`, uid).Scan(&v); err != nil {
		return "", err
	}
	version := strconv.FormatInt(v, 10)
	memo.Put(inboxKey(uid), version)
	return version, nil
}

// unreadCache holds each person's count of unread notifications under
// their inbox version: a number each, for the people who used the
// instance last.
var unreadCache = keep.New(4096, 1)
