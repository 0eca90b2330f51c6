package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// Form carries what was typed and what was wrong with it.
type Form struct {
	Values url.Values
	// Errors are translated messages per field; Error is the headline.
	Errors map[string][]string
	Error  string
}

// FormFromError fills a form from the request and the error's field messages.
func (h *Web) FormFromError(r *http.Request, f *Form, err error) *Form {
	if f == nil {
		f = &Form{}
	}
	if f.Values == nil || len(f.Values) == 0 {
		f.Values = r.PostForm
	}
	l := h.Bundle.Localizer(Language(r))
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
	if fd.Type == "password" {
		// A password is never written back into a page, not even after a
		// refused form: the HTML may be cached, saved or shown to others.
		fd.Value, fd.Values = "", nil
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

// IsFormError reports errors that belong next to the form's fields.
func IsFormError(err error) bool {
	c := pk.ErrorCode(err)
	return c == pk.EINVALID || c == pk.ECONFLICT || c == pk.ETOOMANY
}

// FormOr renders a module's page again with the typed values and the
// messages when err is a form error; any other error becomes an error page.
func (h *Web) FormOr(w http.ResponseWriter, r *http.Request, err error, t *Templates, page string, v *View) error {
	if !IsFormError(err) {
		return err
	}
	v.Form = h.FormFromError(r, v.Form, err)
	h.Render(w, r, httpx.Status(err), t, page, v)
	return nil
}

// Redirect answers a successful form with a 303 to the next page, carrying
// a flash message key to show there. Every redirect of the pages goes through
// it, so a path from the request can never send a person to another site.
func Redirect(w http.ResponseWriter, r *http.Request, to, flash string) {
	to = httpx.SafeNext(to)
	if flash != "" {
		// The flash goes in the query, before a #fragment (which the
		// browser keeps to itself).
		path, fragment, hasFragment := strings.Cut(to, "#")
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		to = path + sep + "flash=" + url.QueryEscape(flash)
		if hasFragment {
			to += "#" + fragment
		}
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// ListPage reads ?limit= and ?cursor= for a page's list.
func ListPage(r *http.Request) pk.PageRequest {
	q := r.URL.Query()
	return pk.PageRequest{Cursor: q.Get("cursor"), Limit: Atoi(q.Get("limit"))}
}

// Atoi reads a whole number from a form (a version, a level); anything
// unreadable is 0, which the validators refuse where it matters.
func Atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// The _form partials' controls are written here rather than by
// html/template: a form is a dozen fields, each a dozen values called by
// reflection, and an actor's or a meeting's page shows several forms. The
// markup is what the partials wrote, byte for byte (TestFormPartialsAsTemplate
// keeps their former text as the reference).

// fieldErrors writes a field's messages:
//
//	{{range .Errors}}<span class="field-error" id="{{$.Name}}-error">{{.}}</span>{{end}}
func fieldErrors(b *strings.Builder, f Field) {
	for _, e := range f.Errors {
		b.WriteString(`<span class="field-error" id="` + EscapeHTML(f.Name) + `-error">` + EscapeHTML(e) + `</span>`)
	}
}

// fieldHead writes what input, textarea and select begin with: the
// field's box, its label, hint and messages.
func fieldHead(b *strings.Builder, f Field, t func(string, ...any) string) {
	b.WriteString(`<div class="field`)
	if len(f.Errors) > 0 {
		b.WriteString(` invalid`)
	}
	b.WriteString("\">\n<label for=\"f-" + EscapeHTML(f.Name) + `">` + EscapeHTML(t(f.Label)))
	if f.Required {
		b.WriteString(` <span class="req">` + EscapeHTML(t("form.required")) + `</span>`)
	}
	b.WriteString("</label>\n")
	if f.Hint != "" {
		b.WriteString(`<span class="hint" id="` + EscapeHTML(f.Name) + `-hint">` + EscapeHTML(t(f.Hint)) + `</span>`)
	}
	b.WriteString("\n")
	fieldErrors(b, f)
	b.WriteString("\n")
}

// controlAttrs writes the attributes input and textarea share after their
// own: required, the length and the messages.
func controlAttrs(b *strings.Builder, f Field) {
	if f.Required {
		b.WriteString(` required`)
	}
	if f.Max != 0 {
		b.WriteString(` maxlength="` + strconv.Itoa(f.Max) + `"`)
	}
	if len(f.Errors) > 0 {
		b.WriteString(` aria-invalid="true" aria-describedby="` + EscapeHTML(f.Name) + `-error"`)
	}
}

func inputHTML(f Field, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	fieldHead(&b, f, t)
	name := EscapeHTML(f.Name)
	b.WriteString(`<input id="f-` + name + `" name="` + name + `" type="` + EscapeHTML(f.Type) + `" value="` + EscapeHTML(f.Value) + `"`)
	controlAttrs(&b, f)
	if len(f.Errors) == 0 && f.Hint != "" {
		b.WriteString(` aria-describedby="` + name + `-hint"`)
	}
	b.WriteString(">\n</div>")
	return template.HTML(b.String())
}

func textareaHTML(f Field, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	fieldHead(&b, f, t)
	name := EscapeHTML(f.Name)
	b.WriteString(`<textarea id="f-` + name + `" name="` + name + `" rows="4"`)
	controlAttrs(&b, f)
	b.WriteString(">" + EscapeHTML(f.Value) + "</textarea>\n</div>")
	return template.HTML(b.String())
}

func selectHTML(f Field, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	fieldHead(&b, f, t)
	name := EscapeHTML(f.Name)
	b.WriteString(`<select id="f-` + name + `" name="` + name + `"`)
	if f.Required {
		b.WriteString(` required`)
	}
	if len(f.Errors) > 0 {
		b.WriteString(` aria-invalid="true" aria-describedby="` + name + `-error"`)
	}
	b.WriteString(">\n")
	if !f.Required || f.Value == "" {
		b.WriteString(`<option value="">` + EscapeHTML(t("form.choose")) + `</option>`)
	}
	b.WriteString("\n")
	for _, o := range f.Options {
		b.WriteString(`<option value="` + EscapeHTML(o.Value) + `"`)
		if o.Value == f.Value {
			b.WriteString(` selected`)
		}
		b.WriteString(">" + EscapeHTML(t(o.Label)) + "</option>")
	}
	b.WriteString("\n</select>\n</div>")
	return template.HTML(b.String())
}

func checkboxHTML(f Field, t func(string, ...any) string) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="field check`)
	if len(f.Errors) > 0 {
		b.WriteString(` invalid`)
	}
	name := EscapeHTML(f.Name)
	b.WriteString("\">\n<input id=\"f-" + name + `" name="` + name + `" type="checkbox"`)
	if f.Value == "on" {
		b.WriteString(` checked`)
	}
	b.WriteString(">\n<label for=\"f-" + name + `">` + EscapeHTML(t(f.Label)) + "</label>\n")
	fieldErrors(&b, f)
	b.WriteString("\n</div>")
	return template.HTML(b.String())
}

func errorsHTML(f Field) template.HTML {
	var b strings.Builder
	fieldErrors(&b, f)
	return template.HTML(b.String())
}
