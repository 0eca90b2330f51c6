package sqldb

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// InsertRowsForTest writes n rows into table in one transaction, row(i)
// giving the values of cols, with no permission check and no audit: tests
// of the lists' maxima need more rows than the services would write in
// reasonable time.
func InsertRowsForTest(ctx context.Context, db *DB, table string, cols []string, n int, row func(i int) []any) error {
	ph := make([]string, len(cols))
	for i := range ph {
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	q := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + strings.Join(ph, ", ") + `)`
	return db.inTx(ctx, func(tx *Tx) error {
		for i := range n {
			if _, err := tx.ExecContext(ctx, q, row(i)...); err != nil {
				return err
			}
		}
		return nil
	})
}

// CopyAssessmentsForTest repeats map mid's assessments copies more times
// (same actors, supports and dates, new IDs): a long history at the cost
// of one statement per copy.
func CopyAssessmentsForTest(ctx context.Context, db *DB, mid string, copies int) error {
	return db.inTx(ctx, func(tx *Tx) error {
		for c := 1; c <= copies; c++ {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO assessments (id, partnership_id, map_id, actor_id, support, influence, interest, note, assessed_by, assessed_at)
				SELECT id || CAST($1 AS TEXT), partnership_id, map_id, actor_id, support, influence, interest, note, assessed_by, assessed_at
				FROM assessments WHERE map_id = $2 AND id NOT LIKE '%~%' ORDER BY seq`, fmt.Sprintf("~%d", c), mid); err != nil {
				return err
			}
		}
		return nil
	})
}

// TimeForTest is a time as the tables store it.
func TimeForTest(t time.Time) string { return fmtTime(t) }
