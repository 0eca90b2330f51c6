package reportview_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The health section reads the health module with the asker's rights: a
// member gets the round of the period with the module's own aggregates
// (an item rated by fewer than health.MinRaters shows no mean), the trust
// round in aggregate and the signals as of today; an observer gets no
// section; a period before the rounds lists none.
func TestHealthSection(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Health()
		v := w.AddVoters(t, w.Governance().Committee.ID, 1, true)[0]
		if _, err := db.Health.RateHealth(v.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 3}}}); err != nil {
			t.Fatal(err)
		}
		today := w.Clock.Now().UTC().Format("2006-01-02")
		period := pk.ReportPeriod{From: today, To: today}
		s, err := reportview.Health(w.Member.Ctx, db.Health, pid, period)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Rounds) != 1 || s.Rounds[0].Round.ID != f.Round.ID || s.Cut {
			t.Fatalf("rounds: %+v", s.Rounds)
		}
		byItem := map[string]health.Aggregate{}
		for _, a := range s.Rounds[0].Items {
			byItem[a.Item] = a
		}
		// sharing: 4, 2, 3 from three members; equal_opportunity: two.
		if a := byItem["sharing"]; a.N != 3 || a.Mean != 3 || a.Colour != health.Amber {
			t.Errorf("sharing: %+v", a)
		}
		if a := byItem["equal_opportunity"]; a.N != 2 || a.Mean != 0 || a.Colour != health.TooFew {
			t.Errorf("equal_opportunity shown below the minimum: %+v", a)
		}
		if s.Rounds[0].Overall != 3 {
			t.Errorf("overall %v", s.Rounds[0].Overall)
		}
		if s.Trust == nil || s.Trust.Round.ID != f.Trust.ID || s.Trust.Raters != 2 {
			t.Errorf("trust: %+v", s.Trust)
		}
		if s.Signals == nil || len(s.Signals.Signals) == 0 || !s.SignalsAsOfToday {
			t.Fatalf("signals: %+v", s.Signals)
		}
		fired := 0
		for _, sig := range s.Signals.Signals {
			if sig.State == health.Fires {
				fired++
			}
		}
		if s.SignalsFired != fired {
			t.Errorf("fired %d, counted %d", s.SignalsFired, fired)
		}

		past, err := reportview.Health(w.Member.Ctx, db.Health, pid, pk.ReportPeriod{From: "2020-01-01", To: "2020-12-31"})
		if err != nil || len(past.Rounds) != 0 || past.Trust != nil {
			t.Errorf("a past period: %v %+v", err, past)
		}

		src := reportview.Sources{Partnerships: db.Partnerships, Goals: db.Goals, Plans: db.Plans, Indicators: db.Indicators,
			Budget: db.Contributions, Decisions: db.Decisions, Evaluations: db.Evaluations, Meetings: db.Meetings, Health: db.Health}
		r, err := reportview.Build(w.Observer.Ctx, src, pid, period, w.Clock.Now())
		if err != nil || r.Health != nil {
			t.Errorf("the observer's report: %v %+v", err, r)
		}
		r, err = reportview.Build(w.Member.Ctx, src, pid, period, w.Clock.Now())
		if err != nil || r.Health == nil || len(r.Health.Rounds) != 1 {
			t.Errorf("the member's report: %v %+v", err, r)
		}
	})
}
