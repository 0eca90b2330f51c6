// Package web is the kernel of Partnerkit's HTML face: rendering, forms,
// views, navigation and the module registry. The pages themselves live in
// one package per module (web/actor, web/actormap, …); each registers its
// routes and its navigation entry through the kernel. Handlers decode a
// form, call one service method and render; rules, permissions and audit
// entries live in the services.
//
// The kernel depends on the root package's service interfaces only, never
// on storage: who is asking is already in the request's context
// (httpx.Authenticate), and the partnership a page belongs to comes from
// pk.PartnershipService.
package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"sync"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
)

// Config is what the kernel needs.
type Config struct {
	// Partnerships gives the partnership a page belongs to, with the
	// asker's role, for its navigation.
	Partnerships pk.PartnershipService
	Bundle       *i18n.Bundle
	Log          *slog.Logger
	// SecureCookies marks cookies Secure (set when served over HTTPS).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
	// SignupOpen shows the sign-up link to everyone.
	SignupOpen bool
	// Notifications gives the unread count in the header (none when nil).
	Notifications pk.NotificationService
}

// Web is the kernel shared by every module's pages. Modules embed a
// *Web and call its exported methods.
type Web struct {
	Config

	mu sync.Mutex
	// router is where the modules registered their pages (PageExists).
	router *httpx.Router
	nav    []NavEntry
}

// Module is one area of pages (actors, maps, …): it adds its routes and
// its navigation entries when registered.
type Module interface {
	Register(rt *httpx.Router)
}

// New makes the kernel. It parses every module's templates once per
// process (later servers reuse them), so that a broken template stops the
// start rather than a page. Parsing does not depend on the language (only
// the translator bound as T does), so the first language is parsed now and
// each other one, module by module, when a page is first shown in it: a
// server whose people read one language neither waits for nor holds the
// parse trees of the others (each language's copy of every page is some
// ten megabytes).
func New(cfg Config) (*Web, error) {
	// The static files are compressed once per process (Brotli, a tenth of
	// a second): begun now, beside the parse, rather than on the first
	// page shown, which links them by their hashed names.
	go staticAssets()
	if err := ParseAll(cfg.Bundle, i18n.Languages[0]); err != nil {
		return nil, err
	}
	return &Web{Config: cfg}, nil
}

// Register adds the static files and every module's pages to the router.
func (h *Web) Register(rt *httpx.Router, modules ...Module) {
	h.mu.Lock()
	h.router = rt
	h.mu.Unlock()
	rt.Handle(httpx.Route{Method: "GET", Pattern: "/static/", Access: httpx.Public}, Static())
	for _, m := range modules {
		m.Register(rt)
	}
}

// PageExists reports whether a GET page with the pattern is registered, so
// that a link can be offered only to pages this installation has (a
// playbook step names pages of modules that may not exist yet).
func (h *Web) PageExists(pattern string) bool {
	h.mu.Lock()
	rt := h.router
	h.mu.Unlock()
	if rt == nil {
		return false
	}
	for _, r := range rt.Routes() {
		if !r.API && r.Method == "GET" && r.Pattern == pattern {
			return true
		}
	}
	return false
}

// HandlerFunc is a page handler; a returned error is rendered as an error
// page with the error's status.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handle registers a page. Routes that need a signed-in person send others
// to the sign-in page and back.
func (h *Web) Handle(rt *httpx.Router, method, pattern string, access httpx.Access, fn HandlerFunc) {
	rt.Handle(httpx.Route{Method: method, Pattern: pattern, Access: access}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if access.SignedIn && pk.UserFromContext(r.Context()) == nil {
			next := r.URL.Path
			if r.Method != http.MethodGet {
				next = "/"
			}
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(httpx.SafeNext(next)), http.StatusSeeOther)
			return
		}
		if err := fn(w, r); err != nil {
			h.Fail(w, r, err)
		}
	}))
}

// Fail renders an error page with the error's status.
func (h *Web) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status := httpx.Status(err)
	if status >= 500 {
		h.Log.Error("page failed", "request_id", pk.RequestIDFromContext(r.Context()), "path", r.URL.Path, "err", err)
	}
	v := h.View(r, "error.title")
	key := "error.internal"
	var data map[string]any
	if e, ok := pk.AsError(err); ok && e.Key != "" {
		key, data = e.Key, e.Data
	}
	v.Data = map[string]any{"Status": status, "Key": key, "Args": data, "RequestID": pk.RequestIDFromContext(r.Context())}
	h.Render(w, r, status, kernelTemplates, "error", v)
}

// NotFound is the page for paths nobody registered.
func (h *Web) NotFound(w http.ResponseWriter, r *http.Request) {
	h.Fail(w, r, pk.NotFound())
}
