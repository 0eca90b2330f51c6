package demo

import (
	"context"
	"fmt"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(60, "admission", loadAdmission) }

// loadAdmission puts one admission in progress: the Leipzig Refugee Council,
// a prospect from outreach, proposed by the coordinator after the first
// talks, with two of the charter's three criteria checked (one still
// unclear) and the strategic committee's decision still to come.
func loadAdmission(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina, yusuf := w.People["Amina"].Ctx, w.People["Yusuf"].Ctx
	choices, err := db.Admissions.AdmissionChoices(amina, pid)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(choices.Prospects, func(c pk.Choice) bool { return c.Name == "Leipzig Refugee Council" })
	if i < 0 {
		return fmt.Errorf("no prospect Leipzig Refugee Council")
	}
	a, err := db.Admissions.CreateAdmission(amina, pid, pk.AdmissionInput{CandidateName: "Leipzig Refugee Council", Source: pk.SourceProspect,
		ProspectID: choices.Prospects[i].ID, ContactName: "Martina Roth", ContactEmail: "m.roth@refugee-council.example.org",
		Motivation: "Their youth project wants a say in the spring hearings; they bring legal advice for young people whose asylum case is open, which none of us can offer."})
	if err != nil {
		return err
	}
	if len(a.Criteria) < 3 {
		return fmt.Errorf("the charter gives %d admission criteria, want 3", len(a.Criteria))
	}
	_, err = db.Admissions.CheckAdmission(yusuf, pid, a.ID, pk.AdmissionChecksInput{Version: a.Version, Checks: []pk.AdmissionCheckInput{
		{CriterionID: a.Criteria[0].ID, Result: pk.CheckMet, Evidence: "Runs weekly youth advice hours in Leipzig-Ost since 2019; we visited in February.",
			EvidenceURL: "https://refugee-council.example.org/youth"},
		{CriterionID: a.Criteria[2].ID, Result: pk.CheckUnclear, Evidence: "Their youth project has two young volunteers with lived experience; whether one of them would represent the Council is still open."},
	}})
	return err
}
