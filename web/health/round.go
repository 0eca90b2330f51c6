package health

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// itemRow is one item of a round's results with the signals tied to it
// and whether they and the members' rating disagree.
type itemRow struct {
	health.Aggregate
	Signals  []signalRow
	Disagree bool
}

type roundData struct {
	Results   *pk.HealthResults
	Items     []itemRow
	Disagree  int
	MinRaters int
	CanManage bool
	CanRate   bool
}

func (h *Pages) roundPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderRound(w, r, http.StatusOK, nil)
}

// renderRound shows a health round's aggregate beside the behaviour
// signals, saying where they disagree, and the comments without names.
func (h *Pages) renderRound(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewHealth, "health.round.title", "health")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	res, err := h.Health.HealthResults(r.Context(), v.P.ID, r.PathValue("hrid"))
	if err != nil {
		return err
	}
	rep, err := h.Health.Signals(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	tied := bySignalItem(signalRows(rep))
	d := &roundData{Results: res, MinRaters: health.MinRaters, CanManage: pk.Can(v.P.MyRole, pk.ActionManageHealth),
		CanRate: pk.Can(v.P.MyRole, pk.ActionRateHealth) && res.Round.Status == pk.RoundOpen}
	for _, a := range res.Items {
		row := itemRow{Aggregate: a, Signals: tied[a.Item], Disagree: health.Disagreement(a, rep.Signals)}
		if row.Disagree {
			d.Disagree++
		}
		d.Items = append(d.Items, row)
	}
	v.Form.Values.Set("version", strconv.Itoa(res.Round.Version))
	v.Data = d
	h.Render(w, r, status, templates, "round", v)
	return nil
}

// roundClose closes the round; a stale version shows the page again.
func (h *Pages) roundClose(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, rid := r.PathValue("pid"), r.PathValue("hrid")
	_, err := h.Health.CloseRound(r.Context(), pid, rid, web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderRound(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/health/rounds/"+rid, "flash.saved")
	return nil
}
