// Package decision serves the pages of proposals, voting on them and the
// decision log of the partnership and of each body.
package decision

import (
	"embed"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Decisions pk.DecisionService
	// Bodies and Charter offer the bodies and areas a proposal may go to.
	Bodies  pk.BodyService
	Charter pk.CharterService
}

// Register adds the decisions pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view := httpx.RoleFor(pk.ActionViewDecisions)
	h.Handle(rt, "GET", "/p/{pid}/decisions", view, h.proposalsPage)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals", httpx.RoleFor(pk.ActionPropose), h.proposalCreate)
	h.Handle(rt, "GET", "/p/{pid}/decisions/proposals/{propid}", view, h.proposalPage)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals/{propid}/ballots", httpx.RoleFor(pk.ActionVote), h.vote)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals/{propid}/close", httpx.RoleFor(pk.ActionCloseProposal), h.close)
	h.Handle(rt, "GET", "/p/{pid}/decisions/log", view, h.logPage)
	h.Handle(rt, "GET", "/p/{pid}/decisions/log/{decid}", view, h.decisionPage)
	h.Handle(rt, "POST", "/p/{pid}/decisions/log/{decid}/reopen", httpx.RoleFor(pk.ActionSupportReopen), h.reopen)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals/{propid}/proxy", httpx.RoleFor(pk.ActionGiveProxy), h.giveProxy)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals/{propid}/proxy/take-back", httpx.RoleFor(pk.ActionGiveProxy), h.revokeProxy)
	h.Handle(rt, "POST", "/p/{pid}/decisions/proposals/{propid}/chair-decision", httpx.RoleFor(pk.ActionChairDecide), h.chairDecide)
	h.Handle(rt, "GET", "/p/{pid}/decisions/lenses", view, h.lensesPage)
	h.Handle(rt, "POST", "/p/{pid}/decisions/lenses", httpx.RoleFor(pk.ActionEditLenses), h.lensesSave)
	h.AddNav(web.NavEntry{Order: 47, Name: "decisions", Key: "decision.nav", Suffix: "/decisions", Action: pk.ActionViewDecisions})
}
