package sqldb_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestHealthRoundsAndPermissions(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Health()
		_, err := db.Health.OpenRound(w.Coordinator.Ctx, pid, pk.RoundInput{Kind: pk.RoundHealth, Title: "Another"})
		wantField(t, err, "kind")
		_, err = db.Health.OpenRound(w.Member.Ctx, pid, pk.RoundInput{Kind: pk.RoundHealth, Title: "Mine"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Health.OpenRound(w.Coordinator.Ctx, pid, pk.RoundInput{Kind: "weather", Title: ""})
		wantFields(t, err, "kind", "title")
		_, err = db.Health.Rounds(w.Observer.Ctx, pid, pk.RoundHealth)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Health.HealthResults(w.Outsider.Ctx, pid, f.Round.ID)
		wantCode(t, err, pk.ENOTFOUND)
		// A trust round's ID is no health round.
		_, err = db.Health.HealthResults(w.Member.Ctx, pid, f.Trust.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Health.RateHealth(w.Observer.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 3}}})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Health.RateHealth(w.Member.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{
			{Item: "sharing", Score: 6}, {Item: "nonsense", Score: 3}, {Item: "learning", Comment: "no score"}}})
		wantFields(t, err, "ratings.0.score", "ratings.1.item", "ratings.2.score")
		list, err := db.Health.Rounds(w.Member.Ctx, pid, pk.RoundHealth)
		if err != nil || len(list.Items) != 1 || list.Items[0].Raters != 2 {
			t.Fatalf("rounds %+v %v", list, err)
		}
		_, err = db.Health.CloseRound(w.Coordinator.Ctx, pid, f.Round.ID, f.Round.Version+5)
		wantCode(t, err, pk.ECONFLICT)
		closed, err := db.Health.CloseRound(w.Coordinator.Ctx, pid, f.Round.ID, f.Round.Version)
		if err != nil || closed.Status != pk.RoundClosed || closed.ClosedAt == nil {
			t.Fatalf("close: %+v %v", closed, err)
		}
		_, err = db.Health.RateHealth(w.Member.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 3}}})
		wantCode(t, err, pk.ECONFLICT)
		// With the round closed, a new one may open.
		if _, err := db.Health.OpenRound(w.Coordinator.Ctx, pid, pk.RoundInput{Kind: pk.RoundHealth, Title: "Autumn"}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestHealthResultsAreAggregatesOnly(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Health()
		mine, err := db.Health.MyHealthRatings(w.Member.Ctx, pid, f.Round.ID)
		if err != nil || len(mine) != len(health.Items) {
			t.Fatalf("mine: %v %v", len(mine), err)
		}
		for _, r := range mine {
			if (r.Item == "sharing" && r.Score != 2) || (r.Item == "learning" && r.Score != 0) {
				t.Errorf("own rating %+v", r)
			}
		}
		// Two raters: below the small-number rule, nothing shown, no comment.
		res, err := db.Health.HealthResults(w.Member.Ctx, pid, f.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Shown != 0 || len(res.Comments) != 0 {
			t.Fatalf("two raters shown: %+v", res)
		}
		third := w.AddVoters(t, w.Governance().Committee.ID, 1, false)[0]
		if _, err := db.Health.RateHealth(third.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{
			{Item: "sharing", Score: 3}, {Item: "equal_opportunity", Score: 1, Comment: "Only one organisation speaks."}}}); err != nil {
			t.Fatal(err)
		}
		// Taking a rating back: score 0 deletes it.
		if _, err := db.Health.RateHealth(third.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 0}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Health.RateHealth(third.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 3}}}); err != nil {
			t.Fatal(err)
		}
		res, err = db.Health.HealthResults(w.Member.Ctx, pid, f.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		byItem := map[string]health.Aggregate{}
		for _, a := range res.Items {
			byItem[a.Item] = a
		}
		if a := byItem["sharing"]; a.N != 3 || a.Mean != 3 || a.Colour != health.Amber {
			t.Errorf("sharing %+v", a)
		}
		if a := byItem["equal_opportunity"]; a.N != 3 || a.Mean != 2 || a.Colour != health.Red {
			t.Errorf("equal_opportunity %+v", a)
		}
		if res.Shown != 2 || res.Overall != 2.5 || len(res.Comments) != 3 {
			t.Fatalf("results %+v", res)
		}
		// The answer names no rater: no user ID, no name anywhere in it.
		doc, _ := json.Marshal(res)
		for _, who := range []string{w.Member.ID, w.Coordinator.ID, third.ID, w.Member.Name, third.Name, "user"} {
			if strings.Contains(string(doc), who) {
				t.Errorf("results name %q: %s", who, doc)
			}
		}
		trend, err := db.Health.HealthTrend(w.Member.Ctx, pid)
		if err != nil || len(trend.Rounds) != 1 || trend.Rounds[0].Overall != 2.5 {
			t.Fatalf("trend %+v %v", trend, err)
		}
	})
}

func TestTrustRatingsByRepresentativesAndSummary(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		// The member represents Diaspora Voices, not Bridges Youth.
		_, err := db.Health.RateTrust(w.Member.Ctx, pid, pk.TrustRatingInput{OrganisationID: w.Org.ID,
			Ratings: []pk.TrustRating{{RatedID: w.MemberOrg.ID, Openness: 1}}})
		wantField(t, err, "organisation_id")
		_, err = db.Health.RateTrust(w.Member.Ctx, pid, pk.TrustRatingInput{OrganisationID: w.MemberOrg.ID,
			Ratings: []pk.TrustRating{{RatedID: w.MemberOrg.ID}, {RatedID: w.Other.ID}, {RatedID: w.Org.ID, Power: 5, Intensity: "friends"}}})
		wantFields(t, err, "ratings.0.rated_id", "ratings.2.power", "ratings.2.intensity")
		_, err = db.Health.RateTrust(w.Member.Ctx, pid, pk.TrustRatingInput{OrganisationID: w.MemberOrg.ID,
			Ratings: []pk.TrustRating{{RatedID: "no-such-org", Openness: 2}}})
		wantField(t, err, "ratings.0.rated_id")
		_, err = db.Health.TrustSheet(w.Observer.Ctx, pid, "", "")
		wantCode(t, err, pk.EFORBIDDEN)
		sheet, err := db.Health.TrustSheet(w.Member.Ctx, pid, "", "")
		if err != nil || sheet.OrganisationID != w.MemberOrg.ID || len(sheet.Ratings) != 1 || sheet.Ratings[0].Power != 4 || !sheet.Ratings[0].Complete {
			t.Fatalf("sheet %+v %v", sheet, err)
		}
		// One rater per organisation: nothing per organisation is shown.
		s, err := db.Health.TrustSummary(w.Member.Ctx, pid, "")
		if err != nil {
			t.Fatal(err)
		}
		if s.Orgs[0].Shown || s.Orgs[1].Shown || !s.Shown || s.Raters != 2 || s.Ties != 1 || s.Density != 1 {
			t.Fatalf("summary %+v", s)
		}
		// Two more organisations rate Bridges Youth: now it is shown.
		voters := w.AddVoters(t, w.Governance().Committee.ID, 2, true)
		for i, v := range voters {
			sheet, err := db.Health.TrustSheet(v.Ctx, pid, "", "")
			if err != nil || len(sheet.Choices) != 1 {
				t.Fatalf("voter sheet %+v %v", sheet, err)
			}
			in := pk.TrustRatingInput{OrganisationID: sheet.OrganisationID, Ratings: []pk.TrustRating{
				{RatedID: w.Org.ID, Openness: 2 + i, Reliability: 2, Mission: 2, Power: 4, Resources: 4, Involvement: 4, Intensity: "awareness"}}}
			if _, err := db.Health.RateTrust(v.Ctx, pid, in); err != nil {
				t.Fatal(err)
			}
		}
		s, err = db.Health.TrustSummary(w.Member.Ctx, pid, "")
		if err != nil {
			t.Fatal(err)
		}
		var bridges pk.TrustOrg
		for _, o := range s.Orgs {
			if o.ID == w.Org.ID {
				bridges = o
			}
		}
		// Trust means 3, 2 and 2.33 → 2.44; value 4 from all three.
		if !bridges.Shown || bridges.Raters != 3 || bridges.Trust != 2.44 || bridges.Value != 4 {
			t.Errorf("bridges %+v", bridges)
		}
		if s.Centralisation != 1 || s.Ties != 3 || s.Intensity["awareness"] != 2 {
			t.Errorf("network %+v", s)
		}
		doc, _ := json.Marshal(s)
		if strings.Contains(string(doc), "rater_org") || strings.Contains(string(doc), voters[0].ID) {
			t.Errorf("summary names a rater: %s", doc)
		}
	})
}

func TestSignalsCatchADominantMember(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		// Bridges Youth's coordinator chairs five more bodies.
		for i := range 5 {
			b, err := db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: fmt.Sprintf("Group %d", i), Kind: pk.BodyActionGroup})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Bodies.AddSeat(c, pid, b.ID, pk.SeatInput{UserID: w.Coordinator.ID, Position: pk.PositionChair, From: "2026-01-01"}); err != nil {
				t.Fatal(err)
			}
		}
		// Seven people hold roles; one says they have lived experience.
		voters := w.AddVoters(t, w.Governance().Committee.ID, 5, false)
		if err := db.Accounts.SetSelfDeclared(voters[0].Ctx, pk.SelfDeclared{LivedExperience: pk.DeclaredYes, Young: pk.DeclaredNo}); err != nil {
			t.Fatal(err)
		}
		if err := db.Accounts.SetSelfDeclared(voters[1].Ctx, pk.SelfDeclared{Young: "maybe"}); pk.ErrorCode(err) != pk.EINVALID {
			t.Fatalf("bad answer: %v", err)
		}
		_, err := db.Health.Signals(w.Observer.Ctx, pid)
		wantCode(t, err, pk.EFORBIDDEN)
		rep, err := db.Health.Signals(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]health.Signal{}
		for _, s := range rep.Signals {
			by[s.Key] = s
		}
		// Five chairs of six are Bridges Youth's (the member's chair
		// counts for Diaspora Voices).
		if d := by["dominance_chairs"]; d.State != health.Fires || d.Org != w.Org.ID || d.N != 6 || rep.Names[d.Org] != w.Org.Name {
			t.Errorf("dominance_chairs %+v", d)
		}
		if l := by["lived_roles"]; l.State != health.Fires || l.N != 7 || l.Value != 0.14 {
			t.Errorf("lived_roles %+v", l)
		}
		if y := by["young_roles"]; y.State != health.Fires || y.Value != 0 {
			t.Errorf("young_roles %+v", y)
		}
		// The world's agreement is signed by one of seven members.
		if a := by["agreement_signed"]; a.State != health.Fires || a.Of != 7 {
			t.Errorf("agreement_signed %+v", a)
		}
		// Too few proposals to judge.
		if p := by["dominance_proposals"]; p.State != health.NoData {
			t.Errorf("dominance_proposals %+v", p)
		}
		if o := by["overdue"]; o.Of == 0 {
			t.Errorf("overdue %+v", o)
		}
		// Money: the money signals judge what the world's contributions
		// hold, then Bridges Youth pledges most of it from one grant.
		if _, err := db.Contributions.RecordContribution(c, pid, pk.ContributionInput{OrganisationID: w.Org.ID, Kind: pk.ContributionMoney,
			Funder: "Open Doors grant", Amount: 9_000_000, PledgedOn: "2026-02-01"}); err != nil {
			t.Fatal(err)
		}
		rep, err = db.Health.Signals(w.Member.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range rep.Signals {
			by[s.Key] = s
		}
		if m := by["dominance_money"]; m.State != health.Fires || m.Org != w.Org.ID {
			t.Errorf("dominance_money %+v", m)
		}
		if f := by["funding_range"]; f.State != health.Fires || f.Org != "Open Doors grant" {
			t.Errorf("funding_range %+v", f)
		}
	})
}

// No rating leaves the store with its author: the audit log of rating,
// opening and closing holds no score and no comment.
func TestHealthAuditHoldsNoRatings(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, f := w.DB, w.Partnership.ID, w.Health()
		if _, err := db.Health.CloseRound(w.Coordinator.Ctx, pid, f.Round.ID, f.Round.Version); err != nil {
			t.Fatal(err)
		}
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, e := range entries {
			if !strings.HasPrefix(e.Action, "health.") && !strings.HasPrefix(e.Action, "trust.") {
				continue
			}
			seen++
			all := e.Summary + e.Before + e.After
			for _, leak := range []string{"score", "Ideas flow", "same voices", "openness", "power", "coordination", "cooperation"} {
				if strings.Contains(all, leak) {
					t.Errorf("%s entry holds %q: %s", e.Action, leak, all)
				}
			}
		}
		if seen < 6 {
			t.Errorf("%d health entries, want at least 6", seen)
		}
	})
}

// The self-declared answers are the person's own: in their data download
// and never in another person's.
func TestSelfDeclaredInTheDataExport(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		in := pk.SelfDeclared{LivedExperience: pk.DeclaredYes, Young: pk.DeclaredNo}
		if err := db.Accounts.SetSelfDeclared(w.Member.Ctx, in); err != nil {
			t.Fatal(err)
		}
		if got, err := db.Accounts.SelfDeclared(w.Member.Ctx); err != nil || got != in {
			t.Fatalf("own answers %+v %v", got, err)
		}
		d, err := db.Accounts.MyData(w.Member.Ctx)
		if err != nil || d.Profile.SelfDeclared != in {
			t.Fatalf("export %+v %v", d.Profile, err)
		}
		other, err := db.Accounts.MyData(w.Coordinator.Ctx)
		if err != nil || other.Profile.SelfDeclared != (pk.SelfDeclared{}) {
			t.Fatalf("coordinator's export %+v %v", other.Profile, err)
		}
	})
}
