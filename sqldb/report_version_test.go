package sqldb_test

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Every table the report reads raises the partnership's data version when
// written: each has its triggers for insert, update and delete, and an
// update of the rows a partnership with every module in use holds raises
// its version, table by table; so do a person's or an organisation's new
// name and a change of who belongs to an organisation in it. Another
// partnership's version stays as it was.
func TestDataVersionFollowsEveryReportTable(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		w.ReportModules()
		w.Agreement()
		w.Governance()
		ctx := context.Background()
		raw := sqldb.WriteForTest(db)
		pid := w.Partnership.ID
		version := func(pid string) int64 {
			t.Helper()
			var v int64
			if err := raw.QueryRowContext(ctx, `SELECT data_version FROM partnerships WHERE id = $1`, pid).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		triggers := func(table string) int {
			t.Helper()
			q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1 AND name LIKE '%data_version%'`
			if db.Dialect == sqldb.Postgres {
				q = `SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname LIKE '%data_version%'`
			}
			var n int
			if err := raw.QueryRowContext(ctx, q, table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		other := version(w.Other.ID)
		written := 0
		for _, table := range sqldb.ReportTablesForTest {
			t.Run(table, func(t *testing.T) {
				if n := triggers(table); n != 3 {
					t.Fatalf("%d triggers, want one for insert, update and delete", n)
				}
				var rows int
				if err := raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE partnership_id = $1`, pid).Scan(&rows); err != nil {
					t.Fatal(err)
				}
				if rows == 0 {
					t.Logf("%s: no rows in the test world, its triggers checked only", table)
					return
				}
				written++
				before := version(pid)
				if _, err := raw.ExecContext(ctx, `UPDATE `+table+` SET partnership_id = partnership_id WHERE partnership_id = $1`, pid); err != nil {
					t.Fatal(err)
				}
				if after := version(pid); after <= before {
					t.Errorf("an update left the version at %d", after)
				}
			})
		}
		if written < 30 {
			t.Errorf("only %d tables had rows to write: the test world no longer fills the report", written)
		}

		for _, c := range []struct {
			name string
			sql  string
			args []any
		}{
			{"a member renamed", `UPDATE users SET name = name || ' Jr' WHERE id = $1`, []any{w.Member.ID}},
			{"a member's profile changed", `UPDATE users SET young = 'yes' WHERE id = $1`, []any{w.Member.ID}},
			{"an organisation renamed", `UPDATE organisations SET name = name || ' e.V.' WHERE id = $1`, []any{w.MemberOrg.ID}},
			{"an organisation's people changed", `UPDATE organisation_people SET admin = admin WHERE organisation_id = $1`, []any{w.MemberOrg.ID}},
		} {
			t.Run(c.name, func(t *testing.T) {
				before := version(pid)
				if _, err := raw.ExecContext(ctx, c.sql, c.args...); err != nil {
					t.Fatal(err)
				}
				if after := version(pid); after <= before {
					t.Errorf("the version stayed at %d", after)
				}
			})
		}
		// A service's write raises it too (an insert, through the store).
		before := version(pid)
		if _, err := db.Goals.CreateGoal(w.Coordinator.Ctx, pid, pk.GoalInput{Kind: pk.GoalSpecific, Title: "One more goal"}); err != nil {
			t.Fatal(err)
		}
		if after := version(pid); after <= before {
			t.Errorf("a new goal left the version at %d", after)
		}
		if got := version(w.Other.ID); got != other {
			t.Errorf("another partnership's version went from %d to %d", other, got)
		}
	})
}
