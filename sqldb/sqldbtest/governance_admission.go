package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/admission"
)

// AdmissionFixture is the admission of a world: Youth Sports Leipzig, an
// organisation on the platform, nominated by the member organisation, with
// two of the charter's three criteria checked (one unclear). It comes after
// the governance fixture (this file's name sorts after governance.go), whose
// charter holds the criteria.
type AdmissionFixture struct {
	Admission *pk.Admission
	// Candidate is the organisation the admission is linked to.
	Candidate *pk.Organisation
}

// Admission returns the admission fixture of a world.
func (w *World) Admission() *AdmissionFixture {
	f, _ := w.fixture("admission").(*AdmissionFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		pid, db := w.Partnership.ID, w.DB
		f := &AdmissionFixture{}
		var err error
		f.Candidate, err = db.Organisations.CreateOrganisation(w.Outsider.Ctx, pk.OrganisationInput{Name: "Youth Sports Leipzig", Kind: "youth", City: "Leipzig", YouthLed: true})
		must(t, err)
		a, err := db.Admissions.CreateAdmission(w.Member.Ctx, pid, pk.AdmissionInput{CandidateName: "Youth Sports Leipzig", OrganisationID: f.Candidate.ID,
			ContactName: "Sami", ContactEmail: "sami@example.org", Motivation: "Runs football for newly arrived teenagers.",
			Source: pk.SourceNomination, NominatedByID: w.MemberOrg.ID})
		must(t, err)
		cs := admission.Criteria(AdmissionCriteria)
		f.Admission, err = db.Admissions.CheckAdmission(w.Coordinator.Ctx, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
			{CriterionID: cs[0].ID, Result: pk.CheckMet, Evidence: "Weekly sessions in Grünau since 2024."},
			{CriterionID: cs[1].ID, Result: pk.CheckUnclear, EvidenceURL: "https://example.org/youth-sports/values"},
		}})
		must(t, err)
		w.setFixture("admission", f)
		w.Params["adid"] = a.ID
	})
}
