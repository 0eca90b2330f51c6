package actor

import (
	"html/template"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// actorRowsTemplate is the range actorRowsHTML replaced in actors.html.
const actorRowsTemplate = `{{range .Data.Actors}}<tr>
<td><a href="/p/{{$.P.ID}}/actors/{{.ID}}">{{.Name}}</a>{{if .Sensitive}} <span class="badge sensitive">{{T "actors.sensitive"}}</span>{{end}}</td>
<td>{{T (print "actors.kind." .Kind)}}</td>
<td>{{if .Sector}}{{T (print "actors.sector." .Sector)}}{{end}}</td>
<td>{{range .Tags}}<a class="tag" href="/p/{{$.P.ID}}/actors?tag={{.}}">{{.}}</a> {{end}}</td>
</tr>{{end}}`

// The register's rows written in Go are the range's, byte for byte, in
// every language, with and without each optional part and with text to
// escape.
func TestActorRowsAsTemplate(t *testing.T) {
	actors := []*pk.Actor{
		{ID: "a1", Name: "Council", Kind: "institution", Sector: "public"},
		{ID: "a2", Name: `<b>"Ali" & 'Co'</b> + 1`, Kind: "individual", Sensitive: true, Tags: []string{"youth work", "a/b?c=d&e", "100%", "عربي", `"q"<`}},
		{ID: "a 3", Name: "Unknown sector \x00", Kind: "group", Sector: "not a sector", Tags: []string{"x"}},
		{ID: "a4", Name: "Kindless", Kind: "no such kind"},
	}
	b := i18n.MustLoad()
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		tmpl := template.Must(template.New("").Funcs(template.FuncMap{"T": l.T}).Parse(actorRowsTemplate))
		data := map[string]any{"P": map[string]string{"ID": "p 1/é"}, "Data": map[string]any{"Actors": actors}}
		var want strings.Builder
		if err := tmpl.Execute(&want, data); err != nil {
			t.Fatal(err)
		}
		if got := string(actorRowsHTML("p 1/é", actors, l.T)); got != want.String() {
			t.Errorf("%s: rows differ from the template\ngot:\n%s\nwant:\n%s", lang, got, want.String())
		}
	}
}
