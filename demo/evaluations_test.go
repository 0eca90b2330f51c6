package demo

import (
	"context"
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
		ctx := context.Background()
		if _, err := Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		_, secret, err := db.Accounts.SignIn(ctx, Email, Password, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		u, _, _ := db.Accounts.UserBySession(ctx, secret)
		uctx := pk.NewContextWithUser(ctx, u)
		ps, _, err := db.Partnerships.Partnerships(uctx, pk.PageRequest{Limit: 10}, false)
		if err != nil || len(ps) == 0 {
			t.Fatalf("partnerships: %v", err)
		}
		list, err := db.Evaluations.Evaluations(uctx, ps[0].ID)
		if err != nil || len(list.Items) != 1 || list.Items[0].Kind != pk.EvaluationFormative {
			t.Fatalf("evaluations: %v %+v", err, list)
		}
		page, err := db.Evaluations.Evaluation(uctx, ps[0].ID, list.Items[0].ID)
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
