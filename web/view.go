package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// View is what every page template receives.
type View struct {
	Lang  string
	Dir   string
	User  *pk.User
	Title string // message ID of the page title
	// Flash is a message ID to show once (after a redirect).
	Flash string
	Form  *Form
	Data  any
	// Path is the current path, for the language switcher and sign-in.
	Path string
	// P is the partnership the page belongs to, with the asker's role.
	P   *pk.Partnership
	Nav []NavLink
	// Active names the navigation entry of this page.
	Active     string
	SignupOpen bool
}

// NavLink is one entry of a partnership's navigation.
type NavLink struct {
	Key    string // message ID
	Href   string
	Name   string
	Active bool
}

// language picks the page language: the profile's, else a cookie set by the
// switcher, else the browser's Accept-Language.
func language(r *http.Request) string {
	if u := pk.UserFromContext(r.Context()); u != nil && i18n.Supported(u.Language) {
		return u.Language
	}
	if c, err := r.Cookie("lang"); err == nil && i18n.Supported(c.Value) {
		return c.Value
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// view starts a page's data.
func (h *Web) view(r *http.Request, title string) *View {
	lang := language(r)
	v := &View{Lang: lang, Dir: i18n.Dir(lang), User: pk.UserFromContext(r.Context()), Title: title,
		Path: r.URL.Path, Form: &Form{Values: url.Values{}}, SignupOpen: h.SignupOpen}
	if f := r.URL.Query().Get("flash"); strings.HasPrefix(f, "flash.") && h.Bundle.Has(f) {
		v.Flash = f
	}
	return v
}

// Form carries what was typed and what was wrong with it.
type Form struct {
	Values url.Values
	// Errors are translated messages per field; Error is the headline.
	Errors map[string][]string
	Error  string
}

// formFromError fills a form from the request and the error's field messages.
func (h *Web) formFromError(r *http.Request, f *Form, err error) *Form {
	if f == nil {
		f = &Form{}
	}
	if f.Values == nil || len(f.Values) == 0 {
		f.Values = r.PostForm
	}
	l := h.Bundle.Localizer(language(r))
	f.Errors = map[string][]string{}
	if e, ok := pk.AsError(err); ok {
		f.Error = l.T(e.Key, e.Data)
		for _, fe := range e.Fields {
			f.Errors[fe.Field] = append(f.Errors[fe.Field], l.T(fe.Key, fe.Data))
		}
	}
	return f
}

// Field is one form control as the _form templates draw it.
type Field struct {
	Name     string
	Label    string // message ID
	Hint     string // message ID
	Type     string
	Value    string
	Values   []string
	Errors   []string
	Required bool
	Options  []Option
	Max      int
}

// Option is one choice of a select or radio group.
type Option struct {
	Value string
	Label string // message ID
}

// field builds a Field from the form. opts are words: "required",
// "type=email", "hint=message.id", "max=200".
func field(f *Form, name, label string, opts ...string) Field {
	fd := Field{Name: name, Label: label, Type: "text"}
	if f != nil {
		fd.Value = f.Values.Get(name)
		fd.Values = f.Values[name]
		fd.Errors = f.Errors[name]
	}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		switch k {
		case "required":
			fd.Required = true
		case "type":
			fd.Type = v
		case "hint":
			fd.Hint = v
		case "max":
			for _, c := range v {
				fd.Max = fd.Max*10 + int(c-'0')
			}
		}
	}
	return fd
}

// WithOptions gives a select its choices: one per value, labelled by
// prefix+value.
func (f Field) WithOptions(prefix string, values []string) Field {
	f.Options = nil
	for _, v := range values {
		f.Options = append(f.Options, Option{Value: v, Label: prefix + v})
	}
	return f
}

// Checked reports whether a checkbox or option value is selected.
func (f Field) Checked(v string) bool {
	for _, x := range f.Values {
		if x == v {
			return true
		}
	}
	return false
}

// funcs are the template functions; T is bound to one language.
func (h *Web) funcs(l *i18n.Localizer) template.FuncMap {
	return template.FuncMap{
		"T":     l.T,
		"field": field,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format("2006-01-02")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format("2006-01-02 15:04 UTC")
		},
		"can": func(role pk.Role, action string) bool { return pk.Can(role, pk.Action(action)) },
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
		"svg": func(b []byte) template.HTML {
			// Our SVG writers escape all user text themselves.
			return template.HTML(b)
		},
	}
}
