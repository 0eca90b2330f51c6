package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
)

// The kernel's templates: the layout, the form partials every module uses,
// and the error page.
//
//go:embed all:templates
var templateFS embed.FS

// kernelTemplates are the kernel's own pages (the error page).
var kernelTemplates = NewTemplates(templateFS)

// Templates are one module's page templates, read from its embedded
// "templates" folder: pages (name.html) and the module's own partials
// (_name.html). Every page also sees the kernel's partials (_layout,
// _form). They are parsed once per process for each catalogue bundle and
// language, on first use, and shared by every server: tests start hundreds.
type Templates struct {
	fsys fs.FS
	mu   sync.Mutex
	sets map[setKey]map[string]*template.Template
}

// setKey names one parse: the translator bound as T depends on both.
type setKey struct {
	bundle *i18n.Bundle
	lang   string
}

var (
	allMu        sync.Mutex
	allTemplates []*Templates
)

// NewTemplates declares a module's templates; call it once, at package
// level, with the module's embedded files.
func NewTemplates(fsys fs.FS) *Templates {
	t := &Templates{fsys: fsys, sets: map[setKey]map[string]*template.Template{}}
	allMu.Lock()
	allTemplates = append(allTemplates, t)
	allMu.Unlock()
	return t
}

// ParseAll parses every declared module's templates for the given
// languages (once: later calls find them parsed).
func ParseAll(b *i18n.Bundle, langs ...string) error {
	allMu.Lock()
	ts := slices.Clone(allTemplates)
	allMu.Unlock()
	for _, t := range ts {
		for _, lang := range langs {
			if _, err := t.set(b, lang); err != nil {
				return err
			}
		}
	}
	return nil
}

// Names lists the module's page templates.
func (t *Templates) Names() ([]string, error) {
	files, err := fs.Glob(t.fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if name := strings.TrimSuffix(path.Base(f), ".html"); !strings.HasPrefix(name, "_") {
			out = append(out, name)
		}
	}
	return out, nil
}

// set returns the module's pages for a bundle and language, parsing them
// the first time.
func (t *Templates) set(b *i18n.Bundle, lang string) (map[string]*template.Template, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := setKey{b, lang}
	if s, ok := t.sets[key]; ok {
		return s, nil
	}
	base, err := template.New("").Funcs(funcs(b.Localizer(lang))).ParseFS(templateFS, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	if t != kernelTemplates {
		if own, _ := fs.Glob(t.fsys, "templates/_*.html"); len(own) > 0 {
			if base, err = base.ParseFS(t.fsys, own...); err != nil {
				return nil, err
			}
		}
	}
	names, err := t.Names()
	if err != nil {
		return nil, err
	}
	s := map[string]*template.Template{}
	for _, name := range names {
		p, err := base.Clone()
		if err != nil {
			return nil, err
		}
		f := "templates/" + name + ".html"
		if _, err := p.ParseFS(t.fsys, f); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		s[name] = p
	}
	t.sets[key] = s
	return s, nil
}

// pageBuffers hold pages while they are written: a power map of 500 actors
// is 300 kB, and growing a new buffer to that on every request, then
// collecting it, cost a sixth of the page's time. Nothing keeps a page's
// bytes once it is sent (httpx.ServeBody, httpx.Compress).
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledPage bounds the buffers kept for the next page: a rare huge
// page is not held on to.
const maxPooledPage = 2 << 20

func putPageBuffer(b *bytes.Buffer) {
	if b.Cap() <= maxPooledPage {
		pageBuffers.Put(b)
	}
}

// Render executes one of a module's pages into a buffer first, so that a
// template error never sends half a page.
func (h *Web) Render(w http.ResponseWriter, r *http.Request, status int, t *Templates, page string, v *View) {
	set, err := t.set(h.Bundle, v.Lang)
	if err != nil {
		h.Log.Error("templates", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	p, ok := set[page]
	if !ok {
		h.Log.Error("no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer putPageBuffer(buf)
	l := h.Bundle.Localizer(v.Lang)
	v.NavItems, v.LanguageButtons = navHTML(v.Nav, l.T), languageButtons(v.Lang, l.T)
	if err := p.ExecuteTemplate(buf, "layout", v); err != nil {
		h.Log.Error("render", "page", page, "err", err, "request_id", pk.RequestIDFromContext(r.Context()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// A page fetched with GET may be kept by the asker's browser and
	// revalidated with its ETag (see httpx.RevalidatePrivate); anything
	// else (a form shown again after a POST, a token shown once, an error)
	// is never stored.
	if status == http.StatusOK && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		w.Header().Set("Cache-Control", httpx.RevalidatePrivate)
	} else {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.Header().Set("Content-Language", v.Lang)
	words := l.T("account.former_member")
	if len(v.placed) > 0 {
		httpx.ServePieces(w, r, status, v.pieces(buf.Bytes(), words))
		return
	}
	httpx.ServeBody(w, r, status, nameFormerMembers(buf.Bytes(), words))
}
