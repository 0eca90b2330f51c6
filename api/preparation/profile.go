package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// registerProfile adds the partnership profile. Its tag stays "playbook", where
// the OpenAPI document has always listed it.
func (h *Handlers) registerProfile(a *api.API) {
	const tag = "playbook"
	view := httpx.RoleFor(pk.ActionViewPreparation)
	a.Route("GET", "/partnerships/{pid}/profile", view, httpx.OpDoc{Summary: "The partnership profile: purpose, form and why, theory of change, readiness, playbook progress, prospects (members and coordinators only)", Tag: tag,
		Response: pk.PartnershipProfile{}},
		func(r *http.Request) (any, error) { return h.Preparation.Profile(r.Context(), r.PathValue("pid")) })
}
