package indicator

import (
	"net/http"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/web"
)

type reportData struct {
	numbers
	Report *pk.PartnershipReport
	// Query is the period as a query string, for the JSON link.
	Query string
}

// reportPage draws the partnership report for ?from=&to=; a period that
// cannot be read is shown again with the messages beside its fields.
func (h *Pages) reportPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPartnershipReport, "report.title", "report")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	period := reportview.DefaultPeriod(h.now())
	if q.Has("from") || q.Has("to") {
		period = pk.ReportPeriod{From: q.Get("from"), To: q.Get("to")}
	}
	v.Form = &web.Form{Values: url.Values{"from": {period.From}, "to": {period.To}}}
	rep, err := reportview.Build(r.Context(), h.Report, v.P.ID, period, h.now())
	if web.IsFormError(err) {
		v.Form = h.FormFromError(r, v.Form, err)
		v.Data = &reportData{}
		h.Render(w, r, httpx.Status(err), templates, "report", v)
		return nil
	} else if err != nil {
		return err
	}
	v.Data = &reportData{Report: rep, Query: url.Values{"from": {period.From}, "to": {period.To}}.Encode()}
	h.Render(w, r, http.StatusOK, templates, "report", v)
	return nil
}
