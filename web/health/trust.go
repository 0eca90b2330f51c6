package health

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/trust"
	"github.com/partnerkit/partnerkit/web"
)

type trustData struct {
	Sheet       *pk.TrustSheet
	Items       []string
	Scores      []string
	Intensities []string
}

// trustScores are the 1–4 scale's values for a select.
var trustScores = []string{"1", "2", "3", "4"}

func (h *Pages) trustPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderTrust(w, r, http.StatusOK, nil)
}

// renderTrust shows the sheet of the organisation the asker rates for
// (?organisation= when they represent several), with its own ratings.
// Without an open round it says so and links to the summary.
func (h *Pages) renderTrust(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionRateHealth, "trust.title", "health")
	if err != nil {
		return err
	}
	oid := r.URL.Query().Get("organisation")
	if formErr != nil {
		oid = r.PostForm.Get("organisation_id")
	}
	sheet, err := h.Health.TrustSheet(r.Context(), v.P.ID, "", oid)
	if pk.ErrorCode(err) == pk.ENOTFOUND && oid == "" {
		// No open round: the page says so.
		v.Data = &trustData{}
		h.Render(w, r, status, templates, "trust", v)
		return nil
	} else if err != nil {
		return err
	}
	vals := url.Values{"organisation_id": {sheet.OrganisationID}}
	for i, x := range sheet.Ratings {
		row := "ratings." + strconv.Itoa(i) + "."
		vals.Set(row+"rated_id", x.RatedID)
		for j, s := range []int{x.Openness, x.Reliability, x.Mission, x.Power, x.Resources, x.Involvement} {
			if s > 0 {
				vals.Set(row+trust.Items[j], strconv.Itoa(s))
			}
		}
		vals.Set(row+"intensity", x.Intensity)
	}
	v.Form.Values = vals
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &trustData{Sheet: sheet, Items: trust.Items, Scores: trustScores, Intensities: pk.TrustIntensities}
	h.Render(w, r, status, templates, "trust", v)
	return nil
}

// trustSave saves the sheet: every row the form carries.
func (h *Pages) trustSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid := r.PathValue("pid")
	in := pk.TrustRatingInput{OrganisationID: r.PostForm.Get("organisation_id")}
	score := func(name string) int {
		s := r.PostForm.Get(name)
		if s == "" {
			return 0
		}
		if n := web.Atoi(s); n != 0 {
			return n
		}
		return -1 // not a number: refused, naming the row
	}
	for i := 0; i < pk.MaxTrustOrganisations; i++ {
		row := "ratings." + strconv.Itoa(i) + "."
		id := r.PostForm.Get(row + "rated_id")
		if id == "" {
			break
		}
		in.Ratings = append(in.Ratings, pk.TrustRating{RatedID: id, Openness: score(row + "openness"), Reliability: score(row + "reliability"),
			Mission: score(row + "mission"), Power: score(row + "power"), Resources: score(row + "resources"),
			Involvement: score(row + "involvement"), Intensity: r.PostForm.Get(row + "intensity")})
	}
	_, err := h.Health.RateTrust(r.Context(), pid, in)
	if web.IsFormError(err) {
		return h.renderTrust(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/trust?organisation="+url.QueryEscape(in.OrganisationID), "flash.saved")
	return nil
}

type trustSummaryData struct {
	Summary     *pk.TrustSummary
	MinRaters   int
	Intensities []string
}

// trustSummaryPage shows a trust round's aggregate (?round=, or the latest).
func (h *Pages) trustSummaryPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewHealth, "trust.summary.title", "health")
	if err != nil {
		return err
	}
	s, err := h.Health.TrustSummary(r.Context(), v.P.ID, r.URL.Query().Get("round"))
	if pk.ErrorCode(err) == pk.ENOTFOUND && r.URL.Query().Get("round") == "" {
		s, err = nil, nil
	}
	if err != nil {
		return err
	}
	v.Data = &trustSummaryData{Summary: s, MinRaters: trust.MinRaters, Intensities: pk.TrustIntensities}
	h.Render(w, r, http.StatusOK, templates, "trust_summary", v)
	return nil
}
