package demo

import (
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
		uctx, pid := signedIn(t, db)
		list, err := db.Admissions.Admissions(uctx, pid)
		if err != nil || len(list.Items) != 1 {
			t.Fatalf("admissions: %v %+v", err, list)
		}
		a := list.Items[0]
		if a.Stage != pk.StageNominated || a.CriteriaTotal != 3 || a.CriteriaChecked != 2 || a.ProspectName == "" {
			t.Fatalf("admission in progress: %+v", a)
		}
	})
}
