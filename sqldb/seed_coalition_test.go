package sqldb_test

import (
	"context"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The large demonstration's generator, at a twentieth of its size, writes
// exactly what its size says on both engines, and the seeded people can
// sign in with the password given.
func TestSeedCoalitionCounts(t *testing.T) {
	t.Parallel()
	z := demo.Large.Divide(20)
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := context.Background()
		got, err := sqldb.NewSeeder(db).SeedCoalition(ctx, w.Partnership.ID, sqldb.Coalition{Size: z, Seed: 1,
			OwnerID: w.Coordinator.ID, Password: "a long enough password", EmailDomain: "seed.example"})
		if err != nil {
			t.Fatal(err)
		}
		raw := sqldb.RawForTest(db)
		count := func(query string) int {
			t.Helper()
			var n int
			if err := raw.QueryRowContext(ctx, query, w.Partnership.ID).Scan(&n); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			return n
		}
		for _, c := range []struct {
			what  string
			query string
			want  int
		}{
			{"member organisations", `SELECT COUNT(*) FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
				WHERE po.partnership_id = $1 AND o.name LIKE '% %' AND o.mission LIKE 'Works on %'`, z.Organisations},
			{"people", `SELECT COUNT(*) FROM partnership_people pp JOIN users u ON u.id = pp.user_id WHERE pp.partnership_id = $1 AND u.email LIKE '%@seed.example'`, z.People},
			{"actors", `SELECT COUNT(*) FROM actors WHERE partnership_id = $1 AND motivation LIKE 'Cares about %'`, z.Actors},
			{"relationships", `SELECT COUNT(*) FROM relationships r JOIN actors a ON a.id = r.from_actor WHERE r.partnership_id = $1 AND a.motivation LIKE 'Cares about %'`, z.Relationships},
			{"maps", `SELECT COUNT(*) FROM maps WHERE partnership_id = $1 AND title LIKE 'Who decides on %'`, z.Maps},
			{"assessments", `SELECT COUNT(*) FROM assessments s JOIN maps m ON m.id = s.map_id WHERE s.partnership_id = $1 AND m.title LIKE 'Who decides on %'`, z.Maps * z.MapActors * z.AssessmentRounds},
			{"proposals", `SELECT COUNT(*) FROM proposals WHERE partnership_id = $1 AND title LIKE 'Proposal %'`, z.Proposals},
			{"decisions", `SELECT COUNT(*) FROM decisions d JOIN proposals p ON p.id = d.proposal_id WHERE d.partnership_id = $1 AND p.title LIKE 'Proposal %'`, z.Proposals - max(1, z.Proposals/10)},
			{"meetings", `SELECT COUNT(*) FROM meetings WHERE partnership_id = $1 AND title LIKE 'Meeting %'`, z.Meetings},
			{"plans", `SELECT COUNT(*) FROM plans WHERE partnership_id = $1 AND title LIKE 'Plan %'`, z.Plans},
			{"tasks", `SELECT COUNT(*) FROM tasks WHERE partnership_id = $1 AND title LIKE 'Task %'`, z.Tasks},
			{"contributions", `SELECT COUNT(*) FROM contributions WHERE partnership_id = $1 AND description LIKE 'Towards %'`, z.Contributions},
			{"indicators", `SELECT COUNT(*) FROM indicators WHERE partnership_id = $1 AND name LIKE 'Young people reached %'`, z.Indicators},
			{"measurements", `SELECT COUNT(*) FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id WHERE m.partnership_id = $1 AND i.name LIKE 'Young people reached %'`, 8 * z.Indicators},
			{"survey answers", `SELECT COUNT(*) FROM survey_answers a JOIN surveys s ON s.id = a.survey_id WHERE a.partnership_id = $1 AND s.title LIKE 'Members'' satisfaction%'`, 2 * z.SurveyAnswers},
			{"health rounds", `SELECT COUNT(*) FROM health_rounds WHERE partnership_id = $1 AND title LIKE 'Health check %'`, z.HealthRounds},
		} {
			if n := count(c.query); n != c.want {
				t.Errorf("%s: %d, want %d", c.what, n, c.want)
			}
		}
		if count(`SELECT COUNT(*) FROM meeting_attendance WHERE partnership_id = $1`) == 0 || count(`SELECT COUNT(*) FROM ballots WHERE partnership_id = $1`) == 0 ||
			count(`SELECT COUNT(*) FROM health_ratings WHERE partnership_id = $1`) == 0 {
			t.Error("meetings, proposals and rounds without attendance, ballots or ratings")
		}
		// Seeded actors hold what the register's forms would accept: the
		// pages name a kind or sector by its key.
		if n := count(`SELECT COUNT(*) FROM actors WHERE partnership_id = $1 AND sector <> '' AND sector NOT IN ('` +
			strings.Join(pk.ActorSectors, "', '") + `')`); n > 0 {
			t.Errorf("%d seeded actors of a sector the register does not know", n)
		}
		if n := count(`SELECT COUNT(*) FROM actors WHERE partnership_id = $1 AND kind NOT IN ('` + strings.Join(pk.ActorKinds, "', '") + `')`); n > 0 {
			t.Errorf("%d seeded actors of a kind the register does not know", n)
		}
		if len(got.Emails) != z.People {
			t.Fatalf("%d emails", len(got.Emails))
		}
		if _, _, err := db.Accounts.SignIn(ctx, got.Emails[0], "a long enough password", "127.0.0.1", "test"); err != nil {
			t.Errorf("a seeded person cannot sign in: %v", err)
		}
	})
}
