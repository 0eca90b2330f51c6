package web

import (
	"bytes"
	"fmt"
	"html/template"
)

// Part executes one template defined in a module's page, in language lang,
// as HTML to write into that page (as template.HTML): for a part of a page
// drawn once and shown to many, such as a kept report's sections. The
// template must depend on data and the language only, never on the asker,
// and is escaped as HTML text, the context it is written into.
func (h *Web) Part(t *Templates, page, name, lang string, data any) (template.HTML, error) {
	set, err := t.set(h.Bundle, lang)
	if err != nil {
		return "", err
	}
	p, ok := set[page]
	if !ok {
		return "", fmt.Errorf("no such page template: %s", page)
	}
	var buf bytes.Buffer
	if err := p.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// PartName names what Part draws for lang with this server's catalogues,
// for keeping it: the same template, data and name draw the same HTML.
func (h *Web) PartName(page, name, lang string) string {
	return fmt.Sprintf("html %p %s %s %s", h.Bundle, page, name, lang)
}
