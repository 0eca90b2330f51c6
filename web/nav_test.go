package web

import (
	"html/template"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
)

// The menu and the language buttons written in Go are the ranges they
// replaced in _layout.html, byte for byte, in every language, with an
// active entry and text to escape.
func TestLayoutListsAsTemplate(t *testing.T) {
	const ranges = `{{range .Nav}}<li><a href="{{.Href}}"{{if .Active}} aria-current="page"{{end}}>{{T .Key}}</a></li>{{end}}|` +
		`{{range languages}}<button type="submit" name="lang" value="{{.}}" lang="{{.}}"{{if eq . $.Lang}} aria-current="true"{{end}}>{{T (print "language." .)}}</button>{{end}}`
	nav := []NavLink{{Key: "nav.organisations", Href: "/p/p1/actors"}, {Key: "layout.menu", Href: "/p/p 1/é?x=<y>&z='1'", Active: true},
		{Key: "no.such.key <b>", Href: "/p/p1/network"}}
	b := i18n.MustLoad()
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		tmpl := template.Must(template.New("").Funcs(template.FuncMap{"T": l.T, "languages": func() []string { return i18n.Languages }}).Parse(ranges))
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Nav": nav, "Lang": lang}); err != nil {
			t.Fatal(err)
		}
		if got := string(navHTML(nav, l.T)) + "|" + string(languageButtons(lang, l.T)); got != want.String() {
			t.Errorf("%s: the lists differ from the template\ngot:\n%s\nwant:\n%s", lang, got, want.String())
		}
	}
}
