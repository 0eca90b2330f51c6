package demo

import (
	"context"
	"fmt"

	"github.com/partnerkit/partnerkit/sqldb"
)

// Sizes of the demonstration. "small" is the city network alone; "large"
// adds a national coalition's worth of members, actors and work to it, to
// measure Partnerkit at the size of a national network (docs/performance.md).
var Sizes = map[string]sqldb.CoalitionSize{
	"small": {},
	"large": Large,
}

// Large is the large coalition: 500 member organisations, 2,000 people,
// 10,000 actors, 50,000 ties, 20 maps with two years of assessments, and
// the work of every module at that scale.
var Large = sqldb.CoalitionSize{
	Organisations: 500, People: 2000, Actors: 10000, Relationships: 50000,
	Maps: 20, MapActors: 500, AssessmentRounds: 8,
	ActionGroups: 10, Proposals: 500, Meetings: 1000,
	Goals: 30, Plans: 300, Tasks: 5000, Contributions: 1000,
	Indicators: 200, SurveyAnswers: 500, HealthRounds: 4, HealthRaters: 300,
}

// largeSeed fixes the large coalition's content: the same every load.
const largeSeed = 16

// LargeDomain is the email domain of the large coalition's people; each
// signs in as personNNNN@LargeDomain with the demonstration password.
const LargeDomain = "large.demo.partnerkit.example"

// LoadSize builds the demonstration once at the given size (a key of
// Sizes): the small one through the services, then, for a larger size, the
// rest in bulk into the same partnership. It reports whether it loaded.
func LoadSize(ctx context.Context, db *sqldb.DB, size string) (bool, error) {
	z, ok := Sizes[size]
	if !ok {
		return false, fmt.Errorf("unknown demonstration size %q (small or large)", size)
	}
	return loadSized(ctx, db, z)
}

func loadSized(ctx context.Context, db *sqldb.DB, z sqldb.CoalitionSize) (bool, error) {
	done, err := db.Setting(ctx, loadedKey)
	if err != nil || done != "" {
		return false, err
	}
	w, err := build(ctx, db)
	if err != nil {
		return false, err
	}
	if err := runLoaders(ctx, db, w); err != nil {
		return false, err
	}
	if z != (sqldb.CoalitionSize{}) {
		if _, err := sqldb.NewSeeder(db).SeedCoalition(ctx, w.Partnership.ID, sqldb.Coalition{Size: z, Seed: largeSeed,
			OwnerID: w.People["Amina"].User.ID, Password: Password, EmailDomain: LargeDomain}); err != nil {
			return false, err
		}
	}
	// The inboxes are derived from what the loaders and the coalition did,
	// as the server's jobs would, with the reminders the dates make due
	// (tasks, reports, agendas, minutes): last, so that every module's
	// events are in them from the first sign-in.
	if err := db.Events.Derive(ctx, nil); err != nil {
		return false, fmt.Errorf("notifications: %w", err)
	}
	if err := db.Events.Tick(ctx, nil); err != nil {
		return false, fmt.Errorf("reminders: %w", err)
	}
	return true, db.SetSetting(ctx, loadedKey, w.Partnership.ID)
}
