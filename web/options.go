package web

import (
	"html/template"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// EscapeHTML escapes a value for text or a quoted attribute as
// html/template's escapers do, for pages that write long lists themselves.
func EscapeHTML(s string) string { return htmlEscaper.Replace(s) }

var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// ChoiceOptions writes the options of a drop-down of choices, the chosen
// one selected, as
//
//	{{range .}}<option value="{{.ID}}"{{if eq .ID $chosen}} selected{{end}}>{{.Name}}</option>{{end}}
//
// does: a form offers a hundred people and a hundred organisations, each
// value an escaper call by reflection through the template engine.
func ChoiceOptions(choices []pk.Choice, chosen string) template.HTML {
	var b strings.Builder
	for _, c := range choices {
		b.WriteString(`<option value="` + EscapeHTML(c.ID) + `"`)
		if c.ID == chosen {
			b.WriteString(" selected")
		}
		b.WriteString(">" + EscapeHTML(c.Name) + "</option>")
	}
	return template.HTML(b.String())
}
