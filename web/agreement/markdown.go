package agreement

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
)

// md renders the agreement's Markdown. goldmark's defaults are what an
// agreement needs: raw HTML in the text is left out (not passed through)
// and links with dangerous schemes (javascript:) are dropped, so a section
// cannot carry script or style into the page.
var md = goldmark.New()

// markdown renders one section's body as HTML.
func markdown(src string) template.HTML {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String())
}
