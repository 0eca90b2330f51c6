package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// GovernanceFixture is what the governance fixtures made in a world: a
// strategic committee with an action group under it, seats for the member
// (in both, so the chart marks them), the member organisation and an ended
// seat, and a first charter.
type GovernanceFixture struct {
	Committee, Group *pk.Body
	// Seat is the member's chair of the committee; Ended a past seat.
	Seat, Ended *pk.Seat
	Charter     *pk.Charter
}

// Governance returns the governance fixtures of a world.
func (w *World) Governance() *GovernanceFixture {
	f, _ := w.fixture("governance").(*GovernanceFixture)
	return f
}

// AdmissionCriteria is the charter's admission criteria in the test world,
// one per line as the admission pipeline reads them.
const AdmissionCriteria = "- Works with young newcomers in the city\n- Shares the values of the charter\n- Sends a young person with lived experience"

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		f := &GovernanceFixture{}
		var err error
		f.Committee, err = db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "Strategic committee", Kind: pk.BodyStrategicCommittee,
			Mandate: "Sets the direction and decides on admission.", Cadence: "every three months", Quorum: 0.5})
		must(t, err)
		f.Group, err = db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "Youth council action group", Kind: pk.BodyActionGroup,
			ParentID: f.Committee.ID, ReportsToID: f.Committee.ID, ReportingCadence: "monthly", Quorum: 0.5})
		must(t, err)
		f.Seat, err = db.Bodies.AddSeat(c, pid, f.Committee.ID, pk.SeatInput{UserID: w.Member.ID, Position: pk.PositionChair, From: "2026-01-01"})
		must(t, err)
		_, err = db.Bodies.AddSeat(c, pid, f.Group.ID, pk.SeatInput{UserID: w.Member.ID, Position: pk.PositionConvener, From: "2026-01-01"})
		must(t, err)
		_, err = db.Bodies.AddSeat(c, pid, f.Committee.ID, pk.SeatInput{OrganisationID: w.MemberOrg.ID, Position: pk.PositionMember, From: "2026-01-01"})
		must(t, err)
		f.Ended, err = db.Bodies.AddSeat(c, pid, f.Committee.ID, pk.SeatInput{UserID: w.Coordinator.ID, Position: pk.PositionSecretary,
			From: "2025-01-01", Until: "2025-12-31"})
		must(t, err)
		f.Charter, err = db.Charter.AdoptCharter(c, pid, pk.CharterInput{AdoptedOn: "2026-01-15", AdoptedByBody: f.Committee.ID,
			AdoptionNote: "Adopted at the founding meeting.",
			Rules: []pk.BodyRule{
				{BodyID: f.Committee.ID, Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitOrganisation},
				{BodyID: f.Group.ID, Method: pk.MethodConsent, Quorum: 0.5, Unit: pk.UnitPerson},
			},
			Areas: []pk.AreaRule{
				{Area: pk.AreaBudget, BodyID: f.Committee.ID},
				{Area: pk.AreaAdmission, BodyID: f.Committee.ID},
				{Area: pk.AreaExternalStatements, BodyID: f.Group.ID, Method: pk.MethodChair, Unit: pk.UnitPerson},
				{Area: pk.AreaAgreementChanges, BodyID: f.Committee.ID, Method: pk.MethodTwoThirds, Quorum: 2.0 / 3, Unit: pk.UnitOrganisation},
			},
			CharterText: pk.CharterText{SafeSpace: "Tell the trusted person, Amal, in confidence.",
				AdmissionCriteria: AdmissionCriteria},
		})
		must(t, err)
		w.setFixture("governance", f)
		w.Params["boid"] = f.Committee.ID // {bid} is the bin's item already
		w.Params["seid"] = f.Seat.ID      // {sid} is a session already
	})
}
