package api

import (
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
)

// Register adds every API route to the router, and the OpenAPI document.
func (a *API) Register(rt *httpx.Router) {
	a.router = rt
	a.registerAccount()
	a.registerOrganisations()
	a.registerPartnerships()
	a.registerMembers()
	a.registerActors()
	a.registerRelationships()
	a.registerMaps()
	a.registerNetwork()
	a.registerPreparation()
	a.registerPlaybook()
	a.registerProspects()
	rt.Handle(httpx.Route{Method: "GET", Pattern: Prefix + "/openapi.json", Access: httpx.Public, API: true},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, OpenAPI(rt.Routes())) }))
}
