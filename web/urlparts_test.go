package web

import (
	"html/template"
	"strings"
	"testing"
)

// URLPath and URLQuery write what html/template writes for a value in a
// URL's path and after its "?", for text with every kind of character.
func TestURLPartsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="/p/{{.}}/x?tag={{.}}">`))
	for _, s := range []string{"", "abc-._~09AZ", "a b", "tag/with?query=&x", "100%", "50%2f", "%zz", "é ü ع", `"quote'`, "<b>&amp;+", "\x00\x7f", "!#$*,:;@[]"} {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := `<a href="/p/` + URLPath(s) + `/x?tag=` + URLQuery(s) + `">`; got != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want.String())
		}
	}
}
