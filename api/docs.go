package api

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// DocsPath is the human-readable API reference, drawn from the OpenAPI
// document by Partnerkit itself: no third-party viewer, no script, one
// stylesheet of our own.
const DocsPath = "/api/docs"

//go:embed templates/docs.html
var docsFS embed.FS

var docsTemplate = template.Must(template.New("docs.html").Funcs(template.FuncMap{
	"T": func(string, ...any) string { return "" }, // replaced per request
}).ParseFS(docsFS, "templates/docs.html"))

// docsView is what the page shows: the operations grouped by tag.
type docsView struct {
	Lang, Dir string
	Languages []string
	Path      string
	Intro     string
	Tags      []docsTag
}

type docsTag struct {
	Name string
	Ops  []docsOp
}

type docsOp struct {
	ID, Method, Path, Summary string
	Bearer                    bool
	Params                    []docsField
	Body                      []docsField
	BodyType                  string
	BodyExample               string
	Responses                 []docsResponse
}

type docsField struct {
	Name, In, Type, Description string
	Rules                       []string
}

type docsResponse struct {
	Status, Description, Type string
	Fields                    []docsField
	Example                   string
}

// docs serves the reference in the asker's language (its own words; the
// document's texts are English).
func (a *API) docs(w http.ResponseWriter, r *http.Request) {
	lang := Language(r)
	if c, err := r.Cookie("lang"); err == nil && i18n.Supported(c.Value) && pk.UserFromContext(r.Context()) == nil {
		lang = c.Value // the pages' language switcher, as on every page
	}
	l := a.Bundle.Localizer(lang)
	doc := OpenAPI(a.router.Routes())
	v := buildDocsView(doc, l)
	v.Lang, v.Dir, v.Languages, v.Path = lang, i18n.Dir(lang), i18n.Languages, DocsPath
	t, err := docsTemplate.Clone()
	if err == nil {
		t = t.Funcs(template.FuncMap{"T": l.T})
		var buf bytes.Buffer
		if err = t.Execute(&buf, v); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(buf.Bytes())
			return
		}
	}
	a.Log.Error("api docs failed", "err", err)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}

func buildDocsView(doc map[string]any, l *i18n.Localizer) docsView {
	info, _ := doc["info"].(map[string]any)
	v := docsView{Intro: fmt.Sprint(info["description"])}
	comps, _ := doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	resolve := func(s map[string]any) (map[string]any, string) {
		if ref, ok := s["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/components/schemas/")
			named, _ := schemas[name].(map[string]any)
			return named, name
		}
		return s, ""
	}
	byTag := map[string][]docsOp{}
	paths, _ := doc["paths"].(map[string]any)
	for _, path := range slices.Sorted(mapKeys(paths)) {
		item, _ := paths[path].(map[string]any)
		for _, method := range []string{"get", "post", "put", "patch", "delete"} {
			op, ok := item[method].(map[string]any)
			if !ok {
				continue
			}
			o := docsOp{ID: fmt.Sprint(op["operationId"]), Method: strings.ToUpper(method), Path: path, Summary: fmt.Sprint(op["summary"])}
			if sec, _ := op["security"].([]any); len(sec) > 0 {
				o.Bearer = true
			}
			params, _ := op["parameters"].([]any)
			for _, p := range params {
				pm, _ := p.(map[string]any)
				s, _ := pm["schema"].(map[string]any)
				f := docsField{Name: fmt.Sprint(pm["name"]), In: fmt.Sprint(pm["in"]), Type: typeName(s), Rules: rulesOf(s, pm["required"] == true, l)}
				f.Description, _ = pm["description"].(string)
				o.Params = append(o.Params, f)
			}
			if rb, ok := op["requestBody"].(map[string]any); ok {
				content, _ := rb["content"].(map[string]any)
				// An upload offers several types: show the form one (or
				// JSON), the same on every render.
				for _, ct := range slices.Sorted(mapKeys(content)) {
					media, _ := content[ct].(map[string]any)
					o.BodyType = ct
					s, _ := media["schema"].(map[string]any)
					s, _ = resolve(s)
					o.Body = fieldsOf(s, resolve, l)
					o.BodyExample = exampleJSON(media["example"])
					if ct == "multipart/form-data" || ct == "application/json" {
						break
					}
				}
			}
			responses, _ := op["responses"].(map[string]any)
			for _, code := range slices.Sorted(mapKeys(responses)) {
				rm, _ := responses[code].(map[string]any)
				resp := docsResponse{Status: code, Description: fmt.Sprint(rm["description"])}
				content, _ := rm["content"].(map[string]any)
				for ct, m := range content {
					resp.Type = ct
					media, _ := m.(map[string]any)
					if ct == "application/json" {
						s, _ := media["schema"].(map[string]any)
						s, _ = resolve(s)
						resp.Fields = fieldsOf(s, resolve, l)
						resp.Example = exampleJSON(media["example"])
					}
				}
				o.Responses = append(o.Responses, resp)
			}
			tags, _ := op["tags"].([]string)
			tag := ""
			if len(tags) > 0 {
				tag = tags[0]
			}
			byTag[tag] = append(byTag[tag], o)
		}
	}
	for _, tag := range slices.Sorted(mapKeys(byTag)) {
		v.Tags = append(v.Tags, docsTag{Name: tag, Ops: byTag[tag]})
	}
	return v
}

// fieldsOf lists an object's fields with their rules; a field that is an
// object of its own is named by its schema.
func fieldsOf(s map[string]any, resolve func(map[string]any) (map[string]any, string), l *i18n.Localizer) []docsField {
	props, _ := s["properties"].(map[string]any)
	required, _ := s["required"].([]string)
	var out []docsField
	for _, name := range slices.Sorted(mapKeys(props)) {
		p, _ := props[name].(map[string]any)
		f := docsField{Name: name, Type: typeNameResolved(p, resolve), Rules: rulesOf(p, slices.Contains(required, name), l)}
		f.Description, _ = p["description"].(string)
		out = append(out, f)
	}
	return out
}

func typeNameResolved(s map[string]any, resolve func(map[string]any) (map[string]any, string)) string {
	if alts, ok := s["anyOf"].([]any); ok && len(alts) > 0 {
		first, _ := alts[0].(map[string]any)
		return typeNameResolved(first, resolve) + " | null"
	}
	if _, name := resolve(s); name != "" {
		return name
	}
	if s["type"] == "array" {
		items, _ := s["items"].(map[string]any)
		return typeNameResolved(items, resolve) + "[]"
	}
	return typeName(s)
}

func typeName(s map[string]any) string {
	switch t := s["type"].(type) {
	case string:
		if f, ok := s["format"].(string); ok {
			return t + " (" + f + ")"
		}
		return t
	case []any:
		var parts []string
		for _, x := range t {
			parts = append(parts, fmt.Sprint(x))
		}
		return strings.Join(parts, " | ")
	}
	return "any"
}

// rulesOf says a schema's rules in words.
func rulesOf(s map[string]any, required bool, l *i18n.Localizer) []string {
	var out []string
	if required {
		out = append(out, l.T("apidocs.rule.required"))
	}
	num := func(k string) (string, bool) {
		switch n := s[k].(type) {
		case int:
			return strconv.Itoa(n), true
		case float64:
			return strconv.FormatFloat(n, 'f', -1, 64), true
		}
		return "", false
	}
	if values, ok := s["enum"].([]string); ok {
		var shown []string
		for _, v := range values {
			if v == "" {
				v = `""`
			}
			shown = append(shown, v)
		}
		out = append(out, l.T("apidocs.rule.one_of", map[string]any{"Values": strings.Join(shown, ", ")}))
	}
	if n, ok := num("minLength"); ok && n != "1" {
		out = append(out, l.T("apidocs.rule.min_length", map[string]any{"Min": n}))
	} else if ok && !required {
		out = append(out, l.T("apidocs.rule.not_blank"))
	}
	if n, ok := num("maxLength"); ok {
		out = append(out, l.T("apidocs.rule.max_length", map[string]any{"Max": n}))
	}
	min, okMin := num("minimum")
	max, okMax := num("maximum")
	switch {
	case okMin && okMax:
		out = append(out, l.T("apidocs.rule.range", map[string]any{"Min": min, "Max": max}))
	case okMin:
		out = append(out, l.T("apidocs.rule.minimum", map[string]any{"Min": min}))
	case okMax:
		out = append(out, l.T("apidocs.rule.maximum", map[string]any{"Max": max}))
	}
	if n, ok := num("maxItems"); ok {
		out = append(out, l.T("apidocs.rule.max_items", map[string]any{"Max": n}))
	}
	if items, ok := s["items"].(map[string]any); ok {
		if n, ok := items["maxLength"].(int); ok {
			out = append(out, l.T("apidocs.rule.item_max_length", map[string]any{"Max": n}))
		}
	}
	return out
}

func exampleJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return ""
	}
	return string(b)
}
