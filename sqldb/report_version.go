package sqldb

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// dataVersion: the version of everything the partnership report reads
// (migration 00033). Every write to these tables raises it, in the writing
// transaction, by trigger; so does a change to the name of a person or an
// organisation in the partnership, or to who belongs to an organisation in
// it (the signals count by organisation).
var dataVersion = versionTriggers{column: "data_version", fn: "bump_data_version", tables: reportTables}

// reportTables are the tables with a partnership_id that the report's
// sections read, directly or for what they show (names of bodies, the
// charter's quorum and reopening rule, who is expected at a meeting).
var reportTables = []string{
	"partnership_people", "partnership_organisations", "bodies", "body_seats", "charter_versions",
	"agreements", "agreement_signatures", "change_statements",
	"goals", "goal_statements", "plans", "plan_milestones", "plan_budget_lines", "plan_staffing", "plan_expenses", "tasks",
	"budget_settings", "contributions", "barriers",
	"indicators", "indicator_targets", "indicator_measurements",
	"proposals", "ballots", "proposal_voters", "proposal_proxies", "secret_tallies", "decisions", "reopen_supporters",
	"meetings", "meeting_agenda_items", "meeting_attendance", "meeting_action_items",
	"evaluations", "evaluation_questions", "evaluation_changes", "continuation_points", "continuation_proposals", "closure_items",
	"health_rounds", "health_ratings", "trust_ratings",
}

// The tables without a partnership_id, found through their parent: a
// person's name and self-declared profile (the signals count people with
// lived experience and young people), an organisation's name, and who
// belongs to an organisation.
// SQLite runs the delete triggers before the row goes, while the parent
// rows still name it.
var dataVersionParents = []struct {
	table, events, sql string
}{
	{"users", "name, lived_experience, young", "SELECT partnership_id FROM partnership_people WHERE user_id = OLD.id"},
	{"organisations", "name", "SELECT partnership_id FROM partnership_organisations WHERE organisation_id = OLD.id"},
	{"organisation_people", "", "SELECT partnership_id FROM partnership_organisations WHERE organisation_id = ROW.organisation_id"},
}

func sqliteDataTriggers() string {
	s := dataVersion.sqlite()
	for _, p := range dataVersionParents {
		for _, ev := range parentEvents(p.events) {
			q := replaceRow(p.sql, ev.row)
			s += "-- +goose StatementBegin\n" +
				"CREATE TRIGGER " + p.table + "_data_version_" + ev.name + " " + ev.when + " ON " + p.table + " FOR EACH ROW BEGIN\n" +
				"    UPDATE partnerships SET data_version = data_version + 1 WHERE id IN (" + q + ");\nEND;\n" +
				"-- +goose StatementEnd\n"
		}
	}
	return s
}

func sqliteDataTriggersDown() string {
	s := ""
	for _, p := range dataVersionParents {
		for _, ev := range parentEvents(p.events) {
			s += "DROP TRIGGER " + p.table + "_data_version_" + ev.name + ";\n"
		}
	}
	return s + dataVersion.sqliteDown()
}

func postgresDataTriggers() string {
	s := dataVersion.postgres()
	for _, p := range dataVersionParents {
		for _, row := range eventRows(parentEvents(p.events)) {
			s += "-- +goose StatementBegin\n" +
				"CREATE FUNCTION bump_data_version_" + p.table + "_" + strings.ToLower(row) + "() RETURNS trigger AS $$\nBEGIN\n" +
				"    UPDATE partnerships SET data_version = data_version + 1 WHERE id IN (" + replaceRow(p.sql, row) + ");\n" +
				"    RETURN " + row + ";\nEND\n$$ LANGUAGE plpgsql;\n" +
				"-- +goose StatementEnd\n"
		}
		for _, ev := range parentEvents(p.events) {
			when := ev.when
			if ev.name == "delete" {
				when = "BEFORE DELETE"
			}
			s += "CREATE TRIGGER " + p.table + "_data_version_" + ev.name + " " + when + " ON " + p.table +
				" FOR EACH ROW EXECUTE FUNCTION bump_data_version_" + p.table + "_" + strings.ToLower(ev.row) + "();\n"
		}
	}
	return s
}

func postgresDataTriggersDown() string {
	s := ""
	for _, p := range dataVersionParents {
		for _, ev := range parentEvents(p.events) {
			s += "DROP TRIGGER " + p.table + "_data_version_" + ev.name + " ON " + p.table + ";\n"
		}
		for _, row := range eventRows(parentEvents(p.events)) {
			s += "DROP FUNCTION bump_data_version_" + p.table + "_" + strings.ToLower(row) + "();\n"
		}
	}
	return s + dataVersion.postgresDown()
}

type parentEvent struct{ name, when, row string }

// parentEvents are the triggers of a parent table: for a column (a name),
// its update and the row's delete; for none, every insert, update and
// delete.
func parentEvents(column string) []parentEvent {
	if column != "" {
		return []parentEvent{{"update", "AFTER UPDATE OF " + column, "OLD"}, {"delete", "BEFORE DELETE", "OLD"}}
	}
	return []parentEvent{{"insert", "AFTER INSERT", "NEW"}, {"update", "AFTER UPDATE", "NEW"}, {"delete", "BEFORE DELETE", "OLD"}}
}

func replaceRow(sql, row string) string { return strings.ReplaceAll(sql, "ROW.", row+".") }

// rows are the rows (NEW, OLD) a parent's triggers read.
func eventRows(events []parentEvent) []string {
	var out []string
	for _, ev := range events {
		if !slices.Contains(out, ev.row) {
			out = append(out, ev.row)
		}
	}
	return out
}

// ReportVersion is what the partnership report of pid made at now is kept
// under: the version of everything it reads (data_version) and of the
// partnership itself, and which of its meetings had begun by now (the
// meetings held and the attendance signal count those begun by the moment,
// not the day), named for this database among those the process opened.
// It is to be read before what it keys, so that nothing older than a
// version is ever kept under it.
//
// The partnership's proposals whose time is up are closed first (reading
// the decisions would close them), so that the version covers their
// decisions.
func (store *PartnershipStore) ReportVersion(ctx context.Context, pid string, now time.Time) (string, error) {
	db := store.db
	if err := (&DecisionStore{db}).settle(ctx, pid); err != nil {
		return "", err
	}
	// Under one data version the meetings' starts are fixed: they are kept
	// in order, and the last start by now (which says how many had begun as
	// well as their count would) is found among them without a statement.
	// The partnership's own version comes with the asker's role when the
	// request has read it.
	data, err := db.partnershipVersion(ctx, pid, "data_version")
	if err != nil {
		return "", err
	}
	kept, err := db.keptFact(ctx, pid, "meeting_starts", func() (any, error) { return meetingStarts(ctx, db, pid) })
	if err != nil {
		return "", err
	}
	starts := kept.([]string)
	own, ok := db.memoPartnershipVersion(ctx, pid)
	if !ok {
		var v int64
		if err := db.read.QueryRowContext(ctx, `SELECT version FROM partnerships WHERE id = $1`, pid).Scan(&v); err != nil {
			return "", err
		}
		own = strconv.FormatInt(v, 10)
	}
	begun := lastBefore(starts, func(s string) bool { return s <= fmtTime(now) })
	begunMinute := lastBefore(starts, func(s string) bool { return s < now.UTC().Format("2006-01-02T15:04") })
	return db.opened + "\x00" + data + "." + own + "." + begun + "." + begunMinute, nil
}

// meetingStarts are the starts of partnership pid's meetings, in order.
func meetingStarts(ctx context.Context, db *DB, pid string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT starts_at FROM meetings WHERE partnership_id = $1`, pid)
	starts, err := collect(func(r rowScanner) (string, error) { var s string; return s, r.Scan(&s) })(rows, err)
	// In byte order, as the statement compared them (a PostgreSQL
	// collation might order text otherwise).
	slices.Sort(starts)
	return starts, err
}

// lastBefore is the last of sorted starts for which before holds (it holds
// for a prefix of them), "" when none.
func lastBefore(starts []string, before func(string) bool) string {
	i, _ := slices.BinarySearchFunc(starts, true, func(s string, _ bool) int {
		if before(s) {
			return -1
		}
		return 1
	})
	if i == 0 {
		return ""
	}
	return starts[i-1]
}
