package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Handlers) registerDecisions(a *api.API) {
	view := httpx.RoleFor(pk.ActionViewDecisions)
	a.Route("GET", decisionsPath, view, httpx.OpDoc{Summary: "The decision log, newest first, of one body with ?body_id= (at most 500)", Tag: tag,
		Response: pk.Decision{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Decisions.Decisions(r.Context(), r.PathValue("pid"), r.URL.Query().Get("body_id"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Decision]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("GET", decisionPath, view, httpx.OpDoc{Summary: "A decision with its tally and what re-opening it needs", Tag: tag,
		Response: pk.Decision{}},
		func(r *http.Request) (any, error) {
			return h.Decisions.Decision(r.Context(), r.PathValue("pid"), r.PathValue("decid"))
		})
	a.Route("POST", decisionPath+"/reopen", httpx.RoleFor(pk.ActionSupportReopen), httpx.OpDoc{
		Summary: "Ask to re-open a decision; at the charter's threshold, and not before its time, it re-opens as a new proposal", Tag: tag,
		Response: pk.Decision{}},
		func(r *http.Request) (any, error) {
			return h.Decisions.SupportReopening(r.Context(), r.PathValue("pid"), r.PathValue("decid"))
		})
}
