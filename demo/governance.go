package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(50, "governance", loadGovernance) }

// loadGovernance gives the coalition the structure seed 001 describes: a
// strategic committee with a seat per member organisation, a small
// executive, and an action group for the youth hearings, with one seat that
// changed hands; and a charter adopted by the strategic committee.
func loadGovernance(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina := w.People["Amina"].Ctx
	strat, err := db.Bodies.CreateBody(amina, pid, pk.BodyInput{Name: "Strategic committee", Kind: pk.BodyStrategicCommittee,
		Mandate: "Sets the coalition's direction, admits new members and adopts the charter and the agreement. One seat per member organisation.",
		Cadence: "every three months", Quorum: 0.6})
	if err != nil {
		return err
	}
	exec, err := db.Bodies.CreateBody(amina, pid, pk.BodyInput{Name: "Executive committee", Kind: pk.BodyExecutiveCommittee,
		Mandate:  "Runs the coalition between meetings of the strategic committee; may spend up to 500 euros alone.",
		ParentID: strat.ID, ReportsToID: strat.ID, Cadence: "every two weeks", Quorum: 0.5, ReportingCadence: "at every strategic committee"})
	if err != nil {
		return err
	}
	group, err := db.Bodies.CreateBody(amina, pid, pk.BodyInput{Name: "Youth hearings action group", Kind: pk.BodyActionGroup,
		Mandate:  "Prepares the spring hearings of the city council with young newcomers, who chair the meetings.",
		ParentID: strat.ID, ReportsToID: exec.ID, Cadence: "weekly before a hearing", Quorum: 0.5, ReportingCadence: "monthly"})
	if err != nil {
		return err
	}
	seats := []struct {
		body        *pk.Body
		who, org    string
		position    string
		from, until string
	}{
		{strat, "", "bridges", pk.PositionChair, "2025-09-01", ""},
		{strat, "", "diaspora", pk.PositionViceChair, "2025-09-01", ""},
		{strat, "", "welcome", pk.PositionMember, "2025-09-01", ""},
		{strat, "", "youthcouncil", pk.PositionMember, "2025-09-01", ""},
		{strat, "", "opendoors", pk.PositionMember, "2025-09-01", ""},
		{exec, "Amina", "", pk.PositionChair, "2025-09-01", ""},
		{exec, "Yusuf", "", pk.PositionSecretary, "2025-09-01", ""},
		{exec, "Chloe", "", pk.PositionMember, "2025-09-01", "2026-01-31"},
		{exec, "Leila", "", pk.PositionMember, "2026-02-01", ""},
		{group, "Leila", "", pk.PositionConvener, "2025-10-01", ""},
		{group, "Jonas", "", pk.PositionMember, "2025-10-01", ""},
		{group, "Chloe", "", pk.PositionMember, "2025-10-01", ""},
	}
	for _, s := range seats {
		in := pk.SeatInput{Position: s.position, From: s.from, Until: s.until}
		if s.who != "" {
			in.UserID = w.People[s.who].User.ID
		} else {
			in.OrganisationID = w.Orgs[s.org].ID
		}
		if _, err := db.Bodies.AddSeat(amina, pid, s.body.ID, in); err != nil {
			return fmt.Errorf("seat in %s: %w", s.body.Name, err)
		}
	}
	first, err := db.Charter.AdoptCharter(amina, pid, pk.CharterInput{
		AdoptedOn: "2025-10-15", AdoptedByBody: strat.ID,
		AdoptionNote: "Adopted by consensus at the second strategic committee, after two rounds of comments from every member.",
		Rules: []pk.BodyRule{
			{BodyID: strat.ID, Method: pk.MethodGradients, Quorum: 0.6, Unit: pk.UnitOrganisation},
			{BodyID: exec.ID, Method: pk.MethodConsent, Quorum: 0.5, Unit: pk.UnitPerson},
			{BodyID: group.ID, Method: pk.MethodMajority, Quorum: 0.5, Unit: pk.UnitPerson},
		},
		Areas: []pk.AreaRule{
			{Area: pk.AreaBudget, BodyID: exec.ID},
			{Area: pk.AreaAdmission, BodyID: strat.ID, Method: pk.MethodTwoThirds, Quorum: 0.6, Unit: pk.UnitOrganisation},
			{Area: pk.AreaExternalStatements, BodyID: exec.ID, Method: pk.MethodChair, Quorum: 0, Unit: pk.UnitPerson},
			{Area: pk.AreaAgreementChanges, BodyID: strat.ID},
			{Area: "hearing_demands", BodyID: group.ID, Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitPerson},
		},
		CharterText: pk.CharterText{
			MeetingFrequency: "The strategic committee every three months, the executive every two weeks.", MeetingMaxMinutes: 120,
			MeetingMinParticipants: 3, AgendaDaysAhead: 7,
			EscalationDiscussion:   "First a conversation between the people concerned, with the executive's chair if they wish.",
			EscalationMediator:     "Then the mediator the strategic committee names each year (this year: a trainer of the city's mediation service).",
			EscalationArbiter:      "Finally a panel of three: one person named by each side and one both accept.",
			ReopenOnNewInformation: true, ReopenShare: 0.25, ReopenOrganisations: 2, ReopenAfterMonths: 6,
			AdmissionCriteria:  "Works in Leipzig with or for young refugees and migrants; shares the coalition's values; at least one young person with lived experience among its representatives.",
			Leaving:            "A member organisation may leave at any time by writing to the executive; it tells the others why, if it wishes.",
			Exclusion:          "Only for a serious breach of the code of conduct, by two thirds of the strategic committee, after the organisation was heard.",
			CodeOfConduct:      "We listen to the youngest first, speak in turn, keep to the time, and never speak for a community we are not part of.",
			SafeSpace:          "Discrimination is reported to one of two trusted people (one man, one woman, from different organisations), in person or by message. They keep the report confidential and act only with the consent of the person who reported.",
			InformationSharing: "Minutes go to every member within a week; the budget is open to all members; nothing about a young person is shared without their consent.",
		},
	})
	if err != nil {
		return err
	}
	// Three months on, the committee moved external statements up to
	// itself after a press release went out too fast: the second version
	// shows what changed from the first.
	second := pk.CharterInput{Version: first.Version, AdoptedOn: "2026-01-20", AdoptedByBody: strat.ID,
		AdoptionNote: "External statements now need the strategic committee: agreed after the December press release.",
		Rules:        first.Rules, Areas: append([]pk.AreaRule(nil), first.Areas...), CharterText: first.CharterText}
	for i, a := range second.Areas {
		if a.Area == pk.AreaExternalStatements {
			second.Areas[i] = pk.AreaRule{Area: a.Area, BodyID: strat.ID, Method: pk.MethodConsent, Quorum: 0.5, Unit: pk.UnitOrganisation}
		}
	}
	_, err = db.Charter.AdoptCharter(amina, pid, second)
	return err
}
