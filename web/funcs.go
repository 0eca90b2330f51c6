package web

import (
	"html/template"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/money"
)

// funcs are the template functions; T is bound to one language.
func funcs(l *i18n.Localizer) template.FuncMap {
	return template.FuncMap{
		"T":     l.T,
		"field": field,
		// date and datetime write for the reader, in the page's language
		// (i18n's catalogue patterns and digits); isotime is the machine
		// form for <time datetime="…">.
		"date":     l.Date,
		"datetime": l.DateTime,
		// day writes a stored civil date ("2026-03-31") as date does; a
		// value that is not one is shown as it is.
		"day": func(s string) string {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return s
			}
			return l.Date(t)
		},
		"isotime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format(time.RFC3339)
		},
		"can": func(role pk.Role, action string) bool { return pk.Can(role, pk.Action(action)) },
		"canInOrg": func(role pk.OrgRole, action string) bool {
			return pk.CanInOrganisation(role, pk.Action(action))
		},
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				if k, ok := kv[i].(string); ok {
					m[k] = kv[i+1]
				}
			}
			return m
		},
		"languages": func() []string { return i18n.Languages },
		// money writes minor units grouped with the currency code, the same
		// in every language; share writes basis points as a percentage.
		"money":  money.Display,
		"share":  func(b money.BasisPoints) string { return b.Percent() },
		"static": StaticURL,
		// The _form partials' controls (form.go).
		"inputField":    func(f Field) template.HTML { return inputHTML(f, l.T) },
		"textareaField": func(f Field) template.HTML { return textareaHTML(f, l.T) },
		"selectField":   func(f Field) template.HTML { return selectHTML(f, l.T) },
		"checkboxField": func(f Field) template.HTML { return checkboxHTML(f, l.T) },
		"fieldErrors":   errorsHTML,
		"svg": func(b []byte) template.HTML {
			// Our SVG writers escape all user text themselves.
			return template.HTML(b)
		},
	}
}
