package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/i18n"
)

// AgreementFixture is the agreement of a world: a memorandum of
// understanding drafted from the partnership's data and circulated, signed
// for Diaspora Voices by the member and not yet for Bridges Youth, with two
// checklist items answered (one settled), and the member's comment on the
// decision-making section.
type AgreementFixture struct {
	Agreement *pk.Agreement
	Comment   *pk.AgreementComment
}

// Agreement returns the agreement fixture of a world.
func (w *World) Agreement() *AgreementFixture {
	f, _ := w.fixture("agreement").(*AgreementFixture)
	return f
}

// english drafts the world's agreement, as a coordinator writing in English would.
var english = i18n.MustLoad().Localizer("en")

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		pid := w.Partnership.ID
		facts, err := w.DB.Agreements.AgreementFacts(w.Coordinator.Ctx, pid)
		must(t, err)
		a, err := w.DB.Agreements.CreateAgreement(w.Coordinator.Ctx, pid, pk.AgreementInput{Kind: agreement.KindMoU, Title: "Memorandum of understanding",
			Sections: agreement.Draft(agreement.KindMoU, *facts, english.T)})
		must(t, err)
		a, err = w.DB.Agreements.SetAgreementStatus(w.Coordinator.Ctx, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusCirculated})
		must(t, err)
		a, err = w.DB.Agreements.SignAgreement(w.Member.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.MemberOrg.ID, TypedName: w.Member.Name})
		must(t, err)
		_, err = w.DB.Agreements.SetAgreementChecklist(w.Coordinator.Ctx, pid, a.ID, pk.AgreementChecklistInput{Answers: []pk.AgreementChecklistEntry{
			{Item: "partners_named", Answer: agreement.InPlace}, {Item: "decisions", Answer: agreement.Partly, Note: "until the charter is adopted"}}})
		must(t, err)
		c, err := w.DB.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "decisions",
			Body: "Could the chair rotate every six months?"})
		must(t, err)
		w.setFixture("agreement", &AgreementFixture{Agreement: a, Comment: c})
		w.Params["agid"] = a.ID
		w.Params["cid"] = c.ID
	})
}
