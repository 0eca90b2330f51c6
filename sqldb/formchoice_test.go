package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestFormChoicesAndAdoption(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		a, err := db.Preparation.FormAdvice(w.Observer.Ctx, pid)
		if err != nil || a.Form.Recommended != "" || len(a.Form.Scores) != 5 || a.AdoptedForm != "network" {
			t.Fatalf("empty: %+v %v", a, err)
		}
		in := pk.FormChoices{
			Continuum: map[string]string{"purpose": "campaign_coalition", "time_horizon": "campaign_coalition", "vision_values": "network",
				"decision_making": "campaign_coalition", "relationship": "", "accountability": "campaign_coalition"},
			CoalitionType: map[string]string{"purpose": "campaign", "membership": "campaign"},
			Basis:         "issue", Structure: "formal",
		}
		a, err = db.Preparation.SaveFormChoices(w.Member.Ctx, pid, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Form.Recommended != "campaign_coalition" || a.CoalitionType.Recommended != "campaign" || a.Form.Implies == nil || len(a.Form.Explanations) != 5 {
			t.Fatalf("advice: %+v", a.Form)
		}
		got, err := db.Preparation.FormAdvice(w.Coordinator.Ctx, pid)
		if err != nil || got.Choices.Continuum["purpose"] != "campaign_coalition" || got.Choices.Basis != "issue" || got.Choices.UpdatedBy != w.Member.Name {
			t.Fatalf("saved: %+v %v", got.Choices, err)
		}
		if _, ok := got.Choices.Continuum["relationship"]; ok {
			t.Fatal("an empty choice was stored")
		}
		// Saving replaces every choice.
		if _, err := db.Preparation.SaveFormChoices(w.Member.Ctx, pid, pk.FormChoices{Basis: "group"}); err != nil {
			t.Fatal(err)
		}
		got, _ = db.Preparation.FormAdvice(w.Member.Ctx, pid)
		if len(got.Choices.Continuum) != 0 || got.Choices.Basis != "group" {
			t.Fatalf("replace: %+v", got.Choices)
		}
		_, err = db.Preparation.SaveFormChoices(w.Member.Ctx, pid, pk.FormChoices{Continuum: map[string]string{"purpose": "kingdom", "mood": "network"}})
		wantField(t, err, "continuum.purpose")
		wantField(t, err, "continuum.mood")
		_, err = db.Preparation.SaveFormChoices(w.Observer.Ctx, pid, pk.FormChoices{})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Preparation.FormAdvice(w.Outsider.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)

		// Adopting: coordinators only, with the partnership's version.
		v := got.PartnershipVersion
		_, err = db.Preparation.AdoptForm(w.Member.Ctx, pid, pk.AdoptInput{Kind: "form", Value: "campaign_coalition", Version: v})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Preparation.AdoptForm(w.Coordinator.Ctx, pid, pk.AdoptInput{Kind: "colour", Value: "red", Version: v})
		wantField(t, err, "kind")
		_, err = db.Preparation.AdoptForm(w.Coordinator.Ctx, pid, pk.AdoptInput{Kind: "basis", Value: "network", Version: v})
		wantField(t, err, "value")
		p, err := db.Preparation.AdoptForm(w.Coordinator.Ctx, pid, pk.AdoptInput{Kind: "form", Value: "campaign_coalition", Version: v})
		if err != nil || p.Form != "campaign_coalition" || p.Version != v+1 {
			t.Fatalf("adopt: %+v %v", p, err)
		}
		_, err = db.Preparation.AdoptForm(w.Coordinator.Ctx, pid, pk.AdoptInput{Kind: "structure", Value: "formal", Version: v})
		wantCode(t, err, pk.ECONFLICT)
		p, err = db.Preparation.AdoptForm(w.Coordinator.Ctx, pid, pk.AdoptInput{Kind: "structure", Value: "formal", Version: v + 1})
		if err != nil || p.Structure != "formal" || p.Form != "campaign_coalition" {
			t.Fatalf("adopt structure: %+v %v", p, err)
		}
		log, _, _ := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{})
		if log[0].Action != "partnership.adopt_structure" || log[1].Action != "partnership.adopt_form" {
			t.Fatalf("audit: %s %s", log[0].Action, log[1].Action)
		}
	})
}
