package web

import (
	"html/template"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
)

// formPartials is what _form.html's controls were as templates.
const formPartials = `{{define "errors"}}{{range .Errors}}<span class="field-error" id="{{$.Name}}-error">{{.}}</span>{{end}}{{end}}

{{define "input"}}<div class="field{{if .Errors}} invalid{{end}}">
<label for="f-{{.Name}}">{{T .Label}}{{if .Required}} <span class="req">{{T "form.required"}}</span>{{end}}</label>
{{if .Hint}}<span class="hint" id="{{.Name}}-hint">{{T .Hint}}</span>{{end}}
{{template "errors" .}}
<input id="f-{{.Name}}" name="{{.Name}}" type="{{.Type}}" value="{{.Value}}"{{if .Required}} required{{end}}{{if .Max}} maxlength="{{.Max}}"{{end}}{{if .Errors}} aria-invalid="true" aria-describedby="{{.Name}}-error"{{else if .Hint}} aria-describedby="{{.Name}}-hint"{{end}}>
</div>{{end}}

{{define "textarea"}}<div class="field{{if .Errors}} invalid{{end}}">
<label for="f-{{.Name}}">{{T .Label}}{{if .Required}} <span class="req">{{T "form.required"}}</span>{{end}}</label>
{{if .Hint}}<span class="hint" id="{{.Name}}-hint">{{T .Hint}}</span>{{end}}
{{template "errors" .}}
<textarea id="f-{{.Name}}" name="{{.Name}}" rows="4"{{if .Required}} required{{end}}{{if .Max}} maxlength="{{.Max}}"{{end}}{{if .Errors}} aria-invalid="true" aria-describedby="{{.Name}}-error"{{end}}>{{.Value}}</textarea>
</div>{{end}}

{{define "select"}}<div class="field{{if .Errors}} invalid{{end}}">
<label for="f-{{.Name}}">{{T .Label}}{{if .Required}} <span class="req">{{T "form.required"}}</span>{{end}}</label>
{{if .Hint}}<span class="hint" id="{{.Name}}-hint">{{T .Hint}}</span>{{end}}
{{template "errors" .}}
<select id="f-{{.Name}}" name="{{.Name}}"{{if .Required}} required{{end}}{{if .Errors}} aria-invalid="true" aria-describedby="{{.Name}}-error"{{end}}>
{{if or (not .Required) (not .Value)}}<option value="">{{T "form.choose"}}</option>{{end}}
{{range .Options}}<option value="{{.Value}}"{{if eq .Value $.Value}} selected{{end}}>{{T .Label}}</option>{{end}}
</select>
</div>{{end}}

{{define "checkbox"}}<div class="field check{{if .Errors}} invalid{{end}}">
<input id="f-{{.Name}}" name="{{.Name}}" type="checkbox"{{if eq .Value "on"}} checked{{end}}>
<label for="f-{{.Name}}">{{T .Label}}</label>
{{template "errors" .}}
</div>{{end}}`

// The controls written in Go are the partials they replaced, byte for
// byte: with and without a value, a hint, messages, a bound, being
// required, chosen and unchosen options, in every language, with text to
// escape in names, values, messages and unknown message IDs.
func TestFormPartialsAsTemplate(t *testing.T) {
	b := i18n.MustLoad()
	fields := []Field{
		{Name: "name", Label: "actors.field.name", Type: "text"},
		{Name: "q", Label: "actors.search", Type: "search", Value: `<x> & "y" +'z'`, Max: 200, Hint: "actors.intro"},
		{Name: "email", Label: "no.such <label>", Type: "email", Required: true, Errors: []string{`Too <long> & "odd"`, "Second"}, Hint: "actors.intro"},
		{Name: `we"ird<name>`, Label: "actors.field.kind", Value: "organisation", Required: true, Hint: "actors.intro",
			Options: []Option{{Value: "person", Label: "actors.kind.person"}, {Value: "organisation", Label: "actors.kind.organisation"}, {Value: `<v>`, Label: "no.such"}}},
		{Name: "kind", Label: "actors.field.kind", Required: true,
			Options: []Option{{Value: "person", Label: "actors.kind.person"}}, Errors: []string{"Choose one"}},
		{Name: "sector", Label: "actors.field.sector", Value: "x", Options: []Option{{Value: "x", Label: "actors.sector.health"}}},
		{Name: "agree", Label: "actors.sensitive", Value: "on"},
		{Name: "agree", Label: "actors.sensitive", Value: "off", Errors: []string{"Needed"}},
	}
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		tmpl := template.Must(template.New("").Funcs(template.FuncMap{"T": l.T}).Parse(formPartials))
		for _, f := range fields {
			for name, got := range map[string]template.HTML{"errors": errorsHTML(f), "input": inputHTML(f, l.T), "textarea": textareaHTML(f, l.T),
				"select": selectHTML(f, l.T), "checkbox": checkboxHTML(f, l.T)} {
				var want strings.Builder
				if err := tmpl.ExecuteTemplate(&want, name, f); err != nil {
					t.Fatal(err)
				}
				if string(got) != want.String() {
					t.Errorf("%s, %s %q: differs from the partial\ngot:\n%s\nwant:\n%s", lang, name, f.Name, got, want.String())
				}
			}
		}
	}
}
