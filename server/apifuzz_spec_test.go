package server_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/httpx"
)

// schema is a JSON Schema object of the OpenAPI document, as decoded.
type schema = map[string]any

// fuzzOp is one operation of the OpenAPI document, as the fuzz test needs
// it: where it is, what it reads, and the shape of its body.
type fuzzOp struct {
	Method  string
	Pattern string // /api/v1/partnerships/{pid}/actors
	Params  []string
	Query   []string
	// Body is the JSON request body's schema, nil without one.
	Body      schema
	Multipart bool
}

func (op fuzzOp) String() string { return op.Method + " " + op.Pattern }

// openAPI is the served document, with what is needed to follow $refs.
type openAPI struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

// resolve follows a $ref to the named schema.
func (d *openAPI) resolve(s schema) schema {
	for i := 0; i < 10; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = d.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")]
	}
	return s
}

// fetchOperations reads /api/v1/openapi.json from the running server and
// lists every operation, sorted, so that a seed always means the same run.
func fetchOperations(t *testing.T, e *env) ([]fuzzOp, *openAPI) {
	t.Helper()
	res := e.do(t, "", "GET", "/api/v1/openapi.json", nil)
	if res.Status != 200 {
		t.Fatalf("openapi.json: %d", res.Status)
	}
	var doc openAPI
	if err := json.Unmarshal([]byte(res.Body), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var ops []fuzzOp
	for pattern, item := range doc.Paths {
		for method, raw := range item {
			var o struct {
				Parameters []struct {
					Name string `json:"name"`
					In   string `json:"in"`
				} `json:"parameters"`
				RequestBody struct {
					Content map[string]struct {
						Schema schema `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			}
			if err := json.Unmarshal(raw, &o); err != nil {
				t.Fatalf("%s %s: %v", method, pattern, err)
			}
			op := fuzzOp{Method: strings.ToUpper(method), Pattern: strings.TrimSuffix(pattern, "{$}")}
			for _, p := range o.Parameters {
				if p.In == "query" {
					op.Query = append(op.Query, p.Name)
				}
			}
			// The path's own order, which the parameters list need not keep.
			op.Params = httpx.PathParams(pattern)
			if c, ok := o.RequestBody.Content["application/json"]; ok {
				op.Body = doc.resolve(c.Schema)
			}
			_, op.Multipart = o.RequestBody.Content["multipart/form-data"]
			ops = append(ops, op)
		}
	}
	slices.SortFunc(ops, func(a, b fuzzOp) int { return strings.Compare(a.String(), b.String()) })
	return ops, &doc
}
