package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func partyIDs(ps []pk.AgreementParty) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.OrganisationID)
	}
	return out
}

// The journey of the signature rule through storage: the world's agreement
// is signed by one of its two member organisations; the other signs and it
// is in force; an edit makes version 2, which no signature covers, and
// every organisation must sign again.
func TestAgreementSignaturesAndVersions(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		a := w.Agreement().Agreement
		if a.Status != agreement.StatusSigning || a.TextSHA256 != agreement.Hash(a.Text) {
			t.Fatalf("fixture: %s %s", a.Status, a.TextSHA256)
		}
		if got := partyIDs(a.SignedBy); len(got) != 1 || got[0] != w.MemberOrg.ID {
			t.Fatalf("signed by %v", got)
		}
		if got := partyIDs(a.Missing); len(got) != 1 || got[0] != w.Org.ID {
			t.Fatalf("missing %v", got)
		}
		// The member is no person of Bridges Youth: it may not sign for it;
		// nor sign twice for its own; the observer may not sign at all, the
		// outsider does not see the agreement.
		_, err := db.Agreements.SignAgreement(w.Member.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "Omar"})
		wantField(t, err, "organisation_id")
		_, err = db.Agreements.SignAgreement(w.Member.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.MemberOrg.ID, TypedName: "Omar"})
		wantField(t, err, "organisation_id")
		_, err = db.Agreements.SignAgreement(w.Observer.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "Olga"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Agreements.Agreement(w.Outsider.Ctx, pid, a.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Agreements.SignAgreement(w.Coordinator.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "Nadia", TextSHA256: agreement.Hash("other")})
		wantCode(t, err, pk.ECONFLICT)

		w.Clock.Advance(3600e9)
		a, err = db.Agreements.SignAgreement(w.Coordinator.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "  Nadia   Coordinator ", TextSHA256: a.TextSHA256})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != agreement.StatusInForce || len(a.Missing) != 0 || len(a.Signatures) != 2 || a.Signatures[1].TypedName != "Nadia Coordinator" || !a.Signatures[1].SignedAt.Equal(w.Clock.Now()) {
			t.Fatalf("after both signed: %s missing %v sigs %+v", a.Status, a.Missing, a.Signatures)
		}
		// Only coordinators edit.
		ss := append([]agreement.Section(nil), a.Sections...)
		ss[1].Body += "\nWe meet every month."
		_, err = db.Agreements.UpdateAgreementText(w.Member.Ctx, pid, a.ID, pk.AgreementTextInput{Version: a.Version, Sections: ss})
		wantCode(t, err, pk.EFORBIDDEN)
		old := a
		w.Clock.Advance(3600e9)
		a, err = db.Agreements.UpdateAgreementText(w.Coordinator.Ctx, pid, a.ID, pk.AgreementTextInput{Version: a.Version, Sections: ss, Note: "monthly meetings"})
		if err != nil {
			t.Fatal(err)
		}
		if a.TextVersion != 2 || a.Status != agreement.StatusCirculated || a.TextSHA256 == old.TextSHA256 || len(a.SignedBy) != 0 || len(a.Missing) != 2 {
			t.Fatalf("after edit: v%d %s signed %v missing %v", a.TextVersion, a.Status, a.SignedBy, a.Missing)
		}
		// The editor read version 1's lock: stale now.
		_, err = db.Agreements.UpdateAgreementText(w.Coordinator.Ctx, pid, a.ID, pk.AgreementTextInput{Version: old.Version, Sections: ss})
		wantCode(t, err, pk.ECONFLICT)

		vs, err := db.Agreements.AgreementVersions(w.Observer.Ctx, pid, a.ID)
		if err != nil || len(vs.Items) != 2 || vs.Items[0].Number != 2 || vs.Items[1].TextSHA256 != old.TextSHA256 || vs.Items[0].Note != "monthly meetings" {
			t.Fatalf("versions %v %+v", err, vs)
		}
		log, err := db.Agreements.AgreementLog(w.Observer.Ctx, pid, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var events []string
		for _, e := range log.Items {
			events = append(events, e.Event)
			if e.TextSHA256 == "" {
				t.Errorf("log entry without hash: %+v", e)
			}
		}
		if len(events) != 4 || events[0] != "version" || events[1] != "signature" || events[3] != "version" {
			t.Fatalf("log %v", events)
		}
		list, err := db.Agreements.Agreements(w.Observer.Ctx, pid)
		if err != nil || len(list.Items) != 1 || list.Cut {
			t.Fatalf("list %v %+v", err, list)
		}
	})
}

func TestAgreementDraftEditsInPlaceAndStatusMoves(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		_, err := db.Agreements.CreateAgreement(c, pid, pk.AgreementInput{Kind: "treaty", Title: ""})
		wantFields(t, err, "kind", "title")
		_, err = db.Agreements.CreateAgreement(c, pid, pk.AgreementInput{Kind: "mou", Title: "x", Sections: []agreement.Section{{ID: "nope", Title: "t"}}})
		wantField(t, err, "sections")
		a, err := db.Agreements.CreateAgreement(c, pid, pk.AgreementInput{Kind: "terms_of_reference", Title: "Youth panel",
			Sections: []agreement.Section{{ID: "values", Title: "Values", Body: "Respect"}, {ID: "partners", Title: "Partners", Body: "- Us"}}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Sections[0].ID != "partners" || a.Status != agreement.StatusDraft {
			t.Fatalf("sections not in order or status: %+v", a)
		}
		// Signing a draft is refused; it is not circulated yet.
		_, err = db.Agreements.SignAgreement(c, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: "Nadia"})
		wantCode(t, err, pk.ECONFLICT)
		a, err = db.Agreements.UpdateAgreementText(c, pid, a.ID, pk.AgreementTextInput{Version: a.Version, Sections: []agreement.Section{{ID: "values", Title: "Values", Body: "Respect and care"}}})
		if err != nil || a.TextVersion != 1 || a.Status != agreement.StatusDraft {
			t.Fatalf("draft edit: %v %+v", err, a)
		}
		_, err = db.Agreements.SetAgreementStatus(c, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusSuperseded})
		wantField(t, err, "status")
		_, err = db.Agreements.SetAgreementStatus(c, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusInForce})
		wantField(t, err, "status")
		a, err = db.Agreements.SetAgreementStatus(c, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusCirculated})
		if err != nil {
			t.Fatal(err)
		}
		a, err = db.Agreements.SetAgreementStatus(c, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusSuperseded})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Agreements.UpdateAgreementText(c, pid, a.ID, pk.AgreementTextInput{Version: a.Version, Sections: a.Sections})
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Agreements.Agreement(c, w.Other.ID, a.ID)
		wantCode(t, err, pk.ENOTFOUND)
	})
}

func TestAgreementChecklist(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, id := w.DB, w.Partnership.ID, w.Params["agid"]
		c, err := db.Agreements.AgreementChecklist(w.Observer.Ctx, pid, id)
		if err != nil || len(c.Items) != len(agreement.Checklist) || c.Done != 1 || c.Items[0].Group != "who" {
			t.Fatalf("world's checklist: %v %+v", err, c)
		}
		_, err = db.Agreements.SetAgreementChecklist(w.Member.Ctx, pid, id, pk.AgreementChecklistInput{})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Agreements.SetAgreementChecklist(w.Coordinator.Ctx, pid, id, pk.AgreementChecklistInput{Answers: []pk.AgreementChecklistEntry{{Item: "nope", Answer: "in_place"}}})
		wantField(t, err, "answers")
		c, err = db.Agreements.SetAgreementChecklist(w.Coordinator.Ctx, pid, id, pk.AgreementChecklistInput{Answers: []pk.AgreementChecklistEntry{
			{Item: "partners_named", Answer: "in_place"}, {Item: "budget", Answer: "not_relevant", Note: "no money involved"}, {Item: "exit", Answer: "partly"}}})
		if err != nil || c.Done != 2 {
			t.Fatalf("answered: %v %+v", err, c)
		}
		c, err = db.Agreements.SetAgreementChecklist(w.Coordinator.Ctx, pid, id, pk.AgreementChecklistInput{Answers: []pk.AgreementChecklistEntry{{Item: "budget", Answer: ""}}})
		if err != nil || c.Done != 1 {
			t.Fatalf("cleared: %v %+v", err, c)
		}
	})
}
