package web

import (
	"html/template"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// ChoiceOptions writes what the range it replaced wrote, byte for byte.
func TestChoiceOptionsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{range .C}}<option value="{{.ID}}"{{if eq .ID $.Chosen}} selected{{end}}>{{.Name}}</option>{{end}}`))
	choices := []pk.Choice{{ID: "a1", Name: "Ana"}, {ID: `x"<'&+>`, Name: "<b>Zoë</b> & 'co' + \"q\" \x00"}, {ID: "c3", Name: "خطة"}}
	for _, chosen := range []string{"", "a1", `x"<'&+>`, "none"} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"C": choices, "Chosen": chosen}); err != nil {
			t.Fatal(err)
		}
		if got := string(ChoiceOptions(choices, chosen)); got != want.String() {
			t.Errorf("chosen %q:\ngot  %s\nwant %s", chosen, got, want.String())
		}
	}
}
