package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type proxyBody struct {
	HolderID string `json:"holder_id" rule:"required,max=64" doc:"Who votes for you on this proposal: a person seated in the same body (an ID, from proposal_candidates)."`
}

func (h *Handlers) registerProxies(a *api.API) {
	give := httpx.RoleFor(pk.ActionGiveProxy)
	a.Route("POST", proposalPath+"/proxy", give, httpx.OpDoc{
		Summary: "Give your proxy on an open proposal to another voter of the body, when the charter allows proxies (replaces one you gave)", Tag: tag,
		Request: proxyBody{}, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			var b proxyBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Decisions.GiveProxy(r.Context(), r.PathValue("pid"), r.PathValue("propid"), pk.ProxyInput{HolderID: b.HolderID})
		})
	a.Route("DELETE", proposalPath+"/proxy", give, httpx.OpDoc{
		Summary: "Take your proxy back, while your ballot is not cast and the proposal is open", Tag: tag, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			return h.Decisions.RevokeProxy(r.Context(), r.PathValue("pid"), r.PathValue("propid"))
		})
	a.Route("POST", proposalPath+"/chair-decision", httpx.RoleFor(pk.ActionChairDecide), httpx.OpDoc{
		Summary: "Record the chair's decision on a chair's proposal whose consultation has closed (the body's chair, or a coordinator)", Tag: tag,
		Request: closeBody{}, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			var b closeBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Decisions.RecordChairDecision(r.Context(), r.PathValue("pid"), r.PathValue("propid"), pk.ChairInput{Decision: b.ChairDecision})
		})
}
