package partnership

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// registerAudit adds the audit log, listed with the partnerships in the
// OpenAPI document.
func (h *Handlers) registerAudit(a *api.API) {
	const tag = "partnerships"
	a.Route("GET", "/partnerships/{pid}/audit", httpx.RoleFor(pk.ActionViewAudit), httpx.OpDoc{Summary: "The audit log, newest first", Tag: tag,
		Response: pk.AuditEntry{}, List: true, Query: []string{"limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			es, next, err := h.Partnerships.Audit(r.Context(), r.PathValue("pid"), p)
			return api.List[*pk.AuditEntry]{Items: api.NonNil(es), NextCursor: next}, err
		})
}
