package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The whole pipeline on both engines: the fixture's nomination with two
// criteria checked, refusals at each step naming the field, the decision
// of the committee the charter names, the agreement in force signed, and
// the organisation made an active member that the agreement counts.
func TestAdmissionPipeline(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f, g := w.Admission(), w.Governance()
		a := f.Admission
		if a.Stage != pk.StageNominated || a.CriteriaTotal != 3 || a.CriteriaChecked != 2 || a.NominatedByName != w.MemberOrg.Name ||
			a.DecidingBody == nil || a.DecidingBody.ID != g.Committee.ID || len(a.Criteria) != 3 || a.Criteria[0].Check == nil {
			t.Fatalf("fixture: %+v", a)
		}
		// Admitting before the third criterion is checked is refused.
		_, err := db.Admissions.DecideAdmission(c, pid, a.ID, pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: g.Committee.ID,
			DecidedOn: "2026-03-10", Version: a.Version})
		wantField(t, err, "outcome")
		// A check of a criterion the charter does not hold names its row.
		_, err = db.Admissions.CheckAdmission(c, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
			{CriterionID: a.Criteria[2].ID, Result: pk.CheckMet, Evidence: "x"}, {CriterionID: "000000000000", Result: pk.CheckMet, Evidence: "x"}}})
		wantField(t, err, "checks.1.criterion_id")
		_, err = db.Admissions.CheckAdmission(c, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
			{CriterionID: a.Criteria[2].ID, Result: pk.CheckMet}}})
		wantField(t, err, "checks.0.evidence")
		// Members propose but do not check.
		_, err = db.Admissions.CheckAdmission(w.Member.Ctx, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
			{CriterionID: a.Criteria[2].ID, Result: pk.CheckMet, Evidence: "x"}}})
		if pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member checks: %v", err)
		}
		a, err = db.Admissions.CheckAdmission(c, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
			{CriterionID: a.Criteria[1].ID, Result: pk.CheckMet, Evidence: "Signed our values statement."},
			{CriterionID: a.Criteria[2].ID, Result: pk.CheckMet, Evidence: "Lina, 19, will represent them."}}})
		if err != nil || a.Stage != pk.StageChecked || a.CriteriaChecked != 3 || a.CriteriaNotMet != 0 {
			t.Fatalf("checked: %v %+v", err, a)
		}
		// A stale version is a conflict and changes nothing.
		_, err = db.Admissions.WithdrawAdmission(c, pid, a.ID, pk.AdmissionStepInput{Version: a.Version - 1})
		if pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("stale: %v", err)
		}
		// The action group is not the body the charter names.
		_, err = db.Admissions.DecideAdmission(c, pid, a.ID, pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: g.Group.ID,
			DecidedOn: "2026-03-10", Version: a.Version})
		wantField(t, err, "body_id")
		_, err = db.Admissions.DecideAdmission(c, pid, a.ID, pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: g.Committee.ID,
			DecidedOn: "10/03/2026", Version: a.Version})
		wantField(t, err, "decided_on")
		a, err = db.Admissions.DecideAdmission(c, pid, a.ID, pk.AdmissionDecisionInput{Outcome: pk.OutcomeAdmitted, BodyID: g.Committee.ID,
			DecidedOn: "2026-03-10", Note: "Consent at the March committee.", Version: a.Version})
		if err != nil || a.Stage != pk.StageAdmitted || a.DecisionBodyName != g.Committee.Name || a.StageOn != "2026-03-10" {
			t.Fatalf("decided: %v %+v", err, a)
		}
		// No agreement is in force (the world's is still being signed):
		// signing is refused, activation needs a note.
		_, err = db.Admissions.SignAdmission(c, pid, a.ID, pk.AdmissionStepInput{Signatory: "Sami", Version: a.Version})
		wantField(t, err, "agreement")
		_, err = db.Admissions.ActivateAdmission(c, pid, a.ID, pk.AdmissionStepInput{Version: a.Version})
		wantField(t, err, "note")
		// Bridges Youth signs too, so the agreement comes into force.
		ag, err := db.Agreements.SignAgreement(c, pid, w.Agreement().Agreement.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "Nadia"})
		if err != nil || ag.Status != "in_force" {
			t.Fatalf("in force: %v %+v", err, ag)
		}
		a, err = db.Admissions.Admission(c, pid, a.ID)
		if err != nil || len(a.Agreements) != 1 || a.Agreements[0].Signed {
			t.Fatalf("agreements in force: %v %+v", err, a.Agreements)
		}
		_, err = db.Admissions.ActivateAdmission(c, pid, a.ID, pk.AdmissionStepInput{Note: "later", Version: a.Version})
		wantField(t, err, "agreement")
		_, err = db.Admissions.SignAdmission(c, pid, a.ID, pk.AdmissionStepInput{Version: a.Version})
		wantField(t, err, "signatory")
		a, err = db.Admissions.SignAdmission(c, pid, a.ID, pk.AdmissionStepInput{Signatory: "Sami  Haddad", On: "2026-03-20", Version: a.Version})
		if err != nil || a.Stage != pk.StageSigned || !a.Agreements[0].Signed || a.Signatory != "Sami Haddad" {
			t.Fatalf("signed: %v %+v", err, a)
		}
		// Once signed, the organisation that signed is the one that joins.
		_, err = db.Admissions.UpdateAdmission(c, pid, a.ID, pk.AdmissionInput{CandidateName: a.CandidateName, Source: a.Source,
			NominatedByID: a.NominatedByID, Version: a.Version})
		wantField(t, err, "organisation_id")
		a, err = db.Admissions.ActivateAdmission(c, pid, a.ID, pk.AdmissionStepInput{On: "2026-03-21", Version: a.Version})
		if err != nil || a.Stage != pk.StageActive {
			t.Fatalf("active: %v %+v", err, a)
		}
		m, err := db.Members.Members(c, pid)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, o := range m.Organisations {
			found = found || (o.OrganisationID == f.Candidate.ID && o.Status == "active")
		}
		if !found {
			t.Fatalf("not a member organisation: %+v", m.Organisations)
		}
		// The agreement counts the new member's signature: still in force.
		ag, err = db.Agreements.Agreement(c, pid, ag.ID)
		if err != nil || len(ag.Missing) != 0 || len(ag.SignedBy) != 3 {
			t.Fatalf("agreement after activation: %v signed %+v missing %+v", err, ag.SignedBy, ag.Missing)
		}
		steps, err := db.Admissions.AdmissionSteps(c, pid, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var path []string
		for _, s := range steps.Items {
			path = append(path, s.To+"@"+s.On)
		}
		want := []string{"nominated@" + steps.Items[0].On, "checked@" + steps.Items[1].On, "admitted@2026-03-10", "signed@2026-03-20", "active@2026-03-21"}
		if len(path) != len(want) {
			t.Fatalf("steps %v, want %v", path, want)
		}
		for i := range want {
			if path[i] != want[i] {
				t.Fatalf("steps %v, want %v", path, want)
			}
		}
		// Every step is audited.
		log, _, err := db.Partnerships.Audit(c, pid, pk.PageRequest{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range log {
			seen[e.Action] = true
		}
		for _, action := range []string{"admission.create", "admission.check", "admission.decide", "admission.sign", "admission.activate"} {
			if !seen[action] {
				t.Errorf("no audit entry %s", action)
			}
		}
		// An active admission takes no further step.
		_, err = db.Admissions.WithdrawAdmission(c, pid, a.ID, pk.AdmissionStepInput{Version: a.Version})
		wantField(t, err, "stage")
	})
}

// Creating: every way in, and the refusals that name their field.
func TestAdmissionCreateAndPrivacy(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		prospect := w.Playbook().Prospect
		_, err := db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "", Source: pk.SourceApplication})
		wantField(t, err, "candidate_name")
		_, err = db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceNomination})
		wantField(t, err, "nominated_by_id")
		_, err = db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceNomination, NominatedByID: w.Admission().Candidate.ID})
		wantField(t, err, "nominated_by_id")
		_, err = db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceApplication, OrganisationID: w.MemberOrg.ID})
		wantField(t, err, "organisation_id")
		_, err = db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceApplication, OrganisationID: w.Admission().Candidate.ID})
		wantField(t, err, "organisation_id") // an open admission already
		_, err = db.Admissions.CreateAdmission(c, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceProspect, ProspectID: "nope"})
		wantField(t, err, "prospect_id")
		_, err = db.Admissions.CreateAdmission(w.Observer.Ctx, pid, pk.AdmissionInput{CandidateName: "X", Source: pk.SourceApplication})
		if pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer proposes: %v", err)
		}
		_, err = db.Admissions.Admissions(w.Outsider.Ctx, pid)
		if pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		_, err = db.Admissions.Admission(w.Outsider.Ctx, w.Other.ID, w.Admission().Admission.ID)
		if pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("other partnership: %v", err)
		}
		a, err := db.Admissions.CreateAdmission(w.Member.Ctx, pid, pk.AdmissionInput{CandidateName: prospect.Name, Source: pk.SourceProspect,
			ProspectID: prospect.ID, ContactEmail: "hello@example.org"})
		if err != nil || a.Stage != pk.StageNominated || a.ProspectName != prospect.Name {
			t.Fatalf("from a prospect: %v %+v", err, a)
		}
		// Observers follow the pipeline without contact details or evidence.
		list, err := db.Admissions.Admissions(w.Observer.Ctx, pid)
		if err != nil || len(list.Items) != 2 {
			t.Fatalf("observer list: %v %+v", err, list)
		}
		for _, x := range list.Items {
			if x.ContactEmail != "" || x.ContactName != "" || x.Motivation != "" || x.DetailsShown {
				t.Errorf("observer sees details: %+v", x)
			}
		}
		seen, err := db.Admissions.Admission(w.Observer.Ctx, pid, w.Admission().Admission.ID)
		if err != nil || seen.Criteria[0].Check == nil || seen.Criteria[0].Check.Evidence != "" || seen.CriteriaChecked != 2 {
			t.Fatalf("observer admission: %v %+v", err, seen)
		}
		mine, err := db.Admissions.Admission(w.Member.Ctx, pid, w.Admission().Admission.ID)
		if err != nil || mine.ContactEmail == "" || !mine.DetailsShown {
			t.Fatalf("member admission: %v %+v", err, mine)
		}
		// A withdrawn candidate and a declined one end the pipeline.
		x, err := db.Admissions.WithdrawAdmission(c, pid, a.ID, pk.AdmissionStepInput{Note: "They merged with another group.", Version: a.Version})
		if err != nil || x.Stage != pk.StageWithdrawn {
			t.Fatalf("withdrawn: %v %+v", err, x)
		}
		f := w.Admission().Admission
		d, err := db.Admissions.DecideAdmission(c, pid, f.ID, pk.AdmissionDecisionInput{Outcome: pk.OutcomeDeclined, BodyID: w.Governance().Committee.ID,
			DecidedOn: "2026-03-10", Version: f.Version})
		if err != nil || d.Stage != pk.StageDeclined || d.Outcome != pk.OutcomeDeclined {
			t.Fatalf("declined: %v %+v", err, d)
		}
		choices, err := db.Admissions.AdmissionChoices(w.Member.Ctx, pid)
		if err != nil || len(choices.MemberOrganisations) != 2 || len(choices.Bodies) != 2 || len(choices.Prospects) == 0 {
			t.Fatalf("choices: %v %+v", err, choices)
		}
	})
}
