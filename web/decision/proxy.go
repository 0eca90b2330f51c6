package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// proposalAction runs one change of a proposal from its page: a refusal
// shows the page again with the message, success goes back to it.
func (h *Pages) proposalAction(w http.ResponseWriter, r *http.Request, flash string,
	act func(pid, id string) (*pk.Proposal, error)) error {
	pid, id := r.PathValue("pid"), r.PathValue("propid")
	r.ParseForm()
	_, err := act(pid, id)
	if web.IsFormError(err) || pk.ErrorCode(err) == pk.EFORBIDDEN || pk.ErrorCode(err) == pk.ECONFLICT {
		return h.renderProposal(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/proposals/"+id, flash)
	return nil
}

func (h *Pages) giveProxy(w http.ResponseWriter, r *http.Request) error {
	return h.proposalAction(w, r, "decision.flash.proxy_given", func(pid, id string) (*pk.Proposal, error) {
		return h.Decisions.GiveProxy(r.Context(), pid, id, pk.ProxyInput{HolderID: r.PostForm.Get("holder_id")})
	})
}

func (h *Pages) revokeProxy(w http.ResponseWriter, r *http.Request) error {
	return h.proposalAction(w, r, "decision.flash.proxy_revoked", func(pid, id string) (*pk.Proposal, error) {
		return h.Decisions.RevokeProxy(r.Context(), pid, id)
	})
}

func (h *Pages) chairDecide(w http.ResponseWriter, r *http.Request) error {
	return h.proposalAction(w, r, "decision.flash.closed", func(pid, id string) (*pk.Proposal, error) {
		return h.Decisions.RecordChairDecision(r.Context(), pid, id, pk.ChairInput{Decision: r.PostForm.Get("chair_decision")})
	})
}
