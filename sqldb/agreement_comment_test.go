package sqldb_test

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The charter in force reaches the draft: its bodies with the
// organisations seated today, each body's rule, every area's body and rule
// as the rule function answers it, and the draft's decision-making and
// roles sections say it in words.
func TestAgreementFactsCarryTheCharter(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		f, err := db.Agreements.AgreementFacts(w.Coordinator.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		g := f.Governance
		if g == nil || g.CharterVersion != 1 || g.AdoptedOn != "2026-01-15" || g.AdoptedBy != "Strategic committee" || len(g.Bodies) != 2 {
			t.Fatalf("governance %+v", g)
		}
		c := g.Bodies[0]
		// The member chairs it for Diaspora Voices and the organisation holds a
		// seat too (named once); the coordinator's seat ended last year.
		if c.Name != "Strategic committee" || strings.Join(c.Organisations, ",") != "Diaspora Voices" ||
			c.Rule != (agreement.DecisionRule{Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitOrganisation}) {
			t.Fatalf("committee %+v", c)
		}
		areas := map[string]agreement.AreaDecision{}
		for _, a := range g.Areas {
			areas[a.Area] = a
		}
		if a := areas[pk.AreaExternalStatements]; a.Body != "Youth council action group" || a.Rule.Method != pk.MethodChair {
			t.Errorf("external statements %+v", a)
		}
		if a := areas[pk.AreaBudget]; a.Body != "Strategic committee" || a.Rule.Method != pk.MethodGradients {
			t.Errorf("budget takes the committee's rule: %+v", a)
		}
		en := i18n.MustLoad().Localizer("en")
		s := agreement.Draft(agreement.KindMoU, *f, en.T)
		x, err := db.Agreements.CreateAgreement(w.Coordinator.Ctx, pid, pk.AgreementInput{Kind: agreement.KindMoU, Title: "MoU 2", Sections: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range x.Sections {
			switch sec.ID {
			case "decisions":
				for _, want := range []string{"Strategic committee", "66.7", "Youth council action group", "Gradients of Agreement"} {
					if !strings.Contains(sec.Body, want) {
						t.Errorf("decisions lack %q:\n%s", want, sec.Body)
					}
				}
			case "roles":
				if !strings.Contains(sec.Body, "Diaspora Voices") || !strings.Contains(sec.Body, "Sets the direction") {
					t.Errorf("roles:\n%s", sec.Body)
				}
			}
		}
		// Observers may read the agreement, not gather the facts of a draft.
		_, err = db.Agreements.AgreementFacts(w.Observer.Ctx, pid)
		wantCode(t, err, pk.EFORBIDDEN)
	})
}

func TestAgreementComments(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		a := w.Agreement().Agreement
		in := pk.AgreementCommentInput{Section: "decisions", Body: "  Who chairs?\r\nWe should rotate.  "}
		c, err := db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if c.Body != "Who chairs?\nWe should rotate." || c.TextVersion != a.TextVersion || c.UserName != w.Member.Name || !c.Deletable {
			t.Fatalf("comment %+v", c)
		}
		if m := auditAfter(t, db, w, "agreement.comment"); m == nil || m["section"] != "decisions" || m["comment_id"] != c.ID {
			t.Fatalf("audit %v", m)
		}
		// Observers read, not comment; outsiders do not see it; bad input names its field.
		_, err = db.Agreements.AddAgreementComment(w.Observer.Ctx, pid, a.ID, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Agreements.AddAgreementComment(w.Outsider.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "nope"})
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Agreements.AgreementComments(w.Outsider.Ctx, pid, a.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "nope", Body: "x"})
		wantField(t, err, "section")
		_, err = db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "values", Body: " \n "})
		wantField(t, err, "body")
		_, err = db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "values", Body: strings.Repeat("x", pk.MaxAgreementComment+1)})
		wantField(t, err, "body")
		_, err = db.Agreements.AddAgreementComment(w.Member.Ctx, pid, "nope", in)
		wantCode(t, err, pk.ENOTFOUND)

		w.Clock.Advance(60e9)
		mine, err := db.Agreements.AddAgreementComment(w.Coordinator.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "purpose", Body: "Fine by us."})
		if err != nil {
			t.Fatal(err)
		}
		// Sections in the order of the text; each asker sees what they may delete.
		for _, who := range []struct {
			p    *sqldbtest.Person
			want string
		}{{w.Observer, "purpose:false decisions:false decisions:false"}, {w.Member, "purpose:false decisions:true decisions:true"}, {w.Coordinator, "purpose:true decisions:true decisions:true"}} {
			l, err := db.Agreements.AgreementComments(who.p.Ctx, pid, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range l.Items {
				got = append(got, x.Section+":"+map[bool]string{true: "true", false: "false"}[x.Deletable])
			}
			if strings.Join(got, " ") != who.want || len(l.Cut) != 0 {
				t.Errorf("%s sees %v (cut %v), want %s", who.p.Name, got, l.Cut, who.want)
			}
		}
		// The member may not delete the coordinator's comment, the observer none;
		// a comment of another agreement or none at all is not found.
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Member.Ctx, pid, a.ID, mine.ID, 1), pk.EFORBIDDEN)
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Observer.Ctx, pid, a.ID, c.ID, 1), pk.EFORBIDDEN)
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Member.Ctx, pid, a.ID, "nope", 1), pk.ENOTFOUND)
		// A deletion names the version read: none, or a stale one, deletes nothing.
		wantField(t, db.Agreements.DeleteAgreementComment(w.Member.Ctx, pid, a.ID, c.ID, 0), "version")
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Member.Ctx, pid, a.ID, c.ID, 7), pk.ECONFLICT)
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Outsider.Ctx, pid, a.ID, c.ID, 1), pk.ENOTFOUND)
		// A coordinator removes anyone's, the author their own.
		if err := db.Agreements.DeleteAgreementComment(w.Coordinator.Ctx, pid, a.ID, c.ID, 1); err != nil {
			t.Fatal(err)
		}
		if err := db.Agreements.DeleteAgreementComment(w.Coordinator.Ctx, pid, a.ID, mine.ID, 1); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Agreements.DeleteAgreementComment(w.Coordinator.Ctx, pid, a.ID, mine.ID, 1), pk.ENOTFOUND)
		l, err := db.Agreements.AgreementComments(w.Member.Ctx, pid, a.ID)
		if err != nil || len(l.Items) != 1 {
			t.Fatalf("after deleting: %v %+v", err, l)
		}
	})
}

// A section keeps its newest comments and says the older were left out.
func TestAgreementCommentsBounded(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, a := w.DB, w.Partnership.ID, w.Agreement().Agreement
		for i := range pk.MaxAgreementSectionComments + 1 {
			w.Clock.Advance(1e9)
			if _, err := db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "budget", Body: "note " + string(rune('A'+i%26))}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "values", Body: "one"}); err != nil {
			t.Fatal(err)
		}
		l, err := db.Agreements.AgreementComments(w.Member.Ctx, pid, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		budget := l.Of("budget")
		if len(budget) != pk.MaxAgreementSectionComments || !l.CutOf("budget") || l.CutOf("values") || len(l.Of("values")) != 1 {
			t.Fatalf("%d budget comments, cut %v", len(budget), l.Cut)
		}
		// The oldest was left out: the first kept is the second written.
		if budget[0].Body != "note B" || !budget[0].CreatedAt.Before(budget[1].CreatedAt) {
			t.Fatalf("first kept %+v", budget[0])
		}
		// Comments live under a superseded agreement but no new ones come.
		x, err := db.Agreements.Agreement(w.Coordinator.Ctx, pid, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Agreements.SetAgreementStatus(w.Coordinator.Ctx, pid, a.ID, pk.AgreementStatusInput{Version: x.Version, Status: agreement.StatusSuperseded}); err != nil {
			t.Fatal(err)
		}
		_, err = db.Agreements.AddAgreementComment(w.Member.Ctx, pid, a.ID, pk.AgreementCommentInput{Section: "values", Body: "late"})
		wantCode(t, err, pk.ECONFLICT)
	})
}

func TestAgreementExportIsAudited(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, a := w.DB, w.Partnership.ID, w.Agreement().Agreement
		x, err := db.Agreements.ExportAgreement(w.Observer.Ctx, pid, a.ID, "docx")
		if err != nil {
			t.Fatal(err)
		}
		if x.TextSHA256 != a.TextSHA256 || len(x.Signatures) != 1 {
			t.Fatalf("export %+v", x)
		}
		if m := auditAfter(t, db, w, "agreement.export"); m == nil || m["format"] != "docx" || m["text_sha256"] != a.TextSHA256 {
			t.Fatalf("audit %v", m)
		}
		_, err = db.Agreements.ExportAgreement(w.Observer.Ctx, pid, a.ID, "pdf")
		wantField(t, err, "format")
		_, err = db.Agreements.ExportAgreement(w.Outsider.Ctx, pid, a.ID, "pdf")
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Agreements.ExportAgreement(w.Outsider.Ctx, pid, a.ID, "md")
		wantCode(t, err, pk.ENOTFOUND)
	})
}
