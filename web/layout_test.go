package web

import (
	"bytes"
	"html/template"
	"testing"
	"testing/fstest"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// The layout written in Go is _layout.html's, byte for byte: signed in or
// not, in a partnership or not (archived, each role), with no, some and
// too many unread notifications, a flash, a form's headline, sign-up open,
// a page's own title, in every language, with text to escape everywhere
// a person or a partnership writes it.
func TestLayoutAsTemplate(t *testing.T) {
	b := i18n.MustLoad()
	const content = `{{define "content"}}<p>{{.Title}} & content</p>{{end}}`
	// Pages give their own title by data alone (a name), never by markup.
	const ownTitle = `{{define "title"}}{{.Path}}{{end}}`
	user := &pk.User{Name: `Amina "<Haddad>" & +'co'`}
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		for _, titled := range []bool{false, true} {
			base := template.Must(template.New("").Funcs(funcs(l)).ParseFS(templateFS, "templates/_*.html"))
			template.Must(base.Parse(content))
			if titled {
				template.Must(base.Parse(ownTitle))
			}
			views := []*View{
				{Title: "dashboard.title", Path: "/", SignupOpen: true},
				{Title: "dashboard.title", Path: "/signin?next=/p/x&y='1'"},
				{Title: "no.such.key <b>", User: user, Path: "/inbox", Flash: "flash.partnership_created"},
				{Title: "dashboard.title", User: user, Unread: 3, Form: &Form{Error: `<Refused> & "why"`}, Path: "/p/a b/é"},
				{Title: "dashboard.title", User: user, Unread: pk.MaxUnreadCounted, Form: &Form{}, Path: "/p/x",
					P:   &pk.Partnership{ID: "iaitpvr4ztdckbbyeu7q", Name: `Coalition <"&"> +`, MyRole: pk.RoleCoordinator},
					Nav: []NavLink{{Key: "nav.organisations", Href: "/p/x/actors", Active: true}}},
				{Title: "dashboard.title", User: user, Unread: 1, Path: "/p/x",
					P: &pk.Partnership{ID: "p 1/é?", Name: "Archived", MyRole: pk.RoleObserver, Archived: true}},
			}
			for i, v := range views {
				v.Lang, v.Dir = lang, "ltr"
				if lang == "ar" {
					v.Dir = "rtl"
				}
				v.NavItems, v.LanguageButtons = navHTML(v.Nav, l.T), languageButtons(lang, l.T)
				var want, got bytes.Buffer
				if err := base.ExecuteTemplate(&want, "layout", v); err != nil {
					t.Fatal(err)
				}
				if err := writeLayout(&got, base, v, l.T); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s, view %d, own title %v: the layout differs from the template\ngot:\n%s\nwant:\n%s", lang, i, titled, got.String(), want.String())
				}
			}
		}
	}
}

// A page made for printing defines its own layout and is written through
// it; the others are not.
func TestDefinesLayout(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/print.html": {Data: []byte(`{{ define "layout" }}<body class="print">{{template "content" .}}</body>{{end}}{{define "content"}}{{T "x"}}{{end}}`)},
		"templates/page.html":  {Data: []byte(`{{define "content"}}{{T "x"}} {{template "layoutish" .}}{{end}}`)},
	}
	for file, want := range map[string]bool{"templates/print.html": true, "templates/page.html": false} {
		if got, err := definesLayout(fsys, file); err != nil || got != want {
			t.Errorf("%s: %v (%v), want %v", file, got, err, want)
		}
	}
	if got, err := definesLayout(templateFS, "templates/error.html"); err != nil || got {
		t.Errorf("the error page: %v (%v)", got, err)
	}
}
