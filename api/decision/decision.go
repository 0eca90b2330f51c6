// Package decision answers the API calls of proposals, their ballots and
// the decision log. A proposal is {propid} and a decision {decid}: {prid}
// is a prospect and {did} would read as any ID, and one name per kind of
// record lets the tests fill every path.
package decision

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// Handlers answers the decisions API calls.
type Handlers struct {
	Decisions pk.DecisionService
}

// Register adds the decisions routes.
func (h *Handlers) Register(a *api.API) {
	h.registerProposals(a)
	h.registerBallots(a)
	h.registerDecisions(a)
	h.registerProxies(a)
	h.registerLenses(a)
}

const (
	tag           = "decisions"
	proposalsPath = "/partnerships/{pid}/proposals"
	proposalPath  = proposalsPath + "/{propid}"
	decisionsPath = "/partnerships/{pid}/decisions"
	decisionPath  = decisionsPath + "/{decid}"
)
