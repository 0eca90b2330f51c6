package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

// After governance: the decision-making section is drafted from the charter.
func init() { register(60, "agreement", loadAgreement) }

// loadAgreement drafts the coalition's memorandum of understanding from
// what the demonstration knows, fills in the sections the partners agreed,
// circulates it, and has three of the five member organisations sign it:
// the City Youth Council and the Open Doors Foundation are still to sign.
// Members have commented on three sections, in their own languages.
func loadAgreement(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina := w.People["Amina"].Ctx
	facts, err := db.Agreements.AgreementFacts(amina, pid)
	if err != nil {
		return err
	}
	en := i18n.MustLoad().Localizer("en")
	sections := agreement.Draft(agreement.KindMoU, *facts, en.T)
	agreed := map[string]string{
		"objectives":   "- **Shared**: young newcomers are heard in every hearing on the city's youth and integration policy.\n- **Own**: each organisation keeps its own programmes; the coalition adds a common voice.",
		"values":       "- Nothing about young newcomers without them.\n- No single organisation dominates: the chair rotates every six months.\n- A safe space: discrimination is reported to the confidential contact, never in the group chat.",
		"expectations": "Each partner sends a representative to the monthly meeting, answers within a week, and tells the others before speaking to the press on the coalition's behalf.",
		"information":  "Minutes are shared with all members within three days; personal data of the young people we work with is never shared.",
		"duration":     "This memorandum runs for two years and is reviewed after one. A partner may leave with one month's notice. Grievances go first to the chair, then to a mediator the partners name together.",
	}
	for i := range sections {
		if body, ok := agreed[sections[i].ID]; ok {
			sections[i].Body = body
		}
	}
	a, err := db.Agreements.CreateAgreement(amina, pid, pk.AgreementInput{Kind: agreement.KindMoU, Title: "Memorandum of understanding of the Welcome City Coalition", Sections: sections})
	if err != nil {
		return err
	}
	if a, err = db.Agreements.SetAgreementStatus(amina, pid, a.ID, pk.AgreementStatusInput{Version: a.Version, Status: agreement.StatusCirculated}); err != nil {
		return err
	}
	for _, s := range []struct{ who, org string }{{"Amina", "bridges"}, {"Yusuf", "diaspora"}, {"Chloe", "welcome"}} {
		p := w.People[s.who]
		if a, err = db.Agreements.SignAgreement(p.Ctx, pid, a.ID, pk.AgreementSignInput{OrganisationID: w.Orgs[s.org].ID, TypedName: p.User.Name, TextSHA256: a.TextSHA256}); err != nil {
			return fmt.Errorf("%s signs: %w", s.who, err)
		}
	}
	for _, c := range []struct{ who, section, body string }{
		{"Jonas", "decisions", "The youth council can only sign once its plenary has voted on the two-thirds rule for changes; our next plenary is on the 12th."},
		{"Leila", "values", "نقترح إضافة مبدأ: تُترجم كل الوثائق الأساسية إلى العربية قبل التصويت عليها."},
		{"Chloe", "budget", "Pouvons-nous préciser qui tient les comptes du fonds commun et à quelle fréquence ils sont présentés ?"},
		{"Amina", "budget", "Good point: the Welcome Centre keeps the accounts and presents them at every quarterly meeting. I will add it in the next version."},
	} {
		if _, err := db.Agreements.AddAgreementComment(w.People[c.who].Ctx, pid, a.ID, pk.AgreementCommentInput{Section: c.section, Body: c.body}); err != nil {
			return fmt.Errorf("%s comments: %w", c.who, err)
		}
	}
	return nil
}
