package web

import (
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// NavEntry is one module's entry in a partnership's navigation. Modules
// add theirs when they register; an entry shows only to people whose role
// allows its action.
type NavEntry struct {
	// Order places the entry; entries are shown by increasing order.
	Order  int
	Name   string    // stable name, matched by View.Active
	Key    string    // message ID
	Suffix string    // path below /p/{pid}
	Action pk.Action // least permission to see it
}

// AddNav adds a navigation entry (a module does it in its Register).
func (h *Web) AddNav(e NavEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	// A new slice each time: pages being served read the old one unlocked.
	nav := append(slices.Clone(h.nav), e)
	slices.SortStableFunc(nav, func(a, b NavEntry) int { return cmp.Compare(a.Order, b.Order) })
	h.nav = nav
}

// PartnershipView loads the partnership of the path's {pid} for a page that
// needs action, and fills the navigation. The service decides: outsiders
// get ENOTFOUND, a role without the action EFORBIDDEN, and an archived
// partnership refuses changes.
func (h *Web) PartnershipView(r *http.Request, action pk.Action, title, active string) (*View, error) {
	p, err := h.Partnerships.PartnershipFor(r.Context(), r.PathValue("pid"), action)
	if err != nil {
		return nil, err
	}
	v := h.View(r, title)
	v.P = p
	v.Active = active
	h.mu.Lock()
	nav := h.nav
	h.mu.Unlock()
	for _, e := range nav {
		if pk.Can(p.MyRole, e.Action) {
			v.Nav = append(v.Nav, NavLink{Key: e.Key, Href: "/p/" + p.ID + e.Suffix, Name: e.Name, Active: e.Name == active})
		}
	}
	return v, nil
}

// Every page's layout repeats two lists: the partnership's menu (fifteen
// entries) and the language buttons. Through html/template each entry is a
// few calls by reflection; Render writes them here instead, as the ranges
// they replaced in _layout.html did, byte for byte (TestLayoutListsAsTemplate,
// nav_test.go).

// navHTML writes the menu's entries:
//
//	{{range .Nav}}<li><a href="{{.Href}}"{{if .Active}} aria-current="page"{{end}}>{{T .Key}}</a></li>{{end}}
func navHTML(nav []NavLink, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	for _, n := range nav {
		b.WriteString(`<li><a href="` + URLPath(n.Href) + `"`)
		if n.Active {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(">" + EscapeHTML(t(n.Key)) + "</a></li>")
	}
	return template.HTML(b.String())
}

// languageButtons writes the language switcher's buttons, the page's
// language marked:
//
//	{{range languages}}<button type="submit" name="lang" value="{{.}}" lang="{{.}}"{{if eq . $.Lang}} aria-current="true"{{end}}>{{T (print "language." .)}}</button>{{end}}
func languageButtons(lang string, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	for _, l := range i18n.Languages {
		e := EscapeHTML(l)
		b.WriteString(`<button type="submit" name="lang" value="` + e + `" lang="` + e + `"`)
		if l == lang {
			b.WriteString(` aria-current="true"`)
		}
		b.WriteString(">" + EscapeHTML(t("language."+l)) + "</button>")
	}
	return template.HTML(b.String())
}
