package server_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// ruleCase is one value sent for one field, and whether validation must
// refuse it.
type ruleCase struct {
	field   string
	value   any
	refused bool
	why     string
}

// ruleCases turns a field's documented rules into values at each bound:
// the bound itself must pass, one past it must be refused by name.
func ruleCases(name string, p schema, required bool) []ruleCase {
	var out []ruleCase
	add := func(v any, refused bool, why string) {
		out = append(out, ruleCase{field: name, value: v, refused: refused, why: why})
	}
	num := func(k string) (int, bool) {
		f, ok := p[k].(float64)
		return int(f), ok
	}
	switch p["type"] {
	case "string":
		if values, ok := p["enum"].([]any); ok {
			add("no_such_value", true, "not in the enum")
			for _, v := range values {
				if v != "" || !required {
					add(v, false, "in the enum")
				}
			}
			break
		}
		if format, ok := p["format"].(string); ok {
			add("not a "+format+" at all", true, "not a "+format)
			break
		}
		if required {
			add("   ", true, "required, so not blank")
		}
		if n, ok := num("maxLength"); ok {
			add(strings.Repeat("é", n), false, "at maxLength")
			add(strings.Repeat("é", n+1), true, "past maxLength")
		}
		if n, ok := num("minLength"); ok && n > 1 {
			add(strings.Repeat("x", n), false, "at minLength")
			add(strings.Repeat("x", n-1), true, "below minLength")
		}
	case "integer":
		if n, ok := num("minimum"); ok {
			add(n, false, "at minimum")
			add(n-1, true, "below minimum")
		}
		if n, ok := num("maximum"); ok {
			add(n, false, "at maximum")
			add(n+1, true, "past maximum")
		}
	case "array":
		if n, ok := num("maxItems"); ok {
			list := func(k int) []string {
				var l []string
				for i := range k {
					l = append(l, fmt.Sprintf("item %d", i))
				}
				return l
			}
			add(list(n), false, "at maxItems")
			add(list(n+1), true, "past maxItems")
		}
		if item, ok := p["items"].(schema); ok {
			if n, ok := item["maxLength"].(float64); ok {
				add([]string{strings.Repeat("é", int(n))}, false, "item at maxLength")
				add([]string{strings.Repeat("é", int(n)+1)}, true, "item past maxLength")
			}
		}
	}
	return out
}

// The rules the document states are the rules the API applies: for every
// JSON body, each field's bounds, lists and formats are sent to the live
// API on top of the operation's own example, and the answer must refuse
// exactly the values past the bound, naming the field. This is what keeps
// the request types' rule tags and the domain's Validate methods in step.
func TestOpenAPIRulesAgreeWithValidation(t *testing.T) {
	t.Parallel()
	probe := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	ops, doc := fetchOperations(t, probe)
	var raw struct {
		Paths map[string]map[string]struct {
			Security    []any `json:"security"`
			RequestBody struct {
				Content map[string]struct {
					Example map[string]any `json:"example"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(probe.do(t, "", "GET", "/api/v1/openapi.json", nil).Body), &raw); err != nil {
		t.Fatal(err)
	}
	// A refusal by a rule says so in one of the rules' own words; a
	// refusal of a value the rules allow for another reason (the prospect
	// already has that status, no such member) says something else.
	en := bundle.Localizer("en")
	placeholder := map[string]any{"Max": "\x00", "Min": "\x00", "Count": 1, "Allowed": "\x00"}
	var ruleWords []string
	for _, key := range []string{"validation.required", "validation.too_long", "validation.one_of", "validation.range", "validation.email",
		"validation.url", "validation.date", "validation.password_short", "actors.validation.too_many_tags"} {
		words, _, _ := strings.Cut(en.T(key, placeholder), "\x00")
		ruleWords = append(ruleWords, words)
	}
	byRule := func(message string) bool {
		for _, w := range ruleWords {
			if strings.HasPrefix(message, w) {
				return true
			}
		}
		return false
	}
	checked := 0
	for _, op := range ops {
		if op.Body == nil {
			continue
		}
		props, _ := op.Body["properties"].(schema)
		required, _ := op.Body["required"].([]any)
		var cases []ruleCase
		for _, name := range slices.Sorted(mapKeys(props)) {
			if notHere(op, name) {
				continue
			}
			// A field whose rule holds in a context only (an answer in a
			// yes/no section) is required there.
			req := slices.Contains(required, any(name)) || contextOf(op, name) != nil
			cases = append(cases, ruleCases(name, doc.resolve(props[name].(schema)), req)...)
		}
		if len(cases) == 0 {
			continue
		}
		checked++
		spec := raw.Paths[op.Pattern][strings.ToLower(op.Method)]
		example := spec.RequestBody.Content["application/json"].Example
		public := len(spec.Security) == 0
		t.Run(op.String(), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
			path, dummy := fill(t, op.Pattern, e.Params)
			if dummy {
				t.Skip("no fixture can fill the path")
			}
			// The world's coordinator may do most things; the member
			// administers the organisation {oid} and wrote contributions
			// of their own.
			// The probe may write; the cases start again on a fresh world.
			role := ""
			if !public {
				for _, role = range []string{"coordinator", "member"} {
					b, _ := json.Marshal(example)
					if s := e.do(t, role, op.Method, path, string(b), "If-Match", "1").Status; s != 403 && s != 404 {
						break
					}
				}
				e = newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
			}
			for _, c := range cases {
				body := map[string]any{}
				for k, v := range example {
					body[k] = v
				}
				for k, v := range contextOf(op, c.field) {
					body[k] = v
				}
				body[c.field] = c.value
				b, _ := json.Marshal(body)
				// An update names its version, so that validation is reached.
				res := e.do(t, role, op.Method, path, string(b), "If-Match", "1")
				// Refused naming the field, and refused by a rule.
				named, byRules := false, false
				if res.Status == 422 {
					var p struct {
						Errors []struct{ Field, Message string } `json:"errors"`
					}
					json.Unmarshal([]byte(res.Body), &p)
					for _, f := range p.Errors {
						// A list's element is named by its index ("targets.0")
						// when the decoder refuses it.
						if f.Field == c.field || strings.HasPrefix(f.Field, c.field+".") {
							named = true
							byRules = byRules || byRule(f.Message)
						}
					}
				}
				switch {
				case res.Status >= 500:
					t.Errorf("%s %s: %d", c.field, c.why, res.Status)
				case c.refused && !named:
					t.Errorf("%s %s (%.40v): %d, want 422 naming the field: %.300s", c.field, c.why, c.value, res.Status, res.Body)
				case !c.refused && byRules:
					t.Errorf("%s %s (%.40v): refused, but the document allows it: %.300s", c.field, c.why, c.value, res.Body)
				}
			}
		})
	}
	if checked < 20 {
		t.Errorf("only %d bodies carry rules", checked)
	}
}

// ruleContext holds what a field's rule depends on: an answer is read in
// yes/no sections of the self-analysis only.
var ruleContext = map[string]map[string]any{
	"self-analysis answer": {"section": "lived_experience"},
}

// ruleNotHere names fields whose rule the world's record decides: the
// contribution changed is in a text section, where no answer is read.
var ruleNotHere = map[string]bool{
	"/self-analysis/{said} answer": true,
}

func notHere(op fuzzOp, field string) bool {
	for k := range ruleNotHere {
		where, f, _ := strings.Cut(k, " ")
		if f == field && strings.HasSuffix(op.Pattern, where) {
			return true
		}
	}
	return false
}

func contextOf(op fuzzOp, field string) map[string]any {
	for k, v := range ruleContext {
		where, f, _ := strings.Cut(k, " ")
		if f == field && strings.Contains(op.Pattern, where) {
			return v
		}
	}
	return nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
