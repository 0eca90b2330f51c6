package web

import (
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
)

// Register adds every page to the router.
func (h *Web) Register(rt *httpx.Router) {
	h.handle(rt, "GET", "/{$}", httpx.Public, h.home)
	rt.Handle(httpx.Route{Method: "GET", Pattern: "/static/", Access: httpx.Public}, Static())
	h.registerAccount(rt)
	h.registerOrganisations(rt)
	h.registerPartnerships(rt)
	h.registerMembers(rt)
	h.registerActors(rt)
	h.registerMaps(rt)
	h.registerPreparation(rt)
	h.registerNetwork(rt)
	h.registerOutreach(rt)
}

// NotFound is the page for paths nobody registered.
func (h *Web) NotFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, errNotFoundPage)
}
