package api

import "strings"

// example makes an example value of a schema: the fields' own example tags
// where they have one, else a plain value that satisfies the schema's
// rules (the first allowed value, a date of the right format, the least
// number allowed). A request example shows only what is required and
// what a field's tag chose to show; an answer shows every field.
func (g *generator) example(s map[string]any, m mode, depth int) any {
	if depth > 6 {
		return nil
	}
	if ref, ok := s["$ref"].(string); ok {
		named, _ := g.schemas[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
		return g.example(named, m, depth+1)
	}
	if ex, ok := s["example"]; ok {
		return ex
	}
	if alts, ok := s["anyOf"].([]any); ok && len(alts) > 0 {
		first, _ := alts[0].(map[string]any)
		return g.example(first, m, depth+1)
	}
	if values, ok := s["enum"].([]string); ok && len(values) > 0 {
		return values[0]
	}
	typ := s["type"]
	if types, ok := typ.([]any); ok && len(types) > 0 {
		typ = types[0]
	}
	switch typ {
	case "string":
		switch s["format"] {
		case "date":
			return "2025-03-01"
		case "date-time":
			return "2025-03-01T09:30:00Z"
		case "email":
			return "amina@example.org"
		case "uri":
			return "https://example.org"
		}
		return "text"
	case "integer", "number":
		if n, ok := s["minimum"].(int); ok {
			return n
		}
		return 1
	case "boolean":
		return false
	case "array":
		item, _ := s["items"].(map[string]any)
		if item == nil {
			return []any{}
		}
		if ex := g.example(item, m, depth+1); ex != nil {
			return []any{ex}
		}
		return []any{}
	case "object":
		out := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		required, _ := s["required"].([]string)
		for name, p := range props {
			ps, _ := p.(map[string]any)
			_, tagged := ps["example"]
			if m != modeResponse && !tagged && !contains(required, name) {
				continue
			}
			if ex := g.example(ps, m, depth+1); ex != nil {
				out[name] = ex
			}
		}
		return out
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
