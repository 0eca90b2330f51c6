package sqldb_test

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/theoryofchange"
)

func TestTheoryOfChange(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		stid := w.Params["stid"]
		toc, err := db.Preparation.TheoryOfChange(w.Observer.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		byID := func(toc *pk.TheoryOfChange, id string) *pk.ChangeStatement {
			for _, s := range toc.Statements {
				if s.ID == id {
					return s
				}
			}
			t.Fatalf("no statement %s", id)
			return nil
		}
		if len(toc.Statements) != 2 || len(toc.Problems) != 0 || len(byID(toc, stid).Leads) != 1 {
			t.Fatalf("fixture: %+v %+v", toc.Statements, toc.Problems)
		}
		vision := byID(toc, stid).Leads[0]

		// An outcome nobody links to: an orphan, then fixed by a link.
		o, err := db.Preparation.CreateChangeStatement(w.Member.Ctx, pid, pk.ChangeStatementInput{Level: "outcome", If: "young people are heard", Then: "policy changes"})
		if err != nil {
			t.Fatal(err)
		}
		toc, _ = db.Preparation.TheoryOfChange(w.Member.Ctx, pid)
		kinds := map[string]bool{}
		for _, p := range toc.Problems {
			kinds[p.Kind] = true
		}
		if !kinds[theoryofchange.Orphan] || !kinds[theoryofchange.Incomplete] {
			t.Fatalf("want orphan and incomplete: %+v", toc.Problems)
		}
		if _, err := db.Preparation.UpdateChangeStatement(w.Member.Ctx, pid, o.ID, pk.ChangeStatementInput{Level: "outcome", If: "young people are heard",
			Then: "policy changes", Because: "councils respond to evidence", Leads: []string{vision, vision}, Version: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Preparation.UpdateChangeStatement(w.Member.Ctx, pid, stid, pk.ChangeStatementInput{Level: "activity", If: "we run a youth panel",
			Then: "young people are heard", Because: "the council listens", Leads: []string{o.ID}, Version: 1}); err != nil {
			t.Fatal(err)
		}
		toc, _ = db.Preparation.TheoryOfChange(w.Member.Ctx, pid)
		if len(toc.Problems) != 0 {
			t.Fatalf("want no problems: %+v", toc.Problems)
		}
		svg := string(toc.SVG(nil))
		if !strings.Contains(svg, "<svg") || !strings.Contains(svg, `role="img"`) {
			t.Fatalf("svg: %.200s", svg)
		}

		// Links must point at statements of this partnership, not itself.
		other, err := db.Preparation.CreateChangeStatement(w.Outsider.Ctx, w.Other.ID, pk.ChangeStatementInput{Level: "vision", Then: "elsewhere"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Preparation.CreateChangeStatement(w.Member.Ctx, pid, pk.ChangeStatementInput{Level: "goal", Then: "x", Leads: []string{other.ID}})
		wantField(t, err, "leads")
		_, err = db.Preparation.UpdateChangeStatement(w.Member.Ctx, pid, o.ID, pk.ChangeStatementInput{Level: "outcome", Then: "x", Leads: []string{o.ID}, Version: 2})
		wantField(t, err, "leads")
		_, err = db.Preparation.CreateChangeStatement(w.Member.Ctx, pid, pk.ChangeStatementInput{Level: "dream", Then: ""})
		wantField(t, err, "level")
		wantField(t, err, "then")

		// Versions, roles and leaks.
		_, err = db.Preparation.UpdateChangeStatement(w.Member.Ctx, pid, o.ID, pk.ChangeStatementInput{Level: "outcome", Then: "x", Version: 1})
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Preparation.CreateChangeStatement(w.Observer.Ctx, pid, pk.ChangeStatementInput{Level: "goal", Then: "x"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Preparation.TheoryOfChange(w.Outsider.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)
		err = db.Preparation.DeleteChangeStatement(w.Coordinator.Ctx, pid, other.ID, 1)
		wantCode(t, err, pk.ENOTFOUND)

		// Deleting the vision removes the links to it: dead ends appear as no vision.
		if err := db.Preparation.DeleteChangeStatement(w.Coordinator.Ctx, pid, vision, 1); err != nil {
			t.Fatal(err)
		}
		toc, _ = db.Preparation.TheoryOfChange(w.Member.Ctx, pid)
		if len(toc.Statements) != 2 || len(byID(toc, stid).Leads) != 1 || len(byID(toc, o.ID).Leads) != 0 || toc.Problems[0].Kind != theoryofchange.NoVision {
			t.Fatalf("after delete: %+v %+v", toc.Statements, toc.Problems)
		}
	})
}
