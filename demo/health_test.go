package demo

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The demonstration's health round has a dominant member that the signals
// catch, and the members' own rating of the same item says the opposite.
func TestDemoHealthCatchesTheDominantMember(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		uctx, pid := signedIn(t, db)
		rep, err := db.Health.Signals(uctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		dominant := map[string]bool{}
		for _, s := range rep.Signals {
			if s.State == health.Fires && strings.HasPrefix(s.Key, "dominance_") {
				dominant[rep.Names[s.Org]] = true
			}
		}
		if !dominant["Bridges Refugee Youth Network"] {
			t.Errorf("the dominant members caught: %v", dominant)
		}
		rounds, err := db.Health.Rounds(uctx, pid, pk.RoundHealth)
		if err != nil || len(rounds.Items) != 2 || rounds.Items[0].Status != pk.RoundOpen {
			t.Fatalf("rounds %+v %v", rounds, err)
		}
		res, err := db.Health.HealthResults(uctx, pid, rounds.Items[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		disagree := 0
		for _, a := range res.Items {
			if health.Disagreement(a, rep.Signals) {
				disagree++
			}
		}
		if res.Shown != len(health.Items) || disagree == 0 || len(res.Comments) != 4 {
			t.Errorf("results: %d shown, %d disagreements, %d comments", res.Shown, disagree, len(res.Comments))
		}
		s, err := db.Health.TrustSummary(uctx, pid, "")
		if err != nil || !s.Shown || s.Orgs[0].Name == "" {
			t.Fatalf("trust %+v %v", s, err)
		}
	})
}
