package demo

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The demonstration has one admission in progress, its criteria partly
// checked, the decision still to come.
func TestDemoAdmission(t *testing.T) {
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
		u, _, err := db.Accounts.UserBySession(ctx, secret)
		if err != nil {
			t.Fatal(err)
		}
		uctx := pk.NewContextWithUser(ctx, u)
		ps, _, err := db.Partnerships.Partnerships(uctx, pk.PageRequest{}, false)
		if err != nil || len(ps) != 1 {
			t.Fatal(err)
		}
		list, err := db.Admissions.Admissions(uctx, ps[0].ID)
		if err != nil || len(list.Items) != 1 {
			t.Fatalf("admissions: %v %+v", err, list)
		}
		a := list.Items[0]
		if a.Stage != pk.StageNominated || a.CriteriaTotal != 3 || a.CriteriaChecked != 2 || a.ProspectName == "" {
			t.Fatalf("admission in progress: %+v", a)
		}
	})
}
