package api

import (
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// OpenAPI builds the OpenAPI 3.1 document from the registered API routes,
// so that the document cannot drift from what is served. The rules of the
// request fields (required, lengths, ranges, lists, formats) come from the
// request types' tags and the root package's lists (openapi_rules.go).
func OpenAPI(routes []httpx.Route) map[string]any {
	g := &generator{schemas: map[string]any{}}
	paths := map[string]any{}
	tags := map[string]bool{}
	for _, rt := range routes {
		if !rt.API || rt.Doc == nil {
			continue
		}
		item, _ := paths[rt.Pattern].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Pattern] = item
		}
		item[strings.ToLower(rt.Method)] = g.operation(rt)
		tags[rt.Doc.Tag] = true
	}
	var tagList []any
	for _, t := range slices.Sorted(mapKeys(tags)) {
		tagList = append(tagList, map[string]any{"name": t})
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Partnerkit API",
			"version": "1",
			"description": "JSON API of Partnerkit. Authenticate with `Authorization: Bearer TOKEN` (create tokens on your account page " +
				"or with `partnerkit token add`). Errors are application/problem+json with an `errors` list of {field, message}. " +
				"Lists are paginated with ?limit= and ?cursor= (next_cursor in the answer). Updates carry the record's `version` " +
				"(in the body or If-Match); a stale version gets 409 with the current one. In a PATCH, fields left out keep their value.",
		},
		"tags":     tagList,
		"paths":    paths,
		"security": []any{map[string]any{"bearer": []string{}}},
		"components": map[string]any{
			"schemas": g.schemas,
			"securitySchemes": map[string]any{
				"bearer": map[string]any{"type": "http", "scheme": "bearer",
					"description": "An API token from the account page or `partnerkit token add`."},
			},
		},
	}
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// mode says what a schema describes: an answer, a request body, or the
// body of a PATCH (where nothing is required: fields left out keep their
// value).
type mode int

const (
	modeResponse mode = iota
	modeRequest
	modePatch
)

// generator holds the named schemas while the document is built.
type generator struct {
	schemas map[string]any
}

func (g *generator) operation(rt httpx.Route) map[string]any {
	d := rt.Doc
	op := map[string]any{"summary": d.Summary, "tags": []string{d.Tag}, "operationId": operationID(rt)}
	var params []any
	for _, p := range httpx.PathParams(rt.Pattern) {
		params = append(params, map[string]any{"name": p, "in": "path", "required": true, "schema": map[string]any{"type": "string"},
			"description": "An opaque ID."})
	}
	for _, q := range d.Query {
		params = append(params, queryParam(q))
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if rt.Access.SignedIn {
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	} else {
		op["security"] = []any{}
	}
	hasVersion := slices.Contains(d.Query, "version") || rt.Method == "PATCH" || rt.Method == "DELETE"
	if d.Upload {
		content := map[string]any{"multipart/form-data": map[string]any{
			"schema": map[string]any{"type": "object", "required": []string{"file"}, "properties": map[string]any{"file": map[string]any{
				"type": "string", "contentMediaType": "application/octet-stream",
				"description": "The file, as a form field; or send the file itself as the whole body: " + strings.Join(d.UploadTypes, ", ") + "."}}}}}
		for _, ct := range d.UploadTypes {
			content[ct] = map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": ct}}
		}
		op["requestBody"] = map[string]any{"required": true, "content": content}
	} else if d.Request != nil {
		m := modeRequest
		if rt.Method == "PATCH" {
			m = modePatch
		}
		t := reflect.TypeOf(d.Request)
		s := g.schema(t, m)
		media := map[string]any{"schema": s}
		if ex := g.example(s, m, 0); ex != nil {
			media["example"] = ex
		}
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": media}}
		if _, ok := derefType(t).FieldByName("Version"); ok {
			hasVersion = true
		}
	}
	status := d.Status
	if status == 0 {
		status = http.StatusOK
	}
	responses := map[string]any{}
	switch {
	case d.Raw != "":
		responses["200"] = map[string]any{"description": "OK", "content": map[string]any{d.Raw: map[string]any{"schema": map[string]any{"type": "string"}}}}
	case d.Response == nil:
		responses["204"] = map[string]any{"description": "Done"}
	default:
		s := g.schema(reflect.TypeOf(d.Response), modeResponse)
		if d.List {
			s = map[string]any{"type": "object", "properties": map[string]any{
				"items":       map[string]any{"type": "array", "items": s},
				"next_cursor": map[string]any{"type": "string", "description": "Pass as ?cursor= for the next page; empty on the last one."},
				"items_cut":   map[string]any{"type": "boolean", "description": "The list stopped at its stated maximum."}}}
		}
		media := map[string]any{"schema": s}
		if ex := g.example(s, modeResponse, 0); ex != nil {
			media["example"] = ex
		}
		responses[strconv.Itoa(status)] = map[string]any{"description": http.StatusText(status), "content": map[string]any{"application/json": media}}
	}
	problem := g.schema(reflect.TypeOf(Problem{}), modeResponse)
	for _, code := range problemStatuses(rt, hasVersion) {
		responses[strconv.Itoa(code)] = map[string]any{"description": problemMeaning[code],
			"content": map[string]any{"application/problem+json": map[string]any{"schema": problem}}}
	}
	op["responses"] = responses
	return op
}

// problemMeaning says when each problem status is answered.
var problemMeaning = map[int]string{
	http.StatusBadRequest:           "The body is not JSON (or not one JSON value).",
	http.StatusUnauthorized:         "No valid bearer token.",
	http.StatusForbidden:            "Your role in the partnership (or organisation) does not allow this.",
	http.StatusNotFound:             "No such record, or one you may not know of: outside a partnership everything in it is not found.",
	http.StatusConflict:             "The version sent is not the current one (the problem's `version` is), or the change conflicts with the record's state.",
	http.StatusUnsupportedMediaType: "The body's Content-Type is not one this operation reads.",
	http.StatusUnprocessableEntity:  "The content is refused: `errors` names each field and why.",
}

// problemStatuses lists the problem answers an operation can give.
func problemStatuses(rt httpx.Route, hasVersion bool) []int {
	d := rt.Doc
	body := d.Request != nil || d.Upload
	var out []int
	if body {
		out = append(out, http.StatusBadRequest)
	}
	if rt.Access.SignedIn {
		out = append(out, http.StatusUnauthorized)
	}
	// A role above the least can be refused; so can routes without a role
	// in a partnership (an organisation's administrators, say).
	if rt.Access.SignedIn && rt.Access.Role != pk.RoleObserver && !strings.HasPrefix(rt.Pattern, Prefix+"/me") {
		out = append(out, http.StatusForbidden)
	}
	if len(httpx.PathParams(rt.Pattern)) > 0 {
		out = append(out, http.StatusNotFound)
	}
	if hasVersion || rt.Method != "GET" {
		out = append(out, http.StatusConflict)
	}
	if body {
		out = append(out, http.StatusUnsupportedMediaType)
	}
	if body || len(d.Query) > 0 || rt.Method != "GET" {
		out = append(out, http.StatusUnprocessableEntity)
	}
	return out
}

// queryParam describes a query parameter; the common ones with their rules.
func queryParam(name string) map[string]any {
	p := map[string]any{"name": name, "in": "query", "schema": map[string]any{"type": "string"}}
	switch name {
	case "limit":
		p["schema"] = map[string]any{"type": "integer", "minimum": 1, "maximum": pk.MaxPageSize, "default": pk.DefaultPageSize}
		p["description"] = "How many items a page holds."
	case "cursor":
		p["description"] = "Where the page starts: the next_cursor of the page before."
	case "version":
		p["schema"] = map[string]any{"type": "integer", "minimum": 1}
		p["description"] = "The version the change is based on (or send If-Match)."
	case "q":
		p["schema"] = map[string]any{"type": "string", "maxLength": 200}
		p["description"] = "Text the name contains."
	case "order":
		p["schema"] = map[string]any{"type": "string", "enum": []string{"asc", "desc"}}
		p["description"] = "The direction of the sort: asc or desc (the key's natural order when omitted)."
	case "unread":
		p["schema"] = map[string]any{"type": "string", "enum": []string{"true", "false"}}
		p["description"] = "true lists the unread ones only."
	case "crossers":
		p["schema"] = map[string]any{"type": "string", "maxLength": 20}
		p["description"] = "Where the boundary crossers continue: the crossers_next of the previous answer."
	}
	return p
}

func operationID(rt httpx.Route) string {
	id := strings.ToLower(rt.Method)
	for _, part := range strings.Split(strings.TrimPrefix(rt.Pattern, Prefix), "/") {
		part = strings.Trim(part, "{}.")
		if part == "" {
			continue
		}
		part = strings.NewReplacer("-", "_", ".", "_").Replace(part)
		id += "_" + part
	}
	return id
}

var timeType = reflect.TypeOf(time.Time{})

// schema describes a Go type as JSON Schema, naming structs in
// components/schemas (the PATCH form of a body as NamePatch).
func (g *generator) schema(t reflect.Type, m mode) map[string]any {
	t = derefType(t)
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.String:
		return map[string]any{"type": "string"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return map[string]any{"type": "integer"}
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return map[string]any{"type": "number"}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return map[string]any{"type": "array", "items": g.field(t.Elem(), m)}
	case t.Kind() == reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.field(t.Elem(), m)}
	case t.Kind() == reflect.Struct:
		name := t.Name()
		if name == "" {
			return g.structSchema(t, m)
		}
		if m == modePatch {
			name += "Patch"
		}
		if _, ok := g.schemas[name]; !ok {
			g.schemas[name] = map[string]any{} // guards recursion
			g.schemas[name] = g.structSchema(t, m)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// field is the schema of a value inside an answer or body: in an answer,
// a pointer, list or map may be null (Go writes an empty one so).
func (g *generator) field(t reflect.Type, m mode) map[string]any {
	s := g.schema(t, m)
	if m != modeResponse {
		return s
	}
	switch t.Kind() {
	case reflect.Interface:
		// Any JSON value, null included (spelt out: validators read an
		// empty schema as refusing null).
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	case reflect.Pointer, reflect.Slice, reflect.Map:
		if _, ok := s["$ref"]; ok {
			return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
		}
		if typ, ok := s["type"].(string); ok {
			s["type"] = []any{typ, "null"}
		}
	}
	return s
}

func (g *generator) structSchema(t reflect.Type, m mode) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			inner := g.structSchema(derefType(f.Type), m)
			if s, ok := inner["properties"].(map[string]any); ok {
				for k, v := range s {
					props[k] = v
				}
			}
			if r, ok := inner["required"].([]string); ok {
				required = append(required, r...)
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		fr := parseRule(f)
		if fr.CreateOnly && m == modePatch {
			continue
		}
		s := g.field(f.Type, m)
		if m != modeResponse {
			if _, isRef := s["$ref"]; !isRef {
				fr.apply(s)
			}
			if fr.Required && m == modeRequest {
				required = append(required, name)
			}
		} else if doc := f.Tag.Get("doc"); doc != "" {
			if _, isRef := s["$ref"]; !isRef {
				s["description"] = doc
			}
		}
		props[name] = s
	}
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		sort := slices.Clone(required)
		slices.Sort(sort)
		out["required"] = sort
	}
	return out
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
