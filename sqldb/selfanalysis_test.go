package sqldb_test

import (
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestSelfAnalysisContributions(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		said := w.Params["said"]

		// Two people write to the same section; both contributions stay.
		w.Clock.Advance(time.Hour)
		mine, err := db.Preparation.AddSelfAnalysis(w.Coordinator.Ctx, pid, pk.SelfAnalysisInput{Section: "strengths", Text: "Trusted by families."})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Preparation.AddSelfAnalysis(w.Coordinator.Ctx, pid, pk.SelfAnalysisInput{Section: "lived_experience", Answer: "yes", Text: "Three young refugees answered."})
		if err != nil {
			t.Fatal(err)
		}
		sa, err := db.Preparation.SelfAnalysis(w.Observer.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		var strengths, lived *pk.SelfAnalysisSection
		for _, s := range sa.Sections {
			switch s.ID {
			case "strengths":
				strengths = s
			case "lived_experience":
				lived = s
			}
		}
		if len(strengths.Entries) != 2 || strengths.Entries[0].ID != said || strengths.Entries[1].AuthorName != w.Coordinator.Name {
			t.Fatalf("strengths: %+v", strengths.Entries)
		}
		if strengths.Entries[0].Mine || !strengths.Entries[0].CreatedAt.Before(strengths.Entries[1].CreatedAt) {
			t.Fatalf("authorship or dates wrong: %+v", strengths.Entries[0])
		}
		if lived.Tally == nil || lived.Tally.Yes != 1 {
			t.Fatalf("lived experience tally: %+v", lived.Tally)
		}

		// Observers read only; outsiders and other partnerships see nothing.
		_, err = db.Preparation.AddSelfAnalysis(w.Observer.Ctx, pid, pk.SelfAnalysisInput{Section: "needs", Text: "x"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Preparation.SelfAnalysis(w.Outsider.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Preparation.AddSelfAnalysis(w.Outsider.Ctx, pid, pk.SelfAnalysisInput{})
		wantCode(t, err, pk.ENOTFOUND)

		// Validation: unknown section, empty text, missing yes/no answer.
		_, err = db.Preparation.AddSelfAnalysis(w.Member.Ctx, pid, pk.SelfAnalysisInput{Section: "gossip", Text: "x"})
		wantField(t, err, "section")
		_, err = db.Preparation.AddSelfAnalysis(w.Member.Ctx, pid, pk.SelfAnalysisInput{Section: "needs", Text: "  "})
		wantField(t, err, "text")
		_, err = db.Preparation.AddSelfAnalysis(w.Member.Ctx, pid, pk.SelfAnalysisInput{Section: "lived_experience"})
		wantField(t, err, "answer")

		// Only the author edits, with the current version.
		_, err = db.Preparation.UpdateSelfAnalysis(w.Member.Ctx, pid, mine.ID, pk.SelfAnalysisInput{Text: "mine now", Version: 1})
		wantCode(t, err, pk.EFORBIDDEN)
		up, err := db.Preparation.UpdateSelfAnalysis(w.Coordinator.Ctx, pid, mine.ID, pk.SelfAnalysisInput{Section: "needs", Text: "Trusted by many families.", Version: 1})
		if err != nil || up.Version != 2 || up.Section != "strengths" {
			t.Fatalf("update: %+v %v", up, err)
		}
		_, err = db.Preparation.UpdateSelfAnalysis(w.Coordinator.Ctx, pid, mine.ID, pk.SelfAnalysisInput{Text: "stale", Version: 1})
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Preparation.UpdateSelfAnalysis(w.Coordinator.Ctx, w.Other.ID, mine.ID, pk.SelfAnalysisInput{Text: "x", Version: 2})
		wantCode(t, err, pk.ENOTFOUND)
		err = db.Preparation.DeleteSelfAnalysis(w.Coordinator.Ctx, pid, said, 1)
		wantCode(t, err, pk.EFORBIDDEN)
		err = db.Preparation.DeleteSelfAnalysis(w.Member.Ctx, pid, said, 0)
		wantField(t, err, "version")
		if err := db.Preparation.DeleteSelfAnalysis(w.Member.Ctx, pid, said, 1); err != nil {
			t.Fatal(err)
		}
		err = db.Preparation.DeleteSelfAnalysis(w.Member.Ctx, pid, said, 1)
		wantCode(t, err, pk.ENOTFOUND)

		// The changes are in the audit log.
		log, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range log {
			seen[e.Action] = true
		}
		for _, a := range []string{"self_analysis.add", "self_analysis.update", "self_analysis.delete"} {
			if !seen[a] {
				t.Errorf("audit lacks %s", a)
			}
		}
	})
}

func TestOrganisationSelfAnalysis(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		oid := w.MemberOrg.ID
		e, err := db.Preparation.AddOrganisationSelfAnalysis(w.Member.Ctx, oid, pk.SelfAnalysisInput{Section: "motivation", Text: "We want a say in youth policy."})
		if err != nil {
			t.Fatal(err)
		}
		// The organisation's people only; everyone else gets not found.
		for _, p := range []*sqldbtest.Person{w.Coordinator, w.Observer, w.Outsider} {
			_, err := db.Preparation.OrganisationSelfAnalysis(p.Ctx, oid)
			wantCode(t, err, pk.ENOTFOUND)
			_, err = db.Preparation.AddOrganisationSelfAnalysis(p.Ctx, oid, pk.SelfAnalysisInput{Section: "needs", Text: "x"})
			wantCode(t, err, pk.ENOTFOUND)
		}
		sa, err := db.Preparation.OrganisationSelfAnalysis(w.Member.Ctx, oid)
		if err != nil || sa.OrganisationID != oid || len(sa.Sections[0].Entries) != 1 || !sa.Sections[0].Entries[0].Mine {
			t.Fatalf("%+v %v", sa, err)
		}
		// It is separate from the partnership's self-analysis.
		psa, err := db.Preparation.SelfAnalysis(w.Member.Ctx, w.Partnership.ID)
		if err != nil || len(psa.Sections[0].Entries) != 0 {
			t.Fatalf("leak into the partnership: %+v %v", psa.Sections[0], err)
		}
		if _, err := db.Preparation.UpdateOrganisationSelfAnalysis(w.Member.Ctx, oid, e.ID, pk.SelfAnalysisInput{Text: "A real say.", Version: 1}); err != nil {
			t.Fatal(err)
		}
		// A partnership entry cannot be edited through the organisation.
		_, err = db.Preparation.UpdateOrganisationSelfAnalysis(w.Member.Ctx, oid, w.Params["said"], pk.SelfAnalysisInput{Text: "x", Version: 1})
		wantCode(t, err, pk.ENOTFOUND)
		if err := db.Preparation.DeleteOrganisationSelfAnalysis(w.Member.Ctx, oid, e.ID, 2); err != nil {
			t.Fatal(err)
		}
	})
}
