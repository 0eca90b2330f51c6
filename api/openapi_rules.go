package api

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// fieldRule is what a request field's tags declare, for the OpenAPI
// document:
//
//	rule:"required,max=200,enum=actor_kind,format=email,min=1,items=20,itemmax=50"
//	doc:"What the field means."
//	example:"Women for Water"
//
// required: present and not blank; create: read on creation only (left
// out of the PATCH form of the body); max/min: characters of a text, or the
// bounds of a number; enum: a list named in pk.Enums (an optional field
// may also be empty); format: email, uri, date or date-time; items and
// itemmax: at most that many entries of a list, each at most that long.
//
// The lists come from the root package, the very ones Validate checks
// against; the numbers are written again here, and the server's rule test
// (server/openapi_rules_test.go) sends every bound to the API to prove
// they agree with Validate.
type fieldRule struct {
	Required       bool
	CreateOnly     bool
	Min, Max       *int
	Enum           string
	Format         string
	Items, ItemMax *int
	Doc            string
	Example        string
	HasExample     bool
}

// parseRule reads a field's tags. It panics on a tag it cannot read, so a
// mistake shows at start-up (and in every test) rather than as a quietly
// wrong document.
func parseRule(f reflect.StructField) fieldRule {
	fr := fieldRule{Doc: f.Tag.Get("doc")}
	fr.Example, fr.HasExample = f.Tag.Lookup("example")
	tag := f.Tag.Get("rule")
	if tag == "" {
		return fr
	}
	num := func(k, v string) *int {
		n, err := strconv.Atoi(v)
		if err != nil {
			panic("rule tag of " + f.Name + ": " + k + "=" + v + " is not a number")
		}
		return &n
	}
	for _, part := range strings.Split(tag, ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "required":
			fr.Required = true
		case "create":
			fr.CreateOnly = true
		case "min":
			fr.Min = num(k, v)
		case "max":
			fr.Max = num(k, v)
		case "items":
			fr.Items = num(k, v)
		case "itemmax":
			fr.ItemMax = num(k, v)
		case "enum":
			if _, ok := pk.Enums[v]; !ok {
				panic("rule tag of " + f.Name + ": no list " + v + " in pk.Enums")
			}
			fr.Enum = v
		case "format":
			switch v {
			case "email", "uri", "date", "date-time":
			default:
				panic("rule tag of " + f.Name + ": unknown format " + v)
			}
			fr.Format = v
		default:
			panic("rule tag of " + f.Name + ": unknown rule " + part)
		}
	}
	return fr
}

// apply adds the rules to a field's schema s (not a $ref).
func (fr fieldRule) apply(s map[string]any) {
	if fr.Doc != "" {
		s["description"] = fr.Doc
	}
	switch s["type"] {
	case "string":
		if fr.Required {
			s["minLength"] = 1
		}
		if fr.Min != nil {
			s["minLength"] = *fr.Min
		}
		if fr.Max != nil {
			s["maxLength"] = *fr.Max
		}
		if fr.Format != "" {
			s["format"] = fr.Format
		}
		if fr.Enum != "" {
			values := append([]string(nil), pk.Enums[fr.Enum]()...)
			if !fr.Required {
				values = append(values, "") // OneOf lets an optional field be empty
			}
			s["enum"] = values
			s["x-list"] = fr.Enum // its texts: GET /api/v1/lists/{list}
		}
	case "integer", "number":
		if fr.Min != nil {
			s["minimum"] = *fr.Min
		}
		if fr.Max != nil {
			s["maximum"] = *fr.Max
		}
	case "array":
		if fr.Items != nil {
			s["maxItems"] = *fr.Items
		}
		if item, ok := s["items"].(map[string]any); ok && fr.ItemMax != nil {
			item["maxLength"] = *fr.ItemMax
		}
	}
	if fr.HasExample {
		s["example"] = fr.exampleValue(s["type"])
	}
}

// exampleValue reads the example tag as the field's type: a string as it
// is, anything else as JSON.
func (fr fieldRule) exampleValue(typ any) any {
	if typ == "string" {
		return fr.Example
	}
	var v any
	if err := json.Unmarshal([]byte(fr.Example), &v); err != nil {
		panic("example tag " + strconv.Quote(fr.Example) + " is not JSON")
	}
	return v
}
