// Package web serves Partnerkit's HTML pages: server-rendered with
// html/template, working without JavaScript, calling the same services as
// the JSON API. Handlers decode a form, call one service method and render;
// rules, permissions and audit entries live in the services.
package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

//go:embed all:templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the pages need.
type Config struct {
	DB     *sqldb.DB
	Bundle *i18n.Bundle
	Log    *slog.Logger
	// SecureCookies marks cookies Secure (set when served over HTTPS).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
	// SignupOpen shows the sign-up link to everyone.
	SignupOpen bool
}

// Web is the HTML face of Partnerkit.
type Web struct {
	Config
	// pages[lang][name] is the page template for a language, parsed once at
	// start with that language's translator bound as the T function.
	pages map[string]map[string]*template.Template
}

// New parses every template for every language.
func New(cfg Config) (*Web, error) {
	h := &Web{Config: cfg, pages: map[string]map[string]*template.Template{}}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, lang := range i18n.Languages {
		base, err := template.New("").Funcs(h.funcs(cfg.Bundle.Localizer(lang))).ParseFS(templateFS, "templates/_*.html")
		if err != nil {
			return nil, err
		}
		h.pages[lang] = map[string]*template.Template{}
		for _, f := range files {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if strings.HasPrefix(name, "_") {
				continue
			}
			t, err := base.Clone()
			if err != nil {
				return nil, err
			}
			if _, err := t.ParseFS(templateFS, f); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			h.pages[lang][name] = t
		}
	}
	return h, nil
}

// PageNames lists the page templates (for the test that renders them all).
func (h *Web) PageNames() []string {
	var out []string
	for name := range h.pages["en"] {
		out = append(out, name)
	}
	return out
}

// handlerFunc is a page handler; a returned error is rendered as an error page.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle registers a page. Routes that need a signed-in person send others
// to the sign-in page and back.
func (h *Web) handle(rt *httpx.Router, method, pattern string, access httpx.Access, fn handlerFunc) {
	rt.Handle(httpx.Route{Method: method, Pattern: pattern, Access: access}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if access.SignedIn && pk.UserFromContext(r.Context()) == nil {
			next := r.URL.Path
			if r.Method != http.MethodGet {
				next = "/"
			}
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
			return
		}
		if err := fn(w, r); err != nil {
			h.fail(w, r, err)
		}
	}))
}

// fail renders an error page with the error's status.
func (h *Web) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := httpx.Status(err)
	if status >= 500 {
		h.Log.Error("page failed", "request_id", pk.RequestIDFromContext(r.Context()), "path", r.URL.Path, "err", err)
	}
	v := h.view(r, "error.title")
	key := "error.internal"
	var data map[string]any
	if e, ok := pk.AsError(err); ok && e.Key != "" {
		key, data = e.Key, e.Data
	}
	v.Data = map[string]any{"Status": status, "Key": key, "Args": data, "RequestID": pk.RequestIDFromContext(r.Context())}
	h.render(w, r, status, "error", v)
}

// render executes a page into a buffer first, so that a template error
// never sends half a page.
func (h *Web) render(w http.ResponseWriter, r *http.Request, status int, page string, v *View) {
	t, ok := h.pages[v.Lang][page]
	if !ok {
		h.Log.Error("no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		h.Log.Error("render", "page", page, "err", err, "request_id", pk.RequestIDFromContext(r.Context()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Language", v.Lang)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// redirect answers a successful form with a 303 to the next page, carrying
// a flash message key to show there.
func redirect(w http.ResponseWriter, r *http.Request, to, flash string) {
	if flash != "" {
		sep := "?"
		if strings.Contains(to, "?") {
			sep = "&"
		}
		to += sep + "flash=" + url.QueryEscape(flash)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// isFormError reports errors that belong next to the form's fields.
func isFormError(err error) bool {
	c := pk.ErrorCode(err)
	return c == pk.EINVALID || c == pk.ECONFLICT || c == pk.ETOOMANY
}

// formOr renders page again with the typed values and the messages when
// err is a form error; any other error becomes an error page.
func (h *Web) formOr(w http.ResponseWriter, r *http.Request, err error, page string, v *View) error {
	if !isFormError(err) {
		return err
	}
	v.Form = h.formFromError(r, v.Form, err)
	h.render(w, r, httpx.Status(err), page, v)
	return nil
}

// Static serves the embedded CSS, JavaScript and images.
func Static() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	fsrv := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		fsrv.ServeHTTP(w, r)
	})
}

var errNotFoundPage = pk.NotFound()
