package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The report's health section: a member reads the period's health round
// with its aggregates (only items rated by enough members show a mean),
// the partner survey in aggregate and the signals as of today, on the page
// and in the JSON; an observer gets null and a page that says so; no
// comment reaches the report.
func TestReportHealth(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, f := e.Partnership.ID, e.Health()
	v := e.AddVoters(t, e.Governance().Committee.ID, 1, true)[0]
	if _, err := e.DB.Health.RateHealth(v.Ctx, pid, f.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "sharing", Score: 3}}}); err != nil {
		t.Fatal(err)
	}
	q := "?from=2026-01-01&to=2026-03-31"
	api := "/api/v1/partnerships/" + pid + "/report" + q
	res := e.do(t, "member", "GET", api, nil)
	prepStatus(t, "member json", res, 200)
	var r struct {
		Health *struct {
			Rounds []struct {
				Round struct {
					Title string `json:"title"`
				} `json:"round"`
				Items []struct {
					Item   string  `json:"item"`
					N      int     `json:"raters"`
					Mean   float64 `json:"mean"`
					Colour string  `json:"colour"`
				} `json:"items"`
				Overall float64 `json:"overall"`
			} `json:"rounds"`
			Trust *struct {
				Raters int `json:"raters"`
			} `json:"trust"`
			Signals *struct {
				Signals []struct {
					Key   string `json:"key"`
					State string `json:"state"`
				} `json:"signals"`
			} `json:"signals"`
			AsOfToday bool `json:"signals_as_of_today"`
		} `json:"health"`
	}
	if err := json.Unmarshal([]byte(res.Body), &r); err != nil || r.Health == nil || len(r.Health.Rounds) != 1 ||
		r.Health.Rounds[0].Round.Title != "Spring health check" || r.Health.Rounds[0].Overall != 3 ||
		r.Health.Trust == nil || r.Health.Trust.Raters != 2 || r.Health.Signals == nil || len(r.Health.Signals.Signals) == 0 || !r.Health.AsOfToday {
		t.Fatalf("member's health section: %v %.2000s", err, res.Body)
	}
	for _, it := range r.Health.Rounds[0].Items {
		if it.Item == "equal_opportunity" && (it.Colour != "too_few" || it.Mean != 0) {
			t.Errorf("an item below the minimum of raters shown: %+v", it)
		}
		if it.Item == "sharing" && (it.Colour != "amber" || it.Mean != 3) {
			t.Errorf("sharing: %+v", it)
		}
	}
	for _, c := range []string{"Ideas flow; money less so.", "The same voices decide."} {
		if strings.Contains(res.Body, jsonText(c)) {
			t.Errorf("a comment in the report: %q", c)
		}
	}
	page := e.do(t, "member", "GET", "/p/"+pid+"/report"+q, nil)
	prepStatus(t, "member page", page, 200)
	prepBody(t, "member page", page, "Health of the partnership", "Spring health check", "Partner survey 2026", "3.00",
		`class="badge rag-amber"`, "too few ratings to show", "as they stand today", "/health/signals")

	res = e.do(t, "observer", "GET", api, nil)
	prepStatus(t, "observer json", res, 200)
	if !strings.Contains(res.Body, `"health":null`) {
		t.Errorf("the observer's report shows health: %.500s", res.Body)
	}
	page = e.do(t, "observer", "GET", "/p/"+pid+"/report"+q, nil)
	if strings.Contains(page.Body, "Spring health check") || !strings.Contains(page.Body, "Health of the partnership") {
		t.Errorf("the observer's page: health shown or section missing")
	}
}
