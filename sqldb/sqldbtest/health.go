package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// HealthFixture is what the health fixtures made in a world: an open health
// round that the coordinator and the member rated in part, and an open
// trust round where each of the two member organisations rated the other.
type HealthFixture struct {
	Round, Trust *pk.Round
}

// Health returns the health fixtures of a world.
func (w *World) Health() *HealthFixture {
	f, _ := w.fixture("health").(*HealthFixture)
	return f
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		f := &HealthFixture{}
		var err error
		f.Round, err = db.Health.OpenRound(c, pid, pk.RoundInput{Kind: pk.RoundHealth, Title: "Spring health check"})
		must(t, err)
		_, err = db.Health.RateHealth(c, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{
			{Item: "sharing", Score: 4, Comment: "Ideas flow; money less so."}, {Item: "equal_opportunity", Score: 3}}})
		must(t, err)
		_, err = db.Health.RateHealth(w.Member.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{
			{Item: "sharing", Score: 2}, {Item: "equal_opportunity", Score: 2, Comment: "The same voices decide."}}})
		must(t, err)
		f.Trust, err = db.Health.OpenRound(c, pid, pk.RoundInput{Kind: pk.RoundTrust, Title: "Partner survey 2026"})
		must(t, err)
		_, err = db.Health.RateTrust(c, pid, pk.TrustRatingInput{OrganisationID: w.Org.ID, Ratings: []pk.TrustRating{
			{RatedID: w.MemberOrg.ID, Openness: 4, Reliability: 3, Mission: 4, Power: 2, Resources: 2, Involvement: 3, Intensity: "coordination"}}})
		must(t, err)
		_, err = db.Health.RateTrust(w.Member.Ctx, pid, pk.TrustRatingInput{OrganisationID: w.MemberOrg.ID, Ratings: []pk.TrustRating{
			{RatedID: w.Org.ID, Openness: 3, Reliability: 3, Mission: 3, Power: 4, Resources: 4, Involvement: 4, Intensity: "cooperation"}}})
		must(t, err)
		w.setFixture("health", f)
		w.Params["hrid"] = f.Round.ID
	})
}
