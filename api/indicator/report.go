package indicator

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
)

func (h *Handlers) registerReport(a *api.API) {
	a.Route("GET", reportPath, httpx.RoleFor(pk.ActionViewPartnershipReport), httpx.OpDoc{Summary: "The partnership report for a period (?from=&to=, YYYY-MM-DD, at most five years; the year to today when neither is given): goals, indicators as they stood at its end, plans and tasks, decisions taken and meetings held in it with attendance; a section the asker may not see is null", Tag: tag,
		Response: pk.PartnershipReport{}, Query: []string{"from", "to"}},
		func(r *http.Request) (any, error) {
			now := time.Now()
			if h.Now != nil {
				now = h.Now()
			}
			q := r.URL.Query()
			period := reportview.DefaultPeriod(now)
			if q.Has("from") || q.Has("to") {
				period = pk.ReportPeriod{From: q.Get("from"), To: q.Get("to")}
			}
			return reportview.Build(r.Context(), h.Report, r.PathValue("pid"), period, now)
		})
}
