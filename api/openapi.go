package api

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/httpx"
)

// OpenAPI builds the OpenAPI 3.1 document from the registered API routes,
// so that the document cannot drift from what is served.
func OpenAPI(routes []httpx.Route) map[string]any {
	schemas := map[string]any{}
	paths := map[string]any{}
	for _, rt := range routes {
		if !rt.API || rt.Doc == nil {
			continue
		}
		item, _ := paths[rt.Pattern].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Pattern] = item
		}
		item[strings.ToLower(rt.Method)] = operation(rt, schemas)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Partnerkit API",
			"version": "1",
			"description": "JSON API of Partnerkit. Authenticate with `Authorization: Bearer TOKEN` (create tokens on your account page " +
				"or with `partnerkit token add`). Errors are application/problem+json with an `errors` list of {field, message}. " +
				"Lists are paginated with ?limit= and ?cursor= (next_cursor in the answer). Updates carry the record's `version` " +
				"(in the body or If-Match); a stale version gets 409 with the current one.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas": schemas,
			"securitySchemes": map[string]any{
				"bearer": map[string]any{"type": "http", "scheme": "bearer"},
			},
		},
	}
}

func operation(rt httpx.Route, schemas map[string]any) map[string]any {
	d := rt.Doc
	op := map[string]any{"summary": d.Summary, "tags": []string{d.Tag}, "operationId": operationID(rt)}
	var params []any
	for _, p := range httpx.PathParams(rt.Pattern) {
		params = append(params, map[string]any{"name": p, "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, q := range d.Query {
		params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]any{"type": "string"}})
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if rt.Access.SignedIn {
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	}
	if d.Upload {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{
			"schema": map[string]any{"type": "object", "properties": map[string]any{"file": map[string]any{"type": "string", "contentMediaType": "application/octet-stream"}}}}}}
	} else if d.Request != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": schemaRef(reflect.TypeOf(d.Request), schemas)}}}
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
		s := schemaRef(reflect.TypeOf(d.Response), schemas)
		if d.List {
			s = map[string]any{"type": "object", "properties": map[string]any{"items": map[string]any{"type": "array", "items": s}, "next_cursor": map[string]any{"type": "string"},
				"items_cut": map[string]any{"type": "boolean", "description": "the list stopped at its stated maximum"}}}
		}
		responses[strconv.Itoa(status)] = map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{"schema": s}}}
	}
	problem := map[string]any{"description": "Problem", "content": map[string]any{"application/problem+json": map[string]any{"schema": schemaRef(reflect.TypeOf(Problem{}), schemas)}}}
	responses["4XX"] = problem
	op["responses"] = responses
	return op
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

// schemaRef describes a Go type as JSON Schema, naming structs in
// components/schemas.
func schemaRef(t reflect.Type, schemas map[string]any) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
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
		return map[string]any{"type": "array", "items": schemaRef(t.Elem(), schemas)}
	case t.Kind() == reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaRef(t.Elem(), schemas)}
	case t.Kind() == reflect.Struct:
		name := t.Name()
		if name == "" {
			return structSchema(t, schemas)
		}
		if _, ok := schemas[name]; !ok {
			schemas[name] = map[string]any{} // guards recursion
			schemas[name] = structSchema(t, schemas)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func structSchema(t reflect.Type, schemas map[string]any) map[string]any {
	props := map[string]any{}
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
			if s, ok := structSchema(derefType(f.Type), schemas)["properties"].(map[string]any); ok {
				for k, v := range s {
					props[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = schemaRef(f.Type, schemas)
	}
	return map[string]any{"type": "object", "properties": props}
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
