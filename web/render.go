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
	"text/template/parse"

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
	// ownLayout names the pages that define their own "layout" (a page
	// made for printing), written through it instead of writeLayout.
	ownLayout map[string]bool
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
		if t.ownLayout == nil {
			t.ownLayout = map[string]bool{}
		}
		if _, seen := t.ownLayout[name]; !seen {
			own, err := definesLayout(t.fsys, f)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			t.ownLayout[name] = own
		}
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
	t.mu.Lock()
	own := t.ownLayout[page]
	t.mu.Unlock()
	if own {
		err = p.ExecuteTemplate(buf, "layout", v)
	} else {
		err = writeLayout(buf, p, v, l.T)
	}
	if err != nil {
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

// The layout around every page is written here rather than by
// html/template: some thirty values per page, each a few calls by
// reflection, cost 80 µs of every page. Its markup is _layout.html's, byte
// for byte (TestLayoutAsTemplate, which keeps that file as the reference);
// pages still define "content", and may define "title".

// definesLayout tells whether a page's file defines its own "layout".
func definesLayout(fsys fs.FS, file string) (bool, error) {
	text, err := fs.ReadFile(fsys, file)
	if err != nil {
		return false, err
	}
	tree := parse.New(file)
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(string(text), "", "", trees); err != nil {
		return false, err
	}
	_, own := trees["layout"]
	return own, nil
}

// writeLayout writes page p: the head and header, the page's title and
// content through its templates, the footer.
func writeLayout(buf *bytes.Buffer, p *template.Template, v *View, t func(string, ...any) string) error {
	buf.WriteString("<!doctype html>\n<html lang=\"" + EscapeHTML(v.Lang) + "\" dir=\"" + EscapeHTML(v.Dir) + "\">\n<head>\n" +
		"<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if err := p.ExecuteTemplate(buf, "title", v); err != nil {
		return err
	}
	if v.P != nil {
		buf.WriteString(" · " + EscapeHTML(v.P.Name))
	}
	css, icon, js, err := layoutAssets()
	if err != nil {
		return err
	}
	buf.WriteString(" · " + EscapeHTML(t("app.name")) + "</title>\n" +
		"<link rel=\"stylesheet\" href=\"" + css + "\">\n" +
		"<link rel=\"icon\" href=\"" + icon + "\" type=\"image/svg+xml\">\n" +
		"<script src=\"" + js + "\" defer></script>\n</head>\n<body>\n" +
		"<a class=\"skip\" href=\"#main\">" + EscapeHTML(t("layout.skip")) + "</a>\n" +
		"<header class=\"top\">\n  <a class=\"brand\" href=\"/\">" + EscapeHTML(t("app.name")) + "</a>\n" +
		"  <nav class=\"user\" aria-label=\"" + EscapeHTML(t("layout.account_nav")) + "\">\n  ")
	if v.User != nil {
		label := t("inbox.link", "Count", v.Unread)
		if v.UnreadMany() {
			label = t("inbox.link_many")
		}
		buf.WriteString("\n    <a class=\"inbox\" href=\"/inbox\" aria-label=\"" + EscapeHTML(label) + "\">" + inboxIcon)
		if v.Unread != 0 {
			buf.WriteString("<span class=\"count\">" + EscapeHTML(v.UnreadBadge()) + "</span>")
		}
		buf.WriteString("</a>\n    <a href=\"/organisations\">" + EscapeHTML(t("nav.organisations")) + "</a>\n" +
			"    <a href=\"/account\">" + EscapeHTML(v.User.Name) + "</a>\n" +
			"    <form method=\"post\" action=\"/signout\" class=\"inline\"><button type=\"submit\" class=\"link\">" + EscapeHTML(t("nav.signout")) + "</button></form>\n  ")
	} else {
		buf.WriteString("\n    <a href=\"/signin\">" + EscapeHTML(t("nav.signin")) + "</a>\n    ")
		if v.SignupOpen {
			buf.WriteString("<a href=\"/signup\">" + EscapeHTML(t("nav.signup")) + "</a>")
		}
		buf.WriteString("\n  ")
	}
	buf.WriteString("\n  </nav>\n  <form method=\"post\" action=\"/language\" class=\"lang\">\n" +
		"    <input type=\"hidden\" name=\"next\" value=\"" + EscapeHTML(v.Path) + "\">\n    " + string(v.LanguageButtons) + "\n  </form>\n</header>\n")
	if v.P != nil {
		buf.WriteString("\n<nav class=\"partnership\" aria-label=\"" + EscapeHTML(t("layout.partnership_nav")) + "\">\n" +
			"  <p class=\"pname\"><a href=\"" + URLPath("/p/"+v.P.ID) + "\">" + EscapeHTML(v.P.Name) + "</a>")
		if v.P.Archived {
			buf.WriteString(" <span class=\"badge\">" + EscapeHTML(t("partnership.archived")) + "</span>")
		}
		buf.WriteString(" <span class=\"role\">" + EscapeHTML(t("role."+string(v.P.MyRole))) + "</span></p>\n  \n" +
			"  <details class=\"menu\">\n    <summary><span class=\"burger\" aria-hidden=\"true\"></span>" + EscapeHTML(t("layout.menu")) + "</summary>\n" +
			"    <ul>" + string(v.NavItems) + "</ul>\n  </details>\n</nav>\n")
	}
	buf.WriteString("\n<main id=\"main\">\n")
	if v.Flash != "" {
		buf.WriteString("<p class=\"flash\" role=\"status\">" + EscapeHTML(t(v.Flash)) + "</p>")
	}
	buf.WriteString("\n")
	if v.Form != nil && v.Form.Error != "" {
		buf.WriteString("<div class=\"error-summary\" role=\"alert\"><p>" + EscapeHTML(v.Form.Error) + "</p></div>")
	}
	buf.WriteString("\n")
	if err := p.ExecuteTemplate(buf, "content", v); err != nil {
		return err
	}
	buf.WriteString("\n</main>\n<footer><p>" + EscapeHTML(t("layout.footer")) + "</p></footer>\n</body>\n</html>")
	return nil
}

// inboxIcon is the envelope beside the inbox's count.
const inboxIcon = `<svg aria-hidden="true" focusable="false" width="18" height="13" viewBox="0 0 18 13"><rect x="1" y="1" width="16" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M1.8 1.8l7.2 5.6 7.2-5.6" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>`

// layoutAssets are the addresses of the style sheet, the icon and the
// script, as written in an attribute.
func layoutAssets() (css, icon, js string, err error) {
	var urls [3]string
	for i, name := range []string{"app.css", "icon.svg", "app.js"} {
		u, err := StaticURL(name)
		if err != nil {
			return "", "", "", err
		}
		urls[i] = URLPath(u)
	}
	return urls[0], urls[1], urls[2], nil
}
