// Package reportviewtest gives the report's tests their sources and a
// world whose partnership has every module of the report in use.
package reportviewtest

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Sources are the report's services on db; kept says whether the report
// is kept under the data version.
func Sources(db *sqldb.DB, kept bool) reportview.Sources {
	src := reportview.Sources{Partnerships: db.Partnerships, Goals: db.Goals, Plans: db.Plans, Indicators: db.Indicators,
		Budget: db.Contributions, Decisions: db.Decisions, Evaluations: db.Evaluations, Meetings: db.Meetings, Health: db.Health}
	if kept {
		src.Version = db.Partnerships.ReportVersion
	}
	return src
}

// World is a test world whose partnership has every module in use.
func World(t *testing.T, db *sqldb.DB) *sqldbtest.World {
	w := sqldbtest.NewWorld(t, db)
	w.ReportModules()
	return w
}

// RecordMeasurement records a new result of the world's reached indicator
// a minute on, for checking that a write shows in the next report.
func RecordMeasurement(t *testing.T, db *sqldb.DB, w *sqldbtest.World) {
	t.Helper()
	w.Clock.Advance(time.Minute)
	value := 42.0
	if _, err := db.Indicators.RecordMeasurement(w.Coordinator.Ctx, w.Partnership.ID, w.Indicators().Reached.ID,
		pk.MeasurementInput{Date: db.Now().Format(time.DateOnly), Value: &value}); err != nil {
		t.Fatal(err)
	}
}

// SupportReopening has the world's member support reopening its decision,
// after a charter that allows it a month on: the decisions section then
// differs between the member and everyone else. It returns the decision.
func SupportReopening(t *testing.T, db *sqldb.DB, w *sqldbtest.World) string {
	t.Helper()
	pid, dec := w.Partnership.ID, w.Decisions().Decision
	c, err := db.Charter.Charter(w.Coordinator.Ctx, pid)
	if err != nil {
		t.Fatal(err)
	}
	in := pk.CharterInput{Version: c.Version, AdoptedOn: "2026-03-01", AdoptedByBody: c.AdoptedByBody, Rules: c.Rules, Areas: c.Areas,
		CharterText: c.CharterText}
	in.ReopenShare, in.ReopenAfterMonths = 0.9, 1
	if _, err := db.Charter.AdoptCharter(w.Coordinator.Ctx, pid, in); err != nil {
		t.Fatal(err)
	}
	w.Clock.Advance(32 * 24 * time.Hour)
	if _, err := db.Decisions.SupportReopening(w.Member.Ctx, pid, dec.ID); err != nil {
		t.Fatal(err)
	}
	return dec.ID
}
