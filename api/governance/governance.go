// Package governance answers the API calls of the partnership's bodies,
// their seats and the charter. The paths name a body {boid} and a seat
// {seid}: {bid} and {sid} are the bin's items and sessions elsewhere, and
// one name per kind of record lets the tests fill every path.
package governance

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// Handlers answers the governance API calls.
type Handlers struct {
	Bodies  pk.BodyService
	Charter pk.CharterService
}

// Register adds the governance routes.
func (h *Handlers) Register(a *api.API) {
	h.registerBodies(a)
	h.registerSeats(a)
	h.registerCharter(a)
}

const (
	tag        = "governance"
	bodiesPath = "/partnerships/{pid}/bodies"
	bodyPath   = bodiesPath + "/{boid}"
)
