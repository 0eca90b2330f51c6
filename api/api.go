// Package api is the kernel of Partnerkit's JSON API under /api/v1: routing
// with access levels and operation descriptions, strict JSON decoding,
// application/problem+json errors listing {field, message}, the asker's
// language, and the OpenAPI document generated from every registered route.
//
// The handlers live in one package per module (api/actor, api/actormap, …).
// Each depends only on the root package's service interfaces and registers
// its own routes through this kernel; server wires the list. The kernel
// knows no storage: it imports neither sqldb nor web.
package api

import (
	"log/slog"
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
)

// Prefix of every API path.
const Prefix = "/api/v1"

// API is the JSON face of Partnerkit: the kernel that modules register
// their routes with.
type API struct {
	Bundle *i18n.Bundle
	Log    *slog.Logger
	router *httpx.Router
}

// Module is a package of API handlers: it adds its routes with API.Route.
type Module interface {
	Register(a *API)
}

// Register adds every module's routes to the router, then the OpenAPI
// document describing them all.
func (a *API) Register(rt *httpx.Router, modules ...Module) {
	a.router = rt
	for _, m := range modules {
		m.Register(a)
	}
	rt.Handle(httpx.Route{Method: "GET", Pattern: Prefix + "/openapi.json", Access: httpx.Public, API: true},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, OpenAPI(rt.Routes())) }))
	// The reference is a page, not an operation: it is not in the document.
	rt.Handle(httpx.Route{Method: "GET", Pattern: DocsPath, Access: httpx.Public}, http.HandlerFunc(a.docs))
}

// PageExists reports whether a page (not an API route) is registered for GET
// with this pattern, so that an answer links only to pages this
// installation has.
func (a *API) PageExists(pattern string) bool {
	for _, rt := range a.router.Routes() {
		if !rt.API && rt.Method == "GET" && rt.Pattern == pattern {
			return true
		}
	}
	return false
}
