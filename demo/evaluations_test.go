package demo

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The demonstration holds one formative evaluation with findings, a
// change made and the first pros and cons.
func TestDemoEvaluations(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		list, err := db.Evaluations.Evaluations(uctx, pid)
		if err != nil || len(list.Items) != 1 || list.Items[0].Kind != pk.EvaluationFormative {
			t.Fatalf("evaluations: %v %+v", err, list)
		}
		page, err := db.Evaluations.Evaluation(uctx, pid, list.Items[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		findings := 0
		for _, q := range page.Questions {
			if q.Finding != "" {
				findings++
			}
		}
		if findings != 4 || len(page.Changes) != 1 || len(page.Points) != 3 {
			t.Fatalf("findings %d, changes %d, points %d", findings, len(page.Changes), len(page.Points))
		}
	})
}
