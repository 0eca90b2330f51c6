package health

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type rateData struct {
	Round  *pk.Round
	Items  []string
	Scores []string
}

// scoreChoices are the 1–5 scale's values for a select.
var scoreChoices = []string{"1", "2", "3", "4", "5"}

func (h *Pages) ratePage(w http.ResponseWriter, r *http.Request) error {
	return h.renderRate(w, r, http.StatusOK, nil)
}

// renderRate shows the asker's own ratings of every item, as rows
// "ratings.N.*" so that a refused row's messages sit beside it.
func (h *Pages) renderRate(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionRateHealth, "health.rate.title", "health")
	if err != nil {
		return err
	}
	ctx, rid := r.Context(), r.PathValue("hrid")
	round, err := h.Health.Round(ctx, v.P.ID, rid)
	if err != nil {
		return err
	}
	mine, err := h.Health.MyHealthRatings(ctx, v.P.ID, rid)
	if err != nil {
		return err
	}
	vals := url.Values{}
	for i, m := range mine {
		row := "ratings." + strconv.Itoa(i) + "."
		if m.Score > 0 {
			vals.Set(row+"score", strconv.Itoa(m.Score))
		}
		vals.Set(row+"comment", m.Comment)
	}
	v.Form.Values = vals
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &rateData{Round: round, Items: health.ItemKeys, Scores: scoreChoices}
	h.Render(w, r, status, templates, "rate", v)
	return nil
}

// rateSave saves every item of the form: an item left without a score
// takes back an earlier one.
func (h *Pages) rateSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, rid := r.PathValue("pid"), r.PathValue("hrid")
	var in pk.HealthRatingInput
	for i, item := range health.ItemKeys {
		row := "ratings." + strconv.Itoa(i) + "."
		score := 0
		if s := r.PostForm.Get(row + "score"); s != "" {
			if score = web.Atoi(s); score == 0 {
				score = -1 // not a number: refused, naming the row
			}
		}
		in.Ratings = append(in.Ratings, pk.HealthRating{Item: item, Score: score, Comment: r.PostForm.Get(row + "comment")})
	}
	_, err := h.Health.RateHealth(r.Context(), pid, rid, in)
	if web.IsFormError(err) {
		return h.renderRate(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/health/rounds/"+rid, "flash.saved")
	return nil
}
