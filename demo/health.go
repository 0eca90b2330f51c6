package demo

import (
	"context"
	"fmt"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(80, "health", loadHealth) }

// demoHealthScores are each rater's scores of the health check's items in
// order (health.Items), for a first round (closed) and the current one.
// Every member rates equal opportunity well (4), while the signals show
// Bridges bringing most of the proposals: the page says they disagree,
// which is the conversation the coalition has to have.
var demoHealthScores = map[string][2][]int{
	//            own agr inc pre rol rul sha opp fun mon lea val shv ris inf mot con ben und ada
	"Amina": {{4, 3, 4, 4, 3, 3, 4, 4, 2, 3, 4, 4, 5, 3, 4, 4, 3, 4, 3, 3}, {4, 3, 4, 4, 4, 3, 4, 4, 2, 3, 4, 4, 5, 3, 4, 4, 3, 4, 4, 4}},
	"Leila": {{5, 3, 4, 3, 3, 3, 4, 4, 2, 2, 4, 4, 5, 3, 4, 4, 2, 4, 3, 3}, {5, 3, 5, 4, 3, 3, 4, 4, 2, 3, 5, 4, 5, 3, 4, 4, 3, 4, 3, 4}},
	"Yusuf": {{3, 2, 3, 3, 3, 2, 3, 3, 2, 2, 4, 3, 4, 3, 3, 3, 2, 4, 2, 3}, {3, 2, 3, 3, 3, 3, 3, 4, 2, 3, 4, 3, 4, 3, 4, 3, 2, 4, 3, 3}},
	"Chloe": {{3, 3, 3, 3, 2, 3, 3, 4, 1, 2, 3, 3, 4, 2, 3, 3, 2, 3, 2, 2}, {3, 3, 4, 3, 3, 3, 4, 4, 1, 3, 4, 3, 4, 3, 4, 3, 3, 3, 3, 3}},
	"Jonas": {{3, 2, 3, 2, 2, 2, 3, 3, 2, 2, 3, 3, 4, 2, 3, 3, 2, 3, 3, 2}, {4, 2, 3, 3, 3, 3, 3, 4, 2, 3, 4, 3, 4, 2, 4, 3, 2, 4, 3, 3}},
}

// demoHealthComments are comments of the current round, by rater and item.
var demoHealthComments = map[string]map[string]string{
	"Chloe": {"funding_range": "Almost everything comes from the Open Doors grant. If it stops, we stop."},
	"Jonas": {"agreement": "The youth council has not signed the new version yet — we are waiting for our board.",
		"equal_presence": "Our delegates are students; meetings at 10 in the morning are hard for us."},
	"Yusuf": {"conflict": "We never agreed what to do when two members disagree strongly."},
}

// demoDeclared are the self-declared answers of the demonstration people.
var demoDeclared = map[string]pk.SelfDeclared{
	"Amina": {LivedExperience: pk.DeclaredYes, Young: pk.DeclaredYes},
	"Leila": {LivedExperience: pk.DeclaredYes, Young: pk.DeclaredYes},
	"Yusuf": {LivedExperience: pk.DeclaredYes, Young: pk.DeclaredNo},
	"Chloe": {LivedExperience: pk.DeclaredNo, Young: pk.DeclaredNo},
	"Jonas": {Young: pk.DeclaredYes},
}

// demoTrust are the partner survey's ratings: rater, rating organisation,
// rated organisation, the six items and the tie.
var demoTrust = []struct {
	who, from, to string
	r             pk.TrustRating
}{
	{"Amina", "bridges", "diaspora", pk.TrustRating{Openness: 4, Reliability: 3, Mission: 4, Power: 3, Resources: 3, Involvement: 4, Intensity: "coordination"}},
	{"Amina", "bridges", "welcome", pk.TrustRating{Openness: 3, Reliability: 3, Mission: 3, Power: 2, Resources: 3, Involvement: 3, Intensity: "cooperation"}},
	{"Amina", "bridges", "youthcouncil", pk.TrustRating{Openness: 3, Reliability: 2, Mission: 4, Power: 3, Resources: 1, Involvement: 2, Intensity: "cooperation"}},
	{"Yusuf", "diaspora", "bridges", pk.TrustRating{Openness: 3, Reliability: 4, Mission: 4, Power: 4, Resources: 4, Involvement: 4, Intensity: "coordination"}},
	{"Yusuf", "diaspora", "welcome", pk.TrustRating{Openness: 3, Reliability: 3, Mission: 3, Power: 2, Resources: 2, Involvement: 2, Intensity: "awareness"}},
	{"Yusuf", "diaspora", "youthcouncil", pk.TrustRating{Openness: 2, Reliability: 2, Mission: 3, Power: 2, Resources: 1}},
	{"Chloe", "welcome", "bridges", pk.TrustRating{Openness: 3, Reliability: 3, Mission: 4, Power: 4, Resources: 3, Involvement: 4, Intensity: "coordination"}},
	{"Chloe", "welcome", "diaspora", pk.TrustRating{Openness: 4, Reliability: 3, Mission: 3, Power: 2, Resources: 2, Involvement: 3, Intensity: "cooperation"}},
	{"Jonas", "youthcouncil", "bridges", pk.TrustRating{Openness: 2, Reliability: 3, Mission: 3, Power: 4, Resources: 4, Involvement: 4, Intensity: "cooperation"}},
}

// loadHealth gives the coalition a closed and a current round of the
// health check, rated by every member, and an open partner survey.
func loadHealth(ctx context.Context, db *sqldb.DB, w *World) error {
	pid := w.Partnership.ID
	amina := w.People["Amina"].Ctx
	for first, d := range demoDeclared {
		if err := db.Accounts.SetSelfDeclared(w.People[first].Ctx, d); err != nil {
			return err
		}
	}
	for n, title := range []string{"Health check after the first six months", "Health check before the annual assembly"} {
		round, err := db.Health.OpenRound(amina, pid, pk.RoundInput{Kind: pk.RoundHealth, Title: title})
		if err != nil {
			return err
		}
		for _, first := range []string{"Amina", "Leila", "Yusuf", "Chloe", "Jonas"} {
			var in pk.HealthRatingInput
			for i, it := range health.Items {
				r := pk.HealthRating{Item: it.Key, Score: demoHealthScores[first][n][i]}
				if n == 1 {
					r.Comment = demoHealthComments[first][it.Key]
				}
				in.Ratings = append(in.Ratings, r)
			}
			if _, err := db.Health.RateHealth(w.People[first].Ctx, pid, round.ID, in); err != nil {
				return fmt.Errorf("%s rates %q: %w", first, title, err)
			}
		}
		if n == 0 {
			if round, err = db.Health.Round(amina, pid, round.ID); err != nil {
				return err
			}
			if _, err := db.Health.CloseRound(amina, pid, round.ID, round.Version); err != nil {
				return err
			}
		}
	}
	if _, err := db.Health.OpenRound(amina, pid, pk.RoundInput{Kind: pk.RoundTrust, Title: "Partner survey 2026"}); err != nil {
		return err
	}
	for _, t := range demoTrust {
		r := t.r
		r.RatedID = w.Orgs[t.to].ID
		if _, err := db.Health.RateTrust(w.People[t.who].Ctx, pid, pk.TrustRatingInput{OrganisationID: w.Orgs[t.from].ID,
			Ratings: []pk.TrustRating{r}}); err != nil {
			return fmt.Errorf("%s rates %s: %w", t.who, t.to, err)
		}
	}
	return nil
}
