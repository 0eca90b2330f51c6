package health

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/web"
)

type overviewData struct {
	Rounds     []*pk.Round
	TrustRound []*pk.Round
	Cut        bool
	Trend      *pk.HealthTrend
	Chart      []byte
	CanManage  bool
	CanRate    bool
	Kinds      []string
}

func (h *Pages) overviewPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderOverview(w, r, http.StatusOK, nil)
}

// renderOverview shows the health rounds with the trend chart and its
// table, the trust rounds, and (for coordinators) the form that opens a
// round; after a refused form, with the typed values and the messages.
func (h *Pages) renderOverview(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewHealth, "health.title", "health")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	ctx := r.Context()
	rounds, err := h.Health.Rounds(ctx, v.P.ID, pk.RoundHealth)
	if err != nil {
		return err
	}
	trustRounds, err := h.Health.Rounds(ctx, v.P.ID, pk.RoundTrust)
	if err != nil {
		return err
	}
	trend, err := h.Health.HealthTrend(ctx, v.P.ID)
	if err != nil {
		return err
	}
	d := &overviewData{Rounds: rounds.Items, TrustRound: trustRounds.Items, Cut: rounds.Cut || trustRounds.Cut, Trend: trend,
		CanManage: pk.Can(v.P.MyRole, pk.ActionManageHealth), CanRate: pk.Can(v.P.MyRole, pk.ActionRateHealth), Kinds: pk.RoundKinds}
	l := h.Bundle.Localizer(v.Lang)
	d.Chart = trendChart(trend, l.T, l.Date, svgtext.Direction(v.Dir))
	v.Data = d
	h.Render(w, r, status, templates, "overview", v)
	return nil
}

// roundOpen opens a round from the overview's form.
func (h *Pages) roundOpen(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid := r.PathValue("pid")
	x, err := h.Health.OpenRound(r.Context(), pid, pk.RoundInput{Kind: r.PostForm.Get("kind"), Title: r.PostForm.Get("title")})
	if web.IsFormError(err) {
		return h.renderOverview(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	if x.Kind == pk.RoundTrust {
		web.Redirect(w, r, "/p/"+pid+"/trust", "flash.saved")
		return nil
	}
	web.Redirect(w, r, "/p/"+pid+"/health/rounds/"+x.ID, "flash.saved")
	return nil
}
